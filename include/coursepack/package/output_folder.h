#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "coursepack/package/package_builder.h"

namespace coursepack {

/// Writes `packages` into `folder` (created if missing) all or nothing: they are written
/// and synced in a staging folder inside it, then renamed into place. On error nothing new
/// is left behind and the message says why.
std::string publish_packages(const std::filesystem::path& folder, const std::vector<BuiltPackage>& packages);

}  // namespace coursepack
