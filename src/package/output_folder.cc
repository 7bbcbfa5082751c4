#include "coursepack/package/output_folder.h"

#include <fcntl.h>
#include <linux/fs.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace coursepack {
namespace fs = std::filesystem;
namespace {

// Writes one file. Not synced here: publish() syncs the whole staging folder at once
// (syncfs), much cheaper than one fsync per package on a catalog of thousands.
std::string write_file(const fs::path& path, const std::string& bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return "cannot create " + path.string() + ": " + std::strerror(errno);
  ::fchmod(fd, 0644);  // whatever the umask: packages are the same files for every user
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
  if (::close(fd) != 0) return "cannot write " + path.string() + ": " + std::strerror(errno);
  return {};
}

// Syncs the file system holding `folder` (its files and the folder itself). Returns "" or why not.
std::string sync_file_system(const fs::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return "cannot sync " + folder.string() + ": " + std::strerror(errno);
  const bool synced = ::syncfs(fd) == 0;
  const int error = errno;
  ::close(fd);
  return synced ? "" : "cannot sync " + folder.string() + ": " + std::strerror(error);
}

void sync_folder(const fs::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

// A file that rename() cannot replace whatever the permissions: chattr +i or +a.
bool immutable(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return false;
  int flags = 0;
  const bool known = ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
  ::close(fd);
  return known && (flags & (FS_IMMUTABLE_FL | FS_APPEND_FL));
}

// The process id a staging folder's name ends with, or 0.
pid_t staging_pid(const std::string& name) {
  if (!name.starts_with(kStagingPrefix)) return 0;
  const std::string digits = name.substr(kStagingPrefix.size());
  char* end = nullptr;
  const long pid = std::strtol(digits.c_str(), &end, 10);
  return !digits.empty() && *end == '\0' && pid > 0 && pid <= 0x7fffffff ? static_cast<pid_t>(pid) : 0;
}

// Staging folders of builds that were killed (SIGKILL, power loss) are removed: their
// process is gone. One whose process lives (another build writing into the same folder,
// or an unrelated process that got the same id) is left alone, and reported.
void clear_stale_staging(const fs::path& folder, std::vector<std::string>& notes) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const pid_t pid = staging_pid(entry.path().filename().string());
    if (pid == 0 || pid == ::getpid()) continue;
    if (::kill(pid, 0) == 0 || errno == EPERM) {
      notes.push_back("left " + entry.path().string() + " alone: process " + std::to_string(pid) +
                      " still runs (another build?); remove it once that build is over");
      continue;
    }
    std::error_code remove_error;
    fs::remove_all(entry.path(), remove_error);
    notes.push_back(remove_error ? "cannot remove " + entry.path().string() + ", left by a build that stopped: " +
                                       remove_error.message()
                                 : "removed " + entry.path().string() + ", left by a build that stopped");
  }
}

std::error_code rename_file(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  fs::rename(from, to, ec);
  return ec;
}

}  // namespace

OutputFolder::OutputFolder(fs::path folder, RenameFile rename)
    : folder_(std::move(folder)), rename_(rename ? std::move(rename) : RenameFile(rename_file)) {}

OutputFolder::~OutputFolder() {
  std::error_code ignored;
  if (opened_ && !keep_staging_) fs::remove_all(staging_, ignored);
  if (created_ && opened_ && !keep_staging_ && fs::is_empty(folder_, ignored)) fs::remove(folder_, ignored);
}

