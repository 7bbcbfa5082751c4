#include "coursepack/package/course_folder.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <set>
#include <system_error>

#include "coursepack/core/lesson_media.h"
#include "coursepack/package/html.h"

namespace coursepack {
namespace fs = std::filesystem;

namespace {

using File = SourceFiles::File;
using Status = SourceFiles::Status;

std::string reason_of(int error) {
  if (error == ELOOP) return "a symbolic link loop";
  if (error == EACCES || error == EPERM) return "permission denied";
  std::string reason = std::strerror(error);
  if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reason[0])));
  return reason;
}

// Reads `path`, a file of the course whose folder resolves to `root`, as every source file
// is read: it must resolve (through symbolic links of the file or of a folder on the way)
// inside the course folder, be a regular file (a FIFO would hang the read, /dev/zero never
// end it) and hold at most `limit` bytes. Opened without blocking and checked on the open
// descriptor, so that what is read is what was checked.
File read_inside(const fs::path& root, const fs::path& path, std::size_t limit) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(path, ec))) return ec && ec != std::errc::no_such_file_or_directory
                                                           ? File{Status::unreadable, {}, reason_of(ec.value())}
                                                           : File{Status::missing, {}};
  const fs::path real = fs::canonical(path, ec);
  if (ec) return ec == std::errc::no_such_file_or_directory ? File{Status::missing, {}}
                                                            : File{Status::unreadable, {}, reason_of(ec.value())};
  const auto [root_end, ignored] = std::mismatch(root.begin(), root.end(), real.begin(), real.end());
  if (root_end != root.end()) return {Status::outside_course, {}};
  const int fd = ::open(real.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return {Status::unreadable, {}, reason_of(errno)};
  File file{Status::ok, {}};
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    file = {Status::unreadable, {}, reason_of(errno)};
  } else if (!S_ISREG(info.st_mode)) {
    file = {Status::not_a_file, {}};
  } else if (static_cast<std::uintmax_t>(info.st_size) > limit) {
    file = {Status::too_large, {}};
  } else {
    // The size may change while reading: never read past the limit.
    char buffer[65536];
    while (true) {
      const ssize_t n = ::read(fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        file = {Status::unreadable, {}, reason_of(errno)};
        break;
      }
      if (n == 0) break;
      if (file.content.size() + static_cast<std::size_t>(n) > limit) {
        file = {Status::too_large, {}};
        break;
      }
      file.content.append(buffer, static_cast<std::size_t>(n));
    }
  }
  ::close(fd);
  return file;
}

fs::path canonical_folder(const fs::path& folder) {
  std::error_code ec;
  return fs::weakly_canonical(folder, ec);
}

// Files of the course folder. Paths reach here already checked for "..", absolute forms
// and backslashes.
class DiskSourceFiles : public SourceFiles {
 public:
  DiskSourceFiles(fs::path folder, std::size_t limit)
      : folder_(std::move(folder)), root_(canonical_folder(folder_)), limit_(limit) {}

  File read(std::string_view relative_path) const override {
    return read_inside(root_, folder_ / fs::path(std::string(relative_path)), limit_);
  }

 private:
  fs::path folder_;
  fs::path root_;
  std::size_t limit_;
};

// course.json read like a lesson file; on failure, the message saying why.
File read_course_json(const fs::path& folder) {
  return read_inside(canonical_folder(folder), folder / "course.json", SourceFiles::max_file_size);
}

std::string course_json_problem(const File& file) {
  switch (file.status) {
    case Status::ok: return {};
    case Status::missing: return "does not exist";
    case Status::outside_course: return "is a link leading outside the course folder";
    case Status::not_a_file: return "is not a regular file";
    case Status::too_large:
      return "is larger than " + std::to_string(SourceFiles::max_file_size / (1024 * 1024)) + " MB";
    case Status::unreadable: return "cannot be read: " + file.reason;
  }
  return {};
}

// A course.json entry of any kind, even a broken link: reading it says what is wrong.
bool has_course_json(const fs::path& folder) {
  std::error_code ec;
  return fs::exists(fs::symlink_status(folder / "course.json", ec));
}

std::string display_path(const fs::path& path) { return path.lexically_normal().generic_string(); }

// The images and files the lessons of a read course reference: each one checked (located
// in the lesson file) and read into course.media. Runs on a course without errors, since
// its lesson texts are then known to be there and valid UTF-8.
void load_lesson_media(const CourseLocation& location, const SourceFiles& files, CourseReadResult& result) {
  Course& course = *result.course;
  const auto slash = location.display.rfind('/');
  const std::string folder = slash == std::string::npos ? "" : location.display.substr(0, slash + 1);
  // A file read by several languages is checked once per version its readers see: a
  // region variant's passage variants may reference images the base language's do not.
  std::set<std::pair<std::string, std::string>> seen;
  std::vector<Diagnostic> errors;
  for (const auto& module : course.modules) {
    for (const auto& lesson : module.lessons) {
      for (const auto& [language, path] : lesson.file) {
        const auto text = lesson.markdown.find(language);
        if (text == lesson.markdown.end() || !seen.emplace(path, text->second).second) continue;
        check_lesson_media(folder + path, path, find_media(text->second), files, errors, course.media);
      }
    }
  }
  if (errors.empty()) return;
  result.course.reset();
  result.diagnostics.insert(result.diagnostics.end(), errors.begin(), errors.end());
  sort_diagnostics(result.diagnostics);
  // The same image in two versions of one file is one problem.
  result.diagnostics.erase(std::unique(result.diagnostics.begin(), result.diagnostics.end(),
                                       [](const Diagnostic& a, const Diagnostic& b) {
                                         return a.to_string() == b.to_string();
                                       }),
                           result.diagnostics.end());
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
  if (has_course_json(path)) {
    search.courses.push_back({path, display_path(path / "course.json")});
    return search;
  }
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(path, ec))
    if (entry.is_directory(ec) && has_course_json(entry.path())) folders.push_back(entry.path());
  std::sort(folders.begin(), folders.end());
  for (const auto& folder : folders) search.courses.push_back({folder, display_path(folder / "course.json")});
  if (search.courses.empty()) at_path("no course.json here nor in its subfolders");
  return search;
}

CourseReadResult load_course(const CourseLocation& location) {
  const File course_json = read_course_json(location.folder);
  if (course_json.status != Status::ok) {
    CourseReadResult result;
    result.diagnostics.push_back({location.display, {1, 1}, "", course_json_problem(course_json)});
    return result;
  }
  const DiskSourceFiles lessons(location.folder, SourceFiles::max_file_size);
  CourseReadResult result = read_course(course_json.content, location.display, lessons);
  if (result.course) load_lesson_media(location, DiskSourceFiles(location.folder, SourceFiles::max_media_size), result);
  return result;
}

TextPosition locate_in_course(const CourseLocation& location, std::string_view pointer) {
  const File course_json = read_course_json(location.folder);
  if (course_json.status != Status::ok || find_over_limits(course_json.content)) return {};
  return JsonIndex::scan(course_json.content).value_position(pointer);
}

}  // namespace coursepack
