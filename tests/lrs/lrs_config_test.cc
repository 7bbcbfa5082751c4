#include "coursepack/lrs/lrs_config.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "../temp_folder.h"

namespace coursepack::lrs {
namespace {
namespace fs = std::filesystem;

const char* kConfigText = R"({"endpoint": "http://127.0.0.1:8089/xAPI/", "key": "k", "secret": "s"})";

std::string write(const fs::path& path, const std::string& text, mode_t mode) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
  REQUIRE(::chmod(path.c_str(), mode) == 0);
  return path.string();
}

TEST_CASE("the environment gives endpoint and credentials") {
  const auto result = load_config("", {{"COURSEPACK_LRS_ENDPOINT", "https://lrs.example.org/xAPI"},
                                       {"COURSEPACK_LRS_KEY", "k"},
                                       {"COURSEPACK_LRS_SECRET", "s"}});
  REQUIRE(result.config);
  CHECK(result.error.empty());
  CHECK(result.config->endpoint == "https://lrs.example.org/xAPI/");
  CHECK(result.config->source == "environment (COURSEPACK_LRS_ENDPOINT)");
  CHECK(result.config->authorization() == "Basic azpz");
}

TEST_CASE("a config file is read only when no one else may read or change it") {
  struct Case {
    mode_t mode;
    bool accepted;
  };
  const Case cases[] = {
      {0600, true}, {0400, true}, {0640, false}, {0660, false}, {0620, false},
      {0644, false}, {0604, false}, {0602, false}, {0666, false},
  };
  coursepack::testing::TempFolder temp("config", true);
  for (const auto& c : cases) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%o", static_cast<unsigned>(c.mode));
    INFO("mode " << mode);
    const std::string path = write(temp.path / (std::string("lrs-") + mode + ".json"), kConfigText, c.mode);
    const auto result = load_config(path, {});
    if (c.accepted) {
      REQUIRE(result.config);
      CHECK(result.error.empty());
      CHECK(result.config->key == "k");
      CHECK(result.config->secret == "s");
      CHECK(result.config->source == path);
    } else {
      CHECK_FALSE(result.config);
      CHECK(result.error == path + ": other users of this machine may read or change it (mode " + mode +
                                "); it holds the LRS secret: chmod 600 " + path);
    }
  }
}

TEST_CASE("a config path that is not a regular file is refused") {
  coursepack::testing::TempFolder temp("config", true);
  fs::create_directories(temp.path / "lrs.json");
  ::chmod((temp.path / "lrs.json").c_str(), 0700);
  const std::string folder = (temp.path / "lrs.json").string();
  const auto result = load_config(folder, {});
  CHECK_FALSE(result.config);
  CHECK(result.error == folder + ": not a regular file");
  const std::string missing = (temp.path / "missing.json").string();
  CHECK(load_config(missing, {}).error == missing + ": cannot read the LRS config file");
}

