// XLIFF import (src/xliff): a translation file back from a translator or a tool,
// read by read_xliff, then checked and merged by plan_import into samples/example (source
// English), as `coursepack xliff import` does, once without a translation record (a
// language new to the course or written by hand) and once with an empty one.
// Input: the XLIFF file. Nothing may crash, leak or hang, and an import the plan accepts
// must give a course.json that is still JSON.

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "coursepack/xliff/import_plan.h"
#include "fuzz_input.h"

namespace {

using namespace coursepack::xliff;

std::optional<std::string> read_example(const std::string& path) {
  std::ifstream in(std::string(COURSEPACK_SOURCE_DIR) + "/samples/example/" + path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const CourseSource& example_course() {
  static const CourseSource course = [] {
    CourseSourceResult read = course_source(read_example("course.json").value_or(""), "en", read_example);
    if (!read.source) {
      std::fprintf(stderr, "xliff_import_fuzz: samples/example: %s\n", read.error.c_str());
      std::abort();
    }
    return std::move(*read.source);
  }();
  return course;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const ReadResult read = read_xliff(coursepack::fuzz::as_text(data, size));
  if (!read.document) return 0;
  for (const std::optional<Record>& record : {std::optional<Record>(), std::optional<Record>(Record{})}) {
    const ImportPlan plan = plan_import(example_course(), *read.document, record);
    if (!plan.errors.empty()) continue;
    if (auto it = plan.files.find("course.json"); it != plan.files.end() && !nlohmann::json::accept(it->second)) {
      std::fprintf(stderr, "xliff_import_fuzz: an accepted import wrote a course.json that is not JSON\n");
      std::abort();
    }
  }
  return 0;
}
