#include "coursepack/report/simulation.h"

#include <set>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include "../core/plan_fixture.h"
#include "coursepack/report/cohort.h"
#include "coursepack/report/summary.h"

namespace coursepack::report {
namespace {

std::vector<ModulePlan> two_modules() {
  std::vector<ModulePlan> plans;
  for (const char* id : {"m1", "m2"}) {
    ModulePlan plan = testing::make_plan(3, 5, 40, 80);
    plan.module_id = id;
    plan.iri = "https://example.org/c";
    plans.push_back(plan);
  }
  return plans;
}

std::vector<std::string> lines(const Simulator& simulator, int learners) {
  std::vector<std::string> out;
  for (int i = 0; i < learners; ++i) simulator.play(i, [&](std::string_view line) { out.emplace_back(line); });
  return out;
}

TEST_CASE("the random generator is fixed by its seed") {
  Random a(42), b(42), c(43);
  bool differs = false;
  for (int i = 0; i < 100; ++i) {
    const auto x = a.next();
    CHECK(x == b.next());
    differs = differs || x != c.next();
  }
  CHECK(differs);
  Random r(7);
  for (int i = 0; i < 1000; ++i) {
    const int n = r.below(4);
    CHECK((n >= 0 && n < 4));
    const double u = r.uniform();
    CHECK((u >= 0 && u < 1));
  }
}

TEST_CASE("the same seed gives the same statements; learners do not depend on how many") {
  SimulationOptions options;
  options.seed = 5;
  const Simulator simulator(two_modules(), options);
  const auto ten = lines(simulator, 10);
  CHECK(ten == lines(Simulator(two_modules(), options), 10));
  const auto three = lines(simulator, 3);
  CHECK(std::equal(three.begin(), three.end(), ten.begin()));
  options.seed = 6;
  CHECK(lines(Simulator(two_modules(), options), 10) != ten);

  std::set<std::string> ids;
  for (const auto& line : ten) {
    const auto statement = nlohmann::json::parse(line);
    ids.insert(statement["id"].get<std::string>());
    CHECK(statement["context"]["extensions"].contains("https://example.org/c/extensions/cohort"));
    CHECK(statement["actor"]["account"]["homePage"] == "https://learners.example.org");
  }
  CHECK(ids.size() == ten.size());  // every id unique
}

TEST_CASE("profiles: those who know score high, guessers near chance") {
  struct Row {
    const char* profiles;
    double pre_low, pre_high, post_low, post_high;
  };
  // Over 200 learners x 2 modules. knows: 95% right each. guesses: 1 in 4.
  // learns: a quarter known, the rest guessed (25% + 75% / 4 = 44%) before; after, 85-95%.
  const Row rows[] = {
      {"knows=1", 90, 100, 90, 100},
      {"guesses=1", 18, 32, 18, 32},
      {"learns=1", 37, 51, 80, 95},
  };
  for (const auto& row : rows) {
    SimulationOptions options;
    options.seed = 11;
    REQUIRE(parse_profile_weights(row.profiles, options.weights).empty());
    const Simulator simulator(two_modules(), options);
    Cohort cohort;
    for (int i = 0; i < 200; ++i)
      simulator.play(i, [&](std::string_view line) { REQUIRE(cohort.add(nlohmann::json::parse(line)).kind == AddResult::Kind::used); });
    const CohortSummary s = summarize(cohort);
    INFO(row.profiles);
    for (const auto& m : s.modules) {
      CHECK(m.scores.pre.mean >= row.pre_low);
      CHECK(m.scores.pre.mean <= row.pre_high);
      CHECK(m.scores.post.mean >= row.post_low);
      CHECK(m.scores.post.mean <= row.post_high);
      CHECK(m.scores.funnel.started == 200);
    }
  }
}

TEST_CASE("drop-outs stop for good at some step") {
  SimulationOptions options;
  options.seed = 3;
  REQUIRE(parse_profile_weights("drops", options.weights).empty());
  const Simulator simulator(two_modules(), options);
  Cohort cohort;
  for (int i = 0; i < 100; ++i) simulator.play(i, [&](std::string_view line) { cohort.add(nlohmann::json::parse(line)); });
  const CohortSummary s = summarize(cohort);
  // Nobody finishes both modules; whoever leaves in module 1 never starts module 2.
  std::int64_t finished_both = 0;
  for (const auto& learner : cohort.learners())
    finished_both += learner.modules.size() == 2 && learner.modules[0].has_posttest() && learner.modules[1].has_posttest();
  CHECK(finished_both == 0);
  CHECK(s.modules[1].scores.funnel.started < 100);
  CHECK(s.modules[0].scores.funnel.posttest < s.modules[0].scores.funnel.started);
}

TEST_CASE("profile weights") {
  std::array<double, 4> w{};
  CHECK(parse_profile_weights("knows=1,drops=2.5", w).empty());
  CHECK(w == std::array<double, 4>{1, 0, 0, 2.5});
  CHECK(parse_profile_weights("sleeps=1", w) == "unknown profile \"sleeps\" (knows, guesses, learns, drops)");
  CHECK(parse_profile_weights("knows=x", w) == "\"knows=x\": the weight must be a number from 0 to 1000000");
  CHECK(parse_profile_weights("knows=0", w) == "no profile has a weight above 0");
}

}  // namespace
}  // namespace coursepack::report
