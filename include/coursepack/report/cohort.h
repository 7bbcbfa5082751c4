#pragma once
// A cohort's results, gathered from xAPI statements one at a time: per learner and
// module, only what the report needs (scores, answers as bits, lessons as bits, times).
// Memory grows with learners × modules, never with statements. Pure: no I/O.

#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

namespace coursepack::report {

/// At most this many questions and lessons per module are followed one by one (bits of a
/// 64-bit word); scores still count every question. SETS modules have 5 and at most 8.
inline constexpr int kMaxItems = 64;

/// What a report knows of a module: from the course source, or learnt from activity ids.
struct ModuleInfo {
  std::string activity;  // "<course iri>/modules/<id>": the prefix of every activity id in it
  std::string id;        // the module id
  std::string title;     // for people; the id when no course source was given
  std::string title_language;  // BCP 47 tag of `title`, empty when it is the id
  std::vector<std::string> questions;  // question ids, in quiz order
  std::vector<std::string> question_titles;
  std::vector<std::string> lessons;    // lesson ids, in order
  std::vector<std::string> lesson_titles;
};

/// A live session of a course (attendance.h): from the course source, or learnt from
/// `attended` statements.
struct SessionInfo {
  std::string activity;  // "<course iri>/sessions/<id>"
  std::string id;
  std::string title;     // for people; the id when no course source was given
  std::string title_language = {};  // BCP 47 tag of `title`, empty when it is the id
};

/// The ways learners are grouped, and their names in files and pages.
enum class Dimension { cohort, partner, country, language };
inline constexpr std::array<std::string_view, 4> kDimensionNames = {"cohort", "partner", "country", "language"};

/// The context extension that carries a group, under any base IRI: "<base>/extensions/cohort".
inline constexpr std::string_view kGroupExtensionPath = "/extensions/";

/// Never seen: a timestamp before any real one.
inline constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::min();

/// One learner in one module. Of several attempts, the pre-test is the first submitted
/// (the diagnosis), the post-test the last (where the learner ended), whatever the order
/// the statements come in: each quiz is known by its timestamp.
struct LearnerModule {
  std::int64_t pre_at = kNever;       // timestamp (ms) of the pre-test kept
  std::int64_t post_at = kNever;      // ... of the post-test kept
  std::int64_t pre_items_at = kNever; // ... of the pre-test answers kept
  std::int64_t post_items_at = kNever;
  std::uint64_t pre_answered = 0, pre_right = 0;   // bit q: question q answered / right
  std::uint64_t post_answered = 0, post_right = 0;
  std::uint64_t required = 0;  // lessons the pre-test kept made mandatory
  std::uint64_t viewed = 0;    // lessons completed (viewed), in any attempt
  std::uint32_t session_seconds = 0;  // sum of the sessions' durations (terminated)
  std::uint32_t module_seconds = 0;   // longest module duration reported (completed)
  std::int16_t pre_correct = -1, pre_total = 0;   // -1: no pre-test
  std::int16_t post_correct = -1, post_total = 0;
  std::uint16_t attempts = 0;  // pre-tests submitted
  /// Ids (hashed) of the statements that add up rather than overwrite (a pre-test's
  /// result counts an attempt, a session's end adds its time): the same statement twice
  /// counts once. Every other statement sets bits or keeps a newest/oldest value, so a
  /// repeat changes nothing.
  std::vector<std::uint64_t> counted;
  bool started = false;
  bool passed = false;  // the post-test kept reached the mastery score

