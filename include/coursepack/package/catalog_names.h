#pragma once
// Package names across a catalog, checked where the courses are on disk.

#include <string>
#include <vector>

#include "coursepack/core/course.h"
#include "coursepack/core/diagnostic.h"

namespace coursepack {

/// An error for each pair of modules (or whole courses, as --per-course packages them)
/// whose packages would be written to one file: course "a" module "b_c" and course "a_b"
/// module "c", or names that differ only in letter case (one file on macOS and Windows).
/// Each is located at the id of the later one, in its course.json (`sources[i]`, read again
/// for the position), and names the other with its position. Every language and format
/// counts: a build may ask for any of them.
std::vector<Diagnostic> check_package_names(const std::vector<Course>& courses, const std::vector<std::string>& sources);

}  // namespace coursepack
