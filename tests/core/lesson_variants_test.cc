#include "coursepack/core/lesson_variants.h"

#include <catch2/catch.hpp>

namespace coursepack {
namespace {

const std::string kLesson =
    "# Fuites\n"                      // 1
    "\n"                              // 2
    "Notifiez dans les 72 heures.\n"  // 3
    "\n"                              // 4
    "<!-- country: FR -->\n"          // 5
    "\n"                              // 6
    "En France : la CNIL.\n"          // 7
    "\n"                              // 8
    "<!-- /country -->\n"             // 9
    "\n"                              // 10
    "<!-- variant: fr-BE de-BE -->\n" // 11
    "\n"                              // 12
    "En Belgique : l'APD.\n"          // 13
    "\n"                              // 14
    "<!-- /variant -->\n"             // 15
    "<!-- keep: sk -->\n"             // 16
    "\n"                              // 17
    "Fin.\n";                         // 18

TEST_CASE("markers: passages with their variants and keeps") {
  const LessonMarkers markers = find_lesson_markers(kLesson);
  REQUIRE(markers.problems.empty());
  REQUIRE(markers.passages.size() == 1);
  const CountryPassage& passage = markers.passages[0];
  CHECK(passage.country == "FR");
  CHECK(passage.line == 5);
  CHECK(passage.end_line == 9);
  REQUIRE(passage.variants.size() == 2);
  CHECK(passage.variants[0].tags == std::vector<std::string>{"fr-BE", "de-BE"});
  CHECK(passage.variants[0].line == 11);
  CHECK(passage.variants[0].end_line == 15);
  CHECK_FALSE(passage.variants[0].keep);
  CHECK(passage.variants[1].keep);
  CHECK(passage.variants[1].tags == std::vector<std::string>{"sk"});
}

TEST_CASE("resolution: the variant replaces the passage, lines keep their numbers") {
  const std::string be = resolve_lesson_variants(kLesson, "fr-BE");
  CHECK(be ==
        "# Fuites\n\nNotifiez dans les 72 heures.\n\n\n\n\n\n\n\n\n\nEn Belgique : l'APD.\n\n\n\n\nFin.\n");
  // The language the file is written in reads the passage, without the others' variants.
  const std::string fr = resolve_lesson_variants(kLesson, "fr");
  CHECK(fr ==
        "# Fuites\n\nNotifiez dans les 72 heures.\n\n<!-- country: FR -->\n\nEn France : la CNIL.\n\n"
        "<!-- /country -->\n\n\n\n\n\n\n\n\nFin.\n");
  // Kept: the passage stays, its markers go (it is no longer another country's).
  const std::string sk = resolve_lesson_variants(kLesson, "sk");
  CHECK(sk == "# Fuites\n\nNotifiez dans les 72 heures.\n\n\n\nEn France : la CNIL.\n\n\n\n\n\n\n\n\n\n\nFin.\n");
  CHECK(find_lesson_markers(sk).passages.empty());
}

TEST_CASE("resolution leaves a lesson without variants untouched, CRLF included") {
  const std::string plain = "A\r\n\r\n<!-- country: FR -->\r\n\r\nB\r\n\r\n<!-- /country -->\r\n";
  CHECK(resolve_lesson_variants(plain, "fr-BE") == plain);
  const std::string crlf = plain + "<!-- variant: fr-BE -->\r\nC\r\n<!-- /variant -->\r\n";
  CHECK(resolve_lesson_variants(crlf, "fr-BE") == "A\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\nC\r\n\r\n");
}

TEST_CASE("markers may be written without spaces inside the comment") {
  const std::string text = "<!--country: FR-->\nB\n<!--/country-->\n<!--variant: fr-BE-->\nC\n<!--/variant-->\n";
  CHECK(resolve_lesson_variants(text, "fr-BE") == "\n\n\n\nC\n\n");
  CHECK(resolve_lesson_variants(text, "fr") == "<!--country: FR-->\nB\n<!--/country-->\n\n\n\n");
}

TEST_CASE("an empty variant leaves the passage out") {
  const std::string text = "<!-- country: FR -->\nB\n<!-- /country -->\n<!-- variant: fr-BE -->\n<!-- /variant -->\nC\n";
  CHECK(resolve_lesson_variants(text, "fr-BE") == "\n\n\n\n\nC\n");
}

TEST_CASE("variant ranges cover the variant blocks, markers included") {
  const auto ranges = variant_ranges(kLesson);
  REQUIRE(ranges.size() == 1);
  CHECK(kLesson.substr(ranges[0].first, ranges[0].second - ranges[0].first) ==
        "<!-- variant: fr-BE de-BE -->\n\nEn Belgique : l'APD.\n\n<!-- /variant -->\n");
}

TEST_CASE("marker problems are located") {
  struct Case {
    std::string text;
    std::vector<std::string> problems;  // "line:column: message"
  };
  const Case cases[] = {
      {"<!-- country: FR -->\nA\n", {"1:1: <!-- country: FR --> is never closed: end the passage with <!-- /country -->"}},
      {"A\n<!-- /country -->\n", {"2:1: <!-- /country --> closes no <!-- country: XX --> passage"}},
      {"<!-- country: FR -->\n<!-- country: DE -->\n<!-- /country -->\n",
       {"2:1: <!-- country: --> inside the passage of line 1: markers do not nest"}},
      {"A\n\n<!-- variant: fr-BE -->\nB\n<!-- /variant -->\n",
       {"3:1: <!-- variant: --> must follow a country passage: only blank lines and other variants between "
        "<!-- /country --> and it"}},
      {"<!-- country: FR -->\nA\n<!-- /country -->\nText between.\n<!-- keep: sk -->\n",
       {"5:1: <!-- keep: --> must follow a country passage: only blank lines and other variants between "
        "<!-- /country --> and it"}},
      {"<!-- country: fr -->\nA\n<!-- /country -->\n", {"1:1: the country \"fr\" is written in capitals: \"FR\""}},
      {"<!-- country FR -->\n", {"1:1: marker \"<!-- country FR -->\": write a colon after \"country\", like "
                                 "<!-- country: FR -->"}},
      {"<!-- country: FR -->\nA\n<!-- /country -->\n<!-- variant: fr-be -->\nB\n<!-- /variant -->\n",
       {"4:1: the region \"be\" is written in capitals: \"fr-BE\""}},
      {"<!-- country: FR -->\nA\n<!-- /country -->\n<!-- keep: sk -->\n<!-- keep: pl sk -->\n",
       {"5:1: the passage of line 1 already has a variant for \"sk\" (line 4)"}},
      {"<!-- country: FR -->\nA\n<!-- /country -->\n<!-- variant: sk -->\nB\n",
       {"4:1: <!-- variant: --> is never closed: end it with <!-- /variant -->"}},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    std::vector<std::string> got;
    for (const auto& p : find_lesson_markers(c.text).problems)
      got.push_back(std::to_string(p.line) + ":" + std::to_string(p.column) + ": " + p.message);
    CHECK(got == c.problems);
    CHECK(resolve_lesson_variants(c.text, "sk") == c.text);  // never guesses around a problem
  }
}

TEST_CASE("markers in code blocks and other comments are not markers") {
  const std::string text =
      "```markdown\n<!-- country: FR -->\n```\n\n    <!-- /country -->\n\n<!-- keeping this note -->\n<!-- a note -->\n";
  const LessonMarkers markers = find_lesson_markers(text);
  CHECK(markers.problems.empty());
  CHECK(markers.passages.empty());
}

TEST_CASE("a region variant's own lesson file sits in a folder named after it") {
  CHECK(variant_file_path("lessons/fr/1-3-1.md", "fr", "fr-BE") == "lessons/fr-BE/1-3-1.md");
  CHECK(variant_file_path("fr/l1.md", "fr", "fr-BE") == "fr-BE/l1.md");
  CHECK(variant_file_path("lessons/l1.fr.md", "fr", "fr-BE").empty());
}

}  // namespace
}  // namespace coursepack
