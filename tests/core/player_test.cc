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
                                          {"objective", "lesson-1"},
                                          {"time", "00:01:00"}});

  // Resuming from the saved text restores the same place.
  const std::string saved = player.suspend_data();
  Player again(encode_plan(plan));
  CHECK(again.restore(saved, 1).empty());
  CHECK(nlohmann::json::parse(again.view()) == view);
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
