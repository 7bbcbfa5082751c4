#pragma once
// xAPI 1.0.3 statements for a learner's path through a module (xAPI-Data.md, section 2).
// Built in the core so that the browser runtime and native tests share them byte for byte.
// Inputs that are I/O or randomness (the actor from the launch, statement ids, the
// timestamp) are passed in.

#include <string>
#include <string_view>
#include <vector>

#include "coursepack/core/player_session.h"

namespace coursepack::xapi {

/// ADL verbs used (xAPI-Data.md 2.4.3; ADL vocabulary, http://adlnet.gov/expapi/verbs/).
inline constexpr std::string_view kInitialized = "http://adlnet.gov/expapi/verbs/initialized";
inline constexpr std::string_view kTerminated = "http://adlnet.gov/expapi/verbs/terminated";
inline constexpr std::string_view kExperienced = "http://adlnet.gov/expapi/verbs/experienced";
inline constexpr std::string_view kCompleted = "http://adlnet.gov/expapi/verbs/completed";
inline constexpr std::string_view kAnswered = "http://adlnet.gov/expapi/verbs/answered";
inline constexpr std::string_view kPassed = "http://adlnet.gov/expapi/verbs/passed";
inline constexpr std::string_view kFailed = "http://adlnet.gov/expapi/verbs/failed";

/// Activity types (ADL vocabulary, http://adlnet.gov/expapi/activities/).
inline constexpr std::string_view kCourseType = "http://adlnet.gov/expapi/activities/course";
inline constexpr std::string_view kModuleType = "http://adlnet.gov/expapi/activities/module";
inline constexpr std::string_view kLessonType = "http://adlnet.gov/expapi/activities/lesson";
inline constexpr std::string_view kAssessmentType = "http://adlnet.gov/expapi/activities/assessment";
inline constexpr std::string_view kInteractionType = "http://adlnet.gov/expapi/activities/cmi.interaction";

/// What happened, in the order it happened; the session records these as it goes.
struct Event {
  // In a course plan, quiz_submitted gives a result per module and module_completed a
  // "completed" for the course and for each module.
  enum class Kind { initialized, lesson_opened, lesson_viewed, quiz_submitted, module_completed, terminated };
  Kind kind;
  int index = 0;             // lesson index, or QuizKind as int for quiz_submitted
  std::uint32_t seconds = 0; // time spent: session (terminated), quiz, module (completed)
  int attempt = 0;           // quiz_submitted of the post-test: its attempt, from 1
};

/// Activity ids: stable across builds and languages, built from the course IRI and ids.
/// A course plan's launched activity is the course (its IRI); its lessons, questions and
/// per-module quizzes keep the ids the module packages use (<iri>/modules/<module>/...),
/// so that statements from either package merge in one report.
std::string module_activity(const ModulePlan& plan);
/// A course plan's module `part`: <iri>/modules/<module id>.
std::string part_activity(const ModulePlan& plan, int part);
std::string lesson_activity(const ModulePlan& plan, int lesson);
std::string quiz_activity(const ModulePlan& plan, QuizKind kind);
std::string question_activity(const ModulePlan& plan, int question);
/// Extension IRIs under the course IRI.
std::string extension(const ModulePlan& plan, std::string_view name);

/// ISO 8601 duration, "PT1H2M3S" (xAPI-Data.md 4.6).
std::string iso_duration(std::uint32_t seconds);

struct StatementInputs {
  std::string actor_json;    // an xAPI Agent, already JSON
  std::string registration;  // UUID from the launch, or empty
  std::string timestamp;     // ISO 8601
  std::string language;      // context.language, e.g. "fr"
  std::vector<std::string> ids;  // one UUID per statement, used in order
  // From a TinCan launch (tincan-launch.md, "Launch"); empty when the LMS gave none. The
  // caller has checked that they are absolute IRIs: they are written as given.
  std::string activity_id;   // the launched activity: stands for module_activity(plan)
  std::string grouping;      // an LMS grouping activity, added to every statement's grouping
  std::string platform;      // activity_platform, as context.platform
};

/// How many statements `events` become (so the caller makes that many UUIDs).
std::size_t statement_count(const PlayerSession& session, const std::vector<Event>& events);

/// The statements for `events` as a JSON array. Needs statement_count() ids.
std::string statements_json(const PlayerSession& session, const std::vector<Event>& events,
                            const StatementInputs& inputs);

}  // namespace coursepack::xapi
