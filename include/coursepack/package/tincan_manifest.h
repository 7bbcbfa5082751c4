#pragma once
// tincan.xml for a TinCan-launch (xAPI) package (shared/specs/tincan-launch.md): one
// launchable activity, the module, named and described in every course language.

#include <string>
#include <string_view>

#include "coursepack/core/course.h"

namespace coursepack {

/// Activity-definition extensions carrying the course's credits (docs/course-format.md,
/// "Credits"): the licence's address (its SPDX id when it has none) and "© <copyright>".
inline constexpr std::string_view kLicenseExtension = "https://coursepack.dev/xapi/extensions/license";
inline constexpr std::string_view kCopyrightExtension = "https://coursepack.dev/xapi/extensions/copyright";

/// The tincan.xml of `module`, launching `launch` (relative to the package root) in
/// `language`; with the credit extensions when the course has credits.
std::string tincan_manifest(const Course& course, const Module& module, const std::string& language,
                            const std::string& launch);

}  // namespace coursepack
