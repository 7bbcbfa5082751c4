// A package carries its own interface language only, with the plural forms that language
// needs (module_pages.cc writes them for the player's cp.tn). The strings files themselves
// are checked by ui_strings_languages.test.mjs.
#include "coursepack/package/module_pages.h"
#include "coursepack/package/ui_strings.h"

#include "sample_course.h"

namespace coursepack {
namespace {

std::string page_in(const std::string& language) {
  const Course course = testing::example_course();
  PackageFiles files;
  render_module_pages(course, course.modules[0], language, "", files);
  return files["index.html"];
}

bool has(const std::string& page, const std::string& text) { return page.find(text) != std::string::npos; }

TEST_CASE("a Polish page carries Polish strings, with the few and many forms of counts") {
  const std::string page = page_in("pl");
  CHECK(has(page, "Rozpocznij test wstępny"));
  CHECK(has(page, "\"points_one\":\"{n} punkt\""));
  CHECK(has(page, "\"points_few\":\"{n} punkty\""));
  CHECK(has(page, "\"points_many\":\"{n} punktów\""));
  CHECK(has(page, "\"step_left_few\":\"Zostały {n} obowiązkowe lekcje, potem test końcowy.\""));
  CHECK_FALSE(has(page, "Start the pre-test"));
  CHECK_FALSE(has(page, "Commencer le test"));
}

TEST_CASE("a page writes only the plural forms its language has") {
  CHECK_FALSE(has(page_in("en"), "points_few"));
  CHECK(has(page_in("sl"), "\"points_two\":\"{n} točki\""));
  CHECK(has(page_in("lv"), "\"points_zero\":\"{n} punktu\""));
}

TEST_CASE("every official EU language has its own strings, named in itself") {
  for (const char* language : {"bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr",
                               "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv"}) {
    INFO(language);
    CHECK(UiStrings::has_language(language));
  }
  CHECK(UiStrings::for_language("sk").get("language_name") == "slovenčina");
  CHECK(UiStrings::for_language("de-AT").get("language_name") == "Deutsch");
}

TEST_CASE("the home screen names the page's language and the module's others, each in itself") {
  Course course = testing::example_course();
  REQUIRE(course.languages == std::vector<std::string>{"en", "fr"});
  const auto notice = [&](const std::string& language) {
    PackageFiles files;
    render_module_pages(course, course.modules[0], language, "", files);
    const std::string& page = files["index.html"];
    const auto start = page.find("<p class=\"language-notice\">");
    REQUIRE(start != std::string::npos);
    return page.substr(start, page.find("</p>", start) + 4 - start);
  };
  CHECK(notice("en") == "<p class=\"language-notice\">Language: English · also in <span lang=\"fr\">français</span></p>");
  CHECK(notice("fr") ==
        "<p class=\"language-notice\">Langue\u00a0: français · aussi en <span lang=\"en\">English</span></p>");
  // A module without a title in a language does not exist in it.
  course.modules[0].title.erase("fr");
  CHECK(notice("en") == "<p class=\"language-notice\">Language: English</p>");
}

}  // namespace
}  // namespace coursepack
