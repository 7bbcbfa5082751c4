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

TEST_CASE("shared entries are copied as they were compressed: the same bytes as compressing each") {
  const std::string script(50000, 's');
  const SharedEntries shared(PackageFiles{{"player.js", script}, {"z.css", "zzz"}});
  REQUIRE(shared.error().empty());
  CHECK(shared.holds("player.js", script));
  CHECK_FALSE(shared.holds("player.js", script + "!"));  // same name, other content: compressed anew
  CHECK_FALSE(shared.holds("index.html", "x"));

  const PackageFiles files{{"imsmanifest.xml", "<m/>"}, {"player.js", script}, {"index.html", "page"}, {"z.css", "zzz"}};
  ZipMaker maker(&shared);
  const ZipResult copied = maker.make(files);
  REQUIRE(copied.error.empty());
  CHECK(copied.bytes == make_zip(files).bytes);
  CHECK(maker.make(files).bytes == copied.bytes);  // the shared archive is read again, not used up

  PackageFiles changed = files;
  changed["player.js"] = script + "!";
  const auto entries = testing::read_zip(maker.make(changed).bytes);
  REQUIRE(entries.size() == 4);
  CHECK(entries[2].name == "player.js");
  CHECK(entries[2].content == script + "!");
}

}  // namespace
}  // namespace coursepack
