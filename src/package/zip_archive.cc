#include "coursepack/package/zip_archive.h"

#include <sys/stat.h>
#include <zip.h>

#include <memory>
#include <vector>

namespace coursepack {
namespace {

// MS-DOS date of 1980-01-01, the earliest a zip can hold: fixed so that builds are
// byte-identical whatever the clock says.
constexpr zip_uint16_t kDosDate = (0 << 9) | (1 << 5) | 1;
constexpr zip_uint16_t kDosTime = 0;

std::string zip_error_text(zip_error_t* error) { return zip_error_strerror(error); }

}  // namespace

ZipResult make_zip(const PackageFiles& files) {
  ZipResult result;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* sink = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!sink) {
    result.error = "zip: " + zip_error_text(&error);
    zip_error_fini(&error);
    return result;
  }
  zip_source_keep(sink);  // we read the archive back from it after zip_close
  zip_t* archive = zip_open_from_source(sink, ZIP_TRUNCATE, &error);
  if (!archive) {
    result.error = "zip: " + zip_error_text(&error);
    zip_error_fini(&error);
    zip_source_free(sink);
    return result;
  }

  std::vector<const PackageFiles::value_type*> order;
  if (auto it = files.find("imsmanifest.xml"); it != files.end()) order.push_back(&*it);
  for (const auto& entry : files)
    if (entry.first != "imsmanifest.xml") order.push_back(&entry);

  for (const auto* entry : order) {
    zip_source_t* content = zip_source_buffer(archive, entry->second.data(), entry->second.size(), 0);
    const zip_int64_t index = content ? zip_file_add(archive, entry->first.c_str(), content, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (content) zip_source_free(content);
      result.error = "zip: cannot add " + entry->first + ": " + zip_strerror(archive);
      break;
    }
    const auto i = static_cast<zip_uint64_t>(index);
    if (zip_set_file_compression(archive, i, ZIP_CM_DEFLATE, 9) < 0 ||
        zip_file_set_dostime(archive, i, kDosTime, kDosDate, 0) < 0 ||
        zip_file_set_external_attributes(archive, i, 0, ZIP_OPSYS_UNIX, (S_IFREG | 0644u) << 16) < 0) {
      result.error = "zip: cannot set attributes of " + entry->first + ": " + zip_strerror(archive);
      break;
    }
  }
  if (!result.error.empty()) {
    zip_discard(archive);
    zip_source_free(sink);
    zip_error_fini(&error);
    return result;
  }
  if (zip_close(archive) < 0) {
    result.error = "zip: " + std::string(zip_strerror(archive));
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
  zip_source_free(sink);
  zip_error_fini(&error);
  return result;
}

}  // namespace coursepack
