#include "coursepack/core/player.h"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include "plan_fixture.h"

namespace coursepack {
namespace {

TEST_CASE("the player drives a whole module through strings") {
  const ModulePlan plan = testing::make_plan(3, 3, 40, 80);
  Player player(encode_plan(plan));
  REQUIRE(player.error().empty());
  CHECK(player.restore("", 99).empty());
  player.set_mastery_score("");  // Moodle sends "" when no mastery score is set
  auto view = nlohmann::json::parse(player.view());
  CHECK(view["phase"] == "home");
  CHECK(view["status"] == "incomplete");
  CHECK(view["mastery_score"] == 80);

  REQUIRE(player.start_pretest().empty());
  for (int q = 0; q < 3; ++q) REQUIRE(player.answer(q, (q + 1) % 4).empty());  // all wrong
  REQUIRE(player.submit().empty());
  view = nlohmann::json::parse(player.view());
  CHECK(view["phase"] == "results");
  CHECK(view["mandatory"] == nlohmann::json::array({true, true, true}));
  CHECK(view["pretest_score"]["percent"] == 0);
  const auto interactions = nlohmann::json::parse(player.interactions(0, 60));
  REQUIRE(interactions.size() == 3);
  CHECK(interactions[0] == nlohmann::json{{"id", "pre_q1"},
                                          {"type", "choice"},
                                          {"student_response", "b"},
                                          {"correct_pattern", "a"},
                                          {"result", "wrong"},
                                          {"objectives", nlohmann::json::array({"lesson-1"})},
                                          {"time", "00:01:00"}});

  // Resuming from the saved text restores the same place.
  const std::string saved = player.suspend_data();
  Player again(encode_plan(plan));
  CHECK(again.restore(saved, 1).empty());
  CHECK(nlohmann::json::parse(again.view()) == view);
}

TEST_CASE("the view carries the attempts, the review and what the LMS may record") {
  ModulePlan plan = testing::make_plan(3, 3, 40, 80);
  plan.max_attempts = 2;
  Player player(encode_plan(plan));
  REQUIRE(player.restore("", 5).empty());
  auto view = nlohmann::json::parse(player.view());
  CHECK(view["max_attempts"] == 2);
  CHECK(view["attempts"] == 0);
  CHECK(view["graded"] == true);
  CHECK(view["report_score"] == false);
  CHECK(view["exit"] == "suspend");
  CHECK(view["question_lessons"] == nlohmann::json::array({{0}, {1}, {2}}));
  REQUIRE(player.start_pretest().empty());
  for (int q = 0; q < 3; ++q) REQUIRE(player.answer(q, q).empty());  // all right
  view = nlohmann::json::parse(player.view());
  CHECK(view["submit_counts"] == false);  // the pre-test does not count
  REQUIRE(player.submit().empty());
  REQUIRE(player.start_posttest().empty());
  REQUIRE(player.answer(0, 0).empty());
  view = nlohmann::json::parse(player.view());
  CHECK(view["submit_counts"] == true);
  CHECK(view["unanswered"] == 2);
  REQUIRE(player.answer(1, 0).empty());
  REQUIRE(player.answer(2, 0).empty());
  REQUIRE(player.submit().empty());
  view = nlohmann::json::parse(player.view());
  CHECK(view["status"] == "failed");
  CHECK(view["last_score"]["percent"] == 33);
  CHECK(view["report_score"] == true);
  CHECK(view["retake_allowed"] == true);
  CHECK(view["posttest_allowed"] == true);
  CHECK(view["review_right"] == nlohmann::json::array({true, false, false}));
  CHECK(view["pretest_right"] == nlohmann::json::array({true, true, true}));  // the chart's "before"
  CHECK(view["review_correct"] == nlohmann::json::array({-1, -1, -1}));  // a retake could use them
  CHECK(view["exit"] == "suspend");
  CHECK(nlohmann::json::parse(player.interactions(1, 0))[0]["id"] == "post_q1");

  // Resumed between attempts: still failed, still a retake to come.
  Player again(encode_plan(plan));
  REQUIRE(again.restore(player.suspend_data(), 1).empty());
  CHECK(nlohmann::json::parse(again.view()) == view);
  REQUIRE(again.start_posttest().empty());
  for (int q = 0; q < 3; ++q) REQUIRE(again.answer(q, 0).empty());
  REQUIRE(again.submit().empty());
  view = nlohmann::json::parse(again.view());
  CHECK(view["attempts"] == 2);
  CHECK(view["retake_allowed"] == false);
  CHECK(view["result_final"] == true);
  CHECK(view["review_correct"] == nlohmann::json::array({0, 1, 2}));
  CHECK(view["exit"] == "");
  CHECK(nlohmann::json::parse(again.interactions(1, 0))[0]["id"] == "post2_q1");
}

TEST_CASE("a browse launch: nothing to record, the answers shown after a practice post-test") {
  const ModulePlan plan = testing::make_plan(2, 2, 40, 80);
  Player player(encode_plan(plan));
  player.set_lms_mode("browse", "no-credit");
  REQUIRE(player.restore("", 5).empty());
  auto view = nlohmann::json::parse(player.view());
  CHECK(view["lesson_mode"] == "browse");
  CHECK(view["credit"] == false);
  CHECK(view["graded"] == false);
  CHECK(view["status"] == "browsed");
  CHECK(view["save_progress"] == false);
  REQUIRE(player.start_pretest().empty());
  for (int q = 0; q < 2; ++q) REQUIRE(player.answer(q, q).empty());
  REQUIRE(player.submit().empty());
  CHECK(player.interactions(0, 0) == "[]");
  REQUIRE(player.start_posttest().empty());
  for (int q = 0; q < 2; ++q) REQUIRE(player.answer(q, 1).empty());
  REQUIRE(player.submit().empty());
  view = nlohmann::json::parse(player.view());
  CHECK(view["report_score"] == false);
  CHECK(view["status"] == "browsed");
  CHECK(view["review_correct"] == nlohmann::json::array({0, 1}));
  CHECK(player.interactions(1, 0) == "[]");
}

TEST_CASE("a broken plan makes every action return the error") {
  Player player("{}");
  CHECK(player.error() == "module plan: not a coursepack plan (version 1)");
  CHECK(player.start_pretest() == player.error());
  CHECK(player.suspend_data().empty());
  CHECK(nlohmann::json::parse(player.view())["error"] == player.error());
}

TEST_CASE("refused suspend data is reported and the player starts afresh") {
  Player player(encode_plan(testing::make_plan(3, 3)));
  CHECK(player.restore("garbage", 1) == "saved progress is not in a format this player reads");
  CHECK(nlohmann::json::parse(player.view())["phase"] == "home");
}

TEST_CASE("session time is formatted for cmi.core.session_time") {
  CHECK(Player::session_time(6150) == "0000:01:01.50");
  CHECK(Player::session_time(-5) == "0000:00:00.00");
}

}  // namespace
}  // namespace coursepack
