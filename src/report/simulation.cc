#include "coursepack/report/simulation.h"

#include <algorithm>
#include <charconv>
#include <functional>

#include <nlohmann/json.hpp>

#include "coursepack/core/player.h"
#include "coursepack/core/sha256.h"
#include "coursepack/report/cohort.h"

namespace coursepack::report {
namespace {

std::uint64_t splitmix64(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

// A learner's own stream: a function of the seed and the index only.
std::uint64_t learner_seed(std::uint64_t seed, std::int64_t index) {
  const auto digest = Sha256().update("coursepack simulate learner\n" + std::to_string(seed) + "\n" + std::to_string(index)).digest();
  std::uint64_t out = 0;
  for (int i = 0; i < 8; ++i) out = out << 8 | digest[static_cast<std::size_t>(i)];
  return out;
}

struct Partner {
  const char* country;
  const char* name;
};
// Countries of the SETS partnership as the seed names them; partner names are made up.
constexpr Partner kPartners[] = {{"FR", "Partner FR"}, {"SK", "Partner SK"}, {"IT", "Partner IT"}, {"ES", "Partner ES"}};
constexpr const char* kCohorts[] = {"2026-autumn", "2027-spring"};
constexpr std::int64_t kDay = 86'400'000;

// One learner going through the modules: the clock, the ids, the output.
class Run {
 public:
  Run(const SimulatedLearner& who, const SimulationOptions& options, const std::function<void(std::string_view)>& line)
      : who_(who), options_(options), line_(line) {
    actor_ = R"({"objectType":"Agent","name":)" + nlohmann::json(who.name).dump() + R"(,"account":{"homePage":)" +
             nlohmann::json(options.home_page).dump() + R"(,"name":)" + nlohmann::json(who.account).dump() + "}}";
  }

  std::int64_t now = 0;
  std::int64_t statements = 0;

  void wait(Player& player, std::uint32_t seconds) {
    player.add_seconds(seconds);
    now += std::int64_t{seconds} * 1000;
  }

  // Hands what the player made since the last call to the output, stamped now.
  void emit(Player& player, const ModulePlan& plan, const std::string& registration) {
    const int count = player.pending_statements();
    if (count == 0) return;
    std::string ids;
    for (int i = 0; i < count; ++i) {
      if (i) ids += ',';
      ids += uuid_from_name("coursepack simulate statement\n" + std::to_string(options_.seed) + "\n" +
                            std::to_string(who_.index) + "\n" + std::to_string(serial_++));
    }
    const std::string batch = player.take_statements(actor_, registration, format_timestamp(now), ids);
    const std::string groups = group_members(plan);
    for (std::string_view statement : split_array(batch)) {
      line_(with_groups(statement, plan, groups));
      ++statements;
    }
  }

  // The learner's groups as JSON object members, values escaped by the JSON library.
  std::string group_members(const ModulePlan& plan) const {
    return nlohmann::json(plan.iri + "/extensions/cohort").dump() + ":" + nlohmann::json(who_.cohort).dump() + "," +
           nlohmann::json(plan.iri + "/extensions/partner").dump() + ":" + nlohmann::json(who_.partner).dump() + "," +
           nlohmann::json(plan.iri + "/extensions/country").dump() + ":" + nlohmann::json(who_.country).dump();
  }

  // Adds `members` to the statement's context.extensions. Parsing and re-serializing
  // each statement took most of the simulation's time; instead the members go into the
  // text the core wrote, at places found by its syntax alone: outside strings a quote is
  // always syntax (inside, the writer escapes it), so the searched sequences cannot come
  // from a course's text. The result is checked by the tests, which parse every line.
  static std::string with_groups(std::string_view statement, const ModulePlan& plan, const std::string& members) {
    std::string out(statement);
    const std::string phase = "\"extensions\":{" + nlohmann::json(plan.iri + "/extensions/phase").dump();
    const auto context = out.find("\"context\":{");
    const auto existing = context == std::string::npos ? std::string::npos : out.find(phase, context);
    if (existing != std::string::npos) {
      out.insert(existing + 14, members + ",");  // after "extensions":{
      return out;
    }
    // The context is the member before the timestamp, which the core writes last.
    const auto timestamp = out.rfind(",\"timestamp\":\"");
    if (context == std::string::npos || timestamp == std::string::npos || out[timestamp - 1] != '}') return out;
    out.insert(timestamp - 1, ",\"extensions\":{" + members + "}");
    return out;
  }

  // The objects of a JSON array the core wrote, as views into it.
  static std::vector<std::string_view> split_array(std::string_view array) {
    std::vector<std::string_view> out;
    int depth = 0;
    bool in_string = false, escaped = false;
    std::size_t start = 0;
    for (std::size_t i = 0; i < array.size(); ++i) {
      const char c = array[i];
      if (in_string) {
        if (escaped) escaped = false;
        else if (c == '\\') escaped = true;
        else if (c == '"') in_string = false;
        continue;
      }
      if (c == '"') {
        in_string = true;
      } else if (c == '{' || c == '[') {
        if (++depth == 2) start = i;
      } else if (c == '}' || c == ']') {
        if (depth-- == 2) out.push_back(array.substr(start, i - start + 1));
      }
    }
    return out;
  }

  std::string registration(const ModulePlan& plan, int attempt) const {
    return uuid_from_name("coursepack simulate registration\n" + std::to_string(options_.seed) + "\n" +
                          std::to_string(who_.index) + "\n" + plan.iri + "/" + plan.module_id + "\n" + std::to_string(attempt));
  }

 private:
  const SimulatedLearner& who_;
  const SimulationOptions& options_;
  const std::function<void(std::string_view)>& line_;
  std::string actor_;
  std::int64_t serial_ = 0;
};

// Where a drop-out leaves a module, never to come back.
enum class Leave { never, during_pretest, during_lessons, during_posttest };

}  // namespace

Random::Random(std::uint64_t seed) {
  for (auto& word : s_) word = splitmix64(seed);
}

std::uint64_t Random::next() {
  const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

double Random::uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

int Random::below(int n) {
  if (n <= 0) return 0;
  // The modulo bias for n this small (a few hundred thousand at most) is below 2^-40.
  return static_cast<int>(next() % static_cast<std::uint64_t>(n));
}

std::string format_timestamp(std::int64_t ms) {
  std::int64_t days = ms / kDay;
  std::int64_t rest = ms % kDay;
  if (rest < 0) {
    rest += kDay;
    --days;
  }
  // civil_from_days (Howard Hinnant).
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
  char text[40];
  std::snprintf(text, sizeof text, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ", static_cast<long long>(y), m, d,
                static_cast<long long>(rest / 3'600'000), static_cast<long long>(rest / 60'000 % 60),
                static_cast<long long>(rest / 1000 % 60), static_cast<long long>(rest % 1000));
  return text;
}

std::string parse_profile_weights(std::string_view text, std::array<double, 4>& weights) {
  std::array<double, 4> out{};
  double total = 0;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const std::string_view part = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    const auto equals = part.find('=');
    const std::string_view name = part.substr(0, equals);
    const auto found = std::find(kProfileNames.begin(), kProfileNames.end(), name);
    if (found == kProfileNames.end())
      return "unknown profile \"" + std::string(name) + "\" (knows, guesses, learns, drops)";
    double weight = 1;
    if (equals != std::string_view::npos) {
      const std::string_view number = part.substr(equals + 1);
      const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), weight);
      if (error != std::errc() || end != number.data() + number.size() || weight < 0 || weight > 1e6)
        return "\"" + std::string(part) + "\": the weight must be a number from 0 to 1000000";
    }
    out[static_cast<std::size_t>(found - kProfileNames.begin())] = weight;
    total += weight;
  }
  if (total <= 0) return "no profile has a weight above 0";
  weights = out;
  return {};
}

Simulator::Simulator(std::vector<ModulePlan> plans, SimulationOptions options) : options_(std::move(options)) {
  std::vector<std::string> languages = options_.languages;
  if (!options_.language.empty()) languages = {options_.language};
  if (languages.empty()) languages = {"en"};
  for (auto& plan : plans) {
    Module module{std::move(plan), {}};
    for (const auto& language : languages) {
      module.plan.language = language;
      module.encoded.emplace_back(language, encode_plan(module.plan));
    }
    modules_.push_back(std::move(module));
  }
}

const std::string& Simulator::encoded(const Module& module, const std::string& language) const {
  for (const auto& [tag, text] : module.encoded)
    if (tag == language) return text;
  return module.encoded.front().second;
}

SimulatedLearner Simulator::learner(std::int64_t index) const {
  Random random(learner_seed(options_.seed, index));
  SimulatedLearner who;
  who.index = index;
  char account[40];
  std::snprintf(account, sizeof account, "s%llu-%06lld", static_cast<unsigned long long>(options_.seed), static_cast<long long>(index + 1));
  who.account = account;
  std::snprintf(account, sizeof account, "Learner %06lld", static_cast<long long>(index + 1));
  who.name = account;
  double total = 0;
  for (double w : options_.weights) total += w;
  double pick = random.uniform() * total;
  who.profile = Profile::drops;
  for (std::size_t p = 0; p < options_.weights.size(); ++p) {
    if (options_.weights[p] > 0 && pick < options_.weights[p]) {
      who.profile = static_cast<Profile>(p);
      break;
    }
    pick -= options_.weights[p];
  }
  if (options_.weights[static_cast<std::size_t>(who.profile)] <= 0)  // rounding at the top end
    for (std::size_t p = options_.weights.size(); p-- > 0;)
      if (options_.weights[p] > 0) {
        who.profile = static_cast<Profile>(p);
        break;
      }
  // Partners differ in size, as real ones do: 40%, 25%, 20%, 15%.
  const double where = random.uniform();
  const Partner& partner = kPartners[where < 0.40 ? 0 : where < 0.65 ? 1 : where < 0.85 ? 2 : 3];
  who.partner = partner.name;
  who.country = partner.country;
  who.cohort = kCohorts[random.below(2)];
  auto has = [&](const char* tag) {
    return std::find(options_.languages.begin(), options_.languages.end(), tag) != options_.languages.end();
  };
  if (!options_.language.empty()) who.language = options_.language;
  else if (who.country == std::string("FR") && has("fr")) who.language = "fr";
  else if (has("en")) who.language = "en";
  else who.language = options_.languages.empty() ? "en" : options_.languages.front();
  return who;
}

std::int64_t Simulator::play(std::int64_t index, const std::function<void(std::string_view)>& line) const {
  const SimulatedLearner who = learner(index);
  // A second stream for the path, so that who a learner is does not depend on the path.
  Random random(learner_seed(options_.seed, index) ^ 0x5bd1e9955bd1e995ull);
  Run run(who, options_, line);
  run.now = options_.start_ms + (who.cohort == kCohorts[1] ? 26 * 7 * kDay : 0) + random.below(14) * kDay +
            random.between(0, 10 * 3600) * std::int64_t{1000};

  int drop_module = -1;
  Leave drop_step = Leave::never;
  if (who.profile == Profile::drops && !modules_.empty()) {
    drop_module = random.below(static_cast<int>(modules_.size()));
    drop_step = static_cast<Leave>(1 + random.below(3));
  }

  for (std::size_t m = 0; m < modules_.size(); ++m) {
    const ModulePlan& plan = modules_[m].plan;
    const Leave leave = static_cast<int>(m) == drop_module ? drop_step : Leave::never;
    const int questions = static_cast<int>(plan.questions.size());
    // Chance of a right answer: known before, and after the question's lessons.
    auto right_chance = [&](bool after, bool studied, int attempt) {
      switch (who.profile) {
        case Profile::knows: return 0.95;
        case Profile::guesses: return -1.0;  // a random choice
        case Profile::learns:
        case Profile::drops: return after ? (studied ? 0.85 : 0.9) : (attempt == 0 ? 0.25 : 0.5);
      }
      return -1.0;
    };
    // Knows the answer with `chance`, else guesses (negative: always guesses).
    auto choose = [&](const PlanQuestion& q, double chance) {
      if (chance >= 0 && random.chance(chance)) return q.correct;
      return random.below(q.choices);
    };

    for (int attempt = 0; attempt < 2; ++attempt) {
      Player player(encoded(modules_[m], who.language));
      const std::string registration = run.registration(plan, attempt);
      player.restore("", static_cast<std::uint32_t>(random.next()));
      run.emit(player, plan, registration);
      run.wait(player, static_cast<std::uint32_t>(random.between(20, 90)));

      // Answers the open test, each question after a pause of `min_pause` to `max_pause`
      // seconds, and submits it; with `leave_halfway`, terminates at the middle question
      // instead and returns false.
      auto take_test = [&](int min_pause, int max_pause, bool leave_halfway, const std::function<int(int)>& choice_for) {
        for (int q = 0; q < questions; ++q) {
          const int choice = choice_for(q);
          run.wait(player, static_cast<std::uint32_t>(random.between(min_pause, max_pause)));
          if (leave_halfway && q == questions / 2) {
            player.terminate();
            run.emit(player, plan, registration);
            return false;
          }
          (void)player.answer(q, choice);
        }
        (void)player.submit();
        run.emit(player, plan, registration);
        return true;
      };

      // Pre-test.
      (void)player.start_pretest();
      std::vector<bool> right_before(plan.questions.size());
      const bool pretest_taken = take_test(20, 90, leave == Leave::during_pretest, [&](int q) {
        const auto& question = plan.questions[static_cast<std::size_t>(q)];
        const int choice = choose(question, right_chance(false, false, attempt));
        right_before[static_cast<std::size_t>(q)] = choice == question.correct;
        return choice;
      });
      if (!pretest_taken) return run.statements;
      // Some stop for the day after the pre-test and come back the next.
      if (random.chance(0.3)) {
        player.terminate();
        run.emit(player, plan, registration);
        run.now += kDay + random.between(-3 * 3600, 3 * 3600) * std::int64_t{1000};
        (void)player.restore(player.suspend_data(), 0);
        run.emit(player, plan, registration);
      }

      // Lessons: the mandatory ones, in order (the player opens the first), and now and
      // then an optional one.
      (void)player.continue_to_lessons();
      run.emit(player, plan, registration);
      std::vector<bool> mandatory = nlohmann::json::parse(player.view())["mandatory"].get<std::vector<bool>>();
      std::vector<bool> studied(plan.lessons.size(), false);
      int viewed_mandatory = 0;
      for (std::size_t l = 0; l < plan.lessons.size(); ++l) {
        const bool required = mandatory[l];
        if (!required && !random.chance(0.2)) continue;
        if (leave == Leave::during_lessons && required && viewed_mandatory >= 1) {
          player.terminate();
          run.emit(player, plan, registration);
          return run.statements;
        }
        (void)player.open_lesson(static_cast<int>(l));
        run.emit(player, plan, registration);
        run.wait(player, static_cast<std::uint32_t>(random.between(4 * 60, 15 * 60)));
        studied[l] = true;
        viewed_mandatory += required;
      }
      if (leave == Leave::during_lessons) {  // nothing mandatory left to leave in: leave now
        player.terminate();
        run.emit(player, plan, registration);
        return run.statements;
      }

      // Post-test.
      (void)player.start_posttest();
      const bool posttest_taken = take_test(15, 60, leave == Leave::during_posttest, [&](int q) {
        const auto& question = plan.questions[static_cast<std::size_t>(q)];
        bool lessons_seen = !question.lessons.empty();
        for (int l : question.lessons) lessons_seen = lessons_seen && studied[static_cast<std::size_t>(l)];
        const double chance = right_chance(true, lessons_seen, attempt);
        // What a learner knew before stays known, unless guessing.
        return right_before[static_cast<std::size_t>(q)] && chance >= 0 && random.chance(0.95) ? question.correct
                                                                                               : choose(question, chance);
      });
      if (!posttest_taken) return run.statements;
      run.wait(player, static_cast<std::uint32_t>(random.between(10, 60)));
      player.terminate();
      run.emit(player, plan, registration);
      const bool passed = nlohmann::json::parse(player.view())["passed"].get<bool>();
      // Half of those who learn and still fail try the module again, from the pre-test.
      if (passed || attempt == 1 || (who.profile != Profile::learns && who.profile != Profile::drops) || !random.chance(0.5))
        break;
      run.now += 2 * kDay + random.between(0, 8 * 3600) * std::int64_t{1000};
    }
    // The next module, some days later.
    run.now += random.between(1, 7) * kDay + random.between(-4 * 3600, 4 * 3600) * std::int64_t{1000};
  }
  return run.statements;
}

}  // namespace coursepack::report
