#include "coursepack/core/item_writing.h"

#include <catch2/catch.hpp>

namespace coursepack {
namespace {

// A question in one language; choice `key` is the correct one.
Question question(std::string prompt, std::vector<std::string> choices, std::size_t key,
                  const std::string& language = "en") {
  Question q;
  q.id = "q1";
  q.tests = {"l1"};
  q.prompt[language] = std::move(prompt);
  for (std::size_t i = 0; i < choices.size(); ++i) q.choices.push_back({{{language, choices[i]}}, i == key});
  return q;
}

std::vector<std::string> lines(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(f.code + " " + f.pointer + ": " + f.message);
  return out;
}

std::vector<std::string> check(const Question& q, const std::string& language = "en") {
  const std::vector<std::string> languages{language};
  return lines(check_question(q, languages));
}

TEST_CASE("each item-writing flaw of a question gets one located message") {
  struct Case {
    const char* what;
    Question question;
    std::string language;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {"a well-written question",
       question("Where should an association keep its forty passwords?",
                {"In a password manager", "In a password-protected spreadsheet", "On a sticky note by the screen",
                 "In a notebook in a locked drawer"},
                0),
       "en",
       {}},
      {"three choices",
       question("Pick one", {"Choice number one", "Choice number two", "Choice number six"}, 1),
       "en",
       {"few-choices /choices: 3 choices: a blind guess is right 1 time in 3; give at least 4"}},
      {"two choices with the same words",
       question("Pick one", {"Yes, it does.", "No, it does not", "yes it does", "It depends"}, 1),
       "en",
       {"choice-repeated /choices/2/text/en: in \"en\", choice c repeats choice a: \"yes it does\""}},
      {"absolute words in wrong choices only",
       question("When should you update a plugin?",
                {"Always at once, on the live site", "After a test on a copy of the site",
                 "Never: updates break sites", "Only once a year"},
                1),
       "en",
       {"absolute-word /choices/0/text/en: in \"en\", only wrong choices use absolute words: \"always\" (choice "
        "a), \"never\" (choice c), \"only\" (choice d); learners rule such choices out"}},
      {"an absolute word in the correct choice too",
       question("Which is true?", {"Never share it", "Always write it down", "Share it by email", "Reuse it"}, 0),
       "en",
       {}},
      {"the correct choice echoing the prompt",
       question("Which accreditation gives access to solidarity savings?",
                {"The ESUS accreditation", "The RUP status", "The B Corp label", "The Lucie label"}, 0),
       "en",
       {"stem-clue /choices/0/text/en: in \"en\", the correct choice repeats \"accreditation\" from the prompt "
        "and no other choice does: the wording gives the answer away"}},
      {"an echo in a plural form",
       question("Which policies apply?", {"The data policy", "A charter", "The statutes", "A label"}, 0),
       "en",
       {"stem-clue /choices/0/text/en: in \"en\", the correct choice repeats \"policy\" from the prompt and no "
        "other choice does: the wording gives the answer away"}},
      {"an echo a wrong choice shares",
       question("Which accreditation gives access to solidarity savings?",
                {"The ESUS accreditation", "A regional accreditation", "The B Corp label", "The Lucie label"}, 0),
       "en",
       {}},
      {"function words are no clue",
       question("Which of these would help?", {"These would do", "A plan", "A chart", "A mail"}, 0),
       "en",
       {}},
      {"a French echo, feminine and plural folded",
       question("Qu’est-ce qu’une entreprise sociale ?",
                {"Un objectif social", "Un label d’État", "Une forme de société", "Un don annuel"}, 0, "fr"),
       "fr",
       {"stem-clue /choices/0/text/fr: in \"fr\", the correct choice repeats \"social\" from the prompt and no "
        "other choice does: the wording gives the answer away"}},
      {"choices of very unequal length",
       question("Pick one", {"Yes", "No", "Only when the board has approved it in writing", "Maybe"}, 2),
       "en",
       {"choice-lengths /choices: in \"en\", choice c (46 characters) is 23.0 times as long as choice b (2): keep "
        "the longest within 2.5 times the shortest"}},
      {"a blank choice has no length ratio",
       question("Pick one", {"A long enough choice", "  ", "Another choice", "A third choice"}, 0),
       "en",
       {}},
      {"short numbers are not unequal",
       question("How many?", {"5", "10", "100", "1000"}, 1),
       "en",
       {}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    CHECK(check(c.question, c.language) == c.expected);
  }
}

TEST_CASE("a language without word lists gets the checks that need none") {
  const Question q = question("Které heslo je nejsilnější?", {"vždy heslo", "nikdy", "vždy heslo", "ano"}, 3, "cs");
  CHECK(check(q, "cs") == std::vector<std::string>{
                              "choice-repeated /choices/2/text/cs: in \"cs\", choice c repeats choice a: \"vždy heslo\""});
  CHECK(absolute_words("cs").empty());
  CHECK(stop_words("cs").empty());
  CHECK_FALSE(absolute_words("fr-BE").empty());
}

// The SETS course 2 is translated into Slovak (samples/sets/sets-2): its quizzes get the
// checks that need word lists too.
TEST_CASE("Slovak has absolute words and function words") {
  const Question absolute =
      question("Kde má združenie uchovávať heslá?",
               {"V správcovi hesiel", "Nikdy nie v prehliadači", "Iba na papieri", "V zošite na stole"}, 0, "sk");
  CHECK(check(absolute, "sk") ==
        std::vector<std::string>{"absolute-word /choices/1/text/sk: in \"sk\", only wrong choices use absolute "
                                 "words: \"nikdy\" (choice b), \"iba\" (choice c); learners rule such choices out"});
  // "podľa" is in both but a function word, so only "verziu" is a clue (no folding in Slovak).
  const Question clue = question("Ktorú verziu reklamy ponechať podľa prekliku?",
                                 {"Verziu s vyšším preklikom podľa testu", "Tú s krajším a farebnejším vizuálom",
                                  "Obe naraz s rovnakým rozpočtom", "Tú lacnejšiu na jedno kliknutie"},
                                 0, "sk");
  CHECK(check(clue, "sk") == std::vector<std::string>{
                                 "stem-clue /choices/0/text/sk: in \"sk\", the correct choice repeats \"verziu\" from "
                                 "the prompt and no other choice does: the wording gives the answer away"});
}

TEST_CASE("a question without exactly one correct choice is left to validation") {
  Question q = question("Pick one", {"Yes", "No", "Yes"}, 0);
  q.choices[1].correct = true;
  CHECK(check(q).empty());
}

TEST_CASE("words fold so that singular and plural compare equal") {
  CHECK(fold_word("policies", "en") == "policy");
  CHECK(fold_word("sites", "en") == "site");
  CHECK(fold_word("access", "en") == "access");
  CHECK(fold_word("données", "fr") == "donné");
  CHECK(fold_word("donnée", "fr") == "donné");
  CHECK(fold_word("sociaux", "fr") == "sociau");
  CHECK(fold_word("sociale", "fr-CA") == "social");
  CHECK(fold_word("heslá", "sk") == "heslá");
}

// A module whose questions have their key (choice b) longer than the others or not.
Module module_with_keys(std::vector<bool> key_longest) {
  Module m;
  m.id = "m1";
  for (std::size_t i = 0; i < key_longest.size(); ++i) {
    Question q = question("Prompt", {"Choice one", key_longest[i] ? "Choice two, longer" : "Choice 2", "Choice three",
                                     "Choice four"},
                          1);
    q.id = "q" + std::to_string(i + 1);
    m.quiz.push_back(std::move(q));
  }
  return m;
}

TEST_CASE("the key is the longest choice in most of a module's questions") {
  const std::vector<std::string> en{"en"};
  CHECK(lines(check_keys(module_with_keys({true, false, true, false, true}), en)) ==
        std::vector<std::string>{"key-longest /quiz: in \"en\", the correct choice is the longest in 3 of 5 questions "
                                 "(q1, q3 and q5): a learner who picks the longest choice passes without the lessons"});
  CHECK(check_keys(module_with_keys({true, false, true, false, false}), en).empty());  // 2 of 5: chance
  CHECK(check_keys(module_with_keys({true, true}), en).size() == 1);
  CHECK(check_keys(module_with_keys({true}), en).empty());  // one question proves nothing
  CHECK(check_keys(module_with_keys({}), en).empty());
}

TEST_CASE("key-longest counts each language on its own, and ties are not the longest") {
  Module m = module_with_keys({true, true, true});
  for (auto& q : m.quiz)
    for (std::size_t i = 0; i < q.choices.size(); ++i) q.choices[i].text["fr"] = "Choix " + std::to_string(i);
  const std::vector<std::string> languages{"en", "fr"};
  const auto findings = check_keys(m, languages);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message.starts_with("in \"en\""));
}

}  // namespace
}  // namespace coursepack
