#include "coursepack/package/course_info_html.h"

#include <algorithm>

#include "coursepack/core/live_session_vocabulary.h"
#include "coursepack/core/typography.h"
#include "coursepack/package/html.h"

namespace coursepack {
namespace {

std::string heading(int level, const std::string& html) {
  const std::string tag = "h" + std::to_string(std::clamp(level, 2, 5));
  return "<" + tag + ">" + html + "</" + tag + ">\n";
}

// An interface string typeset for its language, then escaped; values are already typeset.
std::string label(const UiStrings& strings, const std::string& language, std::string_view key,
                  const std::map<std::string, std::string>& values = {}) {
  return escape_html(typeset(strings.get(key, values), language));
}

std::string external_link(const std::string& url, const std::string& text_html, const UiStrings& strings) {
  return "<a href=\"" + escape_html(url) + "\" target=\"_blank\" rel=\"noopener noreferrer\">" + text_html +
         "<span class=\"visually-hidden\"> " + escape_html(strings.get("new_window")) + "</span></a>";
}

const Module* module_before(const Course& course, const Module& module) {
  for (std::size_t i = 1; i < course.modules.size(); ++i)
    if (&course.modules[i] == &module) return &course.modules[i - 1];
  return nullptr;
}

std::string session_html(const Course& course, const LiveSession& session, const std::string& language,
                         const UiStrings& strings, int heading_level) {
  std::string out = "<section class=\"live-session\">\n" +
                    heading(heading_level, escape_html(in_language(session.title, language)));
  out += "<p>" + escape_html(session_when_text(course, session, language, strings)) + " · " +
         escape_html(session_mode_text(session.mode, language, strings)) + " · " +
         label(strings, language, "guide_minutes", {{"n", std::to_string(session.minutes)}}) + "</p>\n";
  if (const auto& text = in_language(session.description, language); !text.empty())
    out += "<p>" + escape_html(text) + "</p>\n";
  if (const auto& text = in_language(session.preparation, language); !text.empty())
    out += "<p><strong>" + label(strings, language, "sessions_prepare") + "</strong> " + escape_html(text) + "</p>\n";
  return out + "</section>\n";
}

}  // namespace

const std::string& in_language(const LanguageMap& text, const std::string& language) {
  static const std::string none;
  const auto it = text.find(language);
  return it == text.end() ? none : it->second;
}

std::string session_when_text(const Course& course, const LiveSession& session, const std::string& language,
                              const UiStrings& strings) {
  if (session.after_module.empty()) {
    if (course.modules.empty()) return typeset(strings.get("session_at_start"), language);
    return typeset(strings.get("session_before", {{"module", in_language(course.modules.front().title, language)}}),
                   language);
  }
  std::string title = session.after_module;
  for (const auto& module : course.modules)
    if (module.id == session.after_module) title = in_language(module.title, language);
  return typeset(strings.get("session_after", {{"module", title}}), language);
}

std::string session_mode_text(SessionMode mode, const std::string& language, const UiStrings& strings) {
  return typeset(strings.get("mode_" + std::string(name_of(mode))), language);
}

std::string license_html(const std::string& license_id, const UiStrings& strings) {
  const License* license = find_license(license_id);
  if (!license) return escape_html(license_id);
  const std::string text = escape_html(std::string(license->name) + " (" + std::string(license->id) + ")");
  return license->url.empty() ? text : external_link(std::string(license->url), text, strings);
}

std::string authors_html(const Course& course, const std::string& language) {
  if (!course.credits) return "";
  std::string out;
  for (const auto& author : course.credits->authors) {
    std::string line = escape_html(author.name);
    if (!author.organisation.empty()) line += ", " + escape_html(author.organisation);
    if (const auto& role = in_language(author.role, language); !role.empty()) line += " (" + escape_html(role) + ")";
    out += "<li>" + line + "</li>\n";
  }
  return out.empty() ? "" : "<ul class=\"authors\">\n" + out + "</ul>\n";
}

std::string contact_html(const Contact& contact, const UiStrings& strings) {
  std::vector<std::string> parts;
  if (!contact.name.empty()) parts.push_back(escape_html(contact.name));
  if (!contact.email.empty())
    parts.push_back("<a href=\"mailto:" + escape_html(contact.email) + "\">" + escape_html(contact.email) + "</a>");
  if (!contact.url.empty()) parts.push_back(external_link(contact.url, escape_html(contact.url), strings));
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : " · ") + part;
  return out;
}

std::string about_screen_html(const Course& course, const std::string& language, int heading_level) {
  const UiStrings strings = UiStrings::for_language(language);
  std::string out = "<section class=\"about\">\n" + heading(heading_level, label(strings, language, "about_title"));
  out += "<p class=\"about-course\">" + escape_html(in_language(course.title, language)) + "</p>\n";
  if (!course.credits) return out + "</section>\n";
  const Credits& credits = *course.credits;
  out += "<p>" + label(strings, language, "about_license", {{"license", "\x01"}}) + "</p>\n";
  // The licence goes in after escaping: it is HTML (a link), the sentence around it text.
  out.replace(out.find('\x01'), 1, license_html(credits.license, strings));
  if (!credits.copyright.empty()) out += "<p>© " + escape_html(credits.copyright) + "</p>\n";
  if (const std::string authors = authors_html(course, language); !authors.empty())
    out += heading(heading_level + 1, label(strings, language, "guide_authors")) + authors;
  if (const auto& funding = in_language(credits.funding, language); !funding.empty())
    out += "<p class=\"funding\">" + escape_html(funding) + "</p>\n";
  if (const std::string contact = contact_html(credits.contact, strings); !contact.empty())
    out += heading(heading_level + 1, label(strings, language, "guide_contact")) + "<p>" + contact + "</p>\n";
  return out + "</section>\n";
}

std::string live_sessions_html(const Course& course, const Module& module, const std::string& language,
                               int heading_level) {
  const UiStrings strings = UiStrings::for_language(language);
  const Module* previous = module_before(course, module);
  std::string sessions;
  for (const auto& session : course.live_sessions) {
    const bool before = previous ? session.after_module == previous->id
                                 : session.after_module.empty() && &module == &course.modules.front();
    if (before || session.after_module == module.id)
      sessions += session_html(course, session, language, strings, heading_level + 1);
  }
  if (sessions.empty()) return "";
  return "<section class=\"live-sessions\">\n" + heading(heading_level, label(strings, language, "sessions_title")) +
         sessions + "</section>\n";
}

}  // namespace coursepack
