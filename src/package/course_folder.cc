#include "coursepack/package/course_folder.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

#include "coursepack/core/lesson_media.h"
#include "coursepack/package/html.h"

namespace coursepack {
namespace fs = std::filesystem;

namespace {

bool read_file(const fs::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  out = std::move(buffer).str();
  return !in.bad();
}

// Lesson files seen from the course folder. Paths reach here already checked for
// "..", absolute forms and backslashes; what is left to catch is a symbolic link
// (of the file or of a folder on the way) that resolves outside.
class DiskSourceFiles : public SourceFiles {
 public:
  explicit DiskSourceFiles(fs::path folder) : folder_(std::move(folder)) {
    std::error_code ec;
    root_ = fs::weakly_canonical(folder_, ec);
  }

  File read(std::string_view relative_path) const override {
    std::error_code ec;
    const fs::path path = folder_ / fs::path(std::string(relative_path));
    if (!fs::exists(fs::symlink_status(path, ec)) || !fs::exists(path, ec)) return {Status::missing, {}};
    const fs::path real = fs::weakly_canonical(path, ec);
    if (ec) return {Status::missing, {}};
    const auto [root_end, ignored] = std::mismatch(root_.begin(), root_.end(), real.begin(), real.end());
    if (root_end != root_.end()) return {Status::outside_course, {}};
    if (!fs::is_regular_file(real, ec)) return {Status::not_a_file, {}};
    File file{Status::ok, {}};
    if (!read_file(real, file.content)) return {Status::missing, {}};
    return file;
  }

 private:
  fs::path folder_;
  fs::path root_;
};

std::string display_path(const fs::path& path) { return path.lexically_normal().generic_string(); }

// The images and files the lessons of a read course reference: each one checked (located
// in the lesson file) and read into course.media. Runs on a course without errors, since
// its lesson texts are then known to be there and valid UTF-8.
void load_lesson_media(const CourseLocation& location, const SourceFiles& files, CourseReadResult& result) {
  Course& course = *result.course;
  const auto slash = location.display.rfind('/');
  const std::string folder = slash == std::string::npos ? "" : location.display.substr(0, slash + 1);
  std::set<std::string> seen;
  std::vector<Diagnostic> errors;
  for (const auto& module : course.modules) {
    for (const auto& lesson : module.lessons) {
      for (const auto& [language, path] : lesson.file) {
        if (!seen.insert(path).second) continue;
        const auto text = lesson.markdown.find(language);
        if (text == lesson.markdown.end()) continue;
        check_lesson_media(folder + path, path, find_media(text->second), files, errors, course.media);
      }
    }
  }
  if (errors.empty()) return;
  result.course.reset();
  result.diagnostics.insert(result.diagnostics.end(), errors.begin(), errors.end());
  sort_diagnostics(result.diagnostics);
}

}  // namespace

CourseSearch find_courses(const fs::path& path) {
  CourseSearch search;
  std::error_code ec;
  const auto at_path = [&](std::string message) {
    search.diagnostics.push_back({display_path(path), {1, 1}, "", std::move(message)});
  };
  if (!fs::is_directory(path, ec)) {
    at_path(fs::exists(path, ec) ? "not a folder: give a course folder or a catalog folder"
                                 : "no such folder");
    return search;
  }
  if (fs::exists(path / "course.json", ec)) {
    search.courses.push_back({path, display_path(path / "course.json")});
    return search;
  }
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(path, ec))
    if (entry.is_directory(ec) && fs::exists(entry.path() / "course.json", ec)) folders.push_back(entry.path());
  std::sort(folders.begin(), folders.end());
  for (const auto& folder : folders) search.courses.push_back({folder, display_path(folder / "course.json")});
  if (search.courses.empty()) at_path("no course.json here nor in its subfolders");
  return search;
}

CourseReadResult load_course(const CourseLocation& location) {
  std::string text;
  if (!read_file(location.folder / "course.json", text)) {
    CourseReadResult result;
    result.diagnostics.push_back({location.display, {1, 1}, "", "cannot read the file"});
    return result;
  }
  const DiskSourceFiles files(location.folder);
  CourseReadResult result = read_course(text, location.display, files);
  if (result.course) load_lesson_media(location, files, result);
  return result;
}

TextPosition locate_in_course(const CourseLocation& location, std::string_view pointer) {
  std::string text;
  if (!read_file(location.folder / "course.json", text)) return {};
  return JsonIndex::scan(text).value_position(pointer);
}

}  // namespace coursepack
