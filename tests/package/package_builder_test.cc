#include "coursepack/package/package_builder.h"

#include <pugixml.hpp>

#include <set>

#include "coursepack/core/module_plan.h"
#include "coursepack/package/module_pages.h"
#include "sample_course.h"
#include "zip_reader.h"

namespace coursepack {
namespace {

const BuiltPackage& find_package(const BuildResult& result, const std::string& file_name) {
  for (const auto& package : result.packages)
    if (package.file_name == file_name) return package;
  FAIL("no package " << file_name);
  throw;
}

TEST_CASE("one package per module and language, named after them") {
  const Course course = testing::example_course();
  const BuildResult result = build_course_packages(course, {});
  REQUIRE(result.error.empty());
  std::set<std::string> names;
  for (const auto& p : result.packages) names.insert(p.file_name);
  CHECK(names == std::set<std::string>{"example_passwords_en_scorm12.zip", "example_passwords_fr_scorm12.zip",
                                       "example_passwords_en_xapi.zip", "example_passwords_fr_xapi.zip"});

  BuildOptions options;
  options.languages = {"fr"};
  options.formats = {PackageFormat::scorm12};
  options.per_course = true;
  names.clear();
  for (const auto& p : build_course_packages(course, options).packages) names.insert(p.file_name);
  CHECK(names == std::set<std::string>{"example_passwords_fr_scorm12.zip", "example_fr_scorm12.zip"});
}

// What an LMS importer relies on: the manifest at the root, every file it names
// present, nothing unnamed besides the schemas, and no path that could escape.
void check_listing(const BuiltPackage& package) {
  INFO(package.file_name);
  const auto entries = testing::read_zip(package.bytes);
  REQUIRE(!entries.empty());
  CHECK(entries[0].name == "imsmanifest.xml");
  std::set<std::string> in_zip;
  for (const auto& entry : entries) {
    CHECK(entry.name.find("..") == std::string::npos);
    CHECK(entry.name.front() != '/');
    CHECK(entry.name.find('\\') == std::string::npos);
    CHECK(in_zip.insert(entry.name).second);
  }

  pugi::xml_document manifest;
  REQUIRE(manifest.load_string(entries[0].content.c_str()));
  std::set<std::string> named{"imsmanifest.xml"};
  for (auto resource : manifest.select_nodes("/manifest/resources/resource")) {
    const std::string href = resource.node().attribute("href").value();
    CHECK(in_zip.contains(href));
    for (auto file : resource.node().children("file")) {
      CHECK(in_zip.contains(file.attribute("href").value()));
      named.insert(file.attribute("href").value());
    }
    CHECK(named.contains(href));
  }
  const std::string locations = manifest.child("manifest").attribute("xsi:schemaLocation").value();
  for (const auto& name : in_zip) {
    INFO("stray file " << name);
    CHECK((named.contains(name) || (name.ends_with(".xsd") && (locations.find(name) != std::string::npos ||
                                                                name == "ims_xml.xsd"))));
  }
}

TEST_CASE("every package lists exactly what it holds") {
  const Course course = testing::example_course();
  BuildOptions options;
  options.formats = {PackageFormat::scorm12};
  options.per_course = true;
  const BuildResult result = build_course_packages(course, options);
  REQUIRE(result.packages.size() == 4);
  for (const auto& package : result.packages) check_listing(package);

  const auto entries = testing::read_zip(find_package(result, "example_passwords_en_scorm12.zip").bytes);
  std::set<std::string> names;
  for (const auto& e : entries) names.insert(e.name);
  std::set<std::string> expected{"imsmanifest.xml", "index.html", "player.css", "coursepack-runtime.js",
                                 "adlcp_rootv1p2.xsd", "ims_xml.xsd", "imscp_rootv1p1p2.xsd", "imsmd_rootv1p2p1.xsd"};
  expected.insert(std::begin(kPlayerScripts), std::end(kPlayerScripts));
  CHECK(names == expected);
}

TEST_CASE("--per-course: one SCO running the course-level path over the course plan") {
  const Course course = testing::example_course();
  BuildOptions options;
  options.formats = {PackageFormat::scorm12};
  options.languages = {"en"};
  options.per_course = true;
  const BuildResult result = build_course_packages(course, options);
  REQUIRE(result.error.empty());
  std::map<std::string, std::string> files;
  for (const auto& e : testing::read_zip(find_package(result, "example_en_scorm12.zip").bytes)) files[e.name] = e.content;
  CHECK(files.contains("index.html"));
  CHECK_FALSE(files.contains("passwords/index.html"));
  pugi::xml_document manifest;
  REQUIRE(manifest.load_string(files.at("imsmanifest.xml").c_str()));
  const auto items = manifest.select_nodes("//organization/item");
  REQUIRE(items.size() == 1);
  CHECK(std::string(items.first().node().attribute("identifier").value()) == "ITEM-example");
  CHECK(std::string(items.first().node().child_value("adlcp:masteryscore")) ==
        std::to_string(course.assessment.mastery_score));
  CHECK(manifest.select_nodes("//resources/resource").size() == 1);
  // The page carries the course plan: a part per module, every module's questions.
  const std::string& page = files.at("index.html");
  const auto plan_start = page.find("<script type=\"text/plain\" id=\"coursepack-plan\">");
  REQUIRE(plan_start != std::string::npos);
  const auto decoded = decode_plan(page.substr(plan_start + 47, page.find("</script>", plan_start) - plan_start - 47));
  REQUIRE(decoded.error.empty());
  REQUIRE(decoded.plan.parts.size() == course.modules.size());
  CHECK(decoded.plan.parts[0].module_id == course.modules[0].id);
  CHECK(decoded.plan.module_id.empty());
  CHECK(page.find("id=\"results-modules\"") != std::string::npos);
  CHECK(page.find("id=\"final-modules\"") != std::string::npos);
}

TEST_CASE("an xAPI package holds tincan.xml and the player, launching the module") {
  const Course course = testing::example_course();
  BuildOptions options;
  options.formats = {PackageFormat::xapi};
  options.languages = {"en"};
  const BuildResult result = build_course_packages(course, options);
  REQUIRE(result.packages.size() == 1);
  std::set<std::string> names;
  std::string tincan;
  for (const auto& e : testing::read_zip(result.packages[0].bytes)) {
    names.insert(e.name);
    if (e.name == "tincan.xml") tincan = e.content;
  }
  std::set<std::string> expected{"tincan.xml", "index.html", "player.css", "coursepack-runtime.js"};
  expected.insert(std::begin(kPlayerScripts), std::end(kPlayerScripts));
  CHECK(names == expected);
  pugi::xml_document doc;
  REQUIRE(doc.load_string(tincan.c_str()));
  const auto activities = doc.select_nodes("/tincan/activities/activity");
  REQUIRE(activities.size() == 1);
  const auto activity = activities.first().node();
  CHECK(std::string(activity.attribute("id").value()) == "https://courses.example.org/xapi/example/modules/passwords");
  CHECK(std::string(activity.child_value("launch")) == "index.html");
  CHECK(doc.select_nodes("//name").size() == 2);  // every course language
  CHECK(std::string(doc.select_node("//name[@lang='fr']").node().child_value()) == "Mots de passe");
}

TEST_CASE("building twice gives byte-identical packages") {
  const Course course = testing::example_course();
  const BuildResult first = build_course_packages(course, {});
  const BuildResult second = build_course_packages(course, {});
  REQUIRE(first.packages.size() == second.packages.size());
  for (std::size_t i = 0; i < first.packages.size(); ++i) CHECK(first.packages[i].bytes == second.packages[i].bytes);
}

}  // namespace
}  // namespace coursepack

