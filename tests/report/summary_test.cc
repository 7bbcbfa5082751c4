#include "coursepack/report/summary.h"

#include <algorithm>

#include <catch2/catch.hpp>

#include "coursepack/report/report_writers.h"
#include "scripted_learner.h"

namespace coursepack::report {
namespace {

using testing::Script;

// 5 lessons, 5 questions; question i tests lesson i, its key is choice i % 4; below 40%
// every lesson is mandatory; mastery 80%.
ModulePlan plan() {
  ModulePlan p = testing::make_plan(5, 5, 40, 80);
  p.iri = "https://example.org/c";
  return p;
}

// Answers with the first `right` questions right, the others wrong.
std::vector<int> first_right(int right) {
  std::vector<int> wrong;
  for (int q = right; q < 5; ++q) wrong.push_back(q);
  return testing::answers_with_wrong(plan(), wrong);
}

ModuleInfo info() {
  ModuleInfo m;
  m.activity = "https://example.org/c/modules/m";
  m.id = m.title = "m";
  m.questions = {"q1", "q2", "q3", "q4", "q5"};
  m.question_titles = m.questions;
  m.lessons = {"lesson-1", "lesson-2", "lesson-3", "lesson-4", "lesson-5"};
  m.lesson_titles = m.lessons;
  return m;
}

// Six learners whose numbers are worked out by hand below.
//   pre right  post right  pre %  post %  gain  mandatory lessons
//   L1 0       3           0      60      60    all 5 (below 40%)
//   L2 1       4           20     80      60    all 5
//   L3 2       5           40     100     60    3 (lessons of q3..q5)
//   L4 3       5           60     100     40    2
//   L5 5       5           100    100     0     none
//   L6 0       -           0      -       -     all 5, leaves after the pre-test
Cohort six_learners() {
  Cohort cohort({info()});
  const int pre[] = {0, 1, 2, 3, 5, 0}, post[] = {3, 4, 5, 5, 5, -1};
  for (int i = 0; i < 6; ++i) {
    Script script;
    script.email = "l" + std::to_string(i + 1) + "@example.org";
    script.pre = first_right(pre[i]);
    if (post[i] >= 0) script.post = first_right(post[i]);
    else script.view_required = false;
    script.cohort = i < 3 ? "A" : "B";
    for (const auto& statement : testing::play(plan(), script)) REQUIRE(cohort.add(statement).kind == AddResult::Kind::used);
  }
  return cohort;
}

TEST_CASE("a small cohort: funnel, means, gain interval, item analysis") {
  const Cohort cohort = six_learners();
  const CohortSummary s = summarize(cohort, {});
  REQUIRE(s.modules.size() == 1);
  const ModuleSummary& m = s.modules[0];
  CHECK(s.learners == 6);
  CHECK(m.scores.funnel.started == 6);
  CHECK(m.scores.funnel.pretest == 6);
  CHECK(m.scores.funnel.lessons == 5);
  CHECK(m.scores.funnel.posttest == 5);
  CHECK(m.scores.funnel.passed == 4);  // L1's 60% is below 80%
  CHECK(m.scores.pre.n == 6);
  CHECK(m.scores.pre.mean == Approx(220.0 / 6));
  CHECK(m.scores.post.mean == Approx(88));
  // Gains 60, 60, 60, 40, 0: the second row of statistics_test.cc's interval table.
  CHECK(m.scores.gain.n == 5);
  CHECK(m.scores.gain.mean == Approx(44));
  CHECK(m.scores.gain.low == Approx(11.621364).margin(1e-5));
  CHECK(m.scores.gain.high == Approx(76.378636).margin(1e-5));
  CHECK(m.pre_histogram == std::vector<std::int64_t>{2, 1, 1, 1, 0, 1});
  CHECK(m.post_histogram == std::vector<std::int64_t>{0, 0, 0, 1, 1, 3});

  // Right before: q1 by L2-L5, q2 by L3-L5, q3 by L4-L5, q4 and q5 by L5.
  const std::int64_t pre_right[] = {4, 3, 2, 1, 1}, post_right[] = {5, 5, 5, 4, 3};
  // Point-biserial with the rest of the pre-test, over all six (e.g. q1: item 0,1,1,1,1,0
  // against rest 0,0,1,2,4,0): worked out in Python with the textbook formula.
  const double discrimination[] = {0.564076, 0.727607, 0.766131, 0.7, 0.7};
  for (int q = 0; q < 5; ++q) {
    const QuestionSummary& item = m.question_items[static_cast<std::size_t>(q)];
    INFO("question " << item.id);
    CHECK(item.pre_answered == 6);
    CHECK(item.pre_right == pre_right[q]);
    CHECK(item.post_answered == 5);
    CHECK(item.post_right == post_right[q]);
    REQUIRE(item.pre_discrimination);
    CHECK(*item.pre_discrimination == Approx(discrimination[q]).margin(1e-5));
    CHECK_FALSE(item.easy_before);
    CHECK_FALSE(item.weak_discrimination);
  }
  // Post-test: q1..q3 right for all five: undefined.
  CHECK_FALSE(m.question_items[0].post_discrimination);

  // lesson-1 (q1) is mandatory for those below 40% (L1, L2, L6); lesson-5 for all but L5.
  CHECK(m.lessons[0].required == 3);
  CHECK(m.lessons[0].required_viewed == 2);  // L6 left
  CHECK(m.lessons[4].required == 5);
  CHECK(m.lessons[4].required_viewed == 4);

  // Groups: A = L1-L3 (3, below 5: counts only), B = L4-L6.
  REQUIRE(s.groups.size() == 2);  // cohorts A and B; no language in these statements
  REQUIRE(s.groups[0].value == "A");
  CHECK(s.groups[1].modules[0].funnel.started == 3);
  CHECK(s.groups[0].learners == 3);
  CHECK(s.groups[0].modules[0].gain.mean == Approx(60));
  CHECK_FALSE(s.enough(s.groups[0].learners));
}

TEST_CASE("a question most learners know before the lessons is flagged") {
  Cohort cohort({info()});
  for (int i = 0; i < 5; ++i) {
    Script script;
    script.email = "k" + std::to_string(i) + "@example.org";
    // q1 always right; the rest right for learner i on questions 2..i+1.
    std::vector<int> wrong;
    for (int q = 1 + i; q < 5; ++q) wrong.push_back(q);
    script.pre = testing::answers_with_wrong(plan(), wrong);
    script.post = first_right(5);
    for (const auto& statement : testing::play(plan(), script)) cohort.add(statement);
  }
  const CohortSummary s = summarize(cohort, {});
  CHECK(s.modules[0].question_items[0].easy_before);
  CHECK(s.modules[0].question_items[1].pre_right == 4);
  CHECK(s.modules[0].question_items[1].easy_before);  // 4 of 5 is 80%: flagged from 80%
  CHECK(s.modules[0].question_items[2].pre_right == 3);
  CHECK_FALSE(s.modules[0].question_items[2].easy_before);
  // With a minimum group of 6, five answers are too few to call it.
  CHECK_FALSE(summarize(cohort, {6, 0.8, 0.2}).modules[0].question_items[0].easy_before);
}

TEST_CASE("of two attempts, the first pre-test and the last post-test count, in any order") {
  Cohort cohort({info()});
  Script first;
  first.email = "twice@example.org";
  first.pre = first_right(1);
  first.post = first_right(3);  // 60%: failed
  Script second = first;
  second.registration = "7e9b0000-0000-4000-8000-000000000002";
  second.start_ms += 86'400'000;
  second.pre = first_right(3);
  second.post = first_right(5);
  auto statements = testing::play(plan(), first);
  const auto later = testing::play(plan(), second);
  statements.insert(statements.end(), later.begin(), later.end());
  std::reverse(statements.begin(), statements.end());  // as an LRS returns them, newest first
  for (const auto& statement : statements) REQUIRE(cohort.add(statement).kind == AddResult::Kind::used);
  const LearnerModule& r = cohort.learners().at(0).modules.at(0);
  CHECK(r.pre_percent() == 20);
  CHECK(r.post_percent() == 100);
  CHECK(r.passed);
  CHECK(r.attempts == 2);
  CHECK(std::popcount(r.pre_right) == 1);   // the answers of the first pre-test
  CHECK(std::popcount(r.post_right) == 5);  // ... and of the last post-test
  CHECK(std::popcount(r.required) == 5);    // recommended by the first pre-test (20% < 40%)
}

TEST_CASE("statements that are not a module's path are skipped; broken ones are bad") {
  Cohort cohort({info()});
  using nlohmann::json;
  const json agent = {{"mbox", "mailto:a@example.org"}};
  const json verb = {{"id", "http://adlnet.gov/expapi/verbs/attended"}};
  struct Row {
    json statement;
    AddResult::Kind kind;
    std::string pointer, message;
  };
  const Row rows[] = {
      {json::array(), AddResult::Kind::bad, "", "a statement must be a JSON object"},
      {{{"verb", verb}, {"object", {{"id", "x"}}}}, AddResult::Kind::bad, "/actor", "missing, or not an object"},
      {{{"actor", agent}, {"object", {{"id", "x"}}}}, AddResult::Kind::bad, "/verb/id", "missing, or not a string"},
      {{{"actor", agent}, {"verb", verb}}, AddResult::Kind::bad, "/object/id", "missing, or not a string"},
      {{{"actor", agent}, {"verb", verb}, {"object", {{"id", "https://example.org/c/modules/m"}}}, {"timestamp", "yesterday"}},
       AddResult::Kind::bad, "/timestamp", "not an ISO 8601 date and time with a zone"},
      {{{"actor", {{"name", "no id"}}}, {"verb", verb}, {"object", {{"id", "x"}}}}, AddResult::Kind::bad, "/actor",
       "no mbox, mbox_sha1sum, openid or account"},
      {{{"actor", agent}, {"verb", verb}, {"object", {{"id", "https://example.org/c/sessions/launch"}}}},
       AddResult::Kind::skipped, "", "about a live session not in the course"},
      {{{"actor", agent}, {"verb", verb}, {"object", {{"id", "https://example.org/c/forum"}}}},
       AddResult::Kind::skipped, "", "not about a module"},
      {{{"actor", agent}, {"verb", verb}, {"object", {{"id", "https://example.org/other/modules/m"}}}},
       AddResult::Kind::skipped, "", "about a module not in the course"},
      {{{"actor", agent}, {"verb", {{"id", std::string(xapi::kAnswered)}}}, {"object", {{"id", "https://example.org/c/modules/m/questions/q9"}}}},
       AddResult::Kind::skipped, "", "about a question not in the course"},
      {{{"actor", {{"objectType", "Group"}, {"member", json::array()}}}, {"verb", verb}, {"object", {{"id", "x"}}}},
       AddResult::Kind::skipped, "", "a group as actor"},
      {{{"actor", agent}, {"verb", {{"id", std::string(xapi::kAnswered)}}}, {"object", {{"id", "https://example.org/c/modules/m/questions/q1"}}}},
       AddResult::Kind::bad, "/context/extensions", "an answer without its phase (\"pre\" or \"post\")"},
  };
  for (const auto& row : rows) {
    INFO(row.statement.dump());
    const AddResult result = cohort.add(row.statement);
    CHECK(result.kind == row.kind);
    CHECK(result.pointer == row.pointer);
    CHECK(result.message == row.message);
  }
  CHECK(cohort.learners().empty());  // nothing was taken
}

TEST_CASE("learner keys and timestamps") {
  using nlohmann::json;
  CHECK(learner_id({{"mbox", "mailto:a@example.org"}}) == "mailto:a@example.org");
  CHECK(learner_id({{"mbox_sha1sum", "abc"}}) == "sha1:abc");
  CHECK(learner_id({{"openid", "https://id.example.org/a"}}) == "https://id.example.org/a");
  CHECK(learner_id({{"account", {{"homePage", "https://moodle.example.org"}, {"name", "42"}}}}) == "https://moodle.example.org|42");
  CHECK(learner_id({{"objectType", "Group"}, {"mbox", "mailto:g@example.org"}}).empty());
  CHECK(parse_timestamp("1970-01-01T00:00:00Z") == 0);
  CHECK(parse_timestamp("2026-09-07T08:00:00.000Z") == 1788768000000);
  CHECK(parse_timestamp("2026-09-07T10:00:00.5+02:00") == 1788768000500);
  CHECK(parse_timestamp("2026-09-07T08:00:00") == std::nullopt);  // no zone
  CHECK(parse_timestamp("2026-13-07T08:00:00Z") == std::nullopt);
  CHECK(format_timestamp(1788768000500) == "2026-09-07T08:00:00.500Z");
}

TEST_CASE("learned modules: without a course source, modules come from the activity ids") {
  Cohort cohort;
  Script script;
  script.email = "a@example.org";
  script.pre = first_right(2);
  script.post = first_right(5);
  for (const auto& statement : testing::play(plan(), script)) cohort.add(statement);
  REQUIRE(cohort.modules().size() == 1);
  CHECK(cohort.modules()[0].activity == "https://example.org/c/modules/m");
  CHECK(cohort.modules()[0].questions == std::vector<std::string>{"q1", "q2", "q3", "q4", "q5"});
  const CohortSummary s = summarize(cohort);
  CHECK(s.modules[0].scores.gain.mean == Approx(60));
}

TEST_CASE("report.csv: one row per learner and module, escaped") {
  Cohort cohort({info()});
  Script a;
  a.email = "a@example.org";
  a.pre = first_right(2);  // 40%: lessons of q3..q5
  a.post = first_right(4);
  Script b;
  b.email = "b@example.org";
  b.pre = first_right(0);
  b.view_required = false;
  for (const auto& script : {a, b})
    for (const auto& statement : testing::play(plan(), script)) cohort.add(statement);
  cohort.set_group("mailto:a@example.org", Dimension::partner, "Partner, \"SK\"");
  cohort.set_group("mailto:b@example.org", Dimension::cohort, "=SUM(A1)");  // a spreadsheet must not run it
  std::string csv;
  write_csv(cohort, [&](std::string_view bytes) { csv += bytes; });
  // Times: the script's actions are a minute apart and the session runs from initialized
  // to terminated: a: initialized, pre-test, lessons screen (opens lesson-3), lesson-3,
  // -4, -5, post-test = 7 minutes; b: initialized, pre-test = 2 minutes.
  CHECK(csv ==
        "learner,name,module,cohort,partner,country,language,pre_percent,post_percent,gain,attempts,"
        "lessons_required,lessons_required_viewed,lessons_missing,status,seconds\r\n"
        "mailto:a@example.org,,m,,\"Partner, \"\"SK\"\"\",,,40,80,40,1,3,3,,passed,420\r\n"
        "mailto:b@example.org,,m,'=SUM(A1),,,,0,,,1,5,0,lesson-1 lesson-2 lesson-3 lesson-4 lesson-5,lessons due,120\r\n");
}

TEST_CASE("report.html: self-contained, escaped, counts only for small groups") {
  Cohort cohort({info()});
  Script script;
  script.email = "a@example.org";
  script.pre = first_right(1);
  script.post = first_right(5);
  script.cohort = "<script>alert(1)</script>";
  for (const auto& statement : testing::play(plan(), script)) cohort.add(statement);
  std::string html;
  write_html(cohort, summarize(cohort), {}, [&](std::string_view bytes) { html += bytes; });
  CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("http://") == std::string::npos);
  CHECK(html.find("https://") == std::string::npos);
  CHECK(html.find("1 learner, fewer than 5. Only counts are shown") != std::string::npos);
  CHECK(html.find("<svg") == std::string::npos);  // no chart of one learner
  CHECK(html.find("%</td>") == std::string::npos);  // no percentage either
}

}  // namespace
}  // namespace coursepack::report