std::string OutputFolder::open(const std::vector<PackageName>& names, std::vector<std::string>& notes) {
  if (auto clash = package_name_clash_message(names); !clash.empty()) return clash;
  std::error_code ec;
  const bool existed = fs::exists(folder_, ec);
  if (existed && !fs::is_directory(folder_, ec)) return folder_.string() + ": exists and is not a folder";
  if (existed) {
    clear_stale_staging(folder_, notes);
    for (const auto& name : names) {
      const fs::path target = folder_ / name.file_name;
      const auto status = fs::symlink_status(target, ec);
      if (fs::is_directory(status))
        return target.string() + ": a folder is where this package goes; nothing was written";
      if (fs::is_regular_file(status) && immutable(target))
        return target.string() + ": cannot be replaced (immutable or append-only: lsattr shows it); nothing was written";
    }
    if (::access(folder_.c_str(), W_OK | X_OK) != 0)
      return "cannot write into " + folder_.string() + ": " + std::strerror(errno) + "; nothing was written";
  } else {
    if (!fs::create_directories(folder_, ec)) return "cannot create " + folder_.string() + ": " + ec.message();
    created_ = true;
  }
  staging_ = folder_ / (std::string(kStagingPrefix) + std::to_string(::getpid()));
  opened_ = true;
  fs::remove_all(staging_, ec);
  if (!fs::create_directory(staging_, ec) || !fs::create_directory(staging_ / "previous", ec))
    return "cannot create " + staging_.string() + ": " + ec.message();
  return {};
}

std::string OutputFolder::stage(const std::string& file_name, const std::string& bytes) const {
  return write_file(staging_ / file_name, bytes);
}

std::string OutputFolder::publish(const std::vector<std::string>& file_names) {
  if (auto error = sync_file_system(staging_); !error.empty()) return error;
  // rename() within one folder is atomic: each package appears whole or not at all. A file
  // it replaces goes aside first, so that a failure halfway can put everything back.
  const fs::path previous = staging_ / "previous";
  struct Move {
    std::string name;
    bool replaced;
  };
  std::vector<Move> moved;
  std::error_code ec;
  for (const auto& name : file_names) {
    const fs::path target = folder_ / name;
    const bool replaces = fs::exists(fs::symlink_status(target, ec));
    std::error_code move_error;
    if (replaces) move_error = rename_(target, previous / name);
    if (!move_error) move_error = rename_(staging_ / name, target);
    if (!move_error) {
      moved.push_back({name, replaces});
      continue;
    }
    if (replaces && !fs::exists(fs::symlink_status(target, ec))) rename_(previous / name, target);
    std::vector<std::string> unrestored;
    for (auto it = moved.rbegin(); it != moved.rend(); ++it) {
      std::error_code undo;
      fs::remove(folder_ / it->name, undo);
      if (!undo && it->replaced) undo = rename_(previous / it->name, folder_ / it->name);
      if (undo) unrestored.push_back(it->name);
    }
    std::string message = "cannot move " + name + " into " + folder_.string() + ": " + move_error.message();
    if (unrestored.empty())
      return message + "; the " + std::to_string(moved.size()) + (moved.size() == 1 ? " package" : " packages") +
             " moved before it " + (moved.size() == 1 ? "was" : "were") + " taken back: " + folder_.string() +
             " is as it was";
    // The staging folder keeps the previous versions that could not go back.
    keep_staging_ = true;
    restored_ = false;
    std::string list;
    for (const auto& item : unrestored) list += (list.empty() ? "" : ", ") + item;
    return message + "; could not restore " + list + ": the previous versions are in " + previous.string();
  }
  fs::remove_all(staging_, ec);
  opened_ = false;
  sync_folder(folder_);
  return {};
}

std::string publish_packages(const fs::path& folder, const std::vector<BuiltPackage>& packages,
                             std::vector<std::string>* notes) {
  std::vector<PackageName> names;
  std::vector<std::string> file_names;
  for (const auto& package : packages) {
    names.push_back({package.file_name, package.course_id, package.module_id, package.language, package.format, {}});
    file_names.push_back(package.file_name);
  }
  std::vector<std::string> ignored;
  OutputFolder out(folder);
  if (auto error = out.open(names, notes ? *notes : ignored); !error.empty()) return error;
  for (const auto& package : packages)
    if (auto error = out.stage(package.file_name, package.bytes); !error.empty()) return error;
  return out.publish(file_names);
}

}  // namespace coursepack
