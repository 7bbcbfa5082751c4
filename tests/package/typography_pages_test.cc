// The built pages of the SETS catalog, read as a learner's browser would show their text:
// French typography's no-break spaces are there, and no text mixes straight and curly
// apostrophes or quotes (titles and quizzes come from course.json, lessons from Markdown,
// interface strings from templates/strings: all three go through the same rules).
#include <catch2/catch.hpp>

#include "coursepack/package/course_folder.h"
#include "coursepack/package/package_builder.h"
#include "zip_reader.h"

namespace coursepack {
namespace {

// The text of an HTML page outside tags, scripts, styles and code, entities decoded.
std::string page_text(const std::string& html) {
  std::string text;
  std::size_t i = 0;
  while (i < html.size()) {
    if (html[i] != '<') {
      const std::size_t end = std::min(html.find('<', i), html.size());
      text += html.substr(i, end - i);
      i = end;
      continue;
    }
    bool skipped = false;
    for (const char* element : {"script", "style", "code", "pre"}) {
      const std::string open = std::string("<") + element;
      if (html.compare(i, open.size(), open) == 0 && !std::isalpha(static_cast<unsigned char>(html[i + open.size()]))) {
        const std::size_t close = html.find(std::string("</") + element + ">", i);
        i = close == std::string::npos ? html.size() : close + open.size() + 2;
        skipped = true;
        break;
      }
    }
    if (!skipped) i = std::min(html.find('>', i), html.size() - 1) + 1;
    text += ' ';
  }
  for (const auto& [entity, character] : {std::pair<std::string, std::string>{"&#39;", "'"}, {"&quot;", "\""},
                                          {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}})
    for (auto at = text.find(entity); at != std::string::npos; at = text.find(entity, at + character.size()))
      text.replace(at, entity.size(), character);
  return text;
}

std::vector<BuiltPackage> sets_packages(const std::string& language) {
  std::vector<BuiltPackage> packages;
  for (const auto& location : find_courses(std::string(COURSEPACK_SOURCE_DIR) + "/samples/sets").courses) {
    auto read = load_course(location);
    REQUIRE(read.diagnostics.empty());
    BuildOptions options;
    options.languages = {language};
    options.formats = {PackageFormat::scorm12};
    auto built = build_course_packages(*read.course, options);
    REQUIRE(built.error.empty());
    for (auto& package : built.packages) packages.push_back(std::move(package));
  }
  REQUIRE(packages.size() == 10);
  return packages;
}

std::string page_of(const BuiltPackage& package) {
  for (const auto& entry : testing::read_zip(package.bytes))
    if (entry.name == "index.html") return entry.content;
  FAIL("no index.html in " << package.file_name);
  throw;
}

TEST_CASE("French pages carry the no-break spaces French typography puts") {
  for (const auto& package : sets_packages("fr")) {
    INFO(package.file_name);
    const std::string text = page_text(page_of(package));
    CHECK(text.find("\u202F?") != std::string::npos);  // every module has questions
    CHECK(text.find("\u00A0:") != std::string::npos);
    for (const char* breakable : {" ?", " !", " ;", " :", " %", "« ", " »"}) {
      INFO(breakable);
      CHECK(text.find(breakable) == std::string::npos);
    }
  }
}

TEST_CASE("no page mixes straight and curly apostrophes or quotes") {
  for (const char* language : {"fr", "en"}) {
    for (const auto& package : sets_packages(language)) {
      INFO(package.file_name);
      const std::string text = page_text(page_of(package));
      CHECK(text.find('\'') == std::string::npos);
      CHECK(text.find('"') == std::string::npos);
      CHECK(text.find("\u2019") != std::string::npos);
    }
  }
}

TEST_CASE("the page text reader skips code and scripts") {
  CHECK(page_text("<p>l’été <code>it's</code></p><script>x = 'a'</script><pre><code>'b'</code></pre>&#39;") ==
        " l’été     '");
}

}  // namespace
}  // namespace coursepack
