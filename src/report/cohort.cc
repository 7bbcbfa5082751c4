#include "coursepack/report/cohort.h"

#include <algorithm>

#include "coursepack/core/xapi_statements.h"
#include "coursepack/report/attendance.h"

namespace coursepack::report {
namespace {

using nlohmann::json;

const json* member(const json& object, const char* name) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(name);
  return it == object.end() ? nullptr : &*it;
}

const std::string* string_member(const json& object, const char* name) {
  const json* value = member(object, name);
  return value && value->is_string() ? &value->get_ref<const std::string&>() : nullptr;
}

// Where an activity id sits in a module: the module itself, one of its quizzes, a
// question or a lesson (the ids xapi_statements.cc builds).
struct ActivityPlace {
  enum class Kind { none, module, pretest, posttest, question, lesson } kind = Kind::none;
  std::string_view module;  // "<iri>/modules/<id>"
  std::string_view item;    // question or lesson id
};

ActivityPlace place_of(std::string_view id) {
  constexpr std::string_view marker = "/modules/";
  // From the right: a course IRI could itself hold "/modules/".
  for (auto at = id.rfind(marker); at != std::string_view::npos; at = at ? id.rfind(marker, at - 1) : std::string_view::npos) {
    const auto segment = at + marker.size();
    const auto slash = id.find('/', segment);
    if (slash == segment) continue;
    ActivityPlace place;
    place.module = id.substr(0, slash == std::string_view::npos ? id.size() : slash);
    const std::string_view rest = slash == std::string_view::npos ? std::string_view() : id.substr(slash);
    if (rest.empty()) {
      place.kind = ActivityPlace::Kind::module;
    } else if (rest == "/pretest") {
      place.kind = ActivityPlace::Kind::pretest;
    } else if (rest == "/posttest") {
      place.kind = ActivityPlace::Kind::posttest;
    } else if (rest.starts_with("/questions/") && rest.size() > 11 && rest.find('/', 11) == std::string_view::npos) {
      place.kind = ActivityPlace::Kind::question;
      place.item = rest.substr(11);
    } else if (rest.starts_with("/lessons/") && rest.size() > 9 && rest.find('/', 9) == std::string_view::npos) {
      place.kind = ActivityPlace::Kind::lesson;
      place.item = rest.substr(9);
    } else {
      continue;
    }
    return place;
  }
  return {};
}

// A context extension under any base IRI: "<base>/extensions/<name>".
const json* extension(const json* extensions, std::string_view name) {
  if (!extensions || !extensions->is_object()) return nullptr;
  for (auto it = extensions->begin(); it != extensions->end(); ++it) {
    const std::string& key = it.key();
    if (key.size() > name.size() + kGroupExtensionPath.size() && key.ends_with(name) &&
        std::string_view(key).substr(key.size() - name.size() - kGroupExtensionPath.size(), kGroupExtensionPath.size()) ==
            kGroupExtensionPath)
      return &it.value();
  }
  return nullptr;
}

bool digits(std::string_view text, std::size_t at, std::size_t count, int& out) {
  if (at + count > text.size()) return false;
  out = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

// Days from 1970-01-01 to a civil date (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146097 + doe - 719468;
}

// Seconds of an ISO 8601 duration as xAPI writes them: "PT1H2M3.5S", "P1DT2H" (years
// and months have no fixed length: refused). Nothing when unreadable.
std::optional<double> parse_duration(std::string_view text) {
  if (text.size() < 2 || text[0] != 'P') return std::nullopt;
  double total = 0, number = 0, fraction = 0;
  bool have_number = false, in_time = false, in_fraction = false;
  for (std::size_t i = 1; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      if (in_fraction) {
        fraction /= 10;
        number += (c - '0') * fraction;
      } else {
        number = number * 10 + (c - '0');
      }
      have_number = true;
      continue;
    }
    if (c == '.' && have_number && !in_fraction) {
      in_fraction = true;
      fraction = 1;
      continue;
    }
    if (c == 'T' && !in_time && !have_number) {
      in_time = true;
      continue;
    }
    if (!have_number) return std::nullopt;
    if (c == 'W' && !in_time) total += number * 7 * 86400;
    else if (c == 'D' && !in_time) total += number * 86400;
    else if (c == 'H' && in_time) total += number * 3600;
    else if (c == 'M' && in_time) total += number * 60;
    else if (c == 'S' && in_time) total += number;
    else return std::nullopt;
    number = 0;
    have_number = in_fraction = false;
  }
  if (have_number) return std::nullopt;
  return total;
}

