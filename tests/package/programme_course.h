#pragma once
// samples/example with the fields of tests/package/fixtures/programme.json merged in
// (planned live sessions, credits, certification): the course the trainer guide, the
// About screen and the manifests' credits are tested on. The CLI and browser tests merge
// the same file.

#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "coursepack/package/course_folder.h"
#include "../temp_folder.h"

namespace coursepack::testing {

inline std::string file_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline Course programme_course() {
  namespace fs = std::filesystem;
  const fs::path source = fs::path(COURSEPACK_SOURCE_DIR) / "samples/example";
  TempFolder folder("programme-course", true);
  fs::copy(source / "lessons", folder.path / "lessons", fs::copy_options::recursive);
  auto course = nlohmann::ordered_json::parse(file_text(source / "course.json"));
  course.erase("$schema");
  const auto fields =
      nlohmann::ordered_json::parse(file_text(fs::path(COURSEPACK_SOURCE_DIR) / "tests/package/fixtures/programme.json"));
  for (const auto& [key, value] : fields.items()) course[key] = value;
  std::ofstream(folder.path / "course.json") << course.dump(2);
  const auto search = find_courses(folder.path);
  REQUIRE(search.courses.size() == 1);
  auto result = load_course(search.courses[0]);
  std::string problems;
  for (const auto& d : result.diagnostics) problems += d.to_string() + "\n";
  INFO(problems);
  REQUIRE(result.diagnostics.empty());
  return std::move(*result.course);
}

}  // namespace coursepack::testing
