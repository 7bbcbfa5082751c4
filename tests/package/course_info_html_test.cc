#include "coursepack/package/course_info_html.h"

#include <catch2/catch.hpp>

#include "coursepack/core/typography.h"
#include "programme_course.h"

namespace coursepack {
namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST_CASE("the About screen gives the licence, authors, funding and contact") {
  const Course course = typeset_course(testing::programme_course());
  const std::string html = about_screen_html(course, "en");
  CHECK(html.starts_with("<section class=\"about\">\n<h2>About this course</h2>\n"));
  CHECK(has(html, "<p>This course is published under the licence <a "
                  "href=\"https://creativecommons.org/licenses/by-sa/4.0/\" target=\"_blank\" rel=\"noopener "
                  "noreferrer\">Creative Commons Attribution Share Alike 4.0 International (CC-BY-SA-4.0)<span "
                  "class=\"visually-hidden\"> (opens in a new window)</span></a>.</p>"));
  CHECK(has(html, "<h3>Authors</h3>\n<ul class=\"authors\">\n<li>Ada Martin, Example Association (Author)</li>"));
  CHECK(has(html, "<p class=\"funding\">Funded by the European Union."));
  CHECK(has(html, "Course team · <a href=\"mailto:team@example.org\">team@example.org</a> · <a "
                  "href=\"https://example.org/course\" target=\"_blank\" rel=\"noopener noreferrer\">"));
  CHECK(has(about_screen_html(course, "fr", 3), "<h3>À propos de ce cours</h3>"));
}

TEST_CASE("without credits the About screen names the course only") {
  Course course = testing::programme_course();
  course.credits.reset();
  CHECK(about_screen_html(course, "en") ==
        "<section class=\"about\">\n<h2>About this course</h2>\n<p class=\"about-course\">Safe passwords</p>\n"
        "</section>\n");
}

TEST_CASE("a licence without a page is named, not linked") {
  const UiStrings strings = UiStrings::for_language("en");
  CHECK(license_html("LicenseRef-All-rights-reserved", strings) ==
        "All rights reserved (no licence granted) (LicenseRef-All-rights-reserved)");
}

TEST_CASE("a module shows the sessions just before and just after it") {
  Course course = testing::programme_course();
  // Three modules: the launch comes before the first, the final after the first.
  course.modules.push_back(course.modules[0]);
  course.modules.back().id = "second";
  course.modules.push_back(course.modules[0]);
  course.modules.back().id = "third";
  course = typeset_course(course);
  const std::string first = live_sessions_html(course, course.modules[0], "en");
  CHECK(has(first, "<h2>Live sessions</h2>"));
  CHECK(has(first, "<h3>Launch session</h3>\n<p>At the start, before the module “Passwords” · Online · 15 min</p>"));
  CHECK(has(first, "<p><strong>To prepare:</strong> Count the accounts you use at work.</p>"));
  CHECK(has(first, "<h3>Final session</h3>\n<p>After the module “Passwords” · In person · 15 min</p>"));
  const std::string second = live_sessions_html(course, course.modules[1], "en");
  CHECK(has(second, "Final session"));
  CHECK_FALSE(has(second, "Launch session"));
  CHECK(live_sessions_html(course, course.modules[2], "en").empty());
  CHECK(has(live_sessions_html(course, course.modules[0], "fr"), "<p><strong>À préparer\u00a0:</strong>"));
}

}  // namespace
}  // namespace coursepack
