// The module-plan decoder: the plan text a page carries in, a ModulePlan or an error out.
// A plan it accepts must survive encode_plan and decode_plan unchanged (the runtime reads
// what the packager wrote): a difference is a bug, reported as a crash.

#include <cstdio>
#include <cstdlib>

#include "coursepack/core/module_plan.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const coursepack::ModulePlanResult first = coursepack::decode_plan(coursepack::fuzz::as_text(data, size));
  if (!first.error.empty()) return 0;
  const std::string text = coursepack::encode_plan(first.plan);
  const coursepack::ModulePlanResult second = coursepack::decode_plan(text);
  if (!second.error.empty() || coursepack::encode_plan(second.plan) != text) {
    std::fprintf(stderr, "module_plan_fuzz: an accepted plan does not survive encode_plan and decode_plan: %s\n",
                 second.error.c_str());
    std::abort();
  }
  return 0;
}
