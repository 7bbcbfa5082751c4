#include "coursepack/moodle/attempt_statements.h"

#include <algorithm>
#include <charconv>
#include <map>

#include "coursepack/core/learner_state.h"
#include "coursepack/core/player.h"
#include "coursepack/core/sha256.h"
#include "coursepack/package/source_version.h"

namespace coursepack::moodle {
namespace {

using nlohmann::json;

std::optional<std::int64_t> to_number(const std::string& text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// cmi.interactions_N.* as Moodle stores them (underscore before N; objectives_0.id,
// correct_responses_0.pattern), gathered per interaction.
struct TrackInteraction {
  std::string id, type, student_response, correct_pattern, result, objective, time;
};

std::map<int, TrackInteraction> interactions_of(const std::vector<Track>& tracks) {
  static constexpr std::string_view kPrefix = "cmi.interactions_";
  std::map<int, TrackInteraction> out;
  for (const auto& t : tracks) {
    if (!t.element.starts_with(kPrefix)) continue;
    const std::string_view rest = std::string_view(t.element).substr(kPrefix.size());
    const auto dot = rest.find('.');
    if (dot == std::string_view::npos) continue;
    int index = 0;
    const auto [end, error] = std::from_chars(rest.data(), rest.data() + dot, index);
    if (error != std::errc() || end != rest.data() + dot) continue;
    const std::string_view field = rest.substr(dot + 1);
    TrackInteraction& i = out[index];
    if (field == "id") i.id = t.value;
    else if (field == "type") i.type = t.value;
    else if (field == "student_response") i.student_response = t.value;
    else if (field == "correct_responses_0.pattern") i.correct_pattern = t.value;
    else if (field == "result") i.result = t.value;
    else if (field == "objectives_0.id") i.objective = t.value;
    else if (field == "time") i.time = t.value;
  }
  return out;
}

// "HH:MM:SS" (CMITime) as seconds of the day, or -1.
int time_of_day(const std::string& text) {
  int h = 0, m = 0, s = 0;
  if (text.size() < 8 || std::sscanf(text.c_str(), "%2d:%2d:%2d", &h, &m, &s) != 3 || h > 23 || m > 59 || s > 59) return -1;
  return h * 3600 + m * 60 + s;
}

// The moment of a time of day, on the day of `start` or the next (an attempt that runs
// past midnight). The player writes the learner's local clock (templates/player/main.js,
// secondsOfDay) and nothing tells its time zone: read as UTC, then kept between the
// attempt's start and its last change (attempt_statements below).
std::int64_t moment(std::int64_t start, int seconds_of_day) {
  std::int64_t at = start - ((start % 86400) + 86400) % 86400 + seconds_of_day;
  if (at < start - 60) at += 86400;
  return at;
}

constexpr const char* kUnversioned = "its package carries no source version (built before coursepack wrote one)";

std::string tail(const std::string& iri) { return iri.substr(iri.rfind('/') + 1); }

// The event a statement records, for its id: what, about what, in which quiz and attempt.
std::string event_key(const json& statement, const ModulePlan& plan) {
  std::string key = tail(statement["verb"]["id"].get<std::string>()) + " " + statement["object"]["id"].get<std::string>();
  if (auto context = statement.find("context"); context != statement.end())
    if (auto extensions = context->find("extensions"); extensions != context->end())
      for (const char* name : {"phase", "attempt"})
        if (auto it = extensions->find(plan.iri + "/extensions/" + name); it != extensions->end())
          key += " " + (it->is_string() ? it->get<std::string>() : it->dump());
  return key;
}

class Replay {
 public:
  Replay(const ModulePlan& plan, const AttemptContext& context, std::int64_t modified)
      : plan_(plan), context_(context), modified_(modified), player_(encode_plan(plan)) {
    actor_ = context.actor_json;
    registration_ = registration(context);
  }

  Player& player() { return player_; }

  // The statements of the actions since the last take, as the browser takes them after
  // each step, stamped `when`.
  void take(std::int64_t when) {
    const int count = player_.pending_statements();
    if (count == 0) return;
    std::string ids;
    for (int i = 0; i < count; ++i) ids += (i ? "," : "") + std::string("00000000-0000-8000-8000-000000000000");
    json batch = json::parse(player_.take_statements(actor_, registration_, iso_timestamp(when), ids));
    for (auto& statement : batch) {
      std::string key = event_key(statement, plan_);
      if (tail(statement["verb"]["id"].get<std::string>()) == "terminated") key += " " + std::to_string(modified_);
      if (const int seen = seen_[key]++; seen > 0) key += " #" + std::to_string(seen + 1);
      statement["id"] = statement_id(context_, key);
      out.push_back(std::move(statement));
    }
  }

  std::vector<json> out;

 private:
  const ModulePlan& plan_;
  const AttemptContext& context_;
  std::int64_t modified_;
  Player player_;
  std::string actor_, registration_;
  std::map<std::string, int> seen_;
};

// The interactions the player wrote for the quiz just submitted must be those of the
// tracks with the same ids: same question, key, lesson, response and result.
std::string check_interactions(Player& player, QuizKind kind, const std::map<int, TrackInteraction>& tracked,
                               std::vector<bool>& matched) {
  const json expected = json::parse(player.interactions(kind == QuizKind::pretest ? 0 : 1, 0));
  for (const auto& e : expected) {
    const std::string id = e["id"].get<std::string>();
    for (const auto& [index, t] : tracked) {
      if (t.id != id) continue;
      matched[static_cast<std::size_t>(std::distance(tracked.begin(), tracked.find(index)))] = true;
      const std::pair<const char*, std::pair<std::string, std::string>> fields[] = {
          {"type", {t.type, e["type"]}},
          {"correct_responses_0.pattern", {t.correct_pattern, e["correct_pattern"]}},
          {"objectives_0.id", {t.objective, e["objectives"].empty() ? std::string() : e["objectives"][0].get<std::string>()}},
          {"student_response", {t.student_response, e["student_response"]}},
          {"result", {t.result, e["result"]}}};
      for (const auto& [field, values] : fields)
        if (values.first != values.second)
          return "cmi.interactions_" + std::to_string(index) + "." + field + " is \"" + values.first +
                 "\" where the course source gives \"" + values.second + "\" (" + id + ")";
    }
  }
  return {};
}

// The question's part of its interaction id (scorm12_data.h): "<module>_<question>" in a
// course plan, where question ids repeat across modules.
std::string question_key(const ModulePlan& plan, std::size_t q) {
  const std::string& id = plan.questions[q].id;
  return plan.is_course() ? plan.module_of_question(static_cast<int>(q)) + "_" + id : id;
}

std::vector<int> answers_from(const std::map<int, TrackInteraction>& tracked, const ModulePlan& plan, const std::string& prefix) {
  std::vector<int> answers(plan.questions.size(), kNoAnswer);
  for (std::size_t q = 0; q < plan.questions.size(); ++q)
    for (const auto& [index, t] : tracked)
      if (t.id == prefix + question_key(plan, q) && t.student_response.size() == 1 && t.student_response[0] >= 'a' &&
          t.student_response[0] <= 'z')
        answers[q] = t.student_response[0] - 'a';
  return answers;
}

std::string first_time(const std::map<int, TrackInteraction>& tracked, const std::string& prefix) {
  for (const auto& [index, t] : tracked)
    if (t.id.starts_with(prefix) && time_of_day(t.time) >= 0) return t.time;
  return {};
}

}  // namespace

SourceMatch match_source(const std::vector<Course>& courses, const ScormActivity& activity) {
  SourceMatch match;
  if (activity.version != "SCORM_1.2") {
    match.error = "not a SCORM 1.2 package (" + activity.version + ")";
    return match;
  }
  const ManifestIdentifier identifier = parse_manifest_identifier(activity.manifest);
  // Every package the catalog can build, by name; a name two sources could give (course
  // "a" module "b-fr" and course "a-b" module "fr") is told apart by the file name.
  std::string misnamed;
  for (const auto& course : courses)
    for (const auto& language : course.languages)
      for (std::size_t m = 0; m <= course.modules.size(); ++m) {
        const Module* module = m < course.modules.size() ? &course.modules[m] : nullptr;
        if (identifier.name != manifest_name(course.id, module ? module->id : "", language)) continue;
        const std::string file =
            course.id + "_" + (module ? module->id + "_" : "") + language + "_scorm12.zip";
        if (activity.reference != file) {
          if (misnamed.empty())
            misnamed = "the package file is " + activity.reference + ", not " + file + " as its manifest " +
                       activity.manifest + " says";
          continue;
        }
        // Moodle keeps the tracks of attempts made on the package it replaces, and
        // nothing tells which package an attempt was made on: not guessed.
        if (activity.revision > 1) {
          match.error = "its package was replaced after upload (revision " + std::to_string(activity.revision) +
                        "): which package each attempt was made on is unknown";
          return match;
        }
        const std::string source =
            source_version(module ? make_module_plan(course, *module) : make_course_plan(course));
        if (!identifier.version.empty() && identifier.version != source) {
          match.error = "its package was built from another version of the source (source version " +
                        identifier.version + " in the package, " + source + " in --courses): sync it with the " +
                        "source the package was built from (a checkout of the tag or commit that built it, as " +
                        "--courses); attempts on today's source need a package built from it, in a new activity";
          return match;
        }
        match.course = &course;
        match.module = module;
        match.language = language;
        match.version = identifier.version;
        return match;
      }
  if (!misnamed.empty())
    match.error = misnamed;
  else
    match.error = activity.manifest.empty() ? "no manifest identifier: not a coursepack package"
                                            : "no course of the catalog has manifest " + activity.manifest;
  return match;
}

std::string registration(const AttemptContext& c) {
  return uuid_from_name("coursepack moodle registration v1\n" + c.site + "\n" + std::to_string(c.user) + "\n" +
                        std::to_string(c.scorm) + "\n" + c.sco_identifier + "\n" + std::to_string(c.attempt));
}

std::string statement_id(const AttemptContext& c, const std::string& key) {
  return uuid_from_name("coursepack moodle statement v1\n" + c.site + "\n" + std::to_string(c.user) + "\n" +
                        std::to_string(c.scorm) + "\n" + c.sco_identifier + "\n" + std::to_string(c.attempt) + "\n" + key);
}

std::string iso_timestamp(std::int64_t t) {
  // Days to civil date (H. Hinnant's algorithm).
  const std::int64_t days = (t >= 0 ? t : t - 86399) / 86400;
  const std::int64_t secs = t - days * 86400;
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  char text[128];  // room for any int64 year: the compiler checks
  std::snprintf(text, sizeof text, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld.000Z", static_cast<long long>(y),
                static_cast<long long>(m), static_cast<long long>(d), static_cast<long long>(secs / 3600),
                static_cast<long long>(secs / 60 % 60), static_cast<long long>(secs % 60));
  return text;
}

AttemptStatements attempt_statements(const ModulePlan& plan, const std::vector<Track>& tracks,
                                     const std::string& mastery_score, const AttemptContext& context) {
  AttemptStatements result;
  const std::string suspend = track_value(tracks, "cmi.suspend_data");
  const DecodedState decoded = decode_state(plan, suspend, 0);
  if (!decoded.error.empty()) {
    result.error = "cmi.suspend_data: " + decoded.error;
    return result;
  }
  const LearnerState& state = decoded.state;
  const auto modified = to_number(track_value(tracks, "timemodified"));
  const auto started = to_number(track_value(tracks, "x.start.time"));
  if (!modified) {
    result.error = "no timemodified in the tracks";
    return result;
  }
  const std::int64_t start = started.value_or(*modified);
  const auto tracked = interactions_of(tracks);
  std::vector<bool> matched(tracked.size(), false);
  auto at = [&](const std::string& prefix, std::int64_t fallback) {
    const int seconds = time_of_day(first_time(tracked, prefix));
    return seconds < 0 ? fallback : std::clamp(moment(start, seconds), start, std::max(start, *modified));
  };

  Replay replay(plan, context, *modified);
  Player& player = replay.player();
  if (!player.error().empty()) {
    result.error = "module plan: " + player.error();
    return result;
  }
  player.set_mastery_score(mastery_score);
  player.set_launch("", context.grouping, context.platform);
  player.restore("", state.seed);
  replay.take(start);

  auto refused = [&](const std::string& step, const std::string& why) {
    result.error = "the learner's path cannot be replayed (" + step + ": " + why + ")";
    return result;
  };
  const Phase phase = state.phase;
  const std::int64_t pre_time = at("pre_", start);
  if (phase != Phase::home) {
    if (auto why = player.start_pretest(); !why.empty()) return refused("pre-test", why);
    for (std::size_t q = 0; q < state.pretest.size(); ++q)
      if (state.pretest[q] != kNoAnswer)
        if (auto why = player.answer(static_cast<int>(q), state.pretest[q]); !why.empty()) return refused("pre-test answer", why);
  }
  if (phase >= Phase::results) {
    if (auto why = player.submit(); !why.empty()) return refused("pre-test submit", why);
    if (auto why = check_interactions(player, QuizKind::pretest, tracked, matched); !why.empty()) {
      result.error = why;
      return result;
    }
    replay.take(pre_time);
    // Lessons: the first required one opens on "continue", the others in order, the one
    // shown last (the saved position) last.
    if (phase >= Phase::lessons)
      if (auto why = player.continue_to_lessons(); !why.empty()) return refused("lessons", why);
    const json shown = json::parse(player.view());
    std::vector<bool> open = shown["viewed"].get<std::vector<bool>>();
    for (std::size_t i = 0; i < state.viewed.size(); ++i)
      if (state.viewed[i] && !open[i] && static_cast<int>(i) != state.lesson)
        if (auto why = player.open_lesson(static_cast<int>(i)); !why.empty()) return refused("lesson", why);
    if (state.lesson >= 0 && static_cast<std::size_t>(state.lesson) < state.viewed.size() && state.viewed[static_cast<std::size_t>(state.lesson)] &&
        shown["lesson"].get<int>() != state.lesson)
      if (auto why = player.open_lesson(state.lesson); !why.empty()) return refused("lesson", why);
    replay.take(pre_time);
  }
  // Post-test attempts: earlier ones from their interactions (post_, post2_ ...), the
  // last from the saved state when the module is finished.
  for (int attempt = 1; attempt <= static_cast<int>(state.attempts); ++attempt) {
    const std::string prefix = attempt == 1 ? "post_" : "post" + std::to_string(attempt) + "_";
    const bool last = attempt == static_cast<int>(state.attempts) && phase == Phase::finished;
    const std::vector<int> answers = last ? state.posttest : answers_from(tracked, plan, prefix);
    if (auto why = player.start_posttest(); !why.empty()) return refused("post-test", why);
    for (std::size_t q = 0; q < answers.size(); ++q)
      if (answers[q] != kNoAnswer) player.answer(static_cast<int>(q), answers[q]);
    if (auto why = player.submit(); !why.empty())
      return refused("post-test attempt " + std::to_string(attempt), why + "; its answers are not in the tracks");
    if (auto why = check_interactions(player, QuizKind::posttest, tracked, matched); !why.empty()) {
      result.error = why;
      return result;
    }
    replay.take(at(prefix, *modified));
  }
  if (phase == Phase::posttest) {
    if (auto why = player.start_posttest(); !why.empty()) return refused("post-test", why);
    for (std::size_t q = 0; q < state.posttest.size(); ++q)
      if (state.posttest[q] != kNoAnswer) player.answer(static_cast<int>(q), state.posttest[q]);
  }
  std::size_t index = 0;
  for (const auto& [n, t] : tracked)
    if (!matched[index++]) {
      result.error = "cmi.interactions_" + std::to_string(n) + " (" + t.id +
                     ") is not an answer of this quiz as the course source has it";
      return result;
    }
  player.add_seconds(state.seconds);
  player.terminate();
  replay.take(std::max(start, *modified));
  result.statements = std::move(replay.out);
  return result;
}

SyncStatements sync_statements(const std::vector<Course>& courses, const SiteResults& results, const SyncOptions& options) {
  SyncStatements out;
  out.activities = results.activities.size();
  std::vector<SourceMatch> matches;
  std::vector<std::optional<ModulePlan>> plans;
  for (const auto& activity : results.activities) {
    matches.push_back(match_source(courses, activity));
    const SourceMatch& match = matches.back();
    plans.emplace_back();
    if (!match.course) {
      out.reports.push_back("activity " + std::to_string(activity.id) + " \"" + activity.name + "\" (" +
                            activity.reference + "): not synced: " + match.error);
      continue;
    }
    ++out.matched_activities;
    plans.back() = match.module ? packaged_plan(*match.course, *match.module, match.language)
                                : packaged_course_plan(*match.course, match.language);
  }
  for (const auto& attempt : results.attempts) {
    ++out.attempts;
    const ScormActivity& activity = results.activities[attempt.activity];
    if (!plans[attempt.activity]) continue;  // reported above, once per activity
    const Sco& sco = activity.scoes[attempt.sco];
    const std::string where = "activity " + std::to_string(activity.id) + " \"" + activity.name + "\", user " +
                              std::to_string(attempt.user) + ", attempt " + std::to_string(attempt.attempt);
    AttemptContext context;
    context.site = results.site;
    context.user = attempt.user;
    context.scorm = activity.id;
    context.sco_identifier = sco.identifier;
    context.attempt = attempt.attempt;
    if (activity.cmid) context.grouping = results.site + "/mod/scorm/view.php?id=" + std::to_string(activity.cmid);
    json actor = {{"objectType", "Agent"}};
    if (options.actor_mbox) {
      auto user = std::find_if(results.users.begin(), results.users.end(), [&](const User& u) { return u.id == attempt.user; });
      if (user == results.users.end() || user->email.empty()) {
        out.reports.push_back(where + ": not synced: Moodle shows no e-mail for user " + std::to_string(attempt.user) +
                              " to this token (--actor-mbox needs it)");
        continue;
      }
      actor["mbox"] = "mailto:" + user->email;
    } else {
      actor["account"] = {{"homePage", results.site}, {"name", std::to_string(attempt.user)}};
    }
    context.actor_json = actor.dump();
    // A package without a source version (built before them) may come from an earlier
    // source with the same ids: its attempt is taken only when the learner's saved
    // progress, which carries the plan's fingerprint, decodes against today's plan.
    const bool unversioned = matches[attempt.activity].version.empty();
    if (unversioned && track_value(attempt.tracks, "cmi.suspend_data").empty()) {
      out.reports.push_back(where + ": not synced: " + kUnversioned +
                            " and the attempt has no saved progress (cmi.suspend_data) to check it against the source");
      continue;
    }
    AttemptStatements made = attempt_statements(*plans[attempt.activity], attempt.tracks, sco.mastery_score, context);
    if (!made.error.empty()) {
      out.reports.push_back(where + ": not synced: " + (unversioned ? std::string(kUnversioned) + "; " : "") +
                            made.error);
      continue;
    }
    ++out.synced_attempts;
    for (const auto& statement : made.statements) out.statements.push_back(statement.dump());
  }
  return out;
}

}  // namespace coursepack::moodle
