// The course-level path (issue 9, item 4): a course plan is a module plan whose lessons and
// questions are every module's, with one part per module. These tests cover what differs:
// the plan's parts, the per-module recommendations and scores, SCORM objectives and
// interaction ids, xAPI ids shared with the module packages, and resume within 4096 characters.

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include "coursepack/core/learner_state.h"
#include "coursepack/core/player.h"
#include "coursepack/core/scorm12_data.h"
#include "coursepack/core/xapi_statements.h"
#include "plan_fixture.h"

namespace coursepack {
namespace {

using nlohmann::json;
using testing::answers_with_wrong;
using testing::make_course_plan_fixture;
using testing::check_same_state;
using testing::worst_state;

// Two modules "m1" (lessons l1-1..l1-3, questions q1..q5) and "m2" (l2-1, l2-2; q1..q5).
Course two_module_course() {
  Course course;
  course.id = "c";
  course.iri = "https://example.org/c";
  course.title = {{"en", "Course"}};
  course.assessment = {5, 60, 80, 2};
  for (int m = 1; m <= 2; ++m) {
    Module module;
    module.id = "m" + std::to_string(m);
    module.title = {{"en", "Module " + std::to_string(m)}};
    const int lessons = m == 1 ? 3 : 2;
    for (int l = 1; l <= lessons; ++l) {
      Lesson lesson;
      lesson.id = "l" + std::to_string(m) + "-" + std::to_string(l);
      lesson.title = {{"en", "Lesson"}};
      module.lessons.push_back(std::move(lesson));
    }
    for (int q = 1; q <= 5; ++q) {
      Question question;
      question.id = "q" + std::to_string(q);
      question.tests = {module.lessons[static_cast<std::size_t>(q % lessons)].id};
      question.prompt = {{"en", "Question"}};
      question.choices = {{{{"en", "a"}}, false}, {{{"en", "b"}}, true}, {{{"en", "c"}}, false}, {{{"en", "d"}}, false}};
      module.quiz.push_back(std::move(question));
    }
    course.modules.push_back(std::move(module));
  }
  return course;
}

TEST_CASE("a course plan holds every module's lessons and questions, one part per module") {
  const ModulePlan plan = make_course_plan(two_module_course());
  CHECK(plan.is_course());
  CHECK(plan.module_id.empty());
  CHECK(plan.lessons == std::vector<std::string>{"l1-1", "l1-2", "l1-3", "l2-1", "l2-2"});
  REQUIRE(plan.questions.size() == 10);
  CHECK(plan.questions[5].id == "q1");  // as authored: ids repeat across modules
  CHECK(plan.questions[5].lessons == std::vector<int>{4});  // m2's q1 tests l2-2, lesson 4 of the course
  CHECK(plan.parts == std::vector<PlanPart>{{"m1", 0, 3, 0, 5}, {"m2", 3, 2, 5, 5}});
  CHECK(plan.module_of_question(5) == "m2");
  CHECK(plan.module_of_lesson(2) == "m1");
  CHECK(plan.max_attempts == 2);
  CHECK(plan.texts.at("module:1").at("en") == "Module 2");
  CHECK(plan.texts.at("lesson:3").at("en") == "Lesson");
  CHECK(plan.texts.contains("choice:9:3"));
  CHECK_FALSE(plan.texts.contains("module"));
}

TEST_CASE("a course plan survives its text form; the parts are in its fingerprint") {
  const ModulePlan plan = make_course_plan(two_module_course());
  const auto decoded = decode_plan(encode_plan(plan));
  REQUIRE(decoded.error.empty());
  CHECK(decoded.plan.parts == plan.parts);
  CHECK(decoded.plan.fingerprint() == plan.fingerprint());
  CHECK(encode_plan(decoded.plan) == encode_plan(plan));

  ModulePlan moved = plan;
  std::swap(moved.parts[0].module_id, moved.parts[1].module_id);
  CHECK(moved.fingerprint() != plan.fingerprint());
  // A module plan's fingerprint (and so its saved progress) is what it was before parts.
  CHECK(testing::make_plan(3, 5).fingerprint() == 1'328'312'134u);
}

TEST_CASE("parts that overlap, leave a gap, exceed the lists or cross modules are refused") {
  const std::string text = encode_plan(make_course_plan(two_module_course()));
  const auto with = [&](const std::string& from, const std::string& to) {
    std::string changed = text;
    const auto at = changed.find(from);
    REQUIRE(at != std::string::npos);
    changed.replace(at, from.size(), to);
    return decode_plan(changed).error;
  };
  CHECK(with("part m2 3 2 5 5", "part m2 2 3 5 5") == "module plan: part m2 does not start where the part before it ends");
  CHECK(with("part m2 3 2 5 5", "part m2 3 2 6 4") == "module plan: part m2 does not start where the part before it ends");
  CHECK(with("part m2 3 2 5 5", "part m2 3 3 5 5") == "module plan: part m2 goes past the lessons or questions");
  CHECK(with("part m2 3 2 5 5", "part m2 3 2 5 4") == "module plan: the parts leave lessons or questions out");
  CHECK(with("part m2 3 2 5 5\n", "") == "module plan: the parts leave lessons or questions out");
  CHECK(with("part m2 3 2 5 5", "part m2 3 2 5") == "module plan: line 19 is not a part");
  CHECK(with("part m2 3 2 5 5", "part m2 3 0 5 5") == "module plan: line 19 is not a part");
  // m1's q2 tests l1-3 (lesson 2): moved to l2-1 (lesson 3) it would test m2's lesson.
  CHECK(with("question q2 4 1 2\n", "question q2 4 1 3\n") ==
        "module plan: question q2 of part m1 tests a lesson of another part");
}

TEST_CASE("each module is scored alone and recommends its own lessons") {
  // 2 modules of 3 lessons and 5 questions; question i tests lesson i % 3 of its module.
  const ModulePlan plan = make_course_plan_fixture(2, 3, 5, /*threshold=*/60);
  // Module 1: 2 of 5 right (40% < 60%): every lesson. Module 2: one miss, q3 (lesson 2).
  const Answers pretest = answers_with_wrong(plan, {0, 1, 2, 7});
  const auto scores = part_scores(plan, pretest);
  REQUIRE(scores.size() == 2);
  CHECK(scores[0].percent == 40);
  CHECK(scores[1].percent == 80);
  CHECK(score_quiz(plan, pretest).percent == 60);  // overall: at the threshold, which no longer decides
  CHECK(recommended_lessons(plan, pretest) == std::vector<bool>{true, true, true, false, false, true});
  CHECK(recommended_lessons(plan, answers_with_wrong(plan)) == std::vector<bool>(6, false));
  CHECK(part_scores(testing::make_plan(3, 5), answers_with_wrong(plan)).empty());
}

// Plays the pre-test and views the required lessons.
PlayerSession after_lessons(const ModulePlan& plan, const Answers& pretest) {
  PlayerSession session(plan, LearnerState::start(plan, 7));
  REQUIRE(session.start_pretest().empty());
  for (std::size_t q = 0; q < pretest.size(); ++q) REQUIRE(session.answer(static_cast<int>(q), pretest[q]).empty());
  REQUIRE(session.submit().empty());
  const auto required = session.mandatory();
  for (std::size_t i = 0; i < required.size(); ++i)
    if (required[i]) REQUIRE(session.open_lesson(static_cast<int>(i)).empty());
  return session;
}

void answer_all(PlayerSession& session, const Answers& answers) {
  for (std::size_t q = 0; q < answers.size(); ++q) REQUIRE(session.answer(static_cast<int>(q), answers[q]).empty());
  REQUIRE(session.submit().empty());
}

TEST_CASE("cmi.objectives: one per module, the pre-test's percent, then the post-test's and its status") {
  const ModulePlan plan = make_course_plan_fixture(2, 3, 5, 60, 80);
  PlayerSession session(plan, LearnerState::start(plan, 7));
  auto objectives = scorm12::objectives(session);
  REQUIRE(objectives.size() == 2);
  CHECK(objectives[0].id == "m1");
  CHECK_FALSE(objectives[0].score_raw);
  CHECK(objectives[0].status == "incomplete");

  session = after_lessons(plan, answers_with_wrong(plan, {0, 1, 2, 7}));
  objectives = scorm12::objectives(session);
  CHECK(objectives[0].score_raw == 40);
  CHECK(objectives[1].score_raw == 80);
  CHECK(objectives[1].status == "incomplete");

  REQUIRE(session.start_posttest().empty());
  answer_all(session, answers_with_wrong(plan, {9}));  // m1 100%, m2 80%
  objectives = scorm12::objectives(session);
  CHECK(objectives[0].score_raw == 100);
  CHECK(objectives[0].status == "passed");
  CHECK(objectives[1].score_raw == 80);
  CHECK(objectives[1].status == "passed");
  CHECK(scorm12::lesson_status(session) == "passed");  // overall: 90% >= 80%

  // A failed module and a retake: nothing written while the retake is open.
  PlayerSession failing = after_lessons(plan, answers_with_wrong(plan));
  REQUIRE(failing.start_posttest().empty());
  answer_all(failing, answers_with_wrong(plan, {5, 6}));  // m2 60%; overall 80%: the course passes
  objectives = scorm12::objectives(failing);
  CHECK(objectives[1].status == "failed");
  CHECK(objectives[1].score_raw == 60);
  CHECK(scorm12::lesson_status(failing) == "passed");

  PlayerSession retaking = after_lessons(plan, answers_with_wrong(plan));
  REQUIRE(retaking.start_posttest().empty());
  answer_all(retaking, answers_with_wrong(plan, {0, 1, 2}));
  REQUIRE(retaking.start_posttest().empty());
  CHECK(scorm12::objectives(retaking).empty());

  PlayerSession browsing(plan, LearnerState::start(plan, 7));
  browsing.set_lms_mode(LessonMode::browse, true);
  CHECK(scorm12::objectives(browsing).empty());
}

TEST_CASE("a course plan's interactions name the module in their id and first objective") {
  const ModulePlan plan = make_course_plan_fixture(2, 3, 5);
  PlayerSession session = after_lessons(plan, answers_with_wrong(plan, {6}));
  const auto pre = scorm12::interactions(session, QuizKind::pretest, 0);
  REQUIRE(pre.size() == 10);
  CHECK(pre[6].id == "pre_m2_q2");
  CHECK(pre[6].objectives == std::vector<std::string>{"m2", "m2-lesson-2"});
  CHECK(pre[6].result == "wrong");
  REQUIRE(session.start_posttest().empty());
  answer_all(session, answers_with_wrong(plan, {0, 1, 2}));  // 70%: failed, a retake
  REQUIRE(session.start_posttest().empty());
  answer_all(session, answers_with_wrong(plan));
  CHECK(scorm12::interactions(session, QuizKind::posttest, 0)[0].id == "post2_m1_q1");
}

TEST_CASE("the worst progress of a 12 x 10 x 8 course fits cmi.suspend_data and decodes back equal") {
  // 12 modules of 8 lessons and 10 questions of 26 choices: every answer given, every
  // lesson viewed, the last lesson open, every number at its largest.
  ModulePlan plan = make_course_plan_fixture(12, 8, 10);
  const LearnerState state = worst_state(plan);
  const std::string text = encode_state(plan, state);
  INFO(text.size());
  CHECK(text.size() <= scorm12::kSuspendDataMax);
  CHECK(text.size() <= 320);  // about 2 characters a question: courses far larger fit too
  const DecodedState decoded = decode_state(plan, text, 1);
  REQUIRE(decoded.error.empty());
  check_same_state(decoded.state, state);
  // Progress saved by a module package is refused by the course (and the reverse).
  CHECK_FALSE(decode_state(testing::make_plan(8, 10), text, 1).error.empty());
}

// A first launch through the pre-test, submitted with `answers`.
void submit_pretest(Player& player, const Answers& answers) {
  REQUIRE(player.restore("", 1).empty());
  REQUIRE(player.start_pretest().empty());
  for (std::size_t q = 0; q < answers.size(); ++q) REQUIRE(player.answer(static_cast<int>(q), answers[q]).empty());
  REQUIRE(player.submit().empty());
}

TEST_CASE("xAPI: the course is the launched activity; lessons, questions and quizzes are the modules'") {
  ModulePlan plan = make_course_plan_fixture(2, 3, 5, 60, 80);
  plan.iri = "https://example.org/c";
  Player player(encode_plan(plan));
  submit_pretest(player, answers_with_wrong(plan, {0, 1, 2, 7}));
  REQUIRE(player.continue_to_lessons().empty());
  for (int lesson : {1, 2, 5}) REQUIRE(player.open_lesson(lesson).empty());
  REQUIRE(player.start_posttest().empty());
  const Answers post = answers_with_wrong(plan, {9});
  for (std::size_t q = 0; q < post.size(); ++q) REQUIRE(player.answer(static_cast<int>(q), post[q]).empty());
  REQUIRE(player.submit().empty());
  const int count = player.pending_statements();
  std::string ids;
  for (int i = 0; i < count; ++i) ids += (i ? "," : "") + std::to_string(i);
  const json statements = json::parse(player.take_statements(R"({"mbox":"mailto:a@example.org"})", "", "t", ids));
  REQUIRE(static_cast<int>(statements.size()) == count);
  // initialized, 10 answers + 2 pre-test results, (experienced + completed) x 4 lessons,
  // 10 answers + 2 post-test results, the course and its 2 modules completed.
  CHECK(count == 1 + 12 + 8 + 12 + 3);
  const auto& initialized = statements[0]["object"];
  CHECK(initialized["id"] == "https://example.org/c");
  CHECK(initialized["definition"]["type"] == xapi::kCourseType);

  const json& answer = statements[1 + 7];  // m2's q3 in the pre-test
  CHECK(answer["object"]["id"] == "https://example.org/c/modules/m2/questions/q3");
  CHECK(answer["context"]["contextActivities"]["parent"][0]["id"] == "https://example.org/c/modules/m2/pretest");
  const json& m1_pre = statements[11];
  CHECK(m1_pre["object"]["id"] == "https://example.org/c/modules/m1/pretest");
  CHECK(m1_pre["result"]["score"]["raw"] == 2);
  CHECK(m1_pre["result"]["score"]["max"] == 5);
  CHECK(m1_pre["result"]["extensions"]["https://example.org/c/extensions/recommended-lessons"] ==
        json::array({"https://example.org/c/modules/m1/lessons/m1-lesson-1", "https://example.org/c/modules/m1/lessons/m1-lesson-2",
                     "https://example.org/c/modules/m1/lessons/m1-lesson-3"}));
  const json& m2_pre = statements[12];
  CHECK(m2_pre["result"]["extensions"]["https://example.org/c/extensions/recommended-lessons"] ==
        json::array({"https://example.org/c/modules/m2/lessons/m2-lesson-3"}));
  const json& m2_post = statements[32];
  CHECK(m2_post["object"]["id"] == "https://example.org/c/modules/m2/posttest");
  CHECK(m2_post["result"]["extensions"]["https://example.org/c/extensions/gain"] == 0);
  const json& course_done = statements[33];
  CHECK(course_done["object"]["id"] == "https://example.org/c");
  CHECK(course_done["result"]["success"] == true);
  const json& m1_done = statements[34];
  CHECK(m1_done["object"]["id"] == "https://example.org/c/modules/m1");
  CHECK(m1_done["verb"]["id"] == xapi::kCompleted);
  CHECK(m1_done["result"]["score"]["raw"] == 5);
  CHECK(m1_done["context"]["contextActivities"]["parent"][0]["id"] == "https://example.org/c");
}

TEST_CASE("the player's view gives each module's place, scores and objectives") {
  const ModulePlan plan = make_course_plan_fixture(2, 3, 5, 60, 80);
  Player player(encode_plan(plan));
  submit_pretest(player, answers_with_wrong(plan, {0, 1, 2, 7}));
  const json view = json::parse(player.view());
  REQUIRE(view["parts"].size() == 2);
  CHECK(view["parts"][1]["module"] == "m2");
  CHECK(view["parts"][1]["first_lesson"] == 3);
  CHECK(view["parts"][1]["first_question"] == 5);
  CHECK(view["parts"][0]["pretest_score"]["percent"] == 40);
  CHECK(view["objectives"][0] == json({{"id", "m1"}, {"score", 40}, {"status", "incomplete"}}));
  CHECK_FALSE(json::parse(Player(encode_plan(testing::make_plan(3, 5))).view()).contains("parts"));
}

}  // namespace
}  // namespace coursepack