std::uint32_t duration_seconds(const json* result) {
  const std::string* text = result ? string_member(*result, "duration") : nullptr;
  if (!text) return 0;
  const auto seconds = parse_duration(*text);
  if (!seconds || *seconds < 0) return 0;
  return *seconds > 4e9 ? 4000000000u : static_cast<std::uint32_t>(*seconds);
}

// xAPI-Data.md 2.3.2: a statement with this verb voids the one its StatementRef names.
constexpr std::string_view kVoided = "http://adlnet.gov/expapi/verbs/voided";

std::string lower(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

// "<iri>/sessions/<id>" (attendance.h), or empty.
std::string_view session_place(std::string_view id) {
  constexpr std::string_view marker = "/sessions/";
  const auto at = id.rfind(marker);
  if (at == std::string_view::npos || at == 0) return {};
  const std::string_view session = id.substr(at + marker.size());
  if (session.empty() || session.find('/') != std::string_view::npos) return {};
  return id;
}

// Whether a statement that adds up (see LearnerModule::counted) is new for `r`; a
// statement without an id cannot be told from another and always counts.
bool first_time(LearnerModule& r, const std::string* statement_id) {
  if (!statement_id) return true;
  const std::uint64_t hash = std::hash<std::string>{}(lower(*statement_id));
  if (std::find(r.counted.begin(), r.counted.end(), hash) != r.counted.end()) return false;
  r.counted.push_back(hash);
  return true;
}

}  // namespace

std::string learner_id(const json& actor) {
  if (!actor.is_object()) return {};
  if (const auto* type = string_member(actor, "objectType"); type && *type == "Group") return {};
  if (const auto* mbox = string_member(actor, "mbox")) return *mbox;
  if (const auto* sum = string_member(actor, "mbox_sha1sum")) return "sha1:" + *sum;
  if (const auto* openid = string_member(actor, "openid")) return *openid;
  if (const json* account = member(actor, "account")) {
    const auto* home = string_member(*account, "homePage");
    const auto* name = string_member(*account, "name");
    if (home && name) return *home + "|" + *name;
  }
  return {};
}

std::optional<std::int64_t> parse_timestamp(std::string_view text) {
  int year, month, day, hour, minute, second;
  if (!digits(text, 0, 4, year) || text.size() < 19 || text[4] != '-' || !digits(text, 5, 2, month) ||
      text[7] != '-' || !digits(text, 8, 2, day) || (text[10] != 'T' && text[10] != 't' && text[10] != ' ') ||
      !digits(text, 11, 2, hour) || text[13] != ':' || !digits(text, 14, 2, minute) || text[16] != ':' ||
      !digits(text, 17, 2, second))
    return std::nullopt;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  std::size_t at = 19;
  int millis = 0;
  if (at < text.size() && text[at] == '.') {
    int scale = 100;
    ++at;
    const std::size_t first = at;
    for (; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at) {
      millis += (text[at] - '0') * scale;
      scale /= 10;
    }
    if (at == first) return std::nullopt;
  }
  int offset_minutes = 0;
  if (at < text.size() && (text[at] == 'Z' || text[at] == 'z')) {
    ++at;
  } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
    int oh, om;
    if (!digits(text, at + 1, 2, oh) || at + 3 >= text.size() || text[at + 3] != ':' || !digits(text, at + 4, 2, om))
      return std::nullopt;
    offset_minutes = (text[at] == '+' ? 1 : -1) * (oh * 60 + om);
    at += 6;
  } else {
    return std::nullopt;  // xAPI timestamps carry a zone (xAPI-Data.md 2.4.7)
  }
  if (at != text.size()) return std::nullopt;
  const std::int64_t seconds =
      days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
  return seconds * 1000 + millis;
}

