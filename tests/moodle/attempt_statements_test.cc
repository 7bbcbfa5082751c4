#include "coursepack/moodle/attempt_statements.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "coursepack/core/learner_state.h"
#include "coursepack/core/player.h"
#include "coursepack/package/source_version.h"
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

namespace {

std::string version_of(const std::string& course, const std::string& module) {
  return source_version(make_module_plan(course_of(course), module_of(course_of(course), module)));
}

// The recorded site as if its packages carried source versions (packages built today).
SiteResults versioned(SiteResults results) {
  for (auto& activity : results.activities) {
    const ManifestIdentifier id = parse_manifest_identifier(activity.manifest);
    const std::string module = activity.reference.starts_with("sets-1_") ? "1-1" : "2-2";
    activity.manifest = id.name + ".v" + version_of(activity.reference.substr(0, 6), module);
  }
  return results;
}

}  // namespace

TEST_CASE("a package's source version must be the source's: another version is reported with what to do") {
  const SiteResults results = versioned(recorded_results());
  const ScormActivity& activity = results.activities[0];
  REQUIRE(activity.reference == "sets-1_1-1_fr_scorm12.zip");
  const SourceMatch match = match_source(recorded_courses(), activity);
  REQUIRE(match.course != nullptr);
  CHECK(match.module->id == "1-1");
  CHECK(match.version == version_of("sets-1", "1-1"));
  // Versioned packages whose attempts decode are synced like the recorded ones.
  const SyncStatements made = sync_statements(recorded_courses(), results, {});
  CHECK(made.synced_attempts == 7);
  CHECK(made.statements == sync_statements(recorded_courses(), recorded_results(), {}).statements);

  ScormActivity older = activity;
  older.manifest = "MANIFEST-sets-1-1-1-fr.v0a1b2c3d";
  CHECK(match_source(recorded_courses(), older).error ==
        "its package was built from another version of the source (source version 0a1b2c3d in the package, " +
            version_of("sets-1", "1-1") +
            " in --courses): sync it with the source the package was built from (a checkout of the tag or commit "
            "that built it, as --courses); attempts on today's source need a package built from it, in a new activity");
  // Reported once per activity, its attempts not tried.
  SiteResults changed = results;
  changed.activities[0].manifest = older.manifest;
  const SyncStatements partly = sync_statements(recorded_courses(), changed, {});
  CHECK(partly.synced_attempts == 6);
  CHECK(partly.reports.front().starts_with("activity 32 \"fr_resume_browser\" (sets-1_1-1_fr_scorm12.zip): not synced: "
                                           "its package was built from another version of the source"));
}

