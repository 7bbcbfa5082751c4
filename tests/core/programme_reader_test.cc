// Live-session plans, credits and certification: read into the model, and every rule
// that spans them located in course.json.
#include <catch2/catch.hpp>

#include "coursepack/core/course_reader.h"
#include "coursepack/core/course_schema.h"
#include "coursepack/core/live_session_vocabulary.h"
#include "memory_files.h"

namespace coursepack {
namespace {

// One construct per line so that positions in messages are easy to read.
const std::string kCourse = R"({
"format": 1,
"id": "c1",
"iri": "https://example.org/c1",
"languages": ["en", "fr"],
"title": {"en": "Course", "fr": "Cours"},
"description": {"en": "D", "fr": "D"},
"audience": {"en": "A", "fr": "A"},
"eqf_level": 4,
"duration_minutes": 70,
"workload": {"online_minutes": 10, "self_study_minutes": 0, "live_minutes": 60},
"outcomes": [{"id": "LO1", "text": {"en": "O", "fr": "O"}, "digcomp": "2.4"}],
"live_sessions": [{"id": "launch", "title": {"en": "Launch", "fr": "Lancement"}, "minutes": 60,
 "kind": "launch", "mode": "online",
 "agenda": [{"minutes": 15, "title": {"en": "Welcome", "fr": "Accueil"}},
  {"minutes": 45, "title": {"en": "Scenario", "fr": "Scénario"}, "description": {"en": "In pairs", "fr": "En binômes"}}],
 "preparation": {"en": "Read lesson 1", "fr": "Lire la leçon 1"},
 "activities": [{"kind": "scenario", "title": {"en": "A data leak", "fr": "Une fuite"},
  "instructions": {"en": "Play it", "fr": "La jouer"},
  "lessons": ["l1"],
  "minutes": 45,
  "roles": [{"en": "Manager", "fr": "Responsable"}],
  "debrief": [{"en": "What first?", "fr": "Quoi d'abord ?"}]}],
 "materials": [{"en": "Slides", "fr": "Diapositives"}]}],
"credits": {"license": "CC-BY-SA-4.0",
 "authors": [{"name": "Ada", "organisation": "Org", "role": {"en": "Author", "fr": "Autrice"}}],
 "copyright": "2026 Partners",
 "funding": {"en": "Funded by the EU.", "fr": "Financé par l'UE."},
 "contact": {"email": "team@example.org"}},
"certification": {"min_sessions_attended": 1, "all_modules_passed": true,
 "text": {"en": "Attend and pass.", "fr": "Assister et réussir."}},
"assessment": {"questions_per_module": 1, "pretest_threshold": 50, "mastery_score": 80},
"modules": [{"id": "m1", "title": {"en": "M", "fr": "M"},
 "lessons": [{"id": "l1", "title": {"en": "L", "fr": "L"}, "file": {"en": "en/l1.md", "fr": "fr/l1.md"}, "minutes": 10}],
 "quiz": [{"id": "q1", "tests": ["l1"], "prompt": {"en": "Q", "fr": "Q"},
  "choices": [{"text": {"en": "a", "fr": "a"}}, {"text": {"en": "b", "fr": "b"}, "correct": true}]}]}]
})";

testing::MemoryFiles lesson_files() {
  testing::MemoryFiles files;
  files.add("en/l1.md", "Hello.\n");
  files.add("fr/l1.md", "Bonjour.\n");
  return files;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

std::vector<std::string> messages(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& d : read_course(text, "course.json", lesson_files()).diagnostics) out.push_back(d.to_string());
  return out;
}