  bool has_pretest() const { return pre_correct >= 0; }
  bool has_posttest() const { return post_correct >= 0; }
  int pre_percent() const { return pre_total > 0 ? pre_correct * 100 / pre_total : 0; }
  int post_percent() const { return post_total > 0 ? post_correct * 100 / post_total : 0; }
  /// Every mandatory lesson viewed (after a pre-test), or a post-test taken (the player
  /// opens it only then).
  bool lessons_done() const { return (has_pretest() && (required & ~viewed) == 0) || has_posttest(); }
  /// Time spent: the sessions' total, or the module's own total when sessions went unreported.
  std::uint32_t seconds() const { return session_seconds > module_seconds ? session_seconds : module_seconds; }
};

struct Learner {
  std::string id;    // see learner_id()
  std::string name;  // the actor's name, may be empty
  std::array<std::uint32_t, 4> groups{};  // per Dimension: index into Cohort::group_values(), 0 unknown
  std::vector<LearnerModule> modules;     // by module index; may be shorter than modules()
  std::uint64_t attended = 0;             // bit s: attended session s of Cohort::sessions()
};

/// How a statement was taken.
struct AddResult {
  enum class Kind { used, skipped, bad } kind = Kind::used;
  std::string pointer;  // for `bad`: where in the statement, e.g. "/actor"
  std::string message;  // for `bad`: what is wrong; for `skipped`: why (a short category)
};

/// The key that identifies a learner in reports and in a --groups file: the mbox
/// ("mailto:..."), "sha1:" + mbox_sha1sum, the openid, or "<homePage>|<name>" for an
/// account. Empty when the actor has none of them (a Group, or malformed).
std::string learner_id(const nlohmann::json& actor);

/// Milliseconds since 1970 of an ISO 8601 timestamp as xAPI writes them
/// ("2026-09-01T08:00:00.000Z", "...+02:00"); nothing if it is not one.
std::optional<std::int64_t> parse_timestamp(std::string_view text);

class Cohort {
 public:
  /// `modules`: the modules of the course(s) given; statements about any other activity
  /// are skipped. Empty: modules are learnt from the statements' activity ids.
  /// `sessions`: the live sessions of those courses (attended statements about others are
  /// skipped); learnt from the statements when `modules` is empty.
  explicit Cohort(std::vector<ModuleInfo> modules = {}, std::vector<SessionInfo> sessions = {});

  /// Takes one statement. A statement that is not one (no actor, verb or object id, a
  /// timestamp that is not a date) is `bad` and changes nothing; one about something
  /// else than a module's path or a live session (another course, a Group actor) is
  /// `skipped`, and so is a voiding statement (verb voided, noted in voided_seen()), a
  /// statement set_voided() names, and a repeat of a statement id that adds up (above).
  AddResult add(const nlohmann::json& statement);

  /// Statement ids (lower case) whose statements are left out: voided (xAPI-Data.md 2.3.2).
  void set_voided(std::unordered_set<std::string> ids) { voided_ = std::move(ids); }
  /// The targets of the voiding statements read so far that set_voided() did not name:
  /// a statement they void may have been taken before them (a second pass fixes that).
  const std::unordered_set<std::string>& voided_seen() const { return voided_seen_; }

  /// Puts a learner in a group, whatever the statements say (a --groups file). Applies to
  /// learners read before and after.
  void set_group(const std::string& learner, Dimension dimension, const std::string& value);

  const std::vector<ModuleInfo>& modules() const { return modules_; }
  const std::vector<Learner>& learners() const { return learners_; }
  const std::vector<SessionInfo>& sessions() const { return sessions_; }
  /// Values of a dimension; index 0 is "" (unknown).
  const std::vector<std::string>& group_values(Dimension dimension) const {
    return values_[static_cast<int>(dimension)];
  }
  /// The group of `learner` in `dimension` ("" unknown), a --groups entry first.
  const std::string& group_of(const Learner& learner, Dimension dimension) const;

 private:
  int module_index(std::string_view activity);
  int item_index(std::vector<std::string>& ids, std::vector<std::string>& titles, std::string_view id);
  std::uint32_t value_index(Dimension dimension, std::string_view value);
  /// The learner `id`, added if new, with room for `module`.
  Learner& learner(const nlohmann::json& actor, const std::string& id, int module);

  AddResult add_attended(const nlohmann::json& actor, const std::string& id, std::string_view activity);

  std::vector<ModuleInfo> modules_;
  std::vector<SessionInfo> sessions_;
  std::unordered_map<std::string, int> session_by_activity_;
  std::unordered_set<std::string> voided_, voided_seen_;
  bool learn_modules_;
  std::unordered_map<std::string, int> module_by_activity_;
  std::vector<Learner> learners_;
  std::unordered_map<std::string, std::uint32_t> learner_by_id_;
  std::array<std::vector<std::string>, 4> values_;
  std::array<std::unordered_map<std::string, std::uint32_t>, 4> value_by_name_;
  std::unordered_map<std::string, std::array<std::string, 4>> overrides_;  // from set_group
};

}  // namespace coursepack::report
