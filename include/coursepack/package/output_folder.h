#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "coursepack/package/package_builder.h"

namespace coursepack {

/// Writes `packages` into `folder` (created if missing) all or nothing. Every package is
/// written and synced in a staging folder inside it; every target is checked (no two
/// packages of one name, even in another letter case; no folder where a package goes);
/// then the packages are renamed into place, each replaced file kept aside until all
/// are in. If a move fails, what was moved is moved back and the files replaced are
/// restored; the message says so, or names what could not be restored.
/// Staging folders left by a build that was killed are removed, each named in `notes`.
std::string publish_packages(const std::filesystem::path& folder, const std::vector<BuiltPackage>& packages,
                             std::vector<std::string>* notes = nullptr);

}  // namespace coursepack
