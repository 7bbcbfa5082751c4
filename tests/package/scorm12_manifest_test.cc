#include "coursepack/package/scorm12_manifest.h"

#include <pugixml.hpp>

#include "coursepack/core/module_plan.h"
#include "coursepack/package/source_version.h"

#include "programme_course.h"
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

TEST_CASE("the manifest identifier carries the source version Moodle shows and sync checks") {
  Course course = testing::example_course();
  const std::string version = source_version(make_module_plan(course, course.modules[0]));
  CHECK(version.size() == 8);
  CHECK(version.find_first_not_of("0123456789abcdef") == std::string::npos);
  const auto identifier_of = [&](const std::vector<ScormItem>& items) {
    pugi::xml_document doc;
    const std::string xml = scorm12_manifest(course, items, "fr", {{"index.html", ""}});
    REQUIRE(doc.load_string(xml.c_str()));
    CHECK(std::string(doc.child("manifest").attribute("version").value()).size() == 8);
    return std::string(doc.child("manifest").attribute("identifier").value());
  };
  const std::string single = identifier_of({{&course.modules[0], "index.html"}});
  CHECK(single == "MANIFEST-example-passwords-fr.v" + version);
  CHECK(parse_manifest_identifier(single).name == "MANIFEST-example-passwords-fr");
  CHECK(parse_manifest_identifier(single).version == version);
  // Packages built before versions read back with none.
  CHECK(parse_manifest_identifier("MANIFEST-sets-1-1-1-fr").version.empty());
  CHECK(parse_manifest_identifier("MANIFEST-sets-1-1-1-fr.vXYZ").name == "MANIFEST-sets-1-1-1-fr.vXYZ");

  // Whatever decoding a learner's saved progress depends on changes the version: a key ...
  auto& choices = course.modules[0].quiz[0].choices;
  const std::size_t key = course.modules[0].quiz[0].correct_choice();
  choices[key].correct = false;
  choices[(key + 1) % choices.size()].correct = true;
  const std::string rekeyed = identifier_of({{&course.modules[0], "index.html"}});
  CHECK(rekeyed != single);
  CHECK(rekeyed.starts_with("MANIFEST-example-passwords-fr.v"));
  // ... or the pre-test threshold (which lessons a learner is sent to) ...
  course = testing::example_course();
  course.assessment.pretest_threshold += 1;
  CHECK(identifier_of({{&course.modules[0], "index.html"}}) != single);
  // ... but not a text.
  course = testing::example_course();
  course.modules[0].title["fr"] = "Autre titre";
  CHECK(identifier_of({{&course.modules[0], "index.html"}}) == single);
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

namespace coursepack {
namespace {

TEST_CASE("credits become LOM rights and the authors LOM contributors") {
  const Course course = testing::programme_course();
  const std::string xml = scorm12_manifest(course, {{&course.modules[0], "index.html"}}, "fr", {{"index.html", ""}});
  pugi::xml_document doc;
  REQUIRE(doc.load_string(xml.c_str()));
  const auto lom = doc.child("manifest").child("metadata").child("imsmd:lom");
  const auto rights = lom.child("imsmd:rights");
  CHECK(std::string(rights.child("imsmd:copyrightandotherrestrictions").child("imsmd:value").child_value(
            "imsmd:langstring")) == "yes");
  const auto description = rights.child("imsmd:description").child("imsmd:langstring");
  CHECK(std::string(description.attribute("xml:lang").value()) == "fr");
  CHECK(std::string(description.child_value()) ==
        "CC-BY-SA-4.0: Creative Commons Attribution Share Alike 4.0 International, "
        "https://creativecommons.org/licenses/by-sa/4.0/. © 2026 Example partnership. Financé par l'Union européenne. "
        "Les points de vue et avis exprimés n'engagent que leurs auteurs.");
  const auto contribute = lom.child("imsmd:lifecycle").child("imsmd:contribute");
  CHECK(std::string(contribute.child("imsmd:role").child("imsmd:value").child_value("imsmd:langstring")) == "Author");
  CHECK(std::string(contribute.child("imsmd:centity").child_value("imsmd:vcard")) ==
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ada Martin\nORG:Example Association\nEND:VCARD");
  // LOM's order: general, lifecycle, educational, rights, classification.
  std::vector<std::string> order;
  for (auto child : lom.children()) order.push_back(child.name());
  CHECK(order == std::vector<std::string>{"imsmd:general", "imsmd:lifecycle", "imsmd:educational", "imsmd:rights",
                                          "imsmd:classification", "imsmd:classification"});
}

TEST_CASE("a course without credits has no rights element") {
  const Course course = testing::example_course();
  const std::string xml = scorm12_manifest(course, {{&course.modules[0], "index.html"}}, "en", {{"index.html", ""}});
  CHECK(xml.find("imsmd:rights") == std::string::npos);
}

}  // namespace
}  // namespace coursepack
