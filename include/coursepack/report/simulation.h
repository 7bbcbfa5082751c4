#pragma once
// Synthetic learners playing a course through the real learning path (Player, the code
// the browser runs), for tests, benchmarks and demonstrations. Randomness comes from a
// seed, through a generator defined here bit for bit: the same seed gives the same
// statements on every machine. Pure: statements go to a callback.

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "coursepack/core/module_plan.h"

namespace coursepack::report {

/// xoshiro256** seeded through SplitMix64 (Blackman and Vigna): fixed output for a seed,
/// unlike std::mt19937 with the standard distributions, whose results vary by library.
class Random {
 public:
  explicit Random(std::uint64_t seed);
  std::uint64_t next();
  double uniform();           // [0, 1)
  int below(int n);           // 0 .. n - 1; 0 when n <= 0
  int between(int low, int high) { return low + below(high - low + 1); }
  bool chance(double p) { return uniform() < p; }

 private:
  std::array<std::uint64_t, 4> s_;
};

/// How a synthetic learner behaves.
enum class Profile {
  knows,    // right 95% of the time, before and after
  guesses,  // picks a choice at random, before and after; views the lessons, learns nothing
  learns,   // knows a quarter before; after viewing a question's lessons, right 85% of the time
  drops,    // learns, but leaves for good at some step of some module
};
inline constexpr std::array<std::string_view, 4> kProfileNames = {"knows", "guesses", "learns", "drops"};

struct SimulationOptions {
  std::uint64_t seed = 1;
  /// Relative weights of the profiles, in kProfileNames order.
  std::array<double, 4> weights = {20, 15, 50, 15};
  /// context.language of every statement; empty: by the learner's country (FR "fr",
  /// others "en"), among `languages`.
  std::string language;
  std::vector<std::string> languages;  // the course's languages (first: source)
  /// When the first cohort starts (ms since 1970); the second starts 26 weeks later.
  std::int64_t start_ms = 1788768000000;  // 2026-09-07T08:00:00Z
  std::string home_page = "https://learners.example.org";  // of the learners' accounts
};

/// Who synthetic learner `index` is. Everything derives from the seed and the index
/// alone, so the first N learners are the same whatever the number asked for.
struct SimulatedLearner {
  std::int64_t index = 0;
  std::string account;  // account name
  std::string name;
  Profile profile = Profile::learns;
  std::string cohort, partner, country, language;
};

class Simulator {
 public:
  /// `plans`: the modules, in the order a learner takes them, each with its texts
  /// (make_module_plan plus the packager's "pretest"/"posttest" names).
  Simulator(std::vector<ModulePlan> plans, SimulationOptions options);

  SimulatedLearner learner(std::int64_t index) const;

  /// Plays learner `index` through every module (until a drop-out leaves) and hands
  /// each statement, one JSON object without a line end, to `line`. Returns how many.
  /// Statements carry the learner's groups as context extensions
  /// "<course iri>/extensions/cohort", ".../partner", ".../country".
  std::int64_t play(std::int64_t index, const std::function<void(std::string_view)>& line) const;

 private:
  struct Module {
    ModulePlan plan;
    std::vector<std::pair<std::string, std::string>> encoded;  // language, encode_plan() in it
  };
  const std::string& encoded(const Module& module, const std::string& language) const;

  std::vector<Module> modules_;
  SimulationOptions options_;
};

/// Reads "knows=1,guesses=0,learns=3,drops=1" (any subset; missing ones weigh 0) into
/// `weights`. Returns "" or what is wrong.
std::string parse_profile_weights(std::string_view text, std::array<double, 4>& weights);

/// "2026-09-07T08:00:00.000Z" for ms since 1970.
std::string format_timestamp(std::int64_t ms);

}  // namespace coursepack::report
