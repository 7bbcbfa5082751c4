#include "coursepack/package/tincan_manifest.h"

#include <pugixml.hpp>

#include "coursepack/core/live_session_vocabulary.h"
#include "coursepack/core/module_plan.h"
#include "coursepack/core/xapi_statements.h"
#include "xml_text.h"

namespace coursepack {
namespace {

void language_elements(pugi::xml_node parent, const char* name, const LanguageMap& texts) {
  for (const auto& [language, text] : texts) {
    pugi::xml_node node = parent.append_child(name);
    node.append_attribute("lang") = language.c_str();
    node.text() = text.c_str();
  }
}

// The activity definition's extensions (xAPI 1.0.3, Data 2.4.4.1 "extensions"; tincan.xml
// maps to the activity definition): the licence and copyright, so that an LRS or LMS
// importing the package can show under what terms the content may be reused.
void credit_extensions(pugi::xml_node activity, const Credits& credits) {
  pugi::xml_node extensions = activity.append_child("extensions");
  const auto add = [&](std::string_view key, const std::string& value) {
    pugi::xml_node extension = extensions.append_child("extension");
    extension.append_attribute("key") = std::string(key).c_str();
    extension.text() = value.c_str();
  };
  const License* known = find_license(credits.license);
  add(kLicenseExtension, known && !known->url.empty() ? std::string(known->url) : credits.license);
  if (!credits.copyright.empty()) add(kCopyrightExtension, "© " + credits.copyright);
}

}  // namespace

std::string tincan_manifest(const Course& course, const Module& module, const std::string& language,
                            const std::string& launch) {
  pugi::xml_document doc;
  pugi::xml_node declaration = doc.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
  pugi::xml_node tincan = doc.append_child("tincan");
  tincan.append_attribute("xmlns") = "http://projecttincan.com/tincan.xsd";
  pugi::xml_node activity = tincan.append_child("activities").append_child("activity");
  // The same id the statements use for the module.
  const std::string id = xapi::module_activity(make_module_plan(course, module));
  activity.append_attribute("id") = id.c_str();
  activity.append_attribute("type") = std::string(xapi::kModuleType).c_str();
  language_elements(activity, "name", module.title);
  language_elements(activity, "description", module.description.empty() ? course.description : module.description);
  pugi::xml_node launch_node = activity.append_child("launch");
  launch_node.append_attribute("lang") = language.c_str();
  launch_node.text() = launch.c_str();
  if (course.credits) credit_extensions(activity, *course.credits);
  return xml_text(doc);
}

}  // namespace coursepack
