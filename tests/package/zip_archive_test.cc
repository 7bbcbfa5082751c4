#include "coursepack/package/zip_archive.h"

#include <zip.h>

#include <catch2/catch.hpp>

#include "zip_reader.h"

namespace coursepack {
namespace {

TEST_CASE("the manifest comes first, the rest in name order, with fixed dates") {
  const PackageFiles files{{"b.html", "b"}, {"imsmanifest.xml", "<m/>"}, {"a/z.css", "z"}, {"a.html", "a"}};
  const ZipResult zip = make_zip(files);
  REQUIRE(zip.error.empty());
  const auto entries = testing::read_zip(zip.bytes);
  REQUIRE(entries.size() == 4);
  CHECK(entries[0].name == "imsmanifest.xml");
  CHECK(entries[1].name == "a.html");
  CHECK(entries[2].name == "a/z.css");
  CHECK(entries[3].name == "b.html");
  CHECK(entries[3].content == "b");
  for (const auto& entry : entries) {
    CHECK(entry.modified.tm_year == 80);  // 1980-01-01 00:00, the zip epoch
    CHECK(entry.modified.tm_mon == 0);
    CHECK(entry.modified.tm_mday == 1);
    CHECK(entry.modified.tm_hour == 0);
  }
}

TEST_CASE("the same files give the same bytes") {
  const PackageFiles files{{"imsmanifest.xml", "<m/>"}, {"x.html", std::string(10000, 'x')}};
  CHECK(make_zip(files).bytes == make_zip(files).bytes);
  PackageFiles other = files;
  other["x.html"].back() = 'y';
  CHECK(make_zip(files).bytes != make_zip(other).bytes);
}

}  // namespace
}  // namespace coursepack
