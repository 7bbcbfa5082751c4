#include "coursepack/core/learner_state.h"

#include <array>

namespace coursepack {
namespace {

// Layout, fields separated by ".":
//   2 . fingerprint . phase+lesson . pretest . posttest . viewed . seed . seconds . attempts . last . check
// version "2"; numbers in base 36; answers one letter per question ("a" = first choice,
// "-" = none); viewed lessons as hexadecimal, four lessons a digit; attempts: post-tests
// submitted; last: right answers in the last one; check is a digest of all that comes
// before it, so a truncated or edited text is caught.
// Version 1 (saved by earlier packages, still read): the same without attempts and last.
constexpr char kVersion = '2';
constexpr char kVersion1 = '1';
constexpr std::size_t kFields = 11;
constexpr std::size_t kFields1 = 9;

std::string base36(std::uint64_t value) {
  constexpr char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string out;
  do {
    out.insert(out.begin(), digits[value % 36]);
    value /= 36;
  } while (value);
  return out;
}

bool parse_base36(std::string_view text, std::uint64_t max, std::uint64_t& out) {
  if (text.empty() || text.size() > 13) return false;
  std::uint64_t value = 0;
  for (char c : text) {
    int digit;
    if (c >= '0' && c <= '9')
      digit = c - '0';
    else if (c >= 'a' && c <= 'z')
      digit = c - 'a' + 10;
    else
      return false;
    value = value * 36 + static_cast<std::uint64_t>(digit);
  }
  if (value > max) return false;
  out = value;
  return true;
}

std::uint32_t digest(std::string_view text) {
  std::uint32_t hash = 2166136261u;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 16777619u;
  }
  return hash;
}

std::string answers_text(const Answers& answers) {
  std::string out;
  for (int answer : answers) out += answer == kNoAnswer ? '-' : static_cast<char>('a' + answer);
  return out;
}

bool parse_answers(const ModulePlan& plan, std::string_view text, Answers& out) {
  if (text.size() != plan.questions.size()) return false;
  out.assign(text.size(), kNoAnswer);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '-') continue;
    const int choice = text[i] - 'a';
    if (choice < 0 || choice >= plan.questions[i].choices) return false;
    out[i] = choice;
  }
  return true;
}

std::string viewed_text(const std::vector<bool>& viewed) {
  constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < viewed.size(); i += 4) {
    int nibble = 0;
    for (std::size_t bit = 0; bit < 4 && i + bit < viewed.size(); ++bit)
      if (viewed[i + bit]) nibble |= 1 << bit;
    out += hex[nibble];
  }
  return out;
}

bool parse_viewed(std::size_t lessons, std::string_view text, std::vector<bool>& out) {
  if (text.size() != (lessons + 3) / 4) return false;
  out.assign(lessons, false);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const int nibble = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (nibble < 0) return false;
    for (std::size_t bit = 0; bit < 4; ++bit) {
      const bool set = nibble & (1 << bit);
      if (i * 4 + bit < lessons)
        out[i * 4 + bit] = set;
      else if (set)
        return false;  // a lesson past the end
    }
  }
  return true;
}

}  // namespace

LearnerState LearnerState::start(const ModulePlan& plan, std::uint32_t seed) {
  LearnerState state;
  state.pretest.assign(plan.questions.size(), kNoAnswer);
  state.posttest.assign(plan.questions.size(), kNoAnswer);
  state.viewed.assign(plan.lessons.size(), false);
  state.seed = seed;
  return state;
}

std::string encode_state(const ModulePlan& plan, const LearnerState& state) {
  std::string text;
  text += kVersion;
  text += '.' + state_fingerprint_field(plan);
  text += '.' + std::to_string(static_cast<int>(state.phase)) + base36(static_cast<std::uint64_t>(state.lesson));
  text += '.' + answers_text(state.pretest);
  text += '.' + answers_text(state.posttest);
  text += '.' + viewed_text(state.viewed);
  text += '.' + base36(state.seed);
  text += '.' + base36(state.seconds);
  text += '.' + base36(state.attempts);
  text += '.' + base36(static_cast<std::uint64_t>(state.last_correct));
  text += '.' + state_check_field(text);
  return text;
}

