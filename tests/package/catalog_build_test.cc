// Package names across a catalog (core/package_names.h, package/catalog_names.h) and the
// catalog build on several threads (build_catalog).
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>

#include <catch2/catch.hpp>

#include "../temp_folder.h"
#include "coursepack/core/package_names.h"
#include "coursepack/package/catalog_names.h"
#include "coursepack/package/package_builder.h"
#include "sample_course.h"
#include "zip_reader.h"

namespace coursepack {
namespace {
namespace fs = std::filesystem;

TEST_CASE("package names: module packages by format, language and module; the whole course after its modules") {
  Course course = testing::example_course();
  course.modules.push_back(course.modules[0]);
  course.modules[1].id = "second";
  std::vector<std::string> files;
  for (const auto& name : course_package_names(course, {"fr", "de", "en"}, {"scorm12", "xapi"}, true))
    files.push_back(name.file_name + " " + name.pointer);
  CHECK(files == std::vector<std::string>{
                     "example_passwords_fr_scorm12.zip /modules/0/id", "example_second_fr_scorm12.zip /modules/1/id",
                     "example_fr_scorm12.zip /id", "example_passwords_en_scorm12.zip /modules/0/id",
                     "example_second_en_scorm12.zip /modules/1/id", "example_en_scorm12.zip /id",
                     "example_passwords_fr_xapi.zip /modules/0/id", "example_second_fr_xapi.zip /modules/1/id",
                     "example_passwords_en_xapi.zip /modules/0/id", "example_second_en_xapi.zip /modules/1/id"});
}

TEST_CASE("package name clashes: the same name, or names that differ only in letter case") {
  const std::vector<PackageName> names{{"a_b_c_en_xapi.zip", "a", "b_c", "en", "xapi", "/modules/0/id"},
                                       {"a_b_d_en_xapi.zip", "a", "b_d", "en", "xapi", "/modules/1/id"},
                                       {"a_b_c_en_xapi.zip", "a_b", "c", "en", "xapi", "/modules/0/id"},
                                       {"A_b_d_en_xapi.zip", "A_b", "d", "en", "xapi", "/modules/0/id"}};
  const auto clashes = find_package_name_clashes(names);
  REQUIRE(clashes.size() == 2);
  CHECK((clashes[0].first == 0 && clashes[0].second == 2));
  CHECK((clashes[1].first == 1 && clashes[1].second == 3));
  CHECK(package_name_clash_message(names) ==
        "two packages would both be named a_b_c_en_xapi.zip: course a module b_c (en, xapi) and course a_b module c "
        "(en, xapi); rename a course or module id");
}

// Two courses on disk, ids and module ids set by hand, read back as the CLI reads them.
struct Catalog {
  testing::TempFolder temp{"catalog", true};
  std::vector<Course> courses;
  std::vector<std::string> sources;