namespace coursepack {
namespace {

TEST_CASE("images a lesson references are packaged beside its page and listed in the manifest") {
  Course course = testing::example_course();
  Lesson& lesson = course.modules[0].lessons[0];
  lesson.markdown["en"] += "\n![A lock](images/lock.png) and [the guide](../../files/guide.pdf)\n";
  course.media["lessons/en/images/lock.png"] = std::string("\x89PNG\r\n\x1a\n", 8);
  course.media["files/guide.pdf"] = "%PDF-1.4";
  BuildOptions options;
  options.per_course = true;
  const BuildResult result = build_course_packages(course, options);
  REQUIRE(result.error.empty());
  for (const auto& package : result.packages)
    if (package.format == "scorm12") check_listing(package);

  const auto names_in = [&](const std::string& file_name) {
    std::map<std::string, std::string> names;
    for (const auto& e : testing::read_zip(find_package(result, file_name).bytes)) names[e.name] = e.content;
    return names;
  };
  const auto module = names_in("example_passwords_en_scorm12.zip");
  CHECK(module.at("media/lessons/en/images/lock.png") == std::string("\x89PNG\r\n\x1a\n", 8));
  CHECK(module.at("media/files/guide.pdf") == "%PDF-1.4");
  CHECK(module.at("index.html").find("<img src=\"media/lessons/en/images/lock.png\" alt=\"A lock\" />") !=
        std::string::npos);
  CHECK(module.at("imsmanifest.xml").find("<file href=\"media/lessons/en/images/lock.png\" />") != std::string::npos);
  CHECK(names_in("example_en_scorm12.zip").contains("media/lessons/en/images/lock.png"));
  CHECK(names_in("example_passwords_en_xapi.zip").contains("media/lessons/en/images/lock.png"));
  // The French lesson does not show the image: its package does not carry it.
  CHECK_FALSE(names_in("example_passwords_fr_scorm12.zip").contains("media/lessons/en/images/lock.png"));
}

TEST_CASE("built pages are typeset in their language, titles and quizzes included") {
  Course course = testing::example_course();
  course.modules[0].title["fr"] = "Mots de passe : l'essentiel";
  course.modules[0].quiz[0].prompt["en"] = "What's the \"best\" length?";
  BuildOptions options;
  options.formats = {PackageFormat::scorm12};
  const BuildResult result = build_course_packages(course, options);
  const auto page = [&](const std::string& file_name) {
    for (const auto& e : testing::read_zip(find_package(result, file_name).bytes))
      if (e.name == "index.html") return e.content;
    return std::string();
  };
  CHECK(page("example_passwords_fr_scorm12.zip").find("<h1 id=\"home-title\" tabindex=\"-1\">Mots de passe\u00A0: l’essentiel</h1>") !=
        std::string::npos);
  CHECK(page("example_passwords_en_scorm12.zip").find("What’s the “best” length?") != std::string::npos);
}

}  // namespace
}  // namespace coursepack
