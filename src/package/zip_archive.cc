#include "coursepack/package/zip_archive.h"

#include <sys/stat.h>
#include <zip.h>

#include <vector>

namespace coursepack {
namespace {

// MS-DOS date of 1980-01-01, the earliest a zip can hold: fixed so that builds are
// byte-identical whatever the clock says.
constexpr zip_uint16_t kDosDate = (0 << 9) | (1 << 5) | 1;
constexpr zip_uint16_t kDosTime = 0;

// imsmanifest.xml first (some importers read only the first entry for it), then byte order.
std::vector<const PackageFiles::value_type*> entry_order(const PackageFiles& files) {
  std::vector<const PackageFiles::value_type*> order;
  if (auto it = files.find("imsmanifest.xml"); it != files.end()) order.push_back(&*it);
  for (const auto& entry : files)
    if (entry.first != "imsmanifest.xml") order.push_back(&entry);
  return order;
}

// Index of `name` in `archive`, or -1.
zip_int64_t index_of(zip_t* archive, const std::string& name) {
  return archive ? zip_name_locate(archive, name.c_str(), ZIP_FL_ENC_RAW) : -1;
}

// Writes `files` into a zip held in memory. An entry of `shared` with the same name and
// content is copied compressed from `shared_archive`; the rest is compressed here.
ZipResult write_zip(const PackageFiles& files, const SharedEntries* shared, zip_t* shared_archive) {
  ZipResult result;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* sink = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* archive = sink ? zip_open_from_source(sink, ZIP_TRUNCATE, &error) : nullptr;
  if (!archive) {
    result.error = std::string("zip: ") + zip_error_strerror(&error);
    if (sink) zip_source_free(sink);
    zip_error_fini(&error);
    return result;
  }
  zip_source_keep(sink);  // read back after zip_close

  for (const auto* entry : entry_order(files)) {
    const auto& [name, content] = *entry;
    const zip_int64_t shared_index =
        shared && shared->holds(name, content) ? index_of(shared_archive, name) : -1;
    // start 0, length -1: the whole entry, copied without decompressing it (zip_source_zip(3)).
    zip_source_t* source = shared_index >= 0
                               ? zip_source_zip(archive, shared_archive, static_cast<zip_uint64_t>(shared_index), 0, 0, -1)
                               : zip_source_buffer(archive, content.data(), content.size(), 0);
    const zip_int64_t index = source ? zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (source) zip_source_free(source);
      result.error = "zip: cannot add " + name + ": " + zip_strerror(archive);
      break;
    }
    const auto i = static_cast<zip_uint64_t>(index);
    // The same method as the copied entries: libzip then keeps their data as it is.
    if (zip_set_file_compression(archive, i, ZIP_CM_DEFLATE, 9) < 0 ||
        zip_file_set_dostime(archive, i, kDosTime, kDosDate, 0) < 0 ||
        zip_file_set_external_attributes(archive, i, 0, ZIP_OPSYS_UNIX, (S_IFREG | 0644u) << 16) < 0) {
      result.error = "zip: cannot set attributes of " + name + ": " + zip_strerror(archive);
      break;
    }
  }
  if (result.error.empty() && zip_close(archive) < 0) result.error = "zip: " + std::string(zip_strerror(archive));
  if (!result.error.empty()) {
    zip_discard(archive);
    zip_source_free(sink);
    zip_error_fini(&error);
    return result;
  }

  zip_stat_t stat;
  if (zip_source_stat(sink, &stat) == 0 && zip_source_open(sink) == 0) {
    result.bytes.resize(stat.size);
    const zip_int64_t read = zip_source_read(sink, result.bytes.data(), stat.size);
    if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size) result.error = "zip: cannot read the archive back";
    zip_source_close(sink);
  } else {
    result.error = "zip: cannot read the archive back";
  }
  if (!result.error.empty()) result.bytes.clear();
  zip_source_free(sink);
  zip_error_fini(&error);
  return result;
}

// Opens a zip held in memory for reading; null if it cannot.
zip_t* open_in_memory(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  if (!archive && source) zip_source_free(source);
  zip_error_fini(&error);
  return archive;
}

}  // namespace

SharedEntries::SharedEntries(PackageFiles files) : files_(std::move(files)) {
  ZipResult zip = write_zip(files_, nullptr, nullptr);
  archive_ = std::move(zip.bytes);
  error_ = std::move(zip.error);
}

bool SharedEntries::holds(const std::string& name, const std::string& content) const {
  const auto it = files_.find(name);
  return error_.empty() && it != files_.end() && it->second == content;
}

ZipMaker::ZipMaker(const SharedEntries* shared) : shared_(shared) {
  if (shared_ && shared_->error().empty()) shared_archive_ = open_in_memory(shared_->archive());
  if (!shared_archive_) shared_ = nullptr;  // compress everything: slower, same bytes
}

ZipMaker::~ZipMaker() {
  if (shared_archive_) zip_discard(shared_archive_);
}

ZipResult ZipMaker::make(const PackageFiles& files) { return write_zip(files, shared_, shared_archive_); }

ZipResult make_zip(const PackageFiles& files) { return ZipMaker().make(files); }

}  // namespace coursepack
