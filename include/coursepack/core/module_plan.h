#pragma once
// What the player needs to know of one module to score and guide a learner: ids, the
// shape of the quiz and the answer key, the thresholds. Built from the Course at package
// time, shipped as JSON inside the package, read back by the runtime.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "coursepack/core/course.h"

namespace coursepack {

struct PlanQuestion {
  std::string id;
  int choices = 0;           // 2..26
  int correct = 0;           // index of the correct choice
  std::vector<int> lessons;  // indexes of the lessons it tests
};

struct ModulePlan {
  std::string course_id;
  std::string module_id;
  std::vector<std::string> lessons;  // lesson ids, in order
  std::vector<PlanQuestion> questions;
  int pretest_threshold = 0;  // percent
  int mastery_score = 0;      // percent

  /// A 32-bit digest of everything a saved state depends on (ids, counts, keys): saved
  /// progress from another module, or from before the quiz changed, is refused.
  std::uint32_t fingerprint() const;
};

/// The plan of `module`, a module of `course` (validated, so every reference resolves).
ModulePlan make_module_plan(const Course& course, const Module& module);

std::string module_plan_to_json(const ModulePlan& plan);

struct ModulePlanResult {
  ModulePlan plan;
  std::string error;  // empty on success
};

/// Reads what module_plan_to_json wrote; anything else gives an error, never a throw.
ModulePlanResult module_plan_from_json(std::string_view json);

}  // namespace coursepack
