#include "coursepack/package/output_folder.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "../temp_folder.h"

namespace coursepack {
namespace {
namespace fs = std::filesystem;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

TEST_CASE("packages land whole, and no staging folder is left") {
  testing::TempFolder temp("test");
  const fs::path out = temp.path / "dist";
  std::vector<BuiltPackage> packages(2);
  packages[0].file_name = "a.zip";
  packages[0].bytes = "AAA";
  packages[1].file_name = "b.zip";
  packages[1].bytes = "BBB";
  REQUIRE(publish_packages(out, packages).empty());
  CHECK(read(out / "a.zip") == "AAA");
  CHECK(read(out / "b.zip") == "BBB");
  CHECK(std::distance(fs::directory_iterator(out), fs::directory_iterator()) == 2);
}

TEST_CASE("on failure a new output folder is not left behind") {
  testing::TempFolder temp("test");
  const fs::path out = temp.path / "dist";
  std::vector<BuiltPackage> packages(2);
  packages[0].file_name = "a.zip";
  packages[1].file_name = "sub/b.zip";  // its folder does not exist: the write fails
  const std::string error = publish_packages(out, packages);
  CHECK(error.find("cannot create") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("on failure an existing output folder keeps only what it had") {
  testing::TempFolder temp("test");
  const fs::path out = temp.path / "dist";
  fs::create_directories(out);
  std::ofstream(out / "old.zip") << "old";
  std::vector<BuiltPackage> packages(2);
  packages[0].file_name = "a.zip";
  packages[1].file_name = "sub/b.zip";
  CHECK_FALSE(publish_packages(out, packages).empty());
  CHECK(std::distance(fs::directory_iterator(out), fs::directory_iterator()) == 1);
  CHECK(read(out / "old.zip") == "old");
}

TEST_CASE("an output path that is a file is refused") {
  testing::TempFolder temp("test");
  fs::create_directories(temp.path);
  std::ofstream(temp.path / "file") << "x";
  CHECK(publish_packages(temp.path / "file", {}) == (temp.path / "file").string() + ": exists and is not a folder");
}

}  // namespace
}  // namespace coursepack
