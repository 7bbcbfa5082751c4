#pragma once
// The output folder of a build: packages are written into a staging folder inside it as
// they are made, then all renamed into place, or none.

#include <filesystem>
#include <functional>
#include <string>
#include <system_error>
#include <vector>

#include "coursepack/core/package_names.h"
#include "coursepack/package/package_builder.h"

namespace coursepack {

/// Prefix of the staging folder, followed by the building process's id.
inline constexpr std::string_view kStagingPrefix = ".coursepack-staging-";

/// Renames a file (std::filesystem::rename); tests pass one that fails on cue.
using RenameFile = std::function<std::error_code(const std::filesystem::path& from, const std::filesystem::path& to)>;

/// A build's output folder, all or nothing. open() checks every target before anything is
/// built; stage() writes a package into the staging folder; publish() renames them all into
/// place. Destroyed unpublished, it removes the staging folder (and the output folder if
/// it created it): the output folder is left as it was.
class OutputFolder {
 public:
  explicit OutputFolder(std::filesystem::path folder, RenameFile rename = {});
  ~OutputFolder();
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;

  /// Creates the folder if missing and the staging folder in it, after checking that each
  /// of `names` can go in: no two packages of one name, even in another letter case; no
  /// folder where a package goes; no file there that cannot be replaced (immutable or
  /// append-only); the folder writable. Staging folders left by builds that were killed
  /// (their process is gone) are removed; those of live builds are left; both are named
  /// in `notes`. Returns "" or why nothing can be written.
  std::string open(const std::vector<PackageName>& names, std::vector<std::string>& notes);

  /// Writes a package into the staging folder; safe from several threads at once.
  /// Returns "" or why it could not.
  std::string stage(const std::string& file_name, const std::string& bytes) const;

  /// Syncs the staged packages, then renames each into place, a file it replaces kept
  /// aside until all are in. If a rename fails, what was moved is moved back and the files
  /// replaced are restored; the message says so, or names what could not be restored (then
  /// restored() is false).
  std::string publish(const std::vector<std::string>& file_names);

  /// False only after a publish() whose rollback could not put everything back.
  bool restored() const { return restored_; }

  const std::filesystem::path& staging() const { return staging_; }

 private:
  std::filesystem::path folder_, staging_;
  RenameFile rename_;
  bool created_ = false, opened_ = false, keep_staging_ = false, restored_ = true;
};

/// Writes `packages` (with their bytes) into `folder` through an OutputFolder: open, stage
/// each, publish. Returns "" or the first error; nothing is left written on error, unless
/// the message says what could not be restored.
std::string publish_packages(const std::filesystem::path& folder, const std::vector<BuiltPackage>& packages,
                             std::vector<std::string>* notes = nullptr);

}  // namespace coursepack
