// The resume-state decoder: cmi.suspend_data (or the xAPI state) in, a LearnerState or a
// fresh start with the reason out (src/core/learner_state.cc).
// Input: three bytes that shape the module (lessons, questions, choices per question),
// a fourth whose low bit asks for the fingerprint and check digits to be made right (so
// that mutations get past them to the fields behind), then the saved text.
// A state it accepts must survive encode_state and decode_state unchanged.

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "coursepack/core/learner_state.h"
#include "coursepack/core/module_plan.h"
#include "fuzz_input.h"

namespace {

coursepack::ModulePlan make_plan(int lessons, int questions, int choices) {
  coursepack::ModulePlan plan;
  plan.course_id = "course";
  plan.module_id = "module";
  for (int i = 0; i < lessons; ++i) plan.lessons.push_back("lesson-" + std::to_string(i + 1));
  for (int i = 0; i < questions; ++i)
    plan.questions.push_back({"q" + std::to_string(i + 1), choices, i % choices, {i % lessons}});
  plan.pretest_threshold = 40;
  plan.mastery_score = 80;
  return plan;
}

// The second and last fields made right, as learner_state.cc computes them.
std::string with_digests_fixed(const coursepack::ModulePlan& plan, std::string_view text) {
  std::vector<std::string> fields(1);
  for (char c : text) {
    if (c == '.')
      fields.emplace_back();
    else
      fields.back() += c;
  }
  if (fields.size() < 3) return std::string(text);
  fields[1] = coursepack::state_fingerprint_field(plan);
  std::string body;
  for (std::size_t i = 0; i + 1 < fields.size(); ++i) body += (i ? "." : "") + fields[i];
  return body + '.' + coursepack::state_check_field(body);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 4) return 0;
  const coursepack::ModulePlan plan = make_plan(1 + data[0] % 40, 1 + data[1] % 20, 2 + data[2] % 25);
  std::string text(coursepack::fuzz::as_text(data + 4, size - 4));
  if (data[3] & 1) text = with_digests_fixed(plan, text);

  const coursepack::DecodedState first = coursepack::decode_state(plan, text, 7);
  if (!first.error.empty()) return 0;
  const std::string again = coursepack::encode_state(plan, first.state);
  const coursepack::DecodedState second = coursepack::decode_state(plan, again, 8);
  if (!second.error.empty() || coursepack::encode_state(plan, second.state) != again) {
    std::fprintf(stderr, "learner_state_fuzz: an accepted state does not survive encode_state and decode_state: %s\n",
                 second.error.c_str());
    std::abort();
  }
  return 0;
}
