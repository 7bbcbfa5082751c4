#include "coursepack/lrs/statement_equivalence.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <optional>

namespace coursepack::lrs {
namespace {

using nlohmann::json;

// Milliseconds since 1970 and a count for "2026-11-29T10:00:00.5+01:00" and the like;
// nullopt when it is not such a timestamp (then it is compared as text).
std::optional<long long> instant_ms(const std::string& text) {
  int year, month, day, hour, minute;
  double second;
  int consumed = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%lf%n", &year, &month, &day, &hour, &minute, &second, &consumed) != 6)
    return std::nullopt;
  std::string zone = text.substr(static_cast<std::size_t>(consumed));
  int offset_minutes = 0;
  if (zone == "Z" || zone == "z" || zone.empty()) {
    offset_minutes = 0;
  } else {
    int zone_hours, zone_minutes;
    if (std::sscanf(zone.c_str() + 1, "%2d:%2d", &zone_hours, &zone_minutes) != 2) return std::nullopt;
    offset_minutes = (zone[0] == '-' ? -1 : 1) * (zone_hours * 60 + zone_minutes);
  }
  // Days from civil (H. Hinnant's algorithm).
  const int y = year - (month <= 2);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const long long days = static_cast<long long>(era) * 146097 + doe - 719468;
  const long long seconds = days * 86400 + hour * 3600 + (minute - offset_minutes) * 60;
  return seconds * 1000 + static_cast<long long>(second * 1000 + 0.5);
}

std::string lower_mail_domain(const std::string& mbox) {
  const auto at = mbox.rfind('@');
  if (at == std::string::npos) return mbox;
  std::string out = mbox;
  std::transform(out.begin() + static_cast<std::ptrdiff_t>(at), out.end(), out.begin() + static_cast<std::ptrdiff_t>(at),
                 [](unsigned char c) { return std::tolower(c); });
  return out;
}

void normalize_agent(json& agent);

void normalize_activity(json& activity) {
  if (!activity.is_object()) return;
  activity.erase("definition");
  if (!activity.contains("objectType")) activity["objectType"] = "Activity";
}

void normalize_agent(json& agent) {
  if (!agent.is_object()) return;
  if (!agent.contains("objectType")) agent["objectType"] = "Agent";
  if (agent.contains("mbox") && agent["mbox"].is_string()) agent["mbox"] = lower_mail_domain(agent["mbox"]);
  if (agent.contains("member") && agent["member"].is_array()) {
    for (auto& member : agent["member"]) normalize_agent(member);
    std::sort(agent["member"].begin(), agent["member"].end(),
              [](const json& a, const json& b) { return a.dump() < b.dump(); });
  }
}

void normalize_statement(json& statement, bool top_level);

void normalize_object(json& object) {
  if (!object.is_object()) return;
  const std::string type = object.value("objectType", "Activity");
  if (type == "Activity")
    normalize_activity(object);
  else if (type == "Agent" || type == "Group")
    normalize_agent(object);
  else if (type == "SubStatement")
    normalize_statement(object, false);
}

void normalize_statement(json& statement, bool top_level) {
  if (!statement.is_object()) return;
  for (const char* assigned : {"id", "authority", "stored", "version", "attachments"}) statement.erase(assigned);
  if (top_level && statement.contains("timestamp") && statement["timestamp"].is_string()) {
    if (const auto ms = instant_ms(statement["timestamp"])) statement["timestamp"] = *ms;
  }
  if (statement.contains("actor")) normalize_agent(statement["actor"]);
  if (statement.contains("verb") && statement["verb"].is_object()) statement["verb"].erase("display");
  if (statement.contains("object")) normalize_object(statement["object"]);
  if (statement.contains("context") && statement["context"].is_object()) {
    json& context = statement["context"];
    if (context.contains("instructor")) normalize_agent(context["instructor"]);
    if (context.contains("team")) normalize_agent(context["team"]);
    if (context.contains("contextActivities") && context["contextActivities"].is_object())
      for (auto& [kind, list] : context["contextActivities"].items()) {
        if (list.is_object()) list = json::array({list});  // a single activity is a list of one
        for (auto& activity : list) normalize_activity(activity);
      }
  }
}

}  // namespace

bool statements_equivalent(const json& ours, const json& stored) {
  json a = ours, b = stored;
  // A timestamp the LRS set because we sent none is its assignment, not a difference.
  if (!a.contains("timestamp")) b.erase("timestamp");
  normalize_statement(a, true);
  normalize_statement(b, true);
  return a == b;
}

}  // namespace coursepack::lrs