DecodedState decode_state(const ModulePlan& plan, std::string_view text, std::uint32_t fresh_seed) {
  DecodedState result{LearnerState::start(plan, fresh_seed), {}};
  const auto refuse = [&](std::string why) {
    result.state = LearnerState::start(plan, fresh_seed);
    result.error = std::move(why);
    return result;
  };
  if (text.empty()) return result;  // a first launch, not an error

  std::array<std::string_view, kFields> fields;
  std::size_t count = 0, start = 0;
  while (true) {
    const auto dot = text.find('.', start);
    if (count == kFields) return refuse("saved progress has too many fields");
    fields[count++] = text.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  if (fields[0].size() != 1 || (fields[0][0] != kVersion && fields[0][0] != kVersion1))
    return refuse("saved progress is not in a format this player reads");
  const bool version1 = fields[0][0] == kVersion1;
  const std::size_t expected = version1 ? kFields1 : kFields;
  if (count != expected) return refuse(count < expected ? "saved progress is truncated" : "saved progress has too many fields");
  const std::string_view check_field = fields[expected - 1];
  const auto body = text.substr(0, text.size() - check_field.size() - 1);
  std::uint64_t check = 0;
  if (!parse_base36(check_field, UINT32_MAX, check) || check != digest(body))
    return refuse("saved progress is damaged (check digits differ)");

  std::uint64_t fingerprint = 0;
  if (!parse_base36(fields[1], UINT32_MAX, fingerprint) || fingerprint != plan.fingerprint())
    return refuse("saved progress belongs to another module or to an earlier version of this one");

  LearnerState& state = result.state;
  std::uint64_t number = 0;
  if (fields[2].size() < 2 || fields[2][0] < '0' || fields[2][0] > '5')
    return refuse("saved progress has an unknown step");
  state.phase = static_cast<Phase>(fields[2][0] - '0');
  if (!parse_base36(fields[2].substr(1), plan.lessons.size() - 1, number))
    return refuse("saved progress names a lesson out of range");
  state.lesson = static_cast<int>(number);
  if (!parse_answers(plan, fields[3], state.pretest) || !parse_answers(plan, fields[4], state.posttest))
    return refuse("saved progress has answers that do not fit the quiz");
  if (!parse_viewed(plan.lessons.size(), fields[5], state.viewed))
    return refuse("saved progress has lessons that do not fit the module");
  if (!parse_base36(fields[6], UINT32_MAX, number)) return refuse("saved progress has a bad seed");
  state.seed = static_cast<std::uint32_t>(number);
  if (!parse_base36(fields[7], UINT32_MAX, number)) return refuse("saved progress has a bad time");
  state.seconds = static_cast<std::uint32_t>(number);
  if (version1) {
    // Version 1 knew one post-test: a finished state is that one attempt.
    if (state.phase == Phase::finished) {
      state.attempts = 1;
      state.last_correct = score_quiz(plan, state.posttest).correct;
    }
  } else {
    if (!parse_base36(fields[8], UINT32_MAX, number)) return refuse("saved progress has a bad attempt count");
    state.attempts = static_cast<std::uint32_t>(number);
    if (!parse_base36(fields[9], plan.questions.size(), number)) return refuse("saved progress has a bad last score");
    state.last_correct = static_cast<int>(number);
    if (state.phase == Phase::finished && state.attempts == 0)
      return refuse("saved progress is finished without an attempt");
  }
  // A state past a quiz must hold that quiz complete.
  if (state.phase >= Phase::results && !quiz_complete(plan, state.pretest))
    return refuse("saved progress is past the pre-test without its answers");
  if (state.phase == Phase::finished && !quiz_complete(plan, state.posttest))
    return refuse("saved progress is finished without post-test answers");
  return result;
}

std::string state_fingerprint_field(const ModulePlan& plan) { return base36(plan.fingerprint()); }

std::string state_check_field(std::string_view body) { return base36(digest(body)); }

}  // namespace coursepack
