#include "coursepack/package/output_folder.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
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

std::vector<BuiltPackage> two_packages() {
  std::vector<BuiltPackage> packages(2);
  packages[0].file_name = "a.zip";
  packages[0].bytes = "AAA";
  packages[1].file_name = "b.zip";
  packages[1].bytes = "BBB";
  return packages;
}

TEST_CASE("packages land whole, and no staging folder is left") {
  testing::TempFolder temp("test");
  const fs::path out = temp.path / "dist";
  REQUIRE(publish_packages(out, two_packages()).empty());
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

TEST_CASE("two packages of one name are refused before anything is written, whatever the case") {
  testing::TempFolder temp("test");
  const fs::path out = temp.path / "dist";
  std::vector<BuiltPackage> packages(2);
  packages[0] = {"a_b_c_en_xapi.zip", "a", "b_c", "en", "xapi", "1"};
  packages[1] = {"A_b_c_en_xapi.zip", "a_b", "c", "en", "xapi", "2"};
  CHECK(publish_packages(out, packages) ==
        "two packages would both be named A_b_c_en_xapi.zip: course a module b_c (en, xapi) and course a_b module c "
        "(en, xapi); rename a course or module id");
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("a folder where a package goes is found before any package moves") {
  testing::TempFolder temp("test");
  const fs::path out = temp.path / "dist";
  fs::create_directories(out / "b.zip");
  std::ofstream(out / "a.zip") << "old a";
  CHECK(publish_packages(out, two_packages()) == (out / "b.zip").string() + ": a folder is where this package goes; nothing was written");
  CHECK(read(out / "a.zip") == "old a");
  CHECK(std::distance(fs::directory_iterator(out), fs::directory_iterator()) == 2);
}

TEST_CASE("a file that cannot be replaced is found before any package moves") {
  testing::TempFolder temp("test");
  const fs::path out = temp.path / "dist";
  fs::create_directories(out);
  std::ofstream(out / "a.zip") << "old a";
  std::ofstream(out / "b.zip") << "old b";
  // chattr +i: an immutable file (root on ext4 and most file systems) that rename() cannot replace.
  if (std::system(("chattr +i " + (out / "b.zip").string() + " 2>/dev/null").c_str()) != 0) {
    WARN("chattr +i is not available here: the check is not tested");
    return;
  }
  const std::string error = publish_packages(out, two_packages());
  std::system(("chattr -i " + (out / "b.zip").string()).c_str());
  CHECK(error == (out / "b.zip").string() +
                     ": cannot be replaced (immutable or append-only: lsattr shows it); nothing was written");
  CHECK(read(out / "a.zip") == "old a");
  CHECK(std::distance(fs::directory_iterator(out), fs::directory_iterator()) == 2);
}

// A rename that fails on the call numbered `failing` (from 1), as a full disk or a
// concurrent process would make it fail: only the rename itself can reveal it.
RenameFile failing_rename(int failing, int* calls) {
  return [=](const fs::path& from, const fs::path& to) {
    if (++*calls == failing) return std::make_error_code(std::errc::no_space_on_device);
    std::error_code ec;
    fs::rename(from, to, ec);
    return ec;
  };
}

std::vector<PackageName> names_of(const std::vector<BuiltPackage>& packages) {
  std::vector<PackageName> names;
  for (const auto& p : packages) names.push_back({p.file_name, p.course_id, p.module_id, p.language, p.format, {}});
  return names;
}

TEST_CASE("a failed move puts back every package it replaced, and says so") {
  testing::TempFolder temp("test");
  const fs::path out = temp.path / "dist";
  fs::create_directories(out);
  std::ofstream(out / "a.zip") << "old a";
  std::ofstream(out / "c.zip") << "old c";
  auto packages = two_packages();
  packages.push_back({"c.zip", "", "", "", "", "CCC"});
  int calls = 0;
  {
    // Renames: a.zip aside, a.zip in, b.zip in, c.zip aside (fails).
    OutputFolder folder(out, failing_rename(4, &calls));
    std::vector<std::string> notes;
    REQUIRE(folder.open(names_of(packages), notes).empty());
    for (const auto& p : packages) REQUIRE(folder.stage(p.file_name, p.bytes).empty());
    CHECK(folder.publish({"a.zip", "b.zip", "c.zip"}) ==
          "cannot move c.zip into " + out.string() + ": No space left on device; the 2 packages moved before it "
          "were taken back: " + out.string() + " is as it was");
    CHECK(folder.restored());
  }
  CHECK(read(out / "a.zip") == "old a");
  CHECK(read(out / "c.zip") == "old c");
  CHECK_FALSE(fs::exists(out / "b.zip"));
  CHECK(std::distance(fs::directory_iterator(out), fs::directory_iterator()) == 2);  // no staging folder either
}

TEST_CASE("a rollback that cannot finish names what it could not restore and keeps it") {
  testing::TempFolder temp("test");
  const fs::path out = temp.path / "dist";
  fs::create_directories(out);
  std::ofstream(out / "a.zip") << "old a";
  int calls = 0;
  // a.zip aside, a.zip in, b.zip in (fails), then old a.zip back (fails too).
  OutputFolder folder(out, [&](const fs::path& from, const fs::path& to) {
    if (++calls >= 3) return std::make_error_code(std::errc::io_error);
    std::error_code ec;
    fs::rename(from, to, ec);
    return ec;
  });
  std::vector<std::string> notes;
  const auto packages = two_packages();
  REQUIRE(folder.open(names_of(packages), notes).empty());
  for (const auto& p : packages) REQUIRE(folder.stage(p.file_name, p.bytes).empty());
  const fs::path previous = folder.staging() / "previous";
  CHECK(folder.publish({"a.zip", "b.zip"}) == "cannot move b.zip into " + out.string() +
                                                  ": Input/output error; could not restore a.zip: the previous "
                                                  "versions are in " + previous.string());
  CHECK_FALSE(folder.restored());
  CHECK(read(previous / "a.zip") == "old a");
}

TEST_CASE("a staging folder left by a killed build is removed and reported; a live one is kept and reported") {
  testing::TempFolder temp("test");
  const fs::path out = temp.path / "dist";
  // Process ids above the kernel's pid_max (4194304 at most) belong to no process.
  fs::create_directories(out / ".coursepack-staging-99999999" / "previous");
  const fs::path live = out / (".coursepack-staging-" + std::to_string(::getppid()));
  fs::create_directories(live);
  std::vector<std::string> notes;
  REQUIRE(publish_packages(out, two_packages(), &notes).empty());
  std::sort(notes.begin(), notes.end());
  CHECK(notes == std::vector<std::string>{"left " + live.string() + " alone: process " + std::to_string(::getppid()) +
                                              " still runs (another build?); remove it once that build is over",
                                          "removed " + (out / ".coursepack-staging-99999999").string() +
                                              ", left by a build that stopped"});
  CHECK_FALSE(fs::exists(out / ".coursepack-staging-99999999"));
  CHECK(fs::exists(live));
}

TEST_CASE("a package staged and never published leaves nothing behind") {
  testing::TempFolder temp("test");
  const fs::path out = temp.path / "dist";
  fs::create_directories(out);
  std::ofstream(out / "old.zip") << "old";
  {
    OutputFolder folder(out);
    std::vector<std::string> notes;
    REQUIRE(folder.open(names_of(two_packages()), notes).empty());
    REQUIRE(folder.stage("a.zip", "AAA").empty());
    CHECK(fs::exists(folder.staging() / "a.zip"));
  }  // a build that failed: the folder is dropped
  CHECK(std::distance(fs::directory_iterator(out), fs::directory_iterator()) == 1);
  {
    OutputFolder folder(temp.path / "new");
    std::vector<std::string> notes;
    REQUIRE(folder.open(names_of(two_packages()), notes).empty());
  }
  CHECK_FALSE(fs::exists(temp.path / "new"));
}

TEST_CASE("a package replaces the one of the same name from an earlier build") {
  testing::TempFolder temp("test");
  const fs::path out = temp.path / "dist";
  fs::create_directories(out);
  std::ofstream(out / "a.zip") << "old a";
  REQUIRE(publish_packages(out, two_packages()).empty());
  CHECK(read(out / "a.zip") == "AAA");
  CHECK(std::distance(fs::directory_iterator(out), fs::directory_iterator()) == 2);
}

}  // namespace
}  // namespace coursepack
