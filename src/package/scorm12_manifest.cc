#include "coursepack/package/scorm12_manifest.h"

#include <set>
#include <sstream>

#include <pugixml.hpp>

#include "coursepack/core/digcomp.h"
#include "coursepack/core/live_session_vocabulary.h"
#include "coursepack/core/module_plan.h"
#include "coursepack/package/embedded_files.h"
#include "coursepack/package/source_version.h"
#include "xml_text.h"

namespace coursepack {
namespace {

// SCORM 1.2 Content Aggregation Model, 2.3.x: the three namespaces and their schema
// files. Packages carry the .xsd files at their root, as ADL's conformance suite expects.
constexpr const char* kImscp = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
constexpr const char* kAdlcp = "http://www.adlnet.org/xsd/adlcp_rootv1p2";
constexpr const char* kImsmd = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1";
constexpr const char* kSchemaFiles[] = {"imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd",
                                        "ims_xml.xsd"};

// xs:ID values must be NCNames: our ids may start with a digit, so every identifier
// gets a letter prefix.
std::string identifier(std::string_view prefix, std::string_view id) { return std::string(prefix) + "-" + std::string(id); }

std::string iso_duration(int minutes) {
  std::string out = "PT";
  if (minutes >= 60) out += std::to_string(minutes / 60) + "H";
  if (minutes % 60 || minutes < 60) out += std::to_string(minutes % 60) + "M";
  return out;
}

// Languages in the order the manifest lists them: the package's, then the others.
std::vector<std::string> ordered_languages(const Course& course, const std::string& language) {
  std::vector<std::string> out{language};
  for (const auto& other : course.languages)
    if (other != language) out.push_back(other);
  return out;
}

void langstrings(pugi::xml_node parent, const char* name, const LanguageMap& text,
                 const std::vector<std::string>& languages) {
  pugi::xml_node node = parent.append_child(name);
  for (const auto& language : languages) {
    auto it = text.find(language);
    if (it == text.end()) continue;
    pugi::xml_node langstring = node.append_child("imsmd:langstring");
    langstring.append_attribute("xml:lang") = language.c_str();
    langstring.text() = it->second.c_str();
  }
}

// LOM vocabulary entry: <source><langstring>LOMv1.0</langstring></source><value>...</value>.
void vocabulary(pugi::xml_node parent, const char* name, const char* source, const char* value) {
  pugi::xml_node node = parent.append_child(name);
  auto s = node.append_child("imsmd:source").append_child("imsmd:langstring");
  s.append_attribute("xml:lang") = "x-none";
  s.text() = source;
  auto v = node.append_child("imsmd:value").append_child("imsmd:langstring");
  v.append_attribute("xml:lang") = "x-none";
  v.text() = value;
}

void taxon_classification(pugi::xml_node lom, const char* purpose, const char* source, const std::string& id,
                          const std::string& entry, const std::string& language) {
  pugi::xml_node classification = lom.append_child("imsmd:classification");
  vocabulary(classification, "imsmd:purpose", "LOMv1.0", purpose);
  pugi::xml_node path = classification.append_child("imsmd:taxonpath");
  auto s = path.append_child("imsmd:source").append_child("imsmd:langstring");
  s.append_attribute("xml:lang") = "x-none";
  s.text() = source;
  pugi::xml_node taxon = path.append_child("imsmd:taxon");
  taxon.append_child("imsmd:id").text() = id.c_str();
  auto e = taxon.append_child("imsmd:entry").append_child("imsmd:langstring");
  e.append_attribute("xml:lang") = language.c_str();
  e.text() = entry.c_str();
}

// Competences a set of modules serves, in course order; all of the course's when the
// modules name none.
std::vector<const Outcome*> outcomes_of(const Course& course, const std::vector<ScormItem>& items) {
  std::set<std::string> named;
  for (const auto& item : items)
    if (item.module) named.insert(item.module->outcomes.begin(), item.module->outcomes.end());
  std::vector<const Outcome*> out;
  for (const auto& outcome : course.outcomes)
    if (named.empty() || named.contains(outcome.id)) out.push_back(&outcome);
  return out;
}

// vCard 3.0 (RFC 2426) text: "," ";" and "\" escaped, as LOM's centity expects.
std::string vcard_text(std::string_view text) {
  std::string out;
  for (char ch : text) {
    if (ch == ',' || ch == ';' || ch == '\\') out += '\\';
    out += ch;
  }
  return out;
}

// LOM 2.3 Contribute: each author with the LOMv1.0 role "Author".
void lifecycle(pugi::xml_node lom, const Credits& credits) {
  if (credits.authors.empty()) return;
  pugi::xml_node lifecycle = lom.append_child("imsmd:lifecycle");
  for (const auto& author : credits.authors) {
    pugi::xml_node contribute = lifecycle.append_child("imsmd:contribute");
    vocabulary(contribute, "imsmd:role", "LOMv1.0", "Author");
    std::string card = "BEGIN:VCARD\nVERSION:3.0\nFN:" + vcard_text(author.name) + "\n";
    if (!author.organisation.empty()) card += "ORG:" + vcard_text(author.organisation) + "\n";
    card += "END:VCARD";
    contribute.append_child("imsmd:centity").append_child("imsmd:vcard").text() = card.c_str();
  }
}

// LOM 6 Rights: restrictions apply (a licence is one), described by the licence, its
// address, the copyright and the funding disclaimer, in each language.
void rights(pugi::xml_node lom, const Credits& credits, const std::vector<std::string>& languages) {
  pugi::xml_node rights = lom.append_child("imsmd:rights");
  vocabulary(rights, "imsmd:copyrightandotherrestrictions", "LOMv1.0", "yes");
  std::string licence = credits.license;
  if (const License* known = find_license(credits.license)) {
    licence += ": " + std::string(known->name);
    if (!known->url.empty()) licence += ", " + std::string(known->url);
  }
  licence += ".";
  if (!credits.copyright.empty()) licence += " © " + credits.copyright + ".";
  LanguageMap description;
  for (const auto& language : languages) {
    auto funding = credits.funding.find(language);
    description[language] = licence + (funding == credits.funding.end() ? "" : " " + funding->second);
  }
  langstrings(rights, "imsmd:description", description, languages);
}

void lom(pugi::xml_node metadata, const Course& course, const std::vector<ScormItem>& items,
         const std::string& language) {
  const auto languages = ordered_languages(course, language);
  // One module's package; a course's (the course-level path, or every module's SCO) otherwise.
  const bool single = items.size() == 1 && items.front().module;
  const Module& first = single ? *items.front().module : course.modules.front();

  pugi::xml_node lom = metadata.append_child("imsmd:lom");
  pugi::xml_node general = lom.append_child("imsmd:general");
  general.append_child("imsmd:identifier").text() =
      (single ? course.iri + "/modules/" + first.id : course.iri).c_str();
  langstrings(general, "imsmd:title", single ? first.title : course.title, languages);
  general.append_child("imsmd:language").text() = language.c_str();
  langstrings(general, "imsmd:description",
              single && !first.description.empty() ? first.description : course.description, languages);
  std::set<std::string> competences;
  for (const Outcome* outcome : outcomes_of(course, items)) {
    const DigCompCompetence* competence = find_digcomp(outcome->digcomp);
    if (!competence || !competences.insert(outcome->digcomp).second) continue;
    LanguageMap keyword;
    for (const auto& l : languages)
      keyword[l] = "DigComp " + std::string(competence->id) + " " + std::string(digcomp_name(*competence, l));
    langstrings(general, "imsmd:keyword", keyword, languages);
  }

  if (course.credits) lifecycle(lom, *course.credits);

  pugi::xml_node educational = lom.append_child("imsmd:educational");
  vocabulary(educational, "imsmd:intendedenduserrole", "LOMv1.0", "Learner");
  vocabulary(educational, "imsmd:context", "LOMv1.0", "Training");
  const int minutes = single ? first.minutes() : course.duration_minutes;
  if (minutes > 0) educational.append_child("imsmd:typicallearningtime").append_child("imsmd:datetime").text() =
      iso_duration(minutes).c_str();
  langstrings(educational, "imsmd:description", course.audience, languages);
  educational.append_child("imsmd:language").text() = language.c_str();

  if (course.credits) rights(lom, *course.credits, languages);

  taxon_classification(lom, "Educational Level", "EQF", std::to_string(course.eqf_level),
                       "EQF " + std::to_string(course.eqf_level), "en");
  for (const Outcome* outcome : outcomes_of(course, items))
    if (const DigCompCompetence* competence = find_digcomp(outcome->digcomp))
      taxon_classification(lom, "Educational Objective", "DigComp 2.2", std::string(competence->id),
                           std::string(digcomp_name(*competence, language)), language);
}

}  // namespace

std::string scorm12_manifest(const Course& course, const std::vector<ScormItem>& items, const std::string& language,
                             const PackageFiles& files) {
  pugi::xml_document doc;
  pugi::xml_node declaration = doc.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";

  const bool single = items.size() == 1 && items.front().module;
  // The source version where Moodle shows it (source_version.h): `moodle sync` refuses
  // attempts made on a package built from another source.
  const std::string version =
      source_version(single ? make_module_plan(course, *items.front().module) : make_course_plan(course));
  const std::string manifest_id =
      manifest_identifier(course.id, single ? items.front().module->id : "", language, version);
  pugi::xml_node manifest = doc.append_child("manifest");
  manifest.append_attribute("identifier") = manifest_id.c_str();
  manifest.append_attribute("version") = version.c_str();
  manifest.append_attribute("xmlns") = kImscp;
  manifest.append_attribute("xmlns:adlcp") = kAdlcp;
  manifest.append_attribute("xmlns:imsmd") = kImsmd;
  manifest.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
  const std::string locations = std::string(kImscp) + " imscp_rootv1p1p2.xsd " + kImsmd + " imsmd_rootv1p2p1.xsd " +
                                kAdlcp + " adlcp_rootv1p2.xsd";
  manifest.append_attribute("xsi:schemaLocation") = locations.c_str();

  pugi::xml_node metadata = manifest.append_child("metadata");
  metadata.append_child("schema").text() = "ADL SCORM";
  metadata.append_child("schemaversion").text() = "1.2";
  lom(metadata, course, items, language);

  const auto title_of = [&](const LanguageMap& map) {
    auto it = map.find(language);
    return it == map.end() ? std::string() : it->second;
  };
  pugi::xml_node organizations = manifest.append_child("organizations");
  const std::string organization_id = identifier("ORG", course.id);
  organizations.append_attribute("default") = organization_id.c_str();
  pugi::xml_node organization = organizations.append_child("organization");
  organization.append_attribute("identifier") = organization_id.c_str();
  organization.append_child("title").text() =
      (single ? title_of(items.front().module->title) : title_of(course.title)).c_str();
  // The course-level path's one SCO (no module) is named after the course.
  const auto item_id = [&](const ScormItem& item) { return item.module ? item.module->id : course.id; };
  for (const auto& item : items) {
    pugi::xml_node node = organization.append_child("item");
    node.append_attribute("identifier") = identifier("ITEM", item_id(item)).c_str();
    node.append_attribute("identifierref") = identifier("RES", item_id(item)).c_str();
    node.append_attribute("isvisible") = "true";
    node.append_child("title").text() = title_of(item.module ? item.module->title : course.title).c_str();
    node.append_child("adlcp:masteryscore").text() = std::to_string(course.assessment.mastery_score).c_str();
  }

  pugi::xml_node resources = manifest.append_child("resources");
  for (const auto& item : items) {
    pugi::xml_node resource = resources.append_child("resource");
    resource.append_attribute("identifier") = identifier("RES", item_id(item)).c_str();
    resource.append_attribute("type") = "webcontent";
    resource.append_attribute("adlcp:scormtype") = "sco";
    resource.append_attribute("href") = item.launch.c_str();
    // The module's own folder, or everything when the package holds one module; the
    // player's files (player.css at the root, the scripts in player/) are shared by every SCO.
    const std::string folder = item.launch.substr(0, item.launch.rfind('/') + 1);
    for (const auto& [path, content] : files) {
      const bool schema = path.ends_with(".xsd");
      if (path == "imsmanifest.xml" || schema) continue;
      if ((folder.empty() || path.starts_with(folder) || is_shared_player_file(path)))
        resource.append_child("file").append_attribute("href") = path.c_str();
    }
  }

  return xml_text(doc);
}

void add_scorm12_schemas(PackageFiles& files) {
  for (const char* name : kSchemaFiles) files[name] = std::string(embedded_file(std::string("scorm12/") + name));
}

}  // namespace coursepack
