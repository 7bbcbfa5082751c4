#include "coursepack/moodle/attempt_statements.h"

#include <catch2/catch.hpp>
#include <set>

#include "coursepack/core/learner_state.h"
#include "coursepack/core/player.h"
#include "fixture_transport.h"
#include "test_courses.h"

using namespace coursepack;
using namespace coursepack::moodle;
using coursepack::moodle::testing::FixtureTransport;
using coursepack::moodle::testing::read_fixture;
using coursepack::moodle::testing::recorded_courses;
using nlohmann::json;

namespace {

SiteResults recorded_results() {
  FixtureTransport transport;
  WsClient client({"http://127.0.0.1:8088", "0123456789abcdef0123456789abcdef", "test"}, transport);
  ReadResult read = read_results(client, {3});
  REQUIRE(read.error.empty());
  return read.results;
}

std::vector<Track> tracks_of(const std::string& fixture) {
  std::vector<Track> tracks;
  const json doc = json::parse(read_fixture(fixture));  // kept: a range-for over a temporary's member dangles
  for (const auto& t : doc["data"]["tracks"])
    tracks.push_back({t["element"].get<std::string>(),
                      t["value"].is_string() ? t["value"].get<std::string>() : t["value"].dump()});
  return tracks;
}

const Module& module_of(const Course& course, const std::string& id) {
  for (const auto& m : course.modules)
    if (m.id == id) return m;
  FAIL("no module " << id);
  return course.modules.front();
}

const Course& course_of(const std::string& id) {
  for (const auto& c : recorded_courses())
    if (c.id == id) return c;
  FAIL("no course " << id);
  return recorded_courses().front();
}

}  // namespace

TEST_CASE("activities are matched to their source by manifest and package name; replaced packages are reported") {
  const SiteResults results = recorded_results();
  REQUIRE(recorded_courses().size() == 2);
  for (const auto& activity : results.activities) {
    const SourceMatch match = match_source(recorded_courses(), activity);
    INFO(activity.name);
    if (activity.name == "ru_lang") {
      CHECK(match.course == nullptr);
      CHECK(match.error ==
            "its package was replaced after upload (revision 2): which package each attempt was made on is unknown");
    } else {
      REQUIRE(match.course != nullptr);
      CHECK(match.course->id + "_" + match.module->id + "_" + match.language + "_scorm12.zip" == activity.reference);
    }
  }
  ScormActivity unknown = results.activities[0];
  unknown.manifest = "MANIFEST-sets-9-9-1-fr";
  CHECK(match_source(recorded_courses(), unknown).error == "no course of the catalog has manifest MANIFEST-sets-9-9-1-fr");
  ScormActivity renamed = results.activities[0];
  renamed.reference = "module1.zip";
  CHECK(match_source(recorded_courses(), renamed).error ==
        "the package file is module1.zip, not sets-1_1-1_fr_scorm12.zip as its manifest MANIFEST-sets-1-1-1-fr says");
}