Cohort::Cohort(std::vector<ModuleInfo> modules, std::vector<SessionInfo> sessions)
    : modules_(std::move(modules)), sessions_(std::move(sessions)), learn_modules_(modules_.empty()) {
  for (std::size_t i = 0; i < modules_.size(); ++i) module_by_activity_.emplace(modules_[i].activity, static_cast<int>(i));
  for (std::size_t i = 0; i < sessions_.size(); ++i) session_by_activity_.emplace(sessions_[i].activity, static_cast<int>(i));
  for (auto& values : values_) values.emplace_back();  // index 0: unknown
}

int Cohort::module_index(std::string_view activity) {
  std::string key(activity);
  if (auto it = module_by_activity_.find(key); it != module_by_activity_.end()) return it->second;
  if (!learn_modules_) return -1;
  ModuleInfo info;
  info.activity = key;
  info.id = info.title = key.substr(key.rfind('/') + 1);
  modules_.push_back(std::move(info));
  module_by_activity_.emplace(std::move(key), static_cast<int>(modules_.size() - 1));
  return static_cast<int>(modules_.size() - 1);
}

int Cohort::item_index(std::vector<std::string>& ids, std::vector<std::string>& titles, std::string_view id) {
  for (std::size_t i = 0; i < ids.size(); ++i)
    if (ids[i] == id) return i < static_cast<std::size_t>(kMaxItems) ? static_cast<int>(i) : -1;
  if (!learn_modules_) return -1;  // not in the course source: another version of the module
  ids.emplace_back(id);
  titles.emplace_back(id);
  return ids.size() <= static_cast<std::size_t>(kMaxItems) ? static_cast<int>(ids.size() - 1) : -1;
}

std::uint32_t Cohort::value_index(Dimension dimension, std::string_view value) {
  const int d = static_cast<int>(dimension);
  auto [it, fresh] = value_by_name_[d].try_emplace(std::string(value), static_cast<std::uint32_t>(values_[d].size()));
  if (fresh) values_[d].emplace_back(value);
  return it->second;
}

void Cohort::set_group(const std::string& learner, Dimension dimension, const std::string& value) {
  overrides_[learner][static_cast<int>(dimension)] = value;
  if (!value.empty()) value_index(dimension, value);
}

const std::string& Cohort::group_of(const Learner& learner, Dimension dimension) const {
  const int d = static_cast<int>(dimension);
  if (auto it = overrides_.find(learner.id); it != overrides_.end() && !it->second[d].empty()) return it->second[d];
  return values_[d][learner.groups[d]];
}

Learner& Cohort::learner(const json& actor, const std::string& id, int module) {
  auto [it, fresh] = learner_by_id_.try_emplace(id, static_cast<std::uint32_t>(learners_.size()));
  if (fresh) {
    Learner learner;
    learner.id = id;
    if (const auto* name = string_member(actor, "name")) learner.name = *name;
    learners_.push_back(std::move(learner));
  }
  Learner& learner = learners_[it->second];
  if (module >= 0 && learner.modules.size() <= static_cast<std::size_t>(module)) learner.modules.resize(module + 1);
  return learner;
}

AddResult Cohort::add_attended(const json& actor, const std::string& id, std::string_view activity) {
  std::string key(activity);
  auto it = session_by_activity_.find(key);
  if (it == session_by_activity_.end()) {
    if (!learn_modules_) return {AddResult::Kind::skipped, "", "about a live session not in the course"};
    if (sessions_.size() >= static_cast<std::size_t>(kMaxItems)) return {AddResult::Kind::skipped, "", "about too many live sessions"};
    SessionInfo info;
    info.activity = key;
    info.id = info.title = key.substr(key.rfind('/') + 1);
    sessions_.push_back(std::move(info));
    it = session_by_activity_.emplace(std::move(key), static_cast<int>(sessions_.size() - 1)).first;
  }
  learner(actor, id, -1).attended |= std::uint64_t{1} << it->second;
  return {};
}