  void add(const std::string& folder, const std::string& course_id, const std::string& module_id) {
    const fs::path path = temp.path / folder;
    fs::copy(std::string(COURSEPACK_SOURCE_DIR) + "/samples/example", path, fs::copy_options::recursive);
    std::ifstream in(path / "course.json");
    std::string text{std::istreambuf_iterator<char>(in), {}};
    text.replace(text.find("\"id\": \"example\""), 15, "\"id\": \"" + course_id + "\"");
    for (auto at = text.find("\"passwords\""); at != std::string::npos; at = text.find("\"passwords\"", at))
      text.replace(at, 11, "\"" + module_id + "\"");
    std::ofstream(path / "course.json") << text;
    auto read = load_course({path, (path / "course.json").string()});
    INFO((read.diagnostics.empty() ? "" : read.diagnostics[0].to_string()));
    REQUIRE(read.course);
    courses.push_back(std::move(*read.course));
    sources.push_back((path / "course.json").string());
  }
};

TEST_CASE("validate locates a package name shared by two courses, at the later module id") {
  Catalog catalog;
  catalog.add("one", "a", "b_c");
  catalog.add("two", "a_b", "c");
  const auto diagnostics = check_package_names(catalog.courses, catalog.sources);
  REQUIRE(diagnostics.size() == 1);  // one per pair of modules, whatever the languages and formats
  const std::string module_id_at = ":37:13";  // samples/example: the first module's "id" value
  CHECK(diagnostics[0].to_string() ==
        catalog.sources[1] + module_id_at + ": /modules/0/id: package a_b_c_en_scorm12.zip of course a_b module c "
        "would also be that of course a module b_c (" + catalog.sources[0] + module_id_at +
        "); rename a course or module id");
}

TEST_CASE("validate locates ids that differ only in letter case, and whole-course packages") {
  Catalog catalog;
  catalog.add("one", "ab", "x");
  catalog.add("two", "AB", "y");      // its whole-course packages are course ab's, but for the case
  catalog.add("three", "ab_X", "z");  // its whole-course packages are course ab module x's, but for the case
  const auto diagnostics = check_package_names(catalog.courses, catalog.sources);
  REQUIRE(diagnostics.size() == 2);
  CHECK(diagnostics[0].to_string() ==
        catalog.sources[1] + ":4:9: /id: package AB_en_scorm12.zip of course AB (whole course, with --per-course) "
        "differs only in letter case from ab_en_scorm12.zip of course ab (whole course, with --per-course) (" +
        catalog.sources[0] + ":4:9): one file on macOS and Windows; rename a course or module id");
  CHECK(diagnostics[1].to_string() ==
        catalog.sources[2] + ":4:9: /id: package ab_X_en_scorm12.zip of course ab_X (whole course, with "
        "--per-course) differs only in letter case from ab_x_en_scorm12.zip of course ab module x (" +
        catalog.sources[0] + ":37:13): one file on macOS and Windows; rename a course or module id");
}

TEST_CASE("a catalog builds the same packages, in the same order, whatever the number of threads") {
  Catalog catalog;
  catalog.add("one", "first", "m");
  catalog.add("two", "second", "n");
  BuildOptions options;
  options.per_course = true;
  std::map<unsigned, std::map<std::string, std::string>> made;
  std::map<unsigned, std::vector<std::string>> listed;
  for (unsigned jobs : {1u, 3u}) {
    std::mutex mutex;
    const BuildResult result = build_catalog(catalog.courses, options, jobs, [&](BuiltPackage&& package) {
      std::lock_guard lock(mutex);
      CHECK(package.size == package.bytes.size());
      made[jobs][package.file_name] = std::move(package.bytes);
      return std::string();
    });
    REQUIRE(result.error.empty());
    for (const auto& package : result.packages) {
      CHECK(package.bytes.empty());  // the sink has them
      CHECK(package.size == made[jobs][package.file_name].size());
      listed[jobs].push_back(package.file_name);
    }
  }
  CHECK(listed[1].size() == 12);  // 2 courses x 2 languages x (2 formats + 1 whole course)
  CHECK(listed[1] == listed[3]);
  CHECK(made[1] == made[3]);
  // The same bytes as a course built alone, in memory.
  for (const auto& package : build_course_packages(catalog.courses[1], options).packages)
    CHECK(made[3][package.file_name] == package.bytes);
}

TEST_CASE("a catalog build refuses clashing names before building anything") {
  Catalog catalog;
  catalog.add("one", "a", "b_c");
  catalog.add("two", "a_b", "c");
  bool called = false;
  const BuildResult result = build_catalog(catalog.courses, {}, 2, [&](BuiltPackage&&) {
    called = true;
    return std::string();
  });
  CHECK(result.error ==
        "two packages would both be named a_b_c_en_scorm12.zip: course a module b_c (en, scorm12) and course a_b "
        "module c (en, scorm12); rename a course or module id");
  CHECK(result.packages.empty());
  CHECK_FALSE(called);
}

TEST_CASE("a sink's error stops the build and is reported, the first in plan order") {
  Catalog catalog;
  catalog.add("one", "first", "m");
  std::mutex mutex;
  std::set<std::string> refused;
  const BuildResult result = build_catalog(catalog.courses, {}, 2, [&](BuiltPackage&& package) {
    std::lock_guard lock(mutex);
    if (package.language != "fr") return std::string();
    refused.insert(package.file_name);
    return "disk full: " + package.file_name;
  });
  CHECK(result.error == "disk full: first_m_fr_scorm12.zip");
  CHECK(result.packages.empty());
}

}  // namespace
}  // namespace coursepack
