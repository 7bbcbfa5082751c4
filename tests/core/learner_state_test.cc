#include "coursepack/core/learner_state.h"

#include <catch2/catch.hpp>

#include "coursepack/core/scorm12_data.h"
#include "plan_fixture.h"

namespace coursepack {
namespace {

using testing::make_plan;
using testing::check_same_state;
using testing::worst_state;

LearnerState busy_state(const ModulePlan& plan) {
  LearnerState state = LearnerState::start(plan, 0xDEADBEEF);
  state.phase = Phase::finished;
  state.lesson = static_cast<int>(plan.lessons.size()) - 1;
  for (std::size_t i = 0; i < plan.questions.size(); ++i) {
    state.pretest[i] = static_cast<int>(i % 4);
    state.posttest[i] = static_cast<int>((i + 1) % 4);
  }
  state.viewed.assign(plan.lessons.size(), true);
  state.seconds = 4'000'000'000u;
  state.attempts = 3;
  state.last_correct = static_cast<int>(plan.questions.size()) / 2;
  return state;
}

TEST_CASE("a large module's full progress fits SCORM 1.2 suspend_data many times over") {
  // 40 lessons, 20 questions, every answer given twice, every lesson viewed.
  const ModulePlan plan = make_plan(40, 20);
  const std::string text = encode_state(plan, busy_state(plan));
  CHECK(text.size() <= 100);
  CHECK(text.size() <= scorm12::kSuspendDataMax);
  for (char c : text) {
    INFO(text);
    CHECK((c > ' ' && c < 127 && c != '"' && c != '\\' && c != '\''));
  }
  // Even the largest quiz the format allows stays within the limit.
  const ModulePlan huge = make_plan(1000, 1000);
  CHECK(encode_state(huge, busy_state(huge)).size() <= scorm12::kSuspendDataMax);
}

TEST_CASE("the worst case fits cmi.suspend_data's 4096 characters, whatever the attempts") {
  // The largest module the course format allows (course_schema.cc: 1000 lessons, 1000
  // questions of 26 choices), every answer the last letter, every lesson viewed, every
  // number at its largest: the attempt count (no cap: retakes until passed), time, seed.
  ModulePlan plan = make_plan(1000, 1000);
  const LearnerState state = worst_state(plan);
  const std::string text = encode_state(plan, state);
  INFO(text.size());
  CHECK(text.size() <= scorm12::kSuspendDataMax);
  // And it reads back whole: nothing was cut to make it fit.
  const DecodedState decoded = decode_state(plan, text, 1);
  REQUIRE(decoded.error.empty());
  CHECK(decoded.state.attempts == UINT32_MAX);
  CHECK(decoded.state.last_correct == 1000);
  CHECK(decoded.state.posttest == state.posttest);
}

TEST_CASE("version 1 progress (before attempts) still decodes") {
  // Written by the version-1 encoder for make_plan(3, 2): fingerprint, phase 5 (finished)
  // at lesson 2, pre-test "ab", post-test "ba", lessons 0..2 viewed, seed 1, 60 seconds.
  const ModulePlan plan = make_plan(3, 2);
  const auto v1 = [&](std::string body) {
    std::uint32_t hash = 2166136261u;  // the check digits: FNV-1a of the body, base 36
    for (char c : body) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    std::string check;
    for (std::uint64_t value = hash; value; value /= 36) check.insert(check.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[value % 36]);
    return body + "." + check;
  };
  std::string fingerprint;
  for (std::uint64_t value = plan.fingerprint(); value; value /= 36)
    fingerprint.insert(fingerprint.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[value % 36]);
  const DecodedState finished = decode_state(plan, v1("1." + fingerprint + ".52.ab.bb.7.1.1o"), 9);
  REQUIRE(finished.error.empty());
  CHECK(finished.state.phase == Phase::finished);
  CHECK(finished.state.posttest == Answers{1, 1});
  CHECK(finished.state.seconds == 60u);
  CHECK(finished.state.attempts == 1u);  // the one post-test version 1 knew
  CHECK(finished.state.last_correct == 1);
  const DecodedState studying = decode_state(plan, v1("1." + fingerprint + ".31.ab.--.3.1.1o"), 9);
  REQUIRE(studying.error.empty());
  CHECK(studying.state.phase == Phase::lessons);
  CHECK(studying.state.attempts == 0u);
  // Re-encoded, it is version 2.
  CHECK(encode_state(plan, finished.state).starts_with("2."));
}

TEST_CASE("what is encoded decodes to the same state") {
  const ModulePlan plan = make_plan(40, 20);
  const LearnerState state = busy_state(plan);
  const DecodedState decoded = decode_state(plan, encode_state(plan, state), 7);
  REQUIRE(decoded.error.empty());
  check_same_state(decoded.state, state);

  LearnerState partial = LearnerState::start(plan, 42);
  partial.phase = Phase::pretest;
  partial.pretest[3] = 2;
  partial.viewed[37] = true;
  const DecodedState again = decode_state(plan, encode_state(plan, partial), 7);
  REQUIRE(again.error.empty());
  CHECK(again.state.pretest == partial.pretest);
  CHECK(again.state.viewed == partial.viewed);
  CHECK(again.state.seed == 42u);
}

TEST_CASE("empty suspend_data is a first launch, not an error") {
  const ModulePlan plan = make_plan(3, 2);
  const DecodedState decoded = decode_state(plan, "", 9);
  CHECK(decoded.error.empty());
  CHECK(decoded.state.phase == Phase::home);
  CHECK(decoded.state.seed == 9u);
}

void check_refused(const ModulePlan& plan, const std::string& text, const std::string& reason) {
  INFO(text);
  const DecodedState decoded = decode_state(plan, text, 5);
  CHECK(decoded.error == reason);
  CHECK(decoded.state.phase == Phase::home);
  CHECK(decoded.state.seed == 5u);
  CHECK(decoded.state.pretest == std::vector<int>(plan.questions.size(), kNoAnswer));
  CHECK(decoded.state.viewed == std::vector<bool>(plan.lessons.size(), false));
}

TEST_CASE("garbage, truncated or foreign suspend_data falls back to a fresh start with the reason") {
  const ModulePlan plan = make_plan(5, 5);
  const std::string good = encode_state(plan, busy_state(plan));
  check_refused(plan, "hello world", "saved progress is not in a format this player reads");
  check_refused(plan, "{\"page\":3}", "saved progress is not in a format this player reads");
  check_refused(plan, good.substr(0, good.size() / 2), "saved progress is truncated");
  check_refused(plan, good.substr(0, good.size() - 1), "saved progress is damaged (check digits differ)");
  check_refused(plan, good + ".x", "saved progress has too many fields");
  std::string edited = good;
  edited[good.find('.', 2) + 1] = '1';  // phase changed by hand
  check_refused(plan, edited, "saved progress is damaged (check digits differ)");
  ModulePlan other = plan;
  other.module_id = "other";
  check_refused(other, good, "saved progress belongs to another module or to an earlier version of this one");
  ModulePlan changed = plan;
  changed.questions[2].correct = 3;
  check_refused(changed, good, "saved progress belongs to another module or to an earlier version of this one");
}

TEST_CASE("no byte sequence makes decoding crash") {
  const ModulePlan plan = make_plan(7, 5);
  const std::string good = encode_state(plan, busy_state(plan));
  // Every truncation, every single-character change to a few alphabets, and a
  // deterministic stream of random texts: all must come back as a value.
  for (std::size_t n = 0; n <= good.size(); ++n) (void)decode_state(plan, good.substr(0, n), 1);
  const char raw[] = "0123456789abcz-.\xff\x00/";
  const std::string alphabet(raw, sizeof raw - 1);  // NUL included
  for (std::size_t i = 0; i < good.size(); ++i)
    for (char c : alphabet) {
      std::string text = good;
      text[i] = c;
      const DecodedState decoded = decode_state(plan, text, 1);
      if (text != good) CHECK(!decoded.error.empty());
    }
  std::uint32_t x = 12345;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int length = static_cast<int>(x % 64);
    for (int i = 0; i < length; ++i) {
      x ^= x << 13;
      x ^= x >> 17;
      x ^= x << 5;
      text += static_cast<char>(x % 7 == 0 ? '.' : x & 0xff);
    }
    (void)decode_state(plan, text, 1);
  }
  SUCCEED("no crash");
}

}  // namespace
}  // namespace coursepack
