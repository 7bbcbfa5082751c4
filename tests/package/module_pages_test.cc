#include "coursepack/package/module_pages.h"

#include "sample_course.h"

namespace coursepack {
namespace {

TEST_CASE("the module home shows outcomes, lessons and the quiz as labelled radio groups") {
  const Course course = testing::example_course();
  PackageFiles files;
  render_module_pages(course, course.modules[0], "fr", "", files);
  REQUIRE(files.contains("index.html"));
  const std::string& home = files["index.html"];
  CHECK(home.find("<html lang=\"fr\">") != std::string::npos);
  CHECK(home.find("<h1>Mots de passe</h1>") != std::string::npos);
  CHECK(home.find("Choisir un mot de passe robuste") != std::string::npos);
  CHECK(home.find("<a href=\"lessons/length.html\">La longueur avant la complexité</a> (10 min)") !=
        std::string::npos);
  CHECK(home.find("<legend>Question 1. Quel mot de passe est le plus robuste ?</legend>") != std::string::npos);
  CHECK(home.find("<input type=\"radio\" name=\"q-q1\" id=\"q-q1-b\" value=\"b\"><label for=\"q-q1-b\">") !=
        std::string::npos);
  // No pretend tracking: the page carries no script until the runtime exists.
  CHECK(home.find("<script") == std::string::npos);
}

TEST_CASE("lesson pages link back, forward and to the shared stylesheet") {
  const Course course = testing::example_course();
  PackageFiles files;
  render_module_pages(course, course.modules[0], "en", "passwords/", files);
  REQUIRE(files.contains("passwords/lessons/length.html"));
  const std::string& first = files["passwords/lessons/length.html"];
  CHECK(first.find("href=\"../../player.css\"") != std::string::npos);
  CHECK(first.find("Lesson 1 of 2") != std::string::npos);
  CHECK(first.find("<a rel=\"next\" href=\"managers.html\">Next: Password managers</a>") != std::string::npos);
  CHECK(first.find("rel=\"prev\"") == std::string::npos);
  // The lesson's own "# Title" is not repeated under the page's h1.
  CHECK(first.find("<h1>Length beats complexity</h1>") != std::string::npos);
  CHECK(first.find("<h1>", first.find("<h1>") + 1) == std::string::npos);
}

TEST_CASE("course text is escaped, never interpreted") {
  Course course = testing::example_course();
  course.modules[0].title["en"] = "<script>alert(1)</script>";
  PackageFiles files;
  render_module_pages(course, course.modules[0], "en", "", files);
  CHECK(files["index.html"].find("<script>") == std::string::npos);
  CHECK(files["index.html"].find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
}

}  // namespace
}  // namespace coursepack
