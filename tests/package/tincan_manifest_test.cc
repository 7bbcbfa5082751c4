#include "coursepack/package/tincan_manifest.h"

#include <pugixml.hpp>

#include "programme_course.h"
#include "sample_course.h"

namespace coursepack {
namespace {

TEST_CASE("tincan.xml carries the licence and copyright as activity extensions") {
  const Course course = testing::programme_course();
  const std::string xml = tincan_manifest(course, course.modules[0], "en", "index.html");
  pugi::xml_document doc;
  REQUIRE(doc.load_string(xml.c_str()));
  const auto activity = doc.child("tincan").child("activities").child("activity");
  // The extensions come last, after launch, as in the activity definition.
  CHECK(std::string(activity.last_child().name()) == "extensions");
  std::map<std::string, std::string> extensions;
  for (auto extension : activity.child("extensions").children("extension"))
    extensions[extension.attribute("key").value()] = extension.child_value();
  CHECK(extensions == std::map<std::string, std::string>{
                          {std::string(kLicenseExtension), "https://creativecommons.org/licenses/by-sa/4.0/"},
                          {std::string(kCopyrightExtension), "© 2026 Example partnership"}});
}

TEST_CASE("tincan.xml without credits has no extensions") {
  const Course course = testing::example_course();
  CHECK(tincan_manifest(course, course.modules[0], "en", "index.html").find("extensions") == std::string::npos);
}

}  // namespace
}  // namespace coursepack
