// A learner of the course-level path (build --per-course: one SCO, one pre-test of every
// module) shows up in the cohort report exactly like a learner of the module packages:
// the same scores, answers, required and viewed lessons and result in each module.
#include <algorithm>

#include <catch2/catch.hpp>

#include "coursepack/report/cohort.h"
#include "scripted_learner.h"

namespace coursepack {
namespace {

using testing::Script;

// The module plan of `part` of a course plan: what that module's own package carries.
ModulePlan module_of(const ModulePlan& course, std::size_t part) {
  const PlanPart& p = course.parts[part];
  ModulePlan plan = course;
  plan.parts.clear();
  plan.module_id = p.module_id;
  plan.lessons.assign(course.lessons.begin() + p.first_lesson, course.lessons.begin() + p.first_lesson + p.lesson_count);
  plan.questions.assign(course.questions.begin() + p.first_question,
                        course.questions.begin() + p.first_question + p.question_count);
  for (auto& question : plan.questions)
    for (int& lesson : question.lessons) lesson -= p.first_lesson;
  return plan;
}

std::vector<int> slice(const std::vector<int>& answers, const PlanPart& part) {
  return {answers.begin() + part.first_question, answers.begin() + part.first_question + part.question_count};
}

TEST_CASE("a course-path learner is counted in each module like a module-package learner") {
  ModulePlan course = testing::make_course_plan_fixture(2, 3, 5, 60, 80);
  course.iri = "https://example.org/c";
  // m1 under the threshold (every lesson), m2 one question missed; post-test: m1 all right,
  // m2 two missed (failed), overall 8 of 10 (the course passes).
  const auto pre = testing::answers_with_wrong(course, {0, 1, 2, 7});
  const auto post = testing::answers_with_wrong(course, {5, 6});

  report::Cohort cohort;
  const auto add = [&](const std::vector<nlohmann::json>& statements) {
    for (const auto& s : statements) REQUIRE(cohort.add(s).kind != report::AddResult::Kind::bad);
  };
  const auto script = [](const std::string& email, std::vector<int> pre_answers, std::vector<int> post_answers) {
    Script out;
    out.email = email;
    out.pre = std::move(pre_answers);
    out.post = std::move(post_answers);
    return out;
  };
  add(testing::play(course, script("course@example.org", pre, post)));
  for (std::size_t p = 0; p < course.parts.size(); ++p)
    add(testing::play(module_of(course, p),
                      script("modules@example.org", slice(pre, course.parts[p]), slice(post, course.parts[p]))));

  REQUIRE(cohort.modules().size() == 2);
  CHECK(cohort.modules()[0].activity == "https://example.org/c/modules/m1");
  CHECK(cohort.modules()[1].activity == "https://example.org/c/modules/m2");
  REQUIRE(cohort.learners().size() == 2);
  const auto& by_course = cohort.learners()[0].modules;
  const auto& by_modules = cohort.learners()[1].modules;
  REQUIRE(by_course.size() == 2);
  REQUIRE(by_modules.size() == 2);
  for (std::size_t m = 0; m < 2; ++m) {
    INFO("module " << m + 1);
    const report::LearnerModule &a = by_course[m], &b = by_modules[m];
    CHECK(a.pre_correct == b.pre_correct);
    CHECK(a.pre_total == b.pre_total);
    CHECK(a.post_correct == b.post_correct);
    CHECK(a.post_total == b.post_total);
    CHECK(a.pre_answered == b.pre_answered);
    CHECK(a.pre_right == b.pre_right);
    CHECK(a.post_answered == b.post_answered);
    CHECK(a.post_right == b.post_right);
    CHECK(a.required == b.required);
    CHECK(a.viewed == b.viewed);
    CHECK(a.attempts == b.attempts);
    CHECK(a.passed == b.passed);
  }
  CHECK(by_course[0].pre_percent() == 40);
  CHECK(by_course[0].required == 0b111);
  // The report numbers lessons as it meets them: m2's one required lesson, by its id.
  const auto& m2_lessons = cohort.modules()[1].lessons;
  const auto at = std::find(m2_lessons.begin(), m2_lessons.end(), "m2-lesson-3") - m2_lessons.begin();
  CHECK(by_course[1].required == std::uint64_t{1} << at);
  CHECK(by_course[0].passed);
  CHECK_FALSE(by_course[1].passed);
  CHECK(by_course[1].post_percent() == 60);
}

}  // namespace
}  // namespace coursepack
