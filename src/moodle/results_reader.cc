#include "coursepack/moodle/results_reader.h"

#include <algorithm>
#include <charconv>
#include <set>

namespace coursepack::moodle {
namespace {

using nlohmann::json;

// Moodle writes some numbers as strings ("timemodified", "scoid", "80"): both are read.
bool to_int(const json& value, std::int64_t& out) {
  if (value.is_number_integer()) {
    out = value.get<std::int64_t>();
    return true;
  }
  if (value.is_string()) {
    const std::string& text = value.get_ref<const std::string&>();
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return error == std::errc() && end == text.data() + text.size();
  }
  return false;
}

std::string text_of(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
  if (value.is_number()) return value.dump();
  if (value.is_boolean()) return value.get<bool>() ? "1" : "0";
  return {};
}

std::string field_text(const json& object, const char* name) {
  auto it = object.find(name);
  return it == object.end() ? std::string() : text_of(*it);
}

class Reader {
 public:
  Reader(WsClient& client, const std::function<void(const std::string&, std::size_t)>& progress)
      : client_(client), progress_(progress) {}

  std::string run(const std::vector<std::int64_t>& course_ids) {
    if (auto error = site_info(); !error.empty()) return error;
    std::vector<std::int64_t> courses = course_ids;
    if (courses.empty())
      if (auto error = all_courses(courses); !error.empty()) return error;
    for (std::int64_t course : courses)
      if (auto error = read_course(course); !error.empty()) return error;
    return {};
  }

  SiteResults out;

 private:
  std::string shape(const char* function, const std::string& what) {
    return std::string(function) + ": unexpected answer (" + what + "): is this Moodle 3.0 or later?";
  }

  bool call(const char* function, const Params& params, json& value, std::string& error) {
    if (progress_) progress_(function, client_.calls());
    WsResult result = client_.call(function, params);
    if (!result.error.empty()) {
      error = result.error;
      return false;
    }
    value = std::move(result.value);
    return true;
  }

  void warnings(const char* function, const json& value) {
    if (!value.is_object() || !value.contains("warnings") || !value["warnings"].is_array()) return;
    for (const auto& w : value["warnings"])
      if (w.is_object() && field_text(w, "warningcode") != "notattempted")
        out.notes.push_back(std::string(function) + ": " + field_text(w, "item") + " " + field_text(w, "itemid") + ": " +
                            field_text(w, "message"));
  }

  std::string site_info() {
    json info;
    std::string error;
    if (!call("core_webservice_get_site_info", {}, info, error)) return error;
    if (!info.is_object() || !info.contains("siteurl") || !info["siteurl"].is_string())
      return shape("core_webservice_get_site_info", "no siteurl");
    out.site = info["siteurl"].get<std::string>();
    out.release = field_text(info, "release");
    // A function missing from the service fails only when called, after other calls:
    // say it at once, and name every one missing.
    if (info.contains("functions") && info["functions"].is_array()) {
      std::set<std::string> present;
      for (const auto& f : info["functions"])
        if (f.is_object()) present.insert(field_text(f, "name"));
      std::string missing;
      for (const char* needed : kNeededFunctions)
        if (!present.contains(needed)) missing += std::string(missing.empty() ? "" : ", ") + needed;
      if (!missing.empty())
        return "core_webservice_get_site_info: the token's web service lacks " + missing +
               ": add them to the service (docs/moodle.md)";
    }
    return {};
  }

  std::string all_courses(std::vector<std::int64_t>& courses) {
    json list;
    std::string error;
    if (!call("core_course_get_courses", {}, list, error)) return error;
    if (!list.is_array()) return shape("core_course_get_courses", "not a list");
    for (const auto& course : list) {
      std::int64_t id = 0;
      if (!course.is_object() || !course.contains("id") || !to_int(course["id"], id))
        return shape("core_course_get_courses", "a course without id");
      if (field_text(course, "format") != "site") courses.push_back(id);
    }
    return {};
  }

  std::string read_course(std::int64_t course) {
    out.courses.push_back(course);
    const std::string id = std::to_string(course);
    json scorms;
    std::string error;
    if (!call("mod_scorm_get_scorms_by_courses", {{"courseids[0]", id}}, scorms, error)) return error;
    if (!scorms.is_object() || !scorms.contains("scorms") || !scorms["scorms"].is_array())
      return shape("mod_scorm_get_scorms_by_courses", "no scorms list");
    warnings("mod_scorm_get_scorms_by_courses", scorms);
    if (scorms["scorms"].empty()) return {};
    json users;
    if (!call("core_enrol_get_enrolled_users", {{"courseid", id}}, users, error)) return error;
    if (!users.is_array()) return shape("core_enrol_get_enrolled_users", "not a list");
    std::vector<std::int64_t> course_users;
    for (const auto& user : users) {
      User u;
      if (!user.is_object() || !user.contains("id") || !to_int(user["id"], u.id))
        return shape("core_enrol_get_enrolled_users", "a user without id");
      u.email = field_text(user, "email");
      course_users.push_back(u.id);
      auto known = std::find_if(out.users.begin(), out.users.end(), [&](const User& x) { return x.id == u.id; });
      if (known == out.users.end()) out.users.push_back(u);
      else if (known->email.empty()) known->email = u.email;
    }
    if (users.empty())
      out.notes.push_back("core_enrol_get_enrolled_users(courseid=" + id +
                          "): no one enrolled, or the token's user lacks moodle/user:viewdetails");
    for (const auto& scorm : scorms["scorms"])
      if (auto e = read_activity(scorm, course_users); !e.empty()) return e;
    return {};
  }

