#pragma once
// Reads the SCORM results of a Moodle site over its web services, the only way Moodle
// offers (no "all attempts" call): courses -> SCORM activities -> their SCOs -> enrolled
// users -> attempt count per user -> the tracks of each attempt of each SCO.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "coursepack/moodle/ws_client.h"

namespace coursepack::moodle {

/// The web-service functions the reader calls: the service must hold all of them.
inline constexpr const char* kNeededFunctions[] = {
    "core_webservice_get_site_info", "core_course_get_courses",           "core_enrol_get_enrolled_users",
    "mod_scorm_get_scorms_by_courses", "mod_scorm_get_scorm_scoes",       "mod_scorm_get_scorm_attempt_count",
    "mod_scorm_get_scorm_sco_tracks",
};

struct Sco {
  std::int64_t id = 0;
  std::string identifier;  // the manifest item, e.g. ITEM-1-1
  std::string title;
  std::string mastery_score;  // adlcp:masteryscore as Moodle keeps it, "" when none
};

struct ScormActivity {
  std::int64_t id = 0;      // scorm id
  std::int64_t cmid = 0;    // course module id (the activity's page: /mod/scorm/view.php?id=cmid)
  std::int64_t course = 0;
  std::string name;
  std::string reference;    // the package file name
  std::string sha1;
  std::int64_t revision = 0;  // 1 + how many times the package was replaced
  std::string version;      // SCORM_1.2, SCORM_13, AICC
  std::string manifest;     // the manifest identifier (from the SCOs)
  std::vector<Sco> scoes;   // launchable SCOs only
};

struct User {
  std::int64_t id = 0;
  std::string email;  // empty when Moodle does not show it to the token's user
};

struct Track {
  std::string element;
  std::string value;  // numbers are written as text
};

struct ScoAttempt {
  std::size_t activity = 0;  // index in SiteResults::activities
  std::size_t sco = 0;       // index in its scoes
  std::int64_t user = 0;
  int attempt = 0;
  std::vector<Track> tracks;  // as Moodle gave them, Moodle's derived keys included
};

struct SiteResults {
  std::string site;     // the site URL as Moodle gives it (siteurl)
  std::string release;  // e.g. 4.5.6 (Build: 20250811)
  std::vector<std::int64_t> courses;
  std::vector<User> users;
  std::vector<ScormActivity> activities;
  std::vector<ScoAttempt> attempts;  // only attempts with tracks
  std::vector<std::string> notes;    // what Moodle warned about (no access to a course ...)
};

struct ReadResult {
  SiteResults results;
  std::string error;  // the first error: the read stops there and nothing should be sent
};

/// Reads everything for `course_ids` (empty: every course the token can see, the site
/// page excepted). Stops at the first error. `progress` is told what is being read.
ReadResult read_results(WsClient& client, const std::vector<std::int64_t>& course_ids,
                        const std::function<void(const std::string& what, std::size_t calls)>& progress = {});

/// The value of `element` in `tracks`, or "" when absent.
std::string track_value(const std::vector<Track>& tracks, std::string_view element);

}  // namespace coursepack::moodle