TEST_CASE("a session plan, credits and certification read into the model") {
  const CourseReadResult result = read_course(kCourse, "course.json", lesson_files());
  REQUIRE(result.diagnostics.empty());
  const Course& course = *result.course;
  REQUIRE(course.live_sessions.size() == 1);
  const LiveSession& session = course.live_sessions[0];
  CHECK(session.kind == SessionKind::launch);
  CHECK(session.mode == SessionMode::online);
  REQUIRE(session.agenda.size() == 2);
  CHECK(session.agenda[1].minutes == 45);
  CHECK(session.agenda[1].description.at("fr") == "En binômes");
  CHECK(session.agenda[0].description.empty());
  CHECK(session.preparation.at("en") == "Read lesson 1");
  REQUIRE(session.activities.size() == 1);
  const Activity& activity = session.activities[0];
  CHECK(activity.kind == "scenario");
  CHECK(activity.lessons == std::vector<std::string>{"l1"});
  CHECK(activity.minutes == 45);
  CHECK(activity.roles.at(0).at("en") == "Manager");
  CHECK(activity.debrief.at(0).at("fr") == "Quoi d'abord ?");
  CHECK(session.materials.at(0).at("en") == "Slides");

  REQUIRE(course.credits);
  CHECK(course.credits->license == "CC-BY-SA-4.0");
  CHECK(course.credits->authors.at(0).organisation == "Org");
  CHECK(course.credits->authors.at(0).role.at("fr") == "Autrice");
  CHECK(course.credits->copyright == "2026 Partners");
  CHECK(course.credits->funding.at("en") == "Funded by the EU.");
  CHECK(course.credits->contact.email == "team@example.org");
  CHECK(course.credits->contact.name.empty());
  REQUIRE(course.certification);
  CHECK(course.certification->min_sessions_attended == 1);
  CHECK(course.certification->all_modules_passed);
  CHECK(course.certification->text.at("en") == "Attend and pass.");
  CHECK(course.find_lesson("l1") == &course.modules[0].lessons[0]);
  CHECK(course.find_lesson("l9") == nullptr);
}

TEST_CASE("a session without a plan keeps the defaults, a course without credits has none") {
  std::string text = kCourse;
  const auto from = text.find(",\n \"kind\"");
  text.erase(from, text.find("}],\n\"credits\"") - from);
  text.erase(text.find("\"credits\""), text.find("\"assessment\"") - text.find("\"credits\""));
  const CourseReadResult result = read_course(text, "course.json", lesson_files());
  REQUIRE(result.diagnostics.empty());
  const LiveSession& session = result.course->live_sessions.at(0);
  CHECK(session.kind == SessionKind::other);
  CHECK(session.mode == SessionMode::either);
  CHECK(session.agenda.empty());
  CHECK(session.activities.empty());
  CHECK_FALSE(result.course->credits);
  CHECK_FALSE(result.course->certification);
}

