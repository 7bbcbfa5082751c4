#pragma once
// The HTML pages of one module in one language: its home page (outcomes, lessons, quiz)
// and one page per lesson.

#include <map>
#include <string>

#include "coursepack/core/course.h"

namespace coursepack {

/// Relative path inside the package -> file content.
using PackageFiles = std::map<std::string, std::string>;

/// Adds `<prefix>index.html` and `<prefix>lessons/<id>.html` to `files`. `root` is the
/// relative path from those pages back to the package root ("" or "../"...), where
/// player.css stands.
void render_module_pages(const Course& course, const Module& module, const std::string& language,
                         const std::string& prefix, PackageFiles& files);

/// Adds the shared files every package carries (player.css).
void add_player_files(PackageFiles& files);

}  // namespace coursepack