TEST_CASE("sync: every attempt of a known package becomes statements; the re-uploaded one is reported") {
  const SiteResults results = recorded_results();
  const SyncStatements made = sync_statements(recorded_courses(), results, {});
  CHECK(made.activities == 6);
  CHECK(made.matched_activities == 5);
  CHECK(made.attempts == 8);
  CHECK(made.synced_attempts == 7);
  CHECK(made.reports == std::vector<std::string>{
                            "activity 40 \"ru_lang\" (sets-1_1-1_en_scorm12.zip): not synced: its package was replaced "
                            "after upload (revision 2): which package each attempt was made on is unknown"});
  std::set<std::string> ids;
  for (const auto& line : made.statements) {
    const json s = json::parse(line);
    ids.insert(s["id"].get<std::string>());
    CHECK(s["actor"] == json::parse(R"({"objectType":"Agent","account":{"homePage":"http://127.0.0.1:8088","name":"3"}})"));
    CHECK(s["context"]["platform"] == "Moodle");
  }
  CHECK(ids.size() == made.statements.size());
  // A second run gives the same statements, byte for byte.
  CHECK(sync_statements(recorded_courses(), results, {}).statements == made.statements);
}

TEST_CASE("--actor-mbox needs the e-mail, which Moodle hides from a system-role reporter") {
  SiteResults results = recorded_results();
  SyncStatements made = sync_statements(recorded_courses(), results, {true});
  CHECK(made.synced_attempts == 0);
  CHECK(made.reports.back() == "activity 49 \"v2_fr_allwrong\", user 3, attempt 1: not synced: Moodle shows no e-mail "
                               "for user 3 to this token (--actor-mbox needs it)");
  results.users[0].email = "student@example.org";
  made = sync_statements(recorded_courses(), results, {true});
  CHECK(made.synced_attempts == 7);
  CHECK(json::parse(made.statements[0])["actor"]["mbox"] == "mailto:student@example.org");
}

TEST_CASE("an attempt whose interactions disagree with the source is reported, not guessed") {
  const Course& course = course_of("sets-1");
  const ModulePlan plan = packaged_plan(course, module_of(course, "1-1"), "fr");
  AttemptContext context{"http://127.0.0.1:8088", R"({"objectType":"Agent","account":{"homePage":"h","name":"3"}})", 3, 47, "ITEM-1-1", 1, "", "Moodle"};
  std::vector<Track> tracks = tracks_of("mod_scorm_get_scorm_sco_tracks.scoid-95.userid-3.attempt-1.json");
  REQUIRE(attempt_statements(plan, tracks, "80", context).error == "");
  for (auto& t : tracks)
    if (t.element == "cmi.interactions_0.correct_responses_0.pattern") t.value = "c";
  CHECK(attempt_statements(plan, tracks, "80", context).error ==
        "cmi.interactions_0.correct_responses_0.pattern is \"c\" where the course source gives \"b\" (pre_q1)");
  // Another module's source: the core's decoder refuses the saved state.
  const ModulePlan other = packaged_plan(course, module_of(course, "1-2"), "fr");
  CHECK(attempt_statements(other, tracks_of("mod_scorm_get_scorm_sco_tracks.scoid-95.userid-3.attempt-1.json"), "80",
                           context)
            .error.starts_with("cmi.suspend_data: "));
}

TEST_CASE("ids are derived from site, user, activity, SCO, attempt and event") {
  AttemptContext a{"http://127.0.0.1:8088", "{}", 3, 47, "ITEM-1-1", 1, "", "Moodle"};
  AttemptContext b = a;
  b.attempt = 2;
  CHECK(statement_id(a, "initialized x") == statement_id(a, "initialized x"));
  CHECK(statement_id(a, "initialized x") != statement_id(b, "initialized x"));
  CHECK(registration(a) != registration(b));
  CHECK(iso_timestamp(1795953168) == "2026-11-29T11:52:48.000Z");
  CHECK(iso_timestamp(0) == "1970-01-01T00:00:00.000Z");
}

// The browser's way: the same learner's answers played through the core Player, step by
// step, as templates/player/main.js drives it in a TinCan launch. The statements must be
// those sync makes from Moodle's tracks, ids and timestamps aside.
TEST_CASE("sync gives the statements the player sends for the same answers in TinCan mode") {
  struct Case {
    const char* fixture;
    const char* course;
    const char* module;
    const char* language;
    std::int64_t scorm;
  };
  const Case cases[] = {
      {"mod_scorm_get_scorm_sco_tracks.scoid-95.userid-3.attempt-1.json", "sets-1", "1-1", "fr", 47},
      {"mod_scorm_get_scorm_sco_tracks.scoid-99.userid-3.attempt-1.json", "sets-1", "1-1", "fr", 49},
      {"mod_scorm_get_scorm_sco_tracks.scoid-76.userid-3.attempt-1.json", "sets-2", "2-2", "en", 38},
      {"mod_scorm_get_scorm_sco_tracks.scoid-76.userid-3.attempt-2.json", "sets-2", "2-2", "en", 38},
  };
  for (const auto& c : cases) {
    INFO(c.fixture);
    const Course& course = course_of(c.course);
    const ModulePlan plan = packaged_plan(course, module_of(course, c.module), c.language);
    const std::vector<Track> tracks = tracks_of(c.fixture);
    const std::string actor = R"({"objectType":"Agent","account":{"homePage":"http://127.0.0.1:8088","name":"3"}})";
    const std::string grouping = "http://127.0.0.1:8088/mod/scorm/view.php?id=1";
    AttemptContext context{"http://127.0.0.1:8088", actor, 3, c.scorm, "ITEM-" + std::string(c.module), 1, grouping, "Moodle"};
    const AttemptStatements synced = attempt_statements(plan, tracks, "80", context);
    REQUIRE(synced.error == "");

    // The learner: answers from the interactions Moodle recorded, lessons from the saved state.
    auto response = [&](const std::string& id) {
      for (std::size_t i = 0; i < tracks.size(); ++i)
        if (tracks[i].value == id && tracks[i].element.ends_with(".id")) {
          const std::string prefix = tracks[i].element.substr(0, tracks[i].element.size() - 2);
          for (const auto& t : tracks)
            if (t.element == prefix + "student_response") return t.value[0] - 'a';
        }
      FAIL("no interaction " << id);
      return 0;
    };
    const LearnerState saved = decode_state(plan, track_value(tracks, "cmi.suspend_data"), 0).state;
    REQUIRE(saved.phase == Phase::finished);
    REQUIRE(saved.attempts == 1);

    Player player(encode_plan(plan));
    player.set_mastery_score("80");
    player.set_launch("", grouping, "Moodle");
    REQUIRE(player.restore("", saved.seed).empty());
    json sent = json::array();
    auto take = [&] {
      std::string ids;
      for (int i = 0; i < player.pending_statements(); ++i) ids += (i ? "," : "") + std::string("x");
      for (auto& s : json::parse(player.take_statements(actor, registration(context), "t", ids))) sent.push_back(s);
    };
    take();
    REQUIRE(player.start_pretest().empty());
    for (std::size_t q = 0; q < plan.questions.size(); ++q)
      REQUIRE(player.answer(static_cast<int>(q), response("pre_" + plan.questions[q].id)).empty());
    REQUIRE(player.submit().empty());
    take();
    REQUIRE(player.continue_to_lessons().empty());
    const int first = json::parse(player.view())["lesson"].get<int>();
    for (std::size_t i = 0; i < saved.viewed.size(); ++i)
      if (saved.viewed[i] && static_cast<int>(i) != first && static_cast<int>(i) != saved.lesson)
        REQUIRE(player.open_lesson(static_cast<int>(i)).empty());
    if (saved.lesson != first) REQUIRE(player.open_lesson(saved.lesson).empty());
    take();
    REQUIRE(player.start_posttest().empty());
    for (std::size_t q = 0; q < plan.questions.size(); ++q)
      REQUIRE(player.answer(static_cast<int>(q), response("post_" + plan.questions[q].id)).empty());
    REQUIRE(player.submit().empty());
    take();
    player.add_seconds(saved.seconds);
    player.terminate();
    take();
    // The player, so played, saves what Moodle holds (in today's format: the recordings
    // are of format 1, re-encoded to compare).
    CHECK(player.suspend_data() == encode_state(plan, saved));

    REQUIRE(sent.size() == synced.statements.size());
    for (std::size_t i = 0; i < sent.size(); ++i) {
      json a = sent[i], b = synced.statements[i];
      for (json* s : {&a, &b}) {
        s->erase("id");
        s->erase("timestamp");
      }
      INFO("statement " << i);
      CHECK(a == b);
    }
  }
}
