#pragma once
// Reads a zip held in memory back into its entries, with libzip, for assertions.

#include <zip.h>

#include <ctime>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace coursepack::testing {

struct ZipEntry {
  std::string name;
  std::string content;
  std::tm modified{};  // in local time, as zip dates are
};

inline std::vector<ZipEntry> read_zip(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  REQUIRE(source);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  REQUIRE(archive);
  std::vector<ZipEntry> entries;
  const auto count = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t stat;
    REQUIRE(zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat) == 0);
    ZipEntry entry;
    entry.name = stat.name;
    entry.content.resize(stat.size);
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    REQUIRE(file);
    REQUIRE(zip_fread(file, entry.content.data(), stat.size) == static_cast<zip_int64_t>(stat.size));
    zip_fclose(file);
    const std::time_t mtime = stat.mtime;
    localtime_r(&mtime, &entry.modified);
    entries.push_back(std::move(entry));
  }
  zip_close(archive);
  zip_error_fini(&error);
  return entries;
}

}  // namespace coursepack::testing
