#include "programme_reader.h"

#include "coursepack/core/live_session_vocabulary.h"

namespace coursepack {
namespace {

using nlohmann::json;

const json& member(const json& object, const char* key) {
  static const json missing;
  auto it = object.find(key);
  return it == object.end() ? missing : *it;
}

LanguageMap language_map(const json& value) {
  LanguageMap map;
  if (value.is_object())
    for (const auto& [language, text] : value.items()) map.emplace(language, text.get<std::string>());
  return map;
}

std::vector<LanguageMap> language_maps(const json& value) {
  std::vector<LanguageMap> out;
  if (value.is_array())
    for (const auto& item : value) out.push_back(language_map(item));
  return out;
}

std::string text(const json& object, const char* key) {
  const json& value = member(object, key);
  return value.is_string() ? value.get<std::string>() : std::string();
}

}  // namespace

LiveSession read_live_session(const json& s) {
  LiveSession session;
  session.id = s["id"].get<std::string>();
  session.title = language_map(s["title"]);
  session.description = language_map(member(s, "description"));
  session.minutes = s["minutes"].get<int>();
  session.after_module = text(s, "after_module");
  session.kind = session_kind_from_name(text(s, "kind")).value_or(SessionKind::other);
  session.mode = session_mode_from_name(text(s, "mode")).value_or(SessionMode::either);
  if (const json& agenda = member(s, "agenda"); agenda.is_array())
    for (const auto& part : agenda)
      session.agenda.push_back({part["minutes"], language_map(part["title"]), language_map(member(part, "description"))});
  session.preparation = language_map(member(s, "preparation"));
  if (const json& activities = member(s, "activities"); activities.is_array())
    for (const auto& a : activities) {
      Activity activity;
      activity.kind = a["kind"].get<std::string>();
      activity.title = language_map(a["title"]);
      activity.instructions = language_map(a["instructions"]);
      if (const json& lessons = member(a, "lessons"); lessons.is_array())
        for (const auto& lesson : lessons) activity.lessons.push_back(lesson.get<std::string>());
      activity.minutes = a.value("minutes", 0);
      activity.roles = language_maps(member(a, "roles"));
      activity.debrief = language_maps(member(a, "debrief"));
      session.activities.push_back(std::move(activity));
    }
  session.materials = language_maps(member(s, "materials"));
  return session;
}

void read_credits_and_certification(const json& doc, Course& course) {
  if (const json& c = member(doc, "credits"); c.is_object()) {
    Credits credits;
    credits.license = c["license"].get<std::string>();
    if (const json& authors = member(c, "authors"); authors.is_array())
      for (const auto& a : authors)
        credits.authors.push_back({a["name"], text(a, "organisation"), language_map(member(a, "role"))});
    credits.copyright = text(c, "copyright");
    credits.funding = language_map(member(c, "funding"));
    const json& contact = member(c, "contact");
    credits.contact = {text(contact, "name"), text(contact, "email"), text(contact, "url")};
    course.credits = std::move(credits);
  }
  if (const json& c = member(doc, "certification"); c.is_object())
    course.certification = Certification{c["min_sessions_attended"], c["all_modules_passed"], language_map(c["text"])};
}

}  // namespace coursepack
