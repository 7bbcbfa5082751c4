#include "coursepack/core/module_plan.h"

#include <catch2/catch.hpp>

#include "plan_fixture.h"

namespace coursepack {
namespace {

TEST_CASE("a plan survives its text form") {
  ModulePlan plan = testing::make_plan(4, 3, 40, 80);
  plan.questions[2].lessons = {2, 3};
  const std::string text = encode_plan(plan);
  CHECK(text ==
        "coursepack-plan 1\ncourse c\nmodule m\nthresholds 40 80\nlessons lesson-1 lesson-2 lesson-3 lesson-4\n"
        "question q1 4 0 0\nquestion q2 4 1 1\nquestion q3 4 2 2,3\n");
  const ModulePlanResult back = decode_plan(text);
  REQUIRE(back.error.empty());
  CHECK(back.plan.fingerprint() == plan.fingerprint());
  CHECK(back.plan.questions[2].lessons == std::vector<int>{2, 3});
  CHECK(back.plan.mastery_score == 80);
}

TEST_CASE("a cap on post-test attempts travels in the plan; none means until passed") {
  ModulePlan plan = testing::make_plan(2, 1);
  CHECK(decode_plan(encode_plan(plan)).plan.max_attempts == 0);
  plan.max_attempts = 3;
  const std::string text = encode_plan(plan);
  CHECK(text.find("\nattempts 3\n") != std::string::npos);
  CHECK(decode_plan(text).plan.max_attempts == 3);
  std::string bad = text;
  bad.replace(bad.find("attempts 3"), 10, "attempts x");
  CHECK(decode_plan(bad).error == "module plan: line 7 has an attempt count out of range");
}

TEST_CASE("a bad plan is an error value") {
  CHECK(decode_plan("").error == "module plan: not a coursepack plan (version 1)");
  CHECK(decode_plan("{}").error == "module plan: not a coursepack plan (version 1)");
  const std::string good = encode_plan(testing::make_plan(2, 1));
  std::string text = good;
  text.replace(text.find("course c"), 8, "course");
  CHECK(decode_plan(text).error == "module plan: course or module id missing");
  text = good;
  text.replace(text.find("q1 4 0 0"), 8, "q1 4 0 5");
  CHECK(decode_plan(text).error == "module plan: question q1 tests a lesson out of range");
  text = good;
  text.replace(text.find("q1 4 0 0"), 8, "q1 4 4 0");
  CHECK(decode_plan(text).error == "module plan: line 6 is not a question");
  text = good;
  text.replace(text.find("40 80"), 5, "40 180");
  CHECK(decode_plan(text).error == "module plan: thresholds missing or out of range");
  // Every truncation is refused or read, never a crash.
  for (std::size_t n = 0; n < good.size(); ++n) (void)decode_plan(good.substr(0, n));
}

TEST_CASE("no text, id or IRI can add a line to the plan, whatever bytes it holds") {
  ModulePlan plan = testing::make_plan(2, 1);
  plan.iri = "https://example.org/c";
  plan.language = "en";
  // The page carrying the plan turns a CR into a line feed: a title holding one once
  // made every statement go to the attacker's IRI.
  plan.texts["course"]["en"] = "Title\riri https://evil.example\n</script>\x01\x7f\\x41";
  plan.texts["module"]["en"] = std::string("NUL\0 and tab\t", 14);
  plan.lessons[0] = "odd id\r";
  const std::string text = encode_plan(plan);
  for (char c : text) CHECK((static_cast<unsigned char>(c) >= 0x20 || c == '\n'));
  CHECK(text.find("\niri ") == text.rfind("\niri "));
  CHECK(text.find('<') == std::string::npos);
  CHECK(text.find("\ntext course en Title\\x0diri https://evil.example\\n\\x3c/script>\\x01\\x7f\\\\x41\n") !=
        std::string::npos);
  const ModulePlanResult back = decode_plan(text);
  REQUIRE(back.error.empty());
  CHECK(back.plan.iri == "https://example.org/c");
  CHECK(back.plan.texts == plan.texts);
  CHECK(back.plan.lessons == plan.lessons);
}

TEST_CASE("a plan with a raw control character or a second IRI is refused") {
  ModulePlan plan = testing::make_plan(2, 1);
  plan.iri = "https://example.org/c";
  const std::string good = encode_plan(plan);
  CHECK(decode_plan(good + "iri https://evil.example\n").error == "module plan: iri given twice");
  CHECK(decode_plan(good + "text course en A\rB\n").error == "module plan: line 8 is badly escaped");
  CHECK(decode_plan(good + "text course en A\\qB\n").error == "module plan: line 8 is badly escaped");
  CHECK(decode_plan(good + "text course en A\\x4\n").error == "module plan: line 8 is badly escaped");
}

TEST_CASE("the fingerprint changes with anything saved progress depends on") {
  const ModulePlan plan = testing::make_plan(3, 3);
  ModulePlan other = plan;
  other.lessons.push_back("new");
  CHECK(other.fingerprint() != plan.fingerprint());
  other = plan;
  other.questions[0].choices = 3;
  CHECK(other.fingerprint() != plan.fingerprint());
  other = plan;
  other.mastery_score = 50;  // thresholds do not change what answers mean
  CHECK(other.fingerprint() == plan.fingerprint());
}

}  // namespace
}  // namespace coursepack
