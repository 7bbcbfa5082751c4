#include "coursepack/core/live_session_vocabulary.h"
#include "coursepack/package/course_info_html.h"
#include "coursepack/package/html.h"
#include "trainer_guide_parts.h"

namespace coursepack::guide {
namespace {

// "1:05": offsets into a session, read off a wall clock by the trainer.
std::string clock(int minutes) {
  const int m = minutes % 60;
  return std::to_string(minutes / 60) + (m < 10 ? ":0" : ":") + std::to_string(m);
}

std::string text_list(const Context& c, const std::vector<LanguageMap>& items, const char* tag) {
  std::string out = std::string("<") + tag + ">\n";
  for (const auto& item : items) out += "<li>" + c.text(item) + "</li>\n";
  return out + "</" + tag + ">\n";
}

std::string agenda_table(const Context& c, const LiveSession& session) {
  std::string out = "<table class=\"agenda\">\n<caption>" + c.label("guide_agenda") + "</caption>\n<thead><tr>" +
                    "<th scope=\"col\">" + c.label("guide_col_time") + "</th><th scope=\"col\">" +
                    c.label("guide_col_part") + "</th><th scope=\"col\">" + c.label("guide_col_length") +
                    "</th></tr></thead>\n<tbody>\n";
  int start = 0;
  for (const auto& part : session.agenda) {
    out += "<tr><td>" + clock(start) + "–" + clock(start + part.minutes) + "</td><th scope=\"row\">" +
           c.text(part.title);
    if (const std::string description = c.text(part.description); !description.empty())
      out += "<span class=\"detail\">" + description + "</span>";
    out += "</th><td>" + c.minutes(part.minutes) + "</td></tr>\n";
    start += part.minutes;
  }
  return out + "</tbody>\n</table>\n";
}

std::string activity_html(const Context& c, const Activity& activity) {
  std::string out = "<section class=\"activity\">\n<h5>" +
                    c.label("guide_activity_heading", {{"kind", c.strings.get("activity_" + activity.kind)},
                                                       {"title", in_language(activity.title, c.language)}}) +
                    "</h5>\n";
  if (activity.minutes > 0) out += "<p class=\"meta\">" + c.minutes(activity.minutes) + "</p>\n";
  out += "<p>" + c.text(activity.instructions) + "</p>\n";
  if (!activity.lessons.empty()) {
    out += "<p><strong>" + c.label("guide_draws_on") + "</strong></p>\n<ul>\n";
    for (const auto& lesson : activity.lessons) out += "<li>" + lesson_reference(c, lesson) + "</li>\n";
    out += "</ul>\n";
  }
  if (!activity.roles.empty())
    out += "<p><strong>" + c.label("guide_roles") + "</strong></p>\n" + text_list(c, activity.roles, "ul");
  if (!activity.debrief.empty())
    out += "<p><strong>" + c.label("guide_debrief") + "</strong></p>\n" + text_list(c, activity.debrief, "ol");
  return out + "</section>\n";
}

std::string session_html(const Context& c, const LiveSession& session) {
  std::string out = "<section class=\"session\" id=\"session-" + escape_html(session.id) + "\">\n<h3>" +
                    c.text(session.title) + "</h3>\n<dl class=\"facts\">\n";
  const auto fact = [&](std::string_view key, const std::string& value_html) {
    out += "<dt>" + c.label(key) + "</dt><dd>" + value_html + "</dd>\n";
  };
  fact("guide_kind", c.label("kind_" + std::string(name_of(session.kind))));
  fact("guide_when", escape_html(session_when_text(c.course, session, c.language, c.strings)));
  fact("guide_mode", escape_html(session_mode_text(session.mode, c.language, c.strings)));
  fact("guide_duration", c.minutes(session.minutes));
  out += "</dl>\n";
  if (const std::string description = c.text(session.description); !description.empty())
    out += "<p>" + description + "</p>\n";
  if (session.agenda.empty() && session.activities.empty() && session.preparation.empty())
    out += "<p class=\"note\">" + c.label("guide_no_plan") + "</p>\n";
  if (const std::string preparation = c.text(session.preparation); !preparation.empty())
    out += "<h4>" + c.label("guide_preparation") + "</h4>\n<p>" + preparation + "</p>\n";
  if (!session.agenda.empty()) out += "<h4>" + c.label("guide_agenda") + "</h4>\n" + agenda_table(c, session);
  if (!session.activities.empty()) {
    out += "<h4>" + c.label("guide_activities") + "</h4>\n";
    for (const auto& activity : session.activities) out += activity_html(c, activity);
  }
  if (!session.materials.empty())
    out += "<h4>" + c.label("guide_materials") + "</h4>\n" + text_list(c, session.materials, "ul");
  // The final session is where certification is decided: its rules belong in the plan.
  if (session.kind == SessionKind::final && c.course.certification)
    out += "<h4>" + c.label("guide_certification_assessment") + "</h4>\n<p>" + c.text(c.course.certification->text) +
           "</p>\n<ul>\n" + certification_rules(c) + "</ul>\n";
  return out + "</section>\n";
}

}  // namespace

std::string sessions_section(const Context& c) {
  std::string out = "<section id=\"sessions\">\n<h2>" + c.label("guide_sessions") + "</h2>\n";
  if (c.course.live_sessions.empty()) out += "<p>" + c.label("guide_no_sessions") + "</p>\n";
  for (const auto& session : c.course.live_sessions) out += session_html(c, session);
  return out + "</section>\n";
}

}  // namespace coursepack::guide
