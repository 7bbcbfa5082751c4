#pragma once
// The plan a package carries in its page, quiz names included. moodle sync replays a
// learner's attempt against exactly this plan, so the packager and sync both call these:
// one definition of what a package holds, not two that could drift.

#include <string>

#include "coursepack/core/course.h"
#include "coursepack/core/module_plan.h"

namespace coursepack {

/// The plan of `module` in `language`, with "pretest"/"posttest" named "Pre-test – <module
/// title>" in every language of the course (the player's xAPI activity definitions).
ModulePlan packaged_plan(const Course& course, const Module& module, const std::string& language);

/// The course-level path's plan (make_course_plan) in `language`: "pretest"/"posttest"
/// named after the course, and "pretest:<p>"/"posttest:<p>" after module p, as each module's
/// own package names its quizzes (so reports merge both kinds of package).
ModulePlan packaged_course_plan(const Course& course, const std::string& language);

}  // namespace coursepack
