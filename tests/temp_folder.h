#pragma once
// A fresh folder under the system temp directory, removed with the object.

#include <unistd.h>

#include <filesystem>
#include <string>

namespace coursepack::testing {

struct TempFolder {
  std::filesystem::path path;
  explicit TempFolder(const std::string& name, bool create = false)
      : path(std::filesystem::temp_directory_path() / ("coursepack-" + name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path);
    if (create) std::filesystem::create_directories(path);
  }
  ~TempFolder() { std::filesystem::remove_all(path); }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
};

}  // namespace coursepack::testing