TEST_CASE("the new checks are located where the author must look") {
  using Catch::Matchers::Equals;
  SECTION("an agenda that does not fill the session") {
    CHECK_THAT(messages(replaced(kCourse, R"("minutes": 15)", R"("minutes": 10)")),
               Equals(std::vector<std::string>{
                   "course.json:15:12: /live_sessions/0/agenda: the agenda adds up to 55 minutes, but the session "
                   "lasts 60"}));
  }
  SECTION("an activity drawing on a lesson the course lacks") {
    CHECK_THAT(messages(replaced(kCourse, R"("lessons": ["l1"])", R"("lessons": ["l2"])")),
               Equals(std::vector<std::string>{
                   "course.json:20:15: /live_sessions/0/activities/0/lessons/0: \"l2\" is not a lesson of this "
                   "course; did you mean \"l1\"?"}));
  }
  SECTION("a misspelt licence gets the closest SPDX id") {
    CHECK_THAT(messages(replaced(kCourse, R"("CC-BY-SA-4.0")", R"("CC-BY-SA-40")")),
               Equals(std::vector<std::string>{
                   "course.json:25:24: /credits/license: \"CC-BY-SA-40\" is not a licence coursepack knows; did "
                   "you mean \"CC-BY-SA-4.0\"?"}));
  }
  SECTION("a licence nothing like a known one points to the list") {
    CHECK_THAT(messages(replaced(kCourse, R"("CC-BY-SA-4.0")", R"("Proprietary")")),
               Equals(std::vector<std::string>{
                   "course.json:25:24: /credits/license: \"Proprietary\" is not a licence coursepack knows (the "
                   "list is in docs/course-format.md)"}));
  }
  SECTION("certification asking for more sessions than the course has") {
    CHECK_THAT(messages(replaced(kCourse, R"("min_sessions_attended": 1)", R"("min_sessions_attended": 2)")),
               Equals(std::vector<std::string>{
                   "course.json:30:44: /certification/min_sessions_attended: requires 2 live sessions, but the "
                   "course has 1"}));
  }
  SECTION("an empty contact") {
    CHECK_THAT(messages(replaced(kCourse, R"({"email": "team@example.org"})", "{}")),
               Equals(std::vector<std::string>{
                   "course.json:29:13: /credits/contact: give at least one of \"name\", \"email\" or \"url\""}));
  }
  SECTION("an e-mail address without a domain") {
    CHECK_THAT(messages(replaced(kCourse, R"("team@example.org")", R"("team@example")")),
               Equals(std::vector<std::string>{
                   "course.json:29:23: /credits/contact/email: \"team@example\" is not an e-mail address"}));
  }
  SECTION("a session kind and an activity kind outside their lists") {
    CHECK_THAT(messages(replaced(replaced(kCourse, R"("kind": "launch")", R"("kind": "lanch")"),
                                 R"("kind": "scenario")", R"("kind": "workshop")")),
               Equals(std::vector<std::string>{
                   "course.json:14:10: /live_sessions/0/kind: \"lanch\" is not a valid kind; did you mean "
                   "\"launch\"?",
                   "course.json:18:26: /live_sessions/0/activities/0/kind: \"workshop\" is not a valid kind (one of "
                   "ice_breaker, expert_input, qa, challenge, tool, scenario, round_table, assessment)"}));
  }
  SECTION("a debrief question without its French text") {
    CHECK_THAT(messages(replaced(kCourse, R"([{"en": "What first?", "fr": "Quoi d'abord ?"}])",
                                 R"([{"en": "What first?"}])")),
               Equals(std::vector<std::string>{
                   "course.json:23:15: /live_sessions/0/activities/0/debrief/0: missing the \"fr\" text"}));
  }
  SECTION("a funding disclaimer in a language the course lacks") {
    CHECK_THAT(messages(replaced(kCourse, R"("fr": "Financé par l'UE.")", R"("de": "Von der EU.")")),
               Equals(std::vector<std::string>{
                   "course.json:28:13: /credits/funding: missing the \"fr\" text",
                   "course.json:28:41: /credits/funding/de: language \"de\" is not one of the course languages (en, "
                   "fr)"}));
  }
}

TEST_CASE("the vocabularies: names round-trip, licences have pages") {
  for (const auto name : kSessionKindNames) CHECK(name_of(*session_kind_from_name(name)) == name);
  for (const auto name : kSessionModeNames) CHECK(name_of(*session_mode_from_name(name)) == name);
  CHECK_FALSE(session_kind_from_name("Launch"));
  REQUIRE(find_license("CC-BY-SA-4.0"));
  CHECK(find_license("CC-BY-SA-4.0")->url == "https://creativecommons.org/licenses/by-sa/4.0/");
  CHECK_FALSE(find_license("cc-by-sa-4.0"));  // SPDX ids are matched as written
  for (const auto& license : licenses())
    CHECK((license.url.empty() || license.url.starts_with("https://")));
  CHECK(is_valid_email("a.b@example.org"));
  CHECK_FALSE(is_valid_email("a@b"));
  CHECK_FALSE(is_valid_email("a b@example.org"));
  CHECK_FALSE(is_valid_email("@example.org"));
}

}  // namespace
}  // namespace coursepack
