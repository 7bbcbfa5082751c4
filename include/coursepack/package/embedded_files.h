#pragma once
// Files from templates/, compiled into the binary (see cmake/embed_files.cmake).

#include <cstddef>
#include <string_view>

namespace coursepack {

struct EmbeddedFile {
  std::string_view name;  // path under templates/, e.g. "strings/fr.json"
  std::string_view content;
};

/// All embedded files; `count` receives their number.
const EmbeddedFile* embedded_files(std::size_t& count);

}  // namespace coursepack
