#include "coursepack/lrs/lrs_config.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "../temp_folder.h"

namespace coursepack::lrs {
namespace {
namespace fs = std::filesystem;

std::string write(const fs::path& path, const std::string& text, mode_t mode) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
  ::chmod(path.c_str(), mode);
  return path.string();
}

TEST_CASE("the environment gives endpoint and credentials") {
  const auto result = load_config("", {{"COURSEPACK_LRS_ENDPOINT", "https://lrs.example.org/xAPI"},
                                       {"COURSEPACK_LRS_KEY", "k"},
                                       {"COURSEPACK_LRS_SECRET", "s"}});
  REQUIRE(result.config);
  CHECK(result.config->endpoint == "https://lrs.example.org/xAPI/");
  CHECK(result.config->authorization() == "Basic azpz");
}

TEST_CASE("a private config file works; a world-readable one is refused") {
  coursepack::testing::TempFolder temp("config", true);
  const std::string text = R"({"endpoint": "http://127.0.0.1:8089/xAPI/", "key": "k", "secret": "s"})";
  const auto ok = load_config(write(temp.path / "private.json", text, 0600), {});
  REQUIRE(ok.config);
  CHECK(ok.config->key == "k");
  const std::string open = write(temp.path / "open.json", text, 0644);
  const auto refused = load_config(open, {});
  CHECK_FALSE(refused.config);
  CHECK(refused.error == open + ": readable by every user of this machine; it holds the LRS secret: chmod 600 " + open);
}

TEST_CASE("the default file is read when the environment is silent") {
  coursepack::testing::TempFolder temp("config", true);
  write(temp.path / "coursepack/lrs.json", R"({"endpoint": "https://x.example/xAPI/", "key": "k", "secret": "s"})", 0600);
  const auto result = load_config("", {{"XDG_CONFIG_HOME", temp.path.string()}});
  REQUIRE(result.config);
  CHECK(result.config->endpoint == "https://x.example/xAPI/");
}

TEST_CASE("what is missing or wrong is said") {
  coursepack::testing::TempFolder temp("config", true);
  CHECK(load_config("", {{"HOME", temp.path.string()}}).error ==
        "no LRS configured: set COURSEPACK_LRS_ENDPOINT, COURSEPACK_LRS_KEY and COURSEPACK_LRS_SECRET, or write " +
            temp.path.string() + "/.config/coursepack/lrs.json (see coursepack lrs --help)");
  CHECK(load_config("", {{"COURSEPACK_LRS_ENDPOINT", "ftp://x"}, {"COURSEPACK_LRS_KEY", "k"}, {"COURSEPACK_LRS_SECRET", "s"}})
            .error == "environment (COURSEPACK_LRS_ENDPOINT): the endpoint \"ftp://x\" is not an http(s) URL");
  CHECK(load_config("", {{"COURSEPACK_LRS_ENDPOINT", "http://x/"}}).error ==
        "environment (COURSEPACK_LRS_ENDPOINT): LRS key or secret missing");
  const std::string typo = write(temp.path / "typo.json", R"({"endpoint": "http://x/", "user": "k"})", 0600);
  CHECK(load_config(typo, {}).error == typo + ": /user: unknown key (endpoint, key, secret)");
}

TEST_CASE("base64 as RFC 4648 says") {
  CHECK(base64("") == "");
  CHECK(base64("f") == "Zg==");
  CHECK(base64("fo") == "Zm8=");
  CHECK(base64("foo") == "Zm9v");
  CHECK(base64("foobar") == "Zm9vYmFy");
}

}  // namespace
}  // namespace coursepack::lrs
