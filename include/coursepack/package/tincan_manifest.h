#pragma once
// tincan.xml for a TinCan-launch (xAPI) package (shared/specs/tincan-launch.md): one
// launchable activity, the module, named and described in every course language.

#include <string>

#include "coursepack/core/course.h"

namespace coursepack {

/// The tincan.xml of `module`, launching `launch` (relative to the package root) in
/// `language`.
std::string tincan_manifest(const Course& course, const Module& module, const std::string& language,
                            const std::string& launch);

}  // namespace coursepack
