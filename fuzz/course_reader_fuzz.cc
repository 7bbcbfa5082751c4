// The course reader and validator: course.json text in, diagnostics out.
// Input: course.json, then optionally a NUL byte and the text every lesson file holds
// (an in-memory course folder: any .md path the course names reads as that text, other
// paths are missing). Diagnostics are also formatted, as the CLI prints them.

#include <string>

#include "coursepack/core/course_reader.h"
#include "fuzz_input.h"

namespace {

class OneLessonFolder : public coursepack::SourceFiles {
 public:
  explicit OneLessonFolder(std::string_view lesson) : lesson_(lesson) {}
  File read(std::string_view relative_path) const override {
    if (relative_path.size() < 3 || relative_path.substr(relative_path.size() - 3) != ".md") return {};
    return {Status::ok, std::string(lesson_)};
  }

 private:
  std::string_view lesson_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input = coursepack::fuzz::as_text(data, size);
  std::string_view lesson = "# Lesson\n\nText.\n";
  if (const auto nul = input.find('\0'); nul != std::string_view::npos) {
    lesson = input.substr(nul + 1);
    input = input.substr(0, nul);
  }
  const OneLessonFolder folder(lesson);
  const coursepack::CourseReadResult result = coursepack::read_course(input, "course.json", folder);
  for (const auto& diagnostic : result.diagnostics) (void)diagnostic.to_string();
  for (const auto& warning : result.warnings) (void)warning.to_string();
  return 0;
}
