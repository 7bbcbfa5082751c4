#pragma once
// The page of one module in one language: every screen of the player (home, quiz,
// results, lessons, final) as plain HTML, with the module plan for the runtime.

#include <map>
#include <string>

#include "coursepack/core/course.h"

namespace coursepack {

/// Relative path inside the package -> file content.
using PackageFiles = std::map<std::string, std::string>;

/// Adds `<prefix>index.html` to `files`; it links the shared player files at the package
/// root ("../" for each folder in `prefix`).
void render_module_pages(const Course& course, const Module& module, const std::string& language,
                         const std::string& prefix, PackageFiles& files);

/// Adds the shared files every package carries: player.css, player.js and
/// coursepack-runtime.js (the WebAssembly core).
void add_player_files(PackageFiles& files);

}  // namespace coursepack
