#pragma once

#include <string>

#include "coursepack/package/module_pages.h"

namespace coursepack {

struct ZipResult {
  std::string bytes;  // the archive, when error is empty
  std::string error;
};

/// A reproducible zip of `files`: imsmanifest.xml (when present) first, then the rest in
/// byte order of their names, every entry dated 1980-01-01 00:00, mode 0644, deflated
/// at level 9. The same files always give the same bytes.
ZipResult make_zip(const PackageFiles& files);

}  // namespace coursepack