  std::string read_activity(const json& scorm, const std::vector<std::int64_t>& users) {
    ScormActivity activity;
    if (!scorm.is_object() || !scorm.contains("id") || !to_int(scorm["id"], activity.id))
      return shape("mod_scorm_get_scorms_by_courses", "an activity without id");
    if (scorm.contains("coursemodule")) to_int(scorm["coursemodule"], activity.cmid);
    if (scorm.contains("course")) to_int(scorm["course"], activity.course);
    if (scorm.contains("revision")) to_int(scorm["revision"], activity.revision);
    activity.name = field_text(scorm, "name");
    activity.reference = field_text(scorm, "reference");
    activity.sha1 = field_text(scorm, "sha1hash");
    activity.version = field_text(scorm, "version");
    const std::string scorm_id = std::to_string(activity.id);
    json scoes;
    std::string error;
    if (!call("mod_scorm_get_scorm_scoes", {{"scormid", scorm_id}}, scoes, error)) return error;
    if (!scoes.is_object() || !scoes.contains("scoes") || !scoes["scoes"].is_array())
      return shape("mod_scorm_get_scorm_scoes", "no scoes list");
    for (const auto& item : scoes["scoes"]) {
      if (!item.is_object()) return shape("mod_scorm_get_scorm_scoes", "a SCO that is not an object");
      if (activity.manifest.empty()) activity.manifest = field_text(item, "manifest");
      if (field_text(item, "scormtype") != "sco") continue;  // the organization row, assets
      Sco sco;
      if (!item.contains("id") || !to_int(item["id"], sco.id)) return shape("mod_scorm_get_scorm_scoes", "a SCO without id");
      sco.identifier = field_text(item, "identifier");
      sco.title = field_text(item, "title");
      if (item.contains("extradata") && item["extradata"].is_array())
        for (const auto& extra : item["extradata"])
          if (extra.is_object() && field_text(extra, "element") == "masteryscore") sco.mastery_score = field_text(extra, "value");
      activity.scoes.push_back(std::move(sco));
    }
    const std::size_t index = out.activities.size();
    out.activities.push_back(activity);
    for (std::int64_t user : users) {
      const std::string user_id = std::to_string(user);
      json count;
      if (!call("mod_scorm_get_scorm_attempt_count", {{"scormid", scorm_id}, {"userid", user_id}}, count, error))
        return error;
      std::int64_t attempts = 0;
      if (!count.is_object() || !count.contains("attemptscount") || !to_int(count["attemptscount"], attempts))
        return shape("mod_scorm_get_scorm_attempt_count", "no attemptscount");
      for (std::int64_t attempt = 1; attempt <= attempts; ++attempt)
        for (std::size_t s = 0; s < activity.scoes.size(); ++s) {
          json tracks;
          if (!call("mod_scorm_get_scorm_sco_tracks",
                    {{"scoid", std::to_string(activity.scoes[s].id)}, {"userid", user_id}, {"attempt", std::to_string(attempt)}},
                    tracks, error))
            return error;
          if (!tracks.is_object() || !tracks.contains("data") || !tracks["data"].is_object() ||
              !tracks["data"].contains("tracks") || !tracks["data"]["tracks"].is_array())
            return shape("mod_scorm_get_scorm_sco_tracks", "no data.tracks");
          ScoAttempt record{index, s, user, static_cast<int>(attempt), {}};
          for (const auto& t : tracks["data"]["tracks"])
            if (t.is_object()) record.tracks.push_back({field_text(t, "element"), t.contains("value") ? text_of(t["value"]) : ""});
          if (!record.tracks.empty()) out.attempts.push_back(std::move(record));
        }
    }
    return {};
  }

  WsClient& client_;
  const std::function<void(const std::string&, std::size_t)>& progress_;
};

}  // namespace

ReadResult read_results(WsClient& client, const std::vector<std::int64_t>& course_ids,
                        const std::function<void(const std::string& what, std::size_t calls)>& progress) {
  Reader reader(client, progress);
  std::string error = reader.run(course_ids);
  return {std::move(reader.out), std::move(error)};
}

std::string track_value(const std::vector<Track>& tracks, std::string_view element) {
  for (const auto& t : tracks)
    if (t.element == element) return t.value;
  return {};
}

}  // namespace coursepack::moodle
