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

/// The course-level path (issue 9): one page at the package root running the whole
/// course as one module (one pre-test of every module's questions, the lessons grouped by
/// module, one post-test) over the course plan (make_course_plan). Adds "index.html".
void render_course_page(const Course& course, const std::string& language, PackageFiles& files);

/// The whole course as one module, for the course page: every lesson and question in
/// course order, the course's title, description and outcomes, its attempts rule.
Module whole_course_module(const Course& course);

/// The player's scripts, in the order the page loads them (each builds on the ones
/// before); the package holds them under these paths.
inline constexpr const char* kPlayerScripts[] = {
    "player/common.js", "player/scorm12_store.js", "player/local_store.js", "player/xapi_launch.js",
    "player/statement_queue.js", "player/xapi_store.js", "player/navigation.js", "player/chart.js",
    "player/screens.js", "player/course_path.js", "player/main.js",
};

/// True for the files every module of a package shares: those at the root (player.css,
/// coursepack-runtime.js) and the player's scripts.
bool is_shared_player_file(const std::string& path);

/// Adds the shared files every package carries: player.css, the player's scripts and
/// coursepack-runtime.js (the WebAssembly core).
void add_player_files(PackageFiles& files);

}  // namespace coursepack
