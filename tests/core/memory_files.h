#pragma once
// An in-memory course folder for core tests.

#include <map>
#include <string>

#include "coursepack/core/course_reader.h"

namespace coursepack::testing {

class MemoryFiles : public SourceFiles {
 public:
  std::map<std::string, File, std::less<>> files;

  void add(const std::string& path, std::string content) { files[path] = {Status::ok, std::move(content)}; }

  File read(std::string_view relative_path) const override {
    auto it = files.find(relative_path);
    return it == files.end() ? File{Status::missing, {}} : it->second;
  }
};

}  // namespace coursepack::testing
