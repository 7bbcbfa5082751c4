#pragma once
// Checks that the quizzes and the timing cover the lessons: every lesson tested by a
// question of its module (the pre-test can then recommend it), and lesson minutes that add
// up to the declared online time. Pure functions over the course model.

#include <vector>

#include "coursepack/core/course.h"
#include "coursepack/core/course_warnings.h"

namespace coursepack {

/// lesson-untested: a lesson that no question of its module lists in `tests`.
/// Pointers are relative to the module ("/lessons/1").
std::vector<Finding> check_untested_lessons(const Module& module);

/// lesson-minutes: when at least one lesson gives its minutes, their sum differs from
/// workload.online_minutes. Pointer "/workload/online_minutes".
std::vector<Finding> check_lesson_minutes(const Course& course);

}  // namespace coursepack
