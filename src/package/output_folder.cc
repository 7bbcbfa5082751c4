#include "coursepack/package/output_folder.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
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

}  // namespace

std::string publish_packages(const fs::path& folder, const std::vector<BuiltPackage>& packages) {
  std::error_code ec;
  const bool existed = fs::exists(folder, ec);
  if (existed && !fs::is_directory(folder, ec)) return folder.string() + ": exists and is not a folder";
  if (!existed && !fs::create_directories(folder, ec)) return "cannot create " + folder.string() + ": " + ec.message();

  const fs::path staging = folder / (".coursepack-staging-" + std::to_string(::getpid()));
  const auto give_up = [&](std::string message) {
    fs::remove_all(staging, ec);
    if (!existed) fs::remove_all(folder, ec);
    return message;
  };
  fs::remove_all(staging, ec);
  if (!fs::create_directory(staging, ec)) return give_up("cannot create " + staging.string() + ": " + ec.message());
  for (const auto& package : packages)
    if (auto error = write_synced(staging / package.file_name, package.bytes); !error.empty()) return give_up(error);

  // rename() within one folder is atomic: each package appears whole or not at all.
  for (const auto& package : packages) {
    fs::rename(staging / package.file_name, folder / package.file_name, ec);
    if (ec) return give_up("cannot move " + package.file_name + " into " + folder.string() + ": " + ec.message());
  }
  fs::remove(staging, ec);
  sync_folder(folder);
  return {};
}

}  // namespace coursepack
