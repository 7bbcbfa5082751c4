#pragma once
// From a Moodle SCORM attempt of a coursepack package back to the xAPI statements the
// player sends in TinCan mode: match the activity to its course source, decode the
// player's suspend_data with the core's decoder, replay the learner's path through the
// core Player (one code path with the browser), check the replay against the attempt's
// cmi.interactions, and give each statement an id derived from where it comes from.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "coursepack/core/course.h"
#include "coursepack/core/module_plan.h"
#include "coursepack/package/packaged_plan.h"
#include "coursepack/moodle/results_reader.h"

namespace coursepack::moodle {

struct SourceMatch {
  const Course* course = nullptr;
  const Module* module = nullptr;  // null for a whole-course package (the course-level path)
  std::string language;
  std::string version;  // the package's source version; "" for a package built before versions
  std::string error;    // why the activity is not matched (then course is null)
};

/// The course source of `activity`, found by its manifest identifier
/// (MANIFEST-<course>[-<module>]-<language>.v<version>, package/source_version.h), checked
/// against the package name (<course>[_<module>]_<language>_scorm12.zip). A package replaced
/// after upload (revision above 1), built from another version of the source, of a SCORM
/// version other than 1.2, or of an unknown course gives an error. A package without a
/// version (built before them) matches; its attempts are then checked one by one
/// (sync_statements).
SourceMatch match_source(const std::vector<Course>& courses, const ScormActivity& activity);

/// Who the statements are about and where they come from.
struct AttemptContext {
  std::string site;          // the Moodle site URL: account homePage and id namespace
  std::string actor_json;    // an xAPI Agent
  std::int64_t user = 0;
  std::int64_t scorm = 0;
  std::string sco_identifier;
  int attempt = 0;
  std::string grouping;      // the Moodle activity's page, added to every statement's grouping
  std::string platform = "Moodle";
};

struct AttemptStatements {
  std::vector<nlohmann::json> statements;
  std::string error;  // why the attempt cannot be turned into statements (nothing then)
};

/// The statements of one attempt, from its tracks (cmi.suspend_data, cmi.interactions_N.*,
/// x.start.time, timemodified, the SCO's mastery score). Errors: suspend_data the decoder
/// refuses (another module, a changed quiz), interactions that disagree with the replay.
AttemptStatements attempt_statements(const ModulePlan& plan, const std::vector<Track>& tracks,
                                     const std::string& mastery_score, const AttemptContext& context);

/// The statement id for event `key` of the attempt (uuid_from_name of site, user,
/// activity, SCO, attempt and key): the same on every run.
std::string statement_id(const AttemptContext& context, const std::string& key);
/// The registration of the attempt (uuid_from_name of site, user, activity, SCO, attempt).
std::string registration(const AttemptContext& context);

/// "2026-11-29T11:52:48.000Z".
std::string iso_timestamp(std::int64_t unix_seconds);

struct SyncOptions {
  bool actor_mbox = false;  // identify learners by their e-mail instead of their Moodle account
};

struct SyncStatements {
  std::vector<std::string> statements;  // compact JSON, in order
  std::vector<std::string> reports;     // one line per activity or attempt not synced, and why
  std::size_t activities = 0, matched_activities = 0, attempts = 0, synced_attempts = 0;
};

/// Every attempt of `results` whose activity matches a course of `courses` (a module
/// package, or a whole-course package replayed with the course plan). An attempt of a
/// package without a source version is taken only when its cmi.suspend_data decodes
/// against today's plan; every activity or attempt not taken gets one line in `reports`.
SyncStatements sync_statements(const std::vector<Course>& courses, const SiteResults& results, const SyncOptions& options);

}  // namespace coursepack::moodle