TEST_CASE("credentials written into the endpoint are moved out of it") {
  struct Case {
    std::string key, secret;            // as set beside the endpoint
    std::string want_key, want_secret;  // as used
  };
  const Case cases[] = {
      {"", "", "user", "pa@ss"},     // taken from the URL, percent-decoded
      {"k", "s", "k", "s"},          // set ones are kept
      {"k", "", "k", "pa@ss"},
  };
  for (const auto& c : cases) {
    INFO("key \"" << c.key << "\", secret \"" << c.secret << "\"");
    const auto result = load_config("", {{"COURSEPACK_LRS_ENDPOINT", "https://user:pa%40ss@host/x/"},
                                         {"COURSEPACK_LRS_KEY", c.key},
                                         {"COURSEPACK_LRS_SECRET", c.secret}});
    REQUIRE(result.config);
    CHECK(result.config->endpoint == "https://host/x/");
    CHECK(result.config->key == c.want_key);
    CHECK(result.config->secret == c.want_secret);
  }

  coursepack::testing::TempFolder temp("config", true);
  const auto from_file =
      load_config(write(temp.path / "lrs.json", R"({"endpoint": "https://user:pa%40ss@host/x"})", 0600), {});
  REQUIRE(from_file.config);
  CHECK(from_file.config->endpoint == "https://host/x/");
  CHECK(from_file.config->key == "user");
  CHECK(from_file.config->secret == "pa@ss");

  // Nor does an error print them, with a scheme or without one.
  CHECK(load_config("", {{"COURSEPACK_LRS_ENDPOINT", "ftp://user:pa%40ss@host/x/"}}).error ==
        "environment (COURSEPACK_LRS_ENDPOINT): the endpoint \"ftp://host/x/\" is not an http(s) URL");
  CHECK(load_config("", {{"COURSEPACK_LRS_ENDPOINT", "user:pa@ss@host/x/"}}).error ==
        "environment (COURSEPACK_LRS_ENDPOINT): the endpoint \"host/x/\" is not an http(s) URL");
  CHECK(load_config("", {{"COURSEPACK_LRS_ENDPOINT", "user:pa%40ss@host"}}).error ==
        "environment (COURSEPACK_LRS_ENDPOINT): the endpoint \"host\" is not an http(s) URL");
}

TEST_CASE("a config file of another user is refused") {
  coursepack::testing::TempFolder temp("config", true);
  const std::string path = write(temp.path / "lrs.json", kConfigText, 0600);
  // Only root can give a file away; as another user this check cannot be set up.
  if (::geteuid() != 0 || ::chown(path.c_str(), 65534, 65534) != 0) {
    WARN("not run: needs root to make a file of another user");
    return;
  }
  CHECK(load_config(path, {}).error == path + ": belongs to another user; it holds the LRS secret: use a file of your own");
}

TEST_CASE("the default file is read when the environment is silent") {
  coursepack::testing::TempFolder temp("config", true);
  write(temp.path / "coursepack/lrs.json", R"({"endpoint": "https://x.example/xAPI/", "key": "k", "secret": "s"})", 0600);
  const auto result = load_config("", {{"XDG_CONFIG_HOME", temp.path.string()}});
  REQUIRE(result.config);
  CHECK(result.config->endpoint == "https://x.example/xAPI/");
  CHECK(result.config->source == (temp.path / "coursepack/lrs.json").string());

  // The default file is held to the same rule.
  ::chmod((temp.path / "coursepack/lrs.json").c_str(), 0640);
  const std::string path = temp.path.string() + "/coursepack/lrs.json";
  CHECK(load_config("", {{"XDG_CONFIG_HOME", temp.path.string()}}).error ==
        path + ": other users of this machine may read or change it (mode 640); it holds the LRS secret: chmod 600 " +
            path);
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
  const std::string number = write(temp.path / "number.json", R"({"endpoint": "http://x/", "key": 7})", 0600);
  CHECK(load_config(number, {}).error == number + ": /key: expected a string");
  const std::string broken = write(temp.path / "broken.json", R"({"endpoint": )", 0600);
  CHECK(load_config(broken, {}).error == broken + ": not a JSON object");
  const std::string empty = write(temp.path / "empty.json", R"({"key": "k", "secret": "s"})", 0600);
  CHECK(load_config(empty, {}).error == empty + ": no LRS endpoint");
}

TEST_CASE("base64 as RFC 4648 says") {
  CHECK(base64("") == "");
  CHECK(base64("f") == "Zg==");
  CHECK(base64("fo") == "Zm8=");
  CHECK(base64("foo") == "Zm9v");
  CHECK(base64("foob") == "Zm9vYg==");
  CHECK(base64("fooba") == "Zm9vYmE=");
  CHECK(base64("foobar") == "Zm9vYmFy");
  CHECK(base64("\xff\xfe") == "//4=");
}

}  // namespace
}  // namespace coursepack::lrs
