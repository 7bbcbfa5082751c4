#include "coursepack/package/scorm12_manifest.h"

#include <pugixml.hpp>

#include "sample_course.h"

namespace coursepack {
namespace {

TEST_CASE("the manifest spells adlcp: literally and carries the mastery score") {
  const Course course = testing::example_course();
  PackageFiles files{{"index.html", ""}, {"player/main.js", ""}, {"player.css", ""}};
  const std::string xml = scorm12_manifest(course, {{&course.modules[0], "index.html"}}, "fr", files);
  // Moodle reads attributes by their literal prefix: the namespace alone is not enough.
  CHECK(xml.find("adlcp:scormtype=\"sco\"") != std::string::npos);
  CHECK(xml.find("<adlcp:masteryscore>80</adlcp:masteryscore>") != std::string::npos);

  pugi::xml_document doc;
  REQUIRE(doc.load_string(xml.c_str()));
  const auto manifest = doc.child("manifest");
  CHECK(std::string(manifest.attribute("xmlns:adlcp").value()) == "http://www.adlnet.org/xsd/adlcp_rootv1p2");
  const auto item = manifest.child("organizations").child("organization").child("item");
  CHECK(std::string(item.child_value("title")) == "Mots de passe");
  CHECK(std::string(item.attribute("identifierref").value()) ==
        manifest.child("resources").child("resource").attribute("identifier").value());
  const auto general = manifest.child("metadata").child("imsmd:lom").child("imsmd:general");
  CHECK(std::string(general.child_value("imsmd:language")) == "fr");
  CHECK(std::string(general.child("imsmd:keyword").child_value("imsmd:langstring")) ==
        "DigComp 4.1 Protéger les équipements");
  const auto time = manifest.child("metadata").child("imsmd:lom").child("imsmd:educational").child(
      "imsmd:typicallearningtime");
  CHECK(std::string(time.child_value("imsmd:datetime")) == "PT20M");
  std::vector<std::string> listed;
  for (auto file : manifest.child("resources").child("resource").children("file"))
    listed.push_back(file.attribute("href").value());
  CHECK(listed == std::vector<std::string>{"index.html", "player.css", "player/main.js"});
}

TEST_CASE("identifiers are valid XML ids even when course ids start with a digit") {
  Course course = testing::example_course();
  course.modules[0].id = "2-1";
  const std::string xml = scorm12_manifest(course, {{&course.modules[0], "index.html"}}, "en", {{"index.html", ""}});
  CHECK(xml.find("identifier=\"ITEM-2-1\"") != std::string::npos);
  CHECK(xml.find("identifierref=\"RES-2-1\"") != std::string::npos);
}

}  // namespace
}  // namespace coursepack
