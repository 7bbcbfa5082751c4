#include "coursepack/core/item_writing.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "coursepack/core/diagnostic.h"
#include "coursepack/core/text_words.h"
#include "coursepack/core/utf8.h"

namespace coursepack {
namespace {

// Absolute words ("specific determiners" in the item-writing literature, Haladyna &
// Downing 1989): true statements rarely need them, so a test-wise learner rules out the
// choices that carry them. Listed in docs/course-format.md; keep both in step.
constexpr auto kAbsoluteEn = std::to_array<std::string_view>({
    "absolutely", "all",      "always",     "completely", "entirely", "every",   "everybody",
    "everyone",   "everything", "exclusively", "guaranteed", "impossible", "invariably", "never",
    "nobody",     "none",     "nothing",    "only",       "totally"});
constexpr auto kAbsoluteFr = std::to_array<std::string_view>({
    "absolument", "aucun",   "aucune",      "complètement", "entièrement", "exclusivement", "garanti",
    "garantie",   "garanties", "garantis",  "impossible",   "jamais",      "obligatoirement", "rien",
    "seul",       "seule",   "seulement",   "seules",       "seuls",       "systématiquement", "totalement",
    "toujours",   "tous",    "toutes",      "uniquement"});
// Slovak declines: each word is listed in the forms a quiz choice uses (Pravidlá slovenského
// pravopisu). "každý" (every) is left out, as French leaves out "chaque".
constexpr auto kAbsoluteSk = std::to_array<std::string_view>({
    "absolútne", "bezpodmienečne", "iba",      "jedine",   "len",      "nemožné",  "nemožný",  "nič",
    "nikdy",     "nikoho",         "nikto",    "úplne",    "všetci",   "všetko",   "všetky",   "všetkých",
    "vždy",      "vždycky",        "výhradne", "výlučne",  "zaručene", "zaručený", "žiadna",   "žiadne",
    "žiadnu",    "žiadny"});

// Function words of 4 letters or more (shorter words never make a stem clue).
constexpr auto kStopEn = std::to_array<std::string_view>({
    "about",   "above",   "across",  "after",   "again",   "against", "also",    "although", "among",
    "another", "around",  "because", "been",    "before",  "being",   "below",   "between",  "both",
    "cannot",  "could",   "does",    "doing",   "down",    "during",  "each",    "either",   "else",
    "even",    "ever",    "from",    "further", "have",    "having",  "here",    "hers",     "herself",
    "himself", "however", "into",    "itself",  "just",    "least",   "less",    "like",     "many",
    "more",    "most",    "much",    "must",    "myself",  "neither", "other",   "others",   "ours",
    "ourselves", "over",  "same",    "should",  "since",   "some",    "such",    "than",     "that",
    "their",   "theirs",  "them",    "themselves", "then", "there",   "therefore", "these",  "they",
    "this",    "those",   "though",  "through", "thus",    "till",    "under",   "unless",   "until",
    "upon",    "very",    "were",    "what",    "whatever", "when",   "whenever", "where",   "whether",
    "which",   "while",   "whom",    "whose",   "will",    "with",    "within",  "without",  "would",
    "your",    "yours"});
constexpr auto kStopFr = std::to_array<std::string_view>({
    "afin",     "ainsi",    "alors",    "après",    "auprès",   "auquel",   "aussi",    "autre",   "autres",
    "avant",    "avec",     "avez",     "avoir",    "avons",    "ayant",    "ceci",     "cela",    "celle",
    "celles",   "celui",    "cette",    "ceux",     "chaque",   "chez",     "comme",    "comment", "contre",
    "dans",     "depuis",   "doit",     "doivent",  "donc",     "dont",     "duquel",   "elle",    "elles",
    "encore",   "entre",    "était",    "étaient",  "êtes",     "être",     "fait",     "faut",    "laquelle",
    "lequel",   "lesquelles", "lesquels", "leur",   "leurs",    "lors",     "lorsque",  "mais",    "même",
    "mêmes",    "moins",    "notre",    "nous",     "parce",    "parmi",    "pendant",  "peut",    "peuvent",
    "plus",     "plusieurs", "pour",    "pourquoi", "puis",     "quand",    "quel",     "quelle",  "quelles",
    "quels",    "quelque",  "quelques", "sans",     "selon",    "sera",     "seront",   "sommes",  "sont",
    "sous",     "suis",     "tant",     "telle",    "telles",   "tels",     "très",     "vers",    "votre",
    "vous"});
constexpr auto kStopSk = std::to_array<std::string_view>({
    "akej",   "akého",  "akou",   "akým",   "alebo",  "aspoň",  "avšak",  "bola",   "boli",    "bolo",
    "bude",   "budú",   "ešte",   "jeho",   "jemu",   "keďže",  "kedy",   "ktorá",  "ktoré",   "ktorej",
    "ktorí",  "ktorú",  "ktorý",  "ktorých", "ktorým", "ktorého", "lebo", "medzi",  "mimo",    "môže",
    "môžu",   "musí",   "musia",  "naša",   "naše",   "našej",  "nich",   "nimi",   "počas",   "podľa",
    "potom",  "práve",  "pred",   "preto",  "pretože", "prečo", "proti",  "takže",  "táto",    "teda",
    "tento",  "tieto",  "tiež",   "toho",   "tomu",   "toto",   "treba",  "týchto", "vaša",    "vaše",
    "vašej",  "vášho",  "veľmi",  "však",   "zatiaľ"});

std::string_view primary_subtag(std::string_view language) { return language.substr(0, language.find('-')); }

bool contains(std::span<const std::string_view> list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

std::string letter(std::size_t index) { return std::string(1, static_cast<char>('a' + index)); }
std::string in_quotes(std::string_view text) { return '"' + std::string(text) + '"'; }
std::string in_language(std::string_view language) { return "in " + in_quotes(language) + ", "; }

std::size_t length_of(const Choice& choice, const std::string& language) {
  const auto it = choice.text.find(language);
  return it == choice.text.end() ? 0 : count_code_points(trimmed(it->second));
}
const std::string& text_in(const LanguageMap& map, const std::string& language) {
  static const std::string none;
  const auto it = map.find(language);
  return it == map.end() ? none : it->second;
}

// "a", "a and c", "a, b and c".
std::string listed(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
  return out;
}

std::string tenths(std::size_t numerator, std::size_t denominator) {
  const std::size_t t = (numerator * 10 + denominator / 2) / denominator;
  return std::to_string(t / 10) + '.' + std::to_string(t % 10);
}

class QuestionChecker {
 public:
  QuestionChecker(const Question& question, std::vector<Finding>& out) : q_(question), out_(out) {}

  void run(std::span<const std::string> languages) {
    key_ = q_.correct_choice();
    if (std::count_if(q_.choices.begin(), q_.choices.end(), [](const Choice& c) { return c.correct; }) != 1) return;
    few_choices();
    for (const auto& language : languages) {
      repeated(language);
      absolute(language);
      stem_clue(language);
      lengths(language);
    }
  }

 private:
  void add(const char* code, std::string pointer, std::string message) {
    out_.push_back({code, std::move(pointer), std::move(message)});
  }
  std::string choice_text(std::size_t index, const std::string& language) const {
    return pointer_join("/choices/" + std::to_string(index) + "/text", language);
  }

  void few_choices() {
    const auto n = q_.choices.size();
    if (n < min_choices)
      add("few-choices", "/choices",
          std::to_string(n) + " choices: a blind guess is right 1 time in " + std::to_string(n) + "; give at least " +
              std::to_string(min_choices));
  }

  // Same words in the same order: "Yes." repeats "yes".
  void repeated(const std::string& language) {
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < q_.choices.size(); ++i) {
      const std::string& text = text_in(q_.choices[i].text, language);
      std::string key;
      for (const auto& word : words_of(text)) key += word + ' ';
      if (key.empty()) key = std::string(trimmed(text));
      auto [it, fresh] = seen.emplace(key, i);
      if (!fresh)
        add("choice-repeated", choice_text(i, language),
            in_language(language) + "choice " + letter(i) + " repeats choice " + letter(it->second) + ": " +
                in_quotes(trimmed(text)));
    }
  }

  void absolute(const std::string& language) {
    const auto list = absolute_words(language);
    if (list.empty()) return;
    const auto absolutes_in = [&](std::size_t i) {
      std::vector<std::string> found;
      for (const auto& word : words_of(text_in(q_.choices[i].text, language)))
        if (contains(list, word) && std::find(found.begin(), found.end(), word) == found.end()) found.push_back(word);
      return found;
    };
    if (!absolutes_in(key_).empty()) return;
    std::vector<std::string> parts;
    std::size_t first = q_.choices.size();
    for (std::size_t i = 0; i < q_.choices.size(); ++i) {
      if (i == key_) continue;
      const auto found = absolutes_in(i);
      if (found.empty()) continue;
      if (first == q_.choices.size()) first = i;
      std::vector<std::string> words;
      for (const auto& word : found) words.push_back(in_quotes(word));
      parts.push_back(listed(words) + " (choice " + letter(i) + ")");
    }
    if (parts.empty()) return;
    std::string all_parts;
    for (const auto& part : parts) all_parts += (all_parts.empty() ? "" : ", ") + part;
    add("absolute-word", choice_text(first, language),
        in_language(language) + "only wrong choices use absolute words: " + all_parts +
            "; learners rule such choices out");
  }

  void stem_clue(const std::string& language) {
    const auto stops = stop_words(language);
    if (stops.empty()) return;
    const auto folded_words = [&](const std::string& text) {
      std::set<std::string> out;
      for (const auto& word : words_of(text))
        if (!contains(stops, word)) {
          std::string folded = fold_word(word, language);
          if (count_code_points(folded) >= min_clue_length) out.insert(std::move(folded));
        }
      return out;
    };
    const auto stem = folded_words(text_in(q_.prompt, language));
    std::set<std::string> elsewhere;
    for (std::size_t i = 0; i < q_.choices.size(); ++i)
      if (i != key_) elsewhere.merge(folded_words(text_in(q_.choices[i].text, language)));
    std::vector<std::string> shared;  // in the key's order, as the key writes them
    for (const auto& word : words_of(text_in(q_.choices[key_].text, language))) {
      if (contains(stops, word)) continue;
      const std::string folded = fold_word(word, language);
      if (stem.contains(folded) && !elsewhere.contains(folded) &&
          std::find(shared.begin(), shared.end(), in_quotes(word)) == shared.end()) {
        shared.push_back(in_quotes(word));
        elsewhere.insert(folded);  // once per word, whatever its form
      }
    }
    if (shared.empty()) return;
    add("stem-clue", choice_text(key_, language),
        in_language(language) + "the correct choice repeats " + listed(shared) +
            " from the prompt and no other choice does: the wording gives the answer away");
  }

  void lengths(const std::string& language) {
    std::size_t longest = 0, shortest = 0;
    for (std::size_t i = 1; i < q_.choices.size(); ++i) {
      if (length_of(q_.choices[i], language) > length_of(q_.choices[longest], language)) longest = i;
      if (length_of(q_.choices[i], language) < length_of(q_.choices[shortest], language)) shortest = i;
    }
    const std::size_t high = length_of(q_.choices[longest], language);
    const std::size_t low = length_of(q_.choices[shortest], language);
    // A blank choice (low == 0) has no ratio; it is a content problem, not this check's.
    if (low == 0 || high * 10 <= low * max_length_ratio_tenths || high - low < min_length_gap) return;
    add("choice-lengths", "/choices",
        in_language(language) + "choice " + letter(longest) + " (" + std::to_string(high) + " characters) is " +
            tenths(high, low) + " times as long as choice " + letter(shortest) + " (" + std::to_string(low) +
            "): keep the longest within " + tenths(max_length_ratio_tenths, 10) + " times the shortest");
  }

  const Question& q_;
  std::vector<Finding>& out_;
  std::size_t key_ = 0;
};

}  // namespace

std::span<const std::string_view> absolute_words(std::string_view language) {
  const auto primary = primary_subtag(language);
  if (primary == "en") return kAbsoluteEn;
  if (primary == "fr") return kAbsoluteFr;
  if (primary == "sk") return kAbsoluteSk;
  return {};
}

std::span<const std::string_view> stop_words(std::string_view language) {
  const auto primary = primary_subtag(language);
  if (primary == "en") return kStopEn;
  if (primary == "fr") return kStopFr;
  if (primary == "sk") return kStopSk;
  return {};
}

std::string fold_word(std::string_view word, std::string_view language) {
  std::string out(word);
  const auto primary = primary_subtag(language);
  if (primary == "en") {
    if (out.size() >= 5 && out.ends_with("ies"))
      out.replace(out.size() - 3, 3, "y");
    else if (out.size() > 3 && out.ends_with('s') && !out.ends_with("ss"))
      out.pop_back();
  } else if (primary == "fr") {
    if (out.size() > 3 && (out.ends_with('s') || out.ends_with('x'))) out.pop_back();
    if (out.size() > 4 && out.ends_with('e')) out.pop_back();
  }
  return out;
}

std::vector<Finding> check_question(const Question& question, std::span<const std::string> languages) {
  std::vector<Finding> out;
  QuestionChecker(question, out).run(languages);
  return out;
}

std::vector<Finding> check_keys(const Module& module, std::span<const std::string> languages) {
  std::vector<Finding> out;
  for (const auto& language : languages) {
    std::vector<std::string> longest;  // ids of the questions whose key is the longest choice
    for (const auto& question : module.quiz) {
      const std::size_t key = question.correct_choice();
      if (key >= question.choices.size()) continue;
      const std::size_t key_length = length_of(question.choices[key], language);
      bool single_longest = true;
      for (std::size_t i = 0; i < question.choices.size(); ++i)
        if (i != key && length_of(question.choices[i], language) >= key_length) single_longest = false;
      if (single_longest) longest.push_back(question.id);
    }
    const std::size_t n = module.quiz.size();
    if (longest.size() >= 2 && longest.size() * 2 > n)
      out.push_back({"key-longest", "/quiz",
                     in_language(language) + "the correct choice is the longest in " + std::to_string(longest.size()) +
                         " of " + std::to_string(n) + " questions (" + listed(longest) +
                         "): a learner who picks the longest choice passes without the lessons"});
  }
  return out;
}

}  // namespace coursepack
