#include "coursepack/core/lesson_media.h"

#include <catch2/catch.hpp>

#include "memory_files.h"

namespace coursepack {
namespace {

TEST_CASE("a reference resolves from its lesson's folder, or is left alone") {
  struct Case {
    const char* url;
    bool local;
    const char* path;
    const char* error;
  };
  const Case cases[] = {
      {"images/a.png", true, "lessons/en/images/a.png", ""},
      {"./images/../a.png?v=2#top", true, "lessons/en/a.png", ""},
      {"../../media/chart%20v2.png", true, "media/chart v2.png", ""},
      {"../../../secret.png", true, "", "is outside the course folder"},
      {"/etc/passwd", true, "", "is an absolute path; write it relative to the lesson file"},
      {"images\\a.png", true, "", "uses \\; separate folders with /"},
      {"https://example.org/a.png", false, "", ""},
      {"//cdn.example.org/a.png", false, "", ""},
      {"mailto:dpo@example.org", false, "", ""},
      {"#part", false, "", ""},
      {"", false, "", ""},
  };
  for (const auto& c : cases) {
    INFO(c.url);
    const MediaPath resolved = resolve_media("lessons/en/length.md", c.url);
    CHECK(resolved.local == c.local);
    CHECK(resolved.path == c.path);
    CHECK(resolved.error == c.error);
  }
}

TEST_CASE("lesson media: each problem is located in the lesson, good files are read once") {
  testing::MemoryFiles files;
  files.add("lessons/en/images/lock.png", "PNG");
  files.files["lessons/en/images"] = {SourceFiles::Status::not_a_file, {}};
  files.files["lessons/en/link.png"] = {SourceFiles::Status::outside_course, {}};
  const std::vector<MediaReference> references = {
      {"images/lock.png", {3, 1}, true, true},
      {"images/lock.png", {4, 1}, true, false},
      {"images/gone.png", {5, 2}, true, true},
      {"images", {6, 1}, false, false},
      {"link.png", {7, 1}, true, true},
      {"../../../x.pdf", {8, 4}, false, false},
      {"https://example.org/x.png", {9, 1}, true, true},
  };
  std::vector<Diagnostic> out;
  std::map<std::string, std::string> media;
  check_lesson_media("c/lessons/en/a.md", "lessons/en/a.md", references, files, out, media);
  std::vector<std::string> messages;
  for (const auto& d : out) messages.push_back(d.to_string());
  CHECK(messages == std::vector<std::string>{
                        "c/lessons/en/a.md:4:1: image \"images/lock.png\" has no alt text: describe it between the "
                        "brackets, ![what it shows](images/lock.png)",
                        "c/lessons/en/a.md:5:2: image \"images/gone.png\" does not exist: no file "
                        "\"lessons/en/images/gone.png\"",
                        "c/lessons/en/a.md:6:1: linked file \"images\" is not a file: \"lessons/en/images\"",
                        "c/lessons/en/a.md:7:1: image \"link.png\" is a link leading outside the course folder",
                        "c/lessons/en/a.md:8:4: linked file \"../../../x.pdf\" is outside the course folder",
                    });
  CHECK(media == std::map<std::string, std::string>{{"lessons/en/images/lock.png", "PNG"}});
}

}  // namespace
}  // namespace coursepack