TEST_CASE("a package without a source version is synced only when the saved progress decodes against the source") {
  // The recorded packages carry no version: their attempts decode against the recorded
  // source (the sync test above), not against a source whose key changed since.
  std::vector<Course> courses = recorded_courses();
  Course& course = courses[0].id == "sets-1" ? courses[0] : courses[1];
  Module& module = course.modules[0];
  REQUIRE(module.id == "1-1");
  const std::size_t key = module.quiz[0].correct_choice();
  module.quiz[0].choices[key].correct = false;
  module.quiz[0].choices[(key + 1) % module.quiz[0].choices.size()].correct = true;
  SiteResults results = recorded_results();
  const SyncStatements made = sync_statements(courses, results, {});
  CHECK(made.synced_attempts == 4);  // the sets-2 attempts
  const std::string refused = ": not synced: its package carries no source version (built before coursepack wrote "
                              "one); cmi.suspend_data: saved progress belongs to another module or to an earlier "
                              "version of this one";
  CHECK(made.reports == std::vector<std::string>{
                            "activity 40 \"ru_lang\" (sets-1_1-1_en_scorm12.zip): not synced: its package was replaced "
                            "after upload (revision 2): which package each attempt was made on is unknown",
                            "activity 32 \"fr_resume_browser\", user 3, attempt 1" + refused,
                            "activity 47 \"v2_fr_allright\", user 3, attempt 1" + refused,
                            "activity 49 \"v2_fr_allwrong\", user 3, attempt 1" + refused});

  // No saved progress: nothing to check the package's source against.
  results = recorded_results();
  for (auto& attempt : results.attempts)
    for (auto& track : attempt.tracks)
      if (track.element == "cmi.suspend_data") track.value.clear();
  CHECK(sync_statements(recorded_courses(), results, {}).reports[1] ==
        "activity 32 \"fr_resume_browser\", user 3, attempt 1: not synced: its package carries no source version "
        "(built before coursepack wrote one) and the attempt has no saved progress (cmi.suspend_data) to check it "
        "against the source");
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

namespace {

// The player as the browser drives it in a TinCan launch: statements taken after each step.
struct Browser {
  Browser(const ModulePlan& plan, const std::string& actor_json, const std::string& grouping,
          const AttemptContext& context, std::uint32_t seed)
      : player(encode_plan(plan)), actor(actor_json), registration(coursepack::moodle::registration(context)) {
    player.set_mastery_score("80");
    player.set_launch("", grouping, "Moodle");
    REQUIRE(player.restore("", seed).empty());
  }
  void take() {
    std::string ids;
    for (int i = 0; i < player.pending_statements(); ++i) ids += (i ? "," : "") + std::string("x");
    for (auto& s : json::parse(player.take_statements(actor, registration, "t", ids))) sent.push_back(s);
  }

  Player player;
  std::string actor, registration;
  std::vector<json> sent;
};

// The same statements, ids and timestamps aside (sync derives both).
void check_same_statements(const std::vector<json>& sent, const std::vector<json>& synced) {
  REQUIRE(sent.size() == synced.size());
  for (std::size_t i = 0; i < sent.size(); ++i) {
    json a = sent[i], b = synced[i];
    for (json* s : {&a, &b}) {
      s->erase("id");
      s->erase("timestamp");
    }
    INFO("statement " << i);
    CHECK(a == b);
  }
}

}  // namespace

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

    Browser browser(plan, actor, grouping, context, saved.seed);
    Player& player = browser.player;
    auto take = [&] { browser.take(); };
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

    check_same_statements(browser.sent, synced.statements);
  }
}

namespace {

// What the SCORM 1.2 store of the player writes for an interaction, as Moodle returns it
// (cmi.interactions_N.*, underscore before N).
void add_interactions(std::vector<Track>& tracks, const std::string& written, int& next) {
  for (const auto& i : json::parse(written)) {
    const std::string at = "cmi.interactions_" + std::to_string(next++) + ".";
    tracks.push_back({at + "id", i["id"].get<std::string>()});
    tracks.push_back({at + "type", i["type"].get<std::string>()});
    tracks.push_back({at + "student_response", i["student_response"].get<std::string>()});
    tracks.push_back({at + "correct_responses_0.pattern", i["correct_pattern"].get<std::string>()});
    tracks.push_back({at + "result", i["result"].get<std::string>()});
    for (std::size_t k = 0; k < i["objectives"].size(); ++k)
      tracks.push_back({at + "objectives_" + std::to_string(k) + ".id", i["objectives"][k].get<std::string>()});
    tracks.push_back({at + "time", "11:50:00"});
  }
}

}  // namespace

