#include "coursepack/package/output_folder.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <map>
#include <cstring>
#include <system_error>

namespace coursepack {
namespace fs = std::filesystem;
namespace {

// Writes and fsyncs one file: a package that reached its final name is complete.
std::string write_synced(const fs::path& path, const std::string& bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return "cannot create " + path.string() + ": " + std::strerror(errno);
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string message = "cannot write " + path.string() + ": " + std::strerror(errno);
      ::close(fd);
      return message;
    }
    done += static_cast<std::size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  const bool closed = ::close(fd) == 0;
  if (!synced || !closed) return "cannot write " + path.string() + ": " + std::strerror(errno);
  return {};
}

void sync_folder(const fs::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}


constexpr std::string_view kStagingPrefix = ".coursepack-staging-";

// Staging folders of builds that were killed: their process is gone. A live build's
// folder (another coursepack writing into the same OUT) is left alone.
void remove_stale_staging(const fs::path& folder, std::vector<std::string>* notes) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(kStagingPrefix)) continue;
    const std::string pid_text = name.substr(kStagingPrefix.size());
    char* end = nullptr;
    const long pid = std::strtol(pid_text.c_str(), &end, 10);
    const bool alive = end && *end == '\0' && pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
    if (alive && pid != ::getpid()) continue;
    std::error_code remove_error;
    fs::remove_all(entry.path(), remove_error);
    if (notes)
      notes->push_back(remove_error ? "cannot remove " + entry.path().string() + ", left by a build that stopped: " +
                                          remove_error.message()
                                    : "removed " + entry.path().string() + ", left by a build that stopped");
  }
}

std::string folded(std::string name) {
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

std::string origin(const BuiltPackage& package) {
  return package.course_id.empty() ? package.file_name
                                   : "course " + package.course_id +
                                         (package.module_id.empty() ? "" : " module " + package.module_id) + " (" +
                                         package.language + ", " + package.format + ")";
}

}  // namespace

std::string publish_packages(const fs::path& folder, const std::vector<BuiltPackage>& packages,
                             std::vector<std::string>* notes) {
  // Two packages of one name (course "a" module "b_c" and course "a_b" module "c"; or
  // names that differ only in case, one file on macOS and Windows): refused before any write.
  std::map<std::string, const BuiltPackage*> by_name;
  for (const auto& package : packages) {
    auto [it, added] = by_name.emplace(folded(package.file_name), &package);
    if (!added)
      return "two packages would both be named " + package.file_name + ": " + origin(*it->second) + " and " +
             origin(package) + "; rename a course or module id";
  }
  std::error_code ec;
  const bool existed = fs::exists(folder, ec);
  if (existed && !fs::is_directory(folder, ec)) return folder.string() + ": exists and is not a folder";
  if (!existed && !fs::create_directories(folder, ec)) return "cannot create " + folder.string() + ": " + ec.message();
  if (existed) remove_stale_staging(folder, notes);
  for (const auto& package : packages) {
    const fs::path target = folder / package.file_name;
    if (fs::is_directory(fs::symlink_status(target, ec)))
      return target.string() + ": a folder is where this package goes; nothing was written";
  }

  const fs::path staging = folder / (std::string(kStagingPrefix) + std::to_string(::getpid()));
  const fs::path previous = staging / "previous";
  const auto give_up = [&](std::string message) {
    std::error_code ignored;
    fs::remove_all(staging, ignored);
    if (!existed) fs::remove_all(folder, ignored);
    return message;
  };
  fs::remove_all(staging, ec);
  if (!fs::create_directory(staging, ec) || !fs::create_directory(previous, ec))
    return give_up("cannot create " + staging.string() + ": " + ec.message());
  for (const auto& package : packages)
    if (auto error = write_synced(staging / package.file_name, package.bytes); !error.empty()) return give_up(error);

  // rename() within one folder is atomic: each package appears whole or not at all. A file
  // it replaces goes aside first, so that a failure halfway can put everything back.
  struct Move {
    std::string name;
    bool replaced;
  };
  std::vector<Move> moved;
  for (const auto& package : packages) {
    const fs::path target = folder / package.file_name;
    const bool replaces = fs::exists(fs::symlink_status(target, ec));
    std::error_code move_error;
    if (replaces) fs::rename(target, previous / package.file_name, move_error);
    if (!move_error) fs::rename(staging / package.file_name, target, move_error);
    if (move_error) {
      if (replaces && !fs::exists(target, ec)) fs::rename(previous / package.file_name, target, ec);
      std::vector<std::string> unrestored;
      for (auto it = moved.rbegin(); it != moved.rend(); ++it) {
        std::error_code undo;
        fs::remove(folder / it->name, undo);
        if (it->replaced) fs::rename(previous / it->name, folder / it->name, undo);
        if (undo) unrestored.push_back(it->name);
      }
      std::string message = "cannot move " + package.file_name + " into " + folder.string() + ": " + move_error.message();
      if (unrestored.empty())
        return give_up(message + "; the " + std::to_string(moved.size()) +
                       " packages moved before it were taken back: " + folder.string() + " is as it was");
      std::string list;
      for (const auto& name : unrestored) list += (list.empty() ? "" : ", ") + name;
      // The staging folder keeps the previous versions that could not go back.
      return message + "; could not restore " + list + ": the previous versions are in " + previous.string();
    }
    moved.push_back({package.file_name, replaces});
  }
  fs::remove_all(staging, ec);
  sync_folder(folder);
  return {};
}

}  // namespace coursepack