AddResult Cohort::add(const json& statement) {
  using Kind = ActivityPlace::Kind;
  if (!statement.is_object()) return {AddResult::Kind::bad, "", "a statement must be a JSON object"};
  const json* actor = member(statement, "actor");
  if (!actor || !actor->is_object()) return {AddResult::Kind::bad, "/actor", "missing, or not an object"};
  const json* verb = member(statement, "verb");
  const std::string* verb_id = verb ? string_member(*verb, "id") : nullptr;
  if (!verb_id) return {AddResult::Kind::bad, "/verb/id", "missing, or not a string"};
  const json* object = member(statement, "object");
  const std::string* object_id = object ? string_member(*object, "id") : nullptr;
  if (!object_id) return {AddResult::Kind::bad, "/object/id", "missing, or not a string"};
  std::int64_t at = 0;
  if (const json* timestamp = member(statement, "timestamp")) {
    const auto parsed = timestamp->is_string() ? parse_timestamp(timestamp->get_ref<const std::string&>()) : std::nullopt;
    if (!parsed) return {AddResult::Kind::bad, "/timestamp", "not an ISO 8601 date and time with a zone"};
    at = *parsed;
  }
  const std::string* statement_id = string_member(statement, "id");
  if (verb_id && *verb_id == kVoided) {
    const auto* type = string_member(*object, "objectType");
    if (!type || *type != "StatementRef") return {AddResult::Kind::bad, "/object/objectType", "a voiding statement must point to a StatementRef"};
    std::string target = lower(*object_id);
    if (!voided_.count(target)) voided_seen_.insert(std::move(target));
    return {AddResult::Kind::skipped, "", "voids another statement"};
  }
  if (statement_id && !voided_.empty() && voided_.count(lower(*statement_id)))
    return {AddResult::Kind::skipped, "", "voided"};
  const std::string id = learner_id(*actor);
  if (id.empty()) {
    const auto* type = string_member(*actor, "objectType");
    if (type && *type == "Group") return {AddResult::Kind::skipped, "", "a group as actor"};
    return {AddResult::Kind::bad, "/actor", "no mbox, mbox_sha1sum, openid or account"};
  }
  if (const auto* type = string_member(*object, "objectType"); type && *type != "Activity")
    return {AddResult::Kind::skipped, "", "not about an activity"};
  if (*verb_id == kAttended)
    if (const auto session = session_place(*object_id); !session.empty()) return add_attended(*actor, id, session);
  const ActivityPlace place = place_of(*object_id);
  if (place.kind == Kind::none) return {AddResult::Kind::skipped, "", "not about a module"};
  const int module = module_index(place.module);
  if (module < 0) return {AddResult::Kind::skipped, "", "about a module not in the course"};
  ModuleInfo& info = modules_[module];

  const json* context = member(statement, "context");
  const json* extensions = context ? member(*context, "extensions") : nullptr;
  const json* result = member(statement, "result");
  const std::string_view verb_name = *verb_id;

  // Resolve item indexes before touching the learner, so that a statement about a
  // question or lesson unknown to the course source changes nothing.
  int item = -1;
  if (place.kind == Kind::question) {
    if (verb_name != xapi::kAnswered) return {AddResult::Kind::skipped, "", "another verb"};
    item = item_index(info.questions, info.question_titles, place.item);
    if (item < 0) return {AddResult::Kind::skipped, "", "about a question not in the course"};
  } else if (place.kind == Kind::lesson) {
    item = item_index(info.lessons, info.lesson_titles, place.item);
    if (item < 0) return {AddResult::Kind::skipped, "", "about a lesson not in the course"};
  }

  bool pre = false;  // for an answer: the pre-test's, else the post-test's
  if (place.kind == Kind::question) {
    const json* phase = extension(extensions, "phase");
    if (!phase || !phase->is_string() || (*phase != "pre" && *phase != "post"))
      return {AddResult::Kind::bad, "/context/extensions", "an answer without its phase (\"pre\" or \"post\")"};
    pre = *phase == "pre";
  }

  Learner& learner = this->learner(*actor, id, module);
  LearnerModule& r = learner.modules[static_cast<std::size_t>(module)];
  r.started = true;
  for (int d = 0; d < 3; ++d)
    if (learner.groups[d] == 0)
      if (const json* value = extension(extensions, kDimensionNames[d]); value && value->is_string() && !value->get_ref<const std::string&>().empty())
        learner.groups[d] = value_index(static_cast<Dimension>(d), value->get_ref<const std::string&>());
  if (learner.groups[3] == 0)
    if (const auto* language = context ? string_member(*context, "language") : nullptr; language && !language->empty())
      learner.groups[3] = value_index(Dimension::language, *language);

  switch (place.kind) {
    case Kind::none:
    case Kind::module:
      if (verb_name == xapi::kTerminated) {
        if (!first_time(r, statement_id)) return {AddResult::Kind::skipped, "", "a repeated statement id"};
        r.session_seconds += duration_seconds(result);
      } else if (verb_name == xapi::kCompleted) {
        r.module_seconds = std::max(r.module_seconds, duration_seconds(result));
      }
      break;
    case Kind::lesson:
      if (verb_name == xapi::kCompleted) r.viewed |= std::uint64_t{1} << item;
      break;
    case Kind::question: {
      const json* success = result ? member(*result, "success") : nullptr;
      const std::uint64_t bit = std::uint64_t{1} << item;
      std::int64_t& kept = pre ? r.pre_items_at : r.post_items_at;
      std::uint64_t& answered = pre ? r.pre_answered : r.post_answered;
      std::uint64_t& right = pre ? r.pre_right : r.post_right;
      if (kept == kNever || (pre ? at < kept : at > kept)) {
        kept = at;
        answered = right = 0;
      }
      if (at == kept) {
        answered |= bit;
        if (success && success->is_boolean() && success->get<bool>()) right |= bit;
        else right &= ~bit;
      }
      break;
    }
    case Kind::pretest:
    case Kind::posttest: {
      if (verb_name != xapi::kPassed && verb_name != xapi::kFailed) break;
      const json* score = result ? member(*result, "score") : nullptr;
      const json* raw = score ? member(*score, "raw") : nullptr;
      const json* max = score ? member(*score, "max") : nullptr;
      if (!raw || !raw->is_number() || !max || !max->is_number() || max->get<double>() < 1 || raw->get<double>() < 0 ||
          raw->get<double>() > max->get<double>() || max->get<double>() > 1000)
        return {AddResult::Kind::bad, "/result/score", "a quiz result needs raw and max, 0 <= raw <= max"};
      const auto correct = static_cast<std::int16_t>(raw->get<double>());
      const auto total = static_cast<std::int16_t>(max->get<double>());
      if (place.kind == Kind::pretest) {
        if (!first_time(r, statement_id)) return {AddResult::Kind::skipped, "", "a repeated statement id"};
        ++r.attempts;
        if (r.pre_at == kNever || at < r.pre_at) {
          r.pre_at = at;
          r.pre_correct = correct;
          r.pre_total = total;
          r.required = 0;
          const json* result_extensions = member(*result, "extensions");
          if (const json* lessons = extension(result_extensions, "recommended-lessons"); lessons && lessons->is_array())
            for (const auto& lesson : *lessons) {
              if (!lesson.is_string()) continue;
              const ActivityPlace where = place_of(lesson.get_ref<const std::string&>());
              if (where.kind != Kind::lesson || where.module != place.module) continue;
              const int index = item_index(info.lessons, info.lesson_titles, where.item);
              if (index >= 0) r.required |= std::uint64_t{1} << index;
            }
        }
      } else if (r.post_at == kNever || at >= r.post_at) {
        r.post_at = at;
        r.post_correct = correct;
        r.post_total = total;
        const json* success = member(*result, "success");
        r.passed = success && success->is_boolean() ? success->get<bool>() : verb_name == xapi::kPassed;
      }
      break;
    }
  }
  return {};
}

}  // namespace coursepack::report
