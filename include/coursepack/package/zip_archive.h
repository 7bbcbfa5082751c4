#pragma once

#include <cstdint>
#include <string>

#include "coursepack/package/module_pages.h"

typedef struct zip zip_t;

namespace coursepack {

struct ZipResult {
  std::string bytes;  // the archive, when error is empty
  std::string error;
};

/// The files every package of a build carries (player, runtime, schemas), deflated once:
/// each package then copies their compressed bytes (libzip's zip_source_zip with the whole
/// entry, which copies without decompressing) instead of compressing them again.
class SharedEntries {
 public:
  /// Compresses `files` as make_zip() would; error() says why it could not.
  explicit SharedEntries(PackageFiles files);

  /// Empty, or why the files could not be compressed (then packages compress everything).
  const std::string& error() const { return error_; }

  /// True when `name` is shared with exactly this content: its compressed entry can be copied.
  bool holds(const std::string& name, const std::string& content) const;

  const std::string& archive() const { return archive_; }

 private:
  PackageFiles files_;
  std::string archive_;  // a zip of files_, in memory
  std::string error_;
};

/// Makes reproducible zips: imsmanifest.xml (when present) first, then the rest in byte
/// order of their names, every entry dated 1980-01-01 00:00, mode 0644, deflated at level
/// 9. The same files always give the same bytes, shared or not. One ZipMaker per thread:
/// it opens its own reader of the shared archive (a libzip archive is not thread-safe).
class ZipMaker {
 public:
  /// `shared` (may be null) must outlive the maker.
  explicit ZipMaker(const SharedEntries* shared = nullptr);
  ~ZipMaker();
  ZipMaker(const ZipMaker&) = delete;
  ZipMaker& operator=(const ZipMaker&) = delete;

  /// The zip of `files`; on error, `error` says which file and why, and `bytes` is empty.
  ZipResult make(const PackageFiles& files);

 private:
  const SharedEntries* shared_;
  zip_t* shared_archive_ = nullptr;  // opened once, read by every make()
};

/// The zip of `files`, every entry compressed here (ZipMaker without shared entries).
ZipResult make_zip(const PackageFiles& files);

}  // namespace coursepack
