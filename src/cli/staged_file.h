#pragma once
// A file written whole or not at all: the bytes go to "<path>.partial" beside it, which
// is synced and renamed over `path` by commit(); dropped without commit(), it leaves nothing.

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

namespace coursepack::cli {

class StagedFile {
 public:
  explicit StagedFile(std::string path) : path_(std::move(path)), temporary_(path_ + ".partial") {}
  StagedFile(const StagedFile&) = delete;
  StagedFile& operator=(const StagedFile&) = delete;
  ~StagedFile() {
    if (file_) {
      std::fclose(file_);
      std::remove(temporary_.c_str());
    }
  }

  /// Opens the temporary file with `mode` (0600 for files that name learners). Returns
  /// "" or why it cannot.
  std::string open(mode_t mode) {
    const int fd = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0) return temporary_ + ": cannot write: " + std::strerror(errno);
    ::fchmod(fd, mode);  // a leftover .partial may have had another mode
    file_ = ::fdopen(fd, "w");
    if (!file_) return temporary_ + ": cannot write: " + std::strerror(errno);
    std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
    return {};
  }

  void write(std::string_view bytes) { std::fwrite(bytes.data(), 1, bytes.size(), file_); }

  /// Flushes, syncs and renames into place. Returns "" or why not (then nothing is left).
  std::string commit() {
    const bool written = std::fflush(file_) == 0 && !std::ferror(file_) && ::fsync(::fileno(file_)) == 0;
    const int error = errno;
    const bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    if (!written || !closed) {
      std::remove(temporary_.c_str());
      return path_ + ": cannot write: " + std::strerror(error);
    }
    if (std::rename(temporary_.c_str(), path_.c_str()) != 0) {
      const int rename_error = errno;
      std::remove(temporary_.c_str());
      return path_ + ": cannot write: " + std::strerror(rename_error);
    }
    return {};
  }

  const std::string& path() const { return path_; }

 private:
  std::string path_, temporary_;
  std::FILE* file_ = nullptr;
};

}  // namespace coursepack::cli