// A whole-course package (build --per-course) runs the course-level path: one pre-test
// over every module, the lessons, one post-test. Its attempt, as Moodle would return it,
// built from a learner played through the core Player; sync must give what that player sent.
TEST_CASE("a whole-course package's attempt gives the statements of the course-level path") {
  const Course& course = course_of("sets-1");
  const ModulePlan plan = packaged_course_plan(course, "fr");
  REQUIRE(plan.is_course());
  const std::string site = "http://127.0.0.1:8088";
  const std::string actor = R"({"objectType":"Agent","account":{"homePage":"http://127.0.0.1:8088","name":"3"}})";
  const std::string grouping = site + "/mod/scorm/view.php?id=91";

  SiteResults results;
  results.site = site;
  results.users = {{3, ""}};
  ScormActivity activity;
  activity.id = 90;
  activity.cmid = 91;
  activity.course = 3;
  activity.name = "sets-1 whole course";
  activity.reference = "sets-1_fr_scorm12.zip";
  activity.revision = 1;
  activity.version = "SCORM_1.2";
  activity.manifest = manifest_identifier("sets-1", "", "fr", source_version(make_course_plan(course)));
  activity.scoes = {{100, "ITEM-sets-1", "course", "80"}};
  results.activities = {activity};
  AttemptContext context{site, actor, 3, 90, "ITEM-sets-1", 1, grouping, "Moodle"};

  // The learner: a pre-test with one wrong answer per module, the lessons it sends them
  // to, a post-test all right.
  Browser browser(plan, actor, grouping, context, 7);
  Player& player = browser.player;
  auto take = [&] { browser.take(); };
  take();
  REQUIRE(player.start_pretest().empty());
  for (std::size_t q = 0; q < plan.questions.size(); ++q) {
    const PlanQuestion& question = plan.questions[q];
    const bool first_of_part = plan.parts[static_cast<std::size_t>(plan.part_of_question(static_cast<int>(q)))].first_question ==
                               static_cast<int>(q);
    REQUIRE(player.answer(static_cast<int>(q), first_of_part ? (question.correct + 1) % question.choices : question.correct).empty());
  }
  REQUIRE(player.submit().empty());
  std::vector<Track> tracks;
  int next = 0;
  add_interactions(tracks, player.interactions(0, 42600), next);
  take();
  REQUIRE(player.continue_to_lessons().empty());
  const json shown = json::parse(player.view());
  const std::vector<bool> mandatory = shown["mandatory"].get<std::vector<bool>>();
  const std::vector<bool> viewed = shown["viewed"].get<std::vector<bool>>();
  REQUIRE(std::count(mandatory.begin(), mandatory.end(), true) >= 2);  // a lesson in more than one module
  for (std::size_t i = 0; i < mandatory.size(); ++i)
    if (mandatory[i] && !viewed[i]) REQUIRE(player.open_lesson(static_cast<int>(i)).empty());
  take();
  REQUIRE(player.start_posttest().empty());
  for (std::size_t q = 0; q < plan.questions.size(); ++q) REQUIRE(player.answer(static_cast<int>(q), plan.questions[q].correct).empty());
  REQUIRE(player.submit().empty());
  add_interactions(tracks, player.interactions(1, 42600), next);
  take();
  player.add_seconds(600);
  player.terminate();
  take();
  REQUIRE(next > 0);
  REQUIRE(json::parse(player.interactions(0, 0))[0]["id"].get<std::string>().starts_with("pre_"));
  tracks.push_back({"cmi.suspend_data", player.suspend_data()});
  tracks.push_back({"x.start.time", "1795952400"});
  tracks.push_back({"timemodified", "1795953000"});
  results.attempts = {{0, 0, 3, 1, tracks}};

  const SourceMatch match = match_source(recorded_courses(), activity);
  REQUIRE(match.error == "");
  CHECK(match.module == nullptr);
  const SyncStatements made = sync_statements(recorded_courses(), results, {});
  REQUIRE(made.reports == std::vector<std::string>{});
  CHECK(made.synced_attempts == 1);
  std::vector<json> synced;
  for (const auto& line : made.statements) synced.push_back(json::parse(line));
  check_same_statements(browser.sent, synced);
  // The same package built from a source whose course plan changed is refused.
  results.activities[0].manifest = manifest_identifier("sets-1", "", "fr", "0a1b2c3d");
  CHECK(sync_statements(recorded_courses(), results, {}).reports[0].find("another version of the source") !=
        std::string::npos);
}
