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

/// The content of the embedded file `name` ("player.css", "strings/fr.json"), or empty.
inline std::string_view embedded_file(std::string_view name) {
  std::size_t count = 0;
  const EmbeddedFile* files = embedded_files(count);
  for (std::size_t i = 0; i < count; ++i)
    if (files[i].name == name) return files[i].content;
  return {};
}

}  // namespace coursepack
