#include "coursepack/core/course_rules.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <vector>

#include "coursepack/core/course_schema.h"
#include "coursepack/core/digcomp.h"
#include "coursepack/core/json_index.h"
#include "coursepack/core/language_tag.h"
#include "coursepack/core/lesson_variants.h"
#include "coursepack/core/spelling.h"
#include "coursepack/core/markdown_limits.h"
#include "coursepack/core/utf8.h"

namespace coursepack {
namespace {

using nlohmann::json;

std::string in_quotes(std::string_view text) { return quote_for_message(text); }

// Tolerant accessors: a value of the wrong type was already reported by check_shape.
const json& member(const json& object, const char* key) {
  static const json missing;
  if (!object.is_object()) return missing;
  auto it = object.find(key);
  return it == object.end() ? missing : *it;
}
const json& items(const json& object, const char* key) {
  static const json empty = json::array();
  const json& list = member(object, key);
  return list.is_array() ? list : empty;
}
std::string text_of(const json& value) { return value.is_string() ? value.get<std::string>() : std::string(); }

class RuleChecker {
 public:
  RuleChecker(const json& document, DiagnosticSink& sink, const SourceFiles& files,
              std::map<std::string, std::string>& lesson_texts)
      : doc_(document), sink_(sink), files_(files), lesson_texts_(lesson_texts) {}

  void run() {
    read_languages();
    check_language_maps(doc_, "");
    check_outcomes();
    check_workload();
    check_modules();
    check_live_sessions();
    check_allows(doc_, "");
  }

 private:
  // Registers an id; reports a duplicate with where the first one stands.
  void unique(std::map<std::string, std::string>& seen, const json& id, const std::string& pointer,
              const std::string& what, const std::string& scope = "") {
    const std::string text = text_of(id);
    if (text.empty()) return;
    auto [it, fresh] = seen.emplace(text, pointer);
    if (!fresh) {
      const auto first = sink_.index().value_position(it->second);
      sink_.at_value(pointer, "duplicate " + what + " id " + in_quotes(text) + scope + " (first at line " +
                                  std::to_string(first.line) + ")");
    }
  }
  void read_languages() {
    const json& list = items(doc_, "languages");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string tag = text_of(list[i]);
      if (!is_valid_language_tag(tag)) {
        // Reported by check_shape; judging every text against a broken list would
        // only bury that one message under many.
        languages_.clear();
        return;
      }
      if (std::find(languages_.begin(), languages_.end(), tag) != languages_.end())
        sink_.at_value(pointer_join("/languages", i), "language " + in_quotes(tag) + " is listed twice");
      else
        languages_.push_back(tag);
    }
  }

  std::string language_list() const {
    std::string out;
    for (const auto& language : languages_) out += (out.empty() ? "" : ", ") + language;
    return out;
  }

  // Every language map (titles, prompts, choices, files) must hold exactly the course's
  // languages, except a region variant whose base language is listed ("fr-BE" with "fr"):
  // it only holds what differs and inherits the rest. Walks the whole document, finding
  // maps by their key names.
  void check_language_maps(const json& value, const std::string& pointer) {
    static const std::set<std::string> text_keys = {"title",       "description",  "audience", "text", "prompt",
                                                      "feedback",    "bio",          "preparation",
                                                      "instructions", "funding",     "role"};
    static const std::set<std::string> text_list_keys = {"roles", "debrief", "materials"};
    if (value.is_array()) {
      for (std::size_t i = 0; i < value.size(); ++i) check_language_maps(value[i], pointer_join(pointer, i));
      return;
    }
    if (!value.is_object()) return;
    for (const auto& [key, item] : value.items()) {
      const std::string item_pointer = pointer_join(pointer, key);
      if (item.is_object() && (text_keys.contains(key) || key == "file"))
        check_language_map(item, item_pointer, key == "file" ? "lesson file" : "text");
      else if (item.is_array() && text_list_keys.contains(key)) {
        for (std::size_t i = 0; i < item.size(); ++i)
          if (item[i].is_object()) check_language_map(item[i], pointer_join(item_pointer, i), "text");
      }
      else if (item.is_object() || item.is_array())
        check_language_maps(item, item_pointer);
    }
  }

  void check_language_map(const json& map, const std::string& pointer, const std::string& what) {
    if (languages_.empty()) return;  // languages itself is broken: already reported
    for (const auto& language : languages_)
      if (!map.contains(language) && fallback_language(language, languages_).empty())
        sink_.at_value(pointer, "missing the " + in_quotes(language) + " " + what);
    for (const auto& [language, ignored] : map.items())
      if (std::find(languages_.begin(), languages_.end(), language) == languages_.end())
        sink_.at_key(pointer_join(pointer, language),
                     "language " + in_quotes(language) + " is not one of the course languages (" + language_list() + ")");
  }

  void check_outcomes() {
    std::map<std::string, std::string> seen;
    const json& list = items(doc_, "outcomes");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string pointer = pointer_join("/outcomes", i);
      unique(seen, member(list[i], "id"), pointer + "/id", "outcome");
      outcomes_.insert(text_of(member(list[i], "id")));
      const json& digcomp = member(list[i], "digcomp");
      if (digcomp.is_string() && !digcomp.get_ref<const std::string&>().empty() &&
          !find_digcomp(digcomp.get_ref<const std::string&>()))
        sink_.at_value(pointer + "/digcomp",
                       in_quotes(text_of(digcomp)) + " is not a DigComp 2.2 competence (\"1.1\" to \"5.4\")");
    }
  }

  void check_workload() {
    const json& workload = member(doc_, "workload");
    const json& total = member(doc_, "duration_minutes");
    // Parts out of range are reported by check_shape, yet still summed here: in 128 bits,
    // where three 64-bit numbers, signed or not, cannot overflow, so the sum shown is true.
    WideInt sum = 0;
    for (const char* key : {"online_minutes", "self_study_minutes", "live_minutes"}) {
      const json& part = member(workload, key);
      if (!part.is_number_integer()) return;
      sum += wide(part);
    }
    if (total.is_number_integer() && sum != wide(total))
      sink_.at_value("/workload", "adds up to " + wide_to_string(sum) + " minutes, but duration_minutes is " +
                                      total.dump());
  }

  __extension__ typedef __int128 WideInt;  // GCC and clang, native and wasm

  static WideInt wide(const json& integer) {
    return integer.is_number_unsigned() ? static_cast<WideInt>(integer.get<unsigned long long>())
                                        : static_cast<WideInt>(integer.get<long long>());
  }

  static std::string wide_to_string(WideInt value) {
    const bool negative = value < 0;
    std::string digits;
    do {
      const auto digit = static_cast<int>(value % 10);
      digits.insert(digits.begin(), static_cast<char>('0' + (negative ? -digit : digit)));
      value /= 10;
    } while (value != 0);
    return negative ? '-' + digits : digits;
  }

  void check_modules() {
    std::map<std::string, std::string> module_ids, lesson_ids;
    std::map<std::string, std::string> lesson_module;  // lesson id -> module id
    const json& modules = items(doc_, "modules");
    for (std::size_t m = 0; m < modules.size(); ++m) {
      const std::string pointer = pointer_join("/modules", m);
      unique(module_ids, member(modules[m], "id"), pointer + "/id", "module");
      modules_.insert(text_of(member(modules[m], "id")));
      const json& lessons = items(modules[m], "lessons");
      for (std::size_t l = 0; l < lessons.size(); ++l) {
        const std::string lesson_pointer = pointer_join(pointer + "/lessons", l);
        unique(lesson_ids, member(lessons[l], "id"), lesson_pointer + "/id", "lesson");
        lesson_module.emplace(text_of(member(lessons[l], "id")), text_of(member(modules[m], "id")));
        lessons_.insert(text_of(member(lessons[l], "id")));
        check_lesson_files(member(lessons[l], "file"), lesson_pointer + "/file");
        check_allows(lessons[l], lesson_pointer);
      }
      check_allows(modules[m], pointer);
    }
    for (std::size_t m = 0; m < modules.size(); ++m)
      check_module(modules[m], pointer_join("/modules", m), lesson_module);
  }

  void check_module(const json& module, const std::string& pointer,
                    const std::map<std::string, std::string>& lesson_module) {
    const std::string module_id = text_of(member(module, "id"));
    const json& outcome_refs = items(module, "outcomes");
    for (std::size_t i = 0; i < outcome_refs.size(); ++i) {
      const std::string ref = text_of(outcome_refs[i]);
      if (!ref.empty() && !outcomes_.contains(ref))
        sink_.at_value(pointer_join(pointer + "/outcomes", i), in_quotes(ref) + " is not a course outcome");
    }

    const json& quiz = member(module, "quiz");
    const json& per_module = member(member(doc_, "assessment"), "questions_per_module");
    if (quiz.is_array() && per_module.is_number_integer() && quiz.size() != per_module.get<std::size_t>())
      sink_.at_value(pointer + "/quiz", "has " + std::to_string(quiz.size()) + " questions; " +
                                            "assessment.questions_per_module requires " +
                                            std::to_string(per_module.get<long long>()));

    std::map<std::string, std::string> question_ids;
    const json& questions = items(module, "quiz");
    for (std::size_t q = 0; q < questions.size(); ++q) {
      const std::string question_pointer = pointer_join(pointer + "/quiz", q);
      unique(question_ids, member(questions[q], "id"), question_pointer + "/id", "question", " in this module");
      check_allows(questions[q], question_pointer);
      const json& tests = items(questions[q], "tests");
      for (std::size_t t = 0; t < tests.size(); ++t) {
        const std::string lesson = text_of(tests[t]);
        if (lesson.empty()) continue;
        const auto owner = lesson_module.find(lesson);
        const std::string at = pointer_join(question_pointer + "/tests", t);
        if (owner == lesson_module.end())
          sink_.at_value(at, in_quotes(lesson) + " is not a lesson of module " + in_quotes(module_id));
        else if (owner->second != module_id)
          sink_.at_value(at, "lesson " + in_quotes(lesson) + " belongs to module " + in_quotes(owner->second) +
                                 ", not to " + in_quotes(module_id));
      }
      const json& choices = member(questions[q], "choices");
      if (!choices.is_array() || choices.size() < 2) continue;
      std::size_t correct = 0;
      for (const auto& choice : choices)
        if (member(choice, "correct") == json(true)) ++correct;
      if (correct == 0)
        sink_.at_value(question_pointer + "/choices", "no choice is marked correct; a question needs exactly one");
      else if (correct > 1)
        sink_.at_value(question_pointer + "/choices", std::to_string(correct) +
                                                          " choices are marked correct; a question needs exactly one");
    }
  }

  void check_lesson_files(const json& files, const std::string& pointer) {
    if (!files.is_object()) return;
    for (const auto& [language, path_value] : files.items()) {
      const std::string path = text_of(path_value);
      if (path.empty()) continue;
      const std::string at = pointer_join(pointer, language);
      if (auto problem = path_problem(path); !problem.empty()) {
        sink_.at_value(at, problem);
        continue;
      }
      read_lesson_file(path, at, false);
    }
    // A region variant the map leaves out may still have a file of its own where its base
    // language's would be (lessons/fr-BE/x.md next to lessons/fr/x.md): it is read and
    // checked like the others; without one, the variant reads its base language's file.
    for (const auto& language : languages_) {
      const std::string base = fallback_language(language, languages_);
      if (base.empty() || files.contains(language)) continue;
      const std::string own = variant_file_path(text_of(member(files, base.c_str())), base, language);
      if (!own.empty() && path_problem(own).empty()) read_lesson_file(own, pointer, true);
    }
  }

  // Reads and checks one lesson file; problems are reported at `at`. A `probe` that finds
  // no file is no problem.
  void read_lesson_file(const std::string& path, const std::string& at, bool probe) {
    const auto file = files_.read(path);
    switch (file.status) {
      case SourceFiles::Status::missing:
        if (!probe) sink_.at_value(at, "lesson file " + in_quotes(path) + " does not exist");
        return;
      case SourceFiles::Status::outside_course:
        sink_.at_value(at, "lesson file " + in_quotes(path) + " is a link leading outside the course folder");
        return;
      case SourceFiles::Status::not_a_file:
        sink_.at_value(at, "lesson file " + in_quotes(path) + " is not a regular file");
        return;
      case SourceFiles::Status::too_large:
        sink_.at_value(at, "lesson file " + in_quotes(path) + " is larger than " +
                               std::to_string(SourceFiles::max_file_size / (1024 * 1024)) + " MB");
        return;
      case SourceFiles::Status::unreadable:
        sink_.at_value(at, "lesson file " + in_quotes(path) + " cannot be read: " + file.reason);
        return;
      case SourceFiles::Status::ok: break;
    }
    if (auto bad = find_invalid_utf8(file.content)) {
      const auto where = position_of_offset(file.content, *bad);
      char byte[8];
      std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(file.content[*bad]));
      sink_.at_value(at, "lesson file " + in_quotes(path) + " is not UTF-8: byte " + byte + " at line " +
                             std::to_string(where.line) + ", column " + std::to_string(where.column));
      return;
    }
    if (const auto floods = find_bracket_floods(file.content); !floods.empty()) {
      sink_.at_value(at, "lesson file " + in_quotes(path) + " has a paragraph with more than " +
                             std::to_string(max_brackets_per_paragraph) + " \"[\" (from line " +
                             std::to_string(position_of_offset(file.content, floods[0].begin).line) +
                             "): rendering it would take minutes; split it with blank lines, or write \\[");
      return;
    }
    lesson_texts_.emplace(path, file.content);
  }

  // A lesson path must name a file inside the course folder on every platform.
  static std::string path_problem(const std::string& path) {
    if (path.find('\\') != std::string::npos) return in_quotes(path) + " uses \"\\\"; write paths with \"/\"";
    if (path.front() == '/' || (path.size() > 1 && path[1] == ':'))
      return in_quotes(path) + " is an absolute path; lesson files are relative to the course folder";
    std::size_t start = 0;
    while (start <= path.size()) {
      const auto end = std::min(path.find('/', start), path.size());
      const auto segment = std::string_view(path).substr(start, end - start);
      if (segment == "..") return in_quotes(path) + " leaves the course folder";
      if (segment.empty() || segment == ".") return in_quotes(path) + " has an empty or \".\" segment";
      start = end + 1;
    }
    return {};
  }

  // One entry per check in each allow list: a second one would only hide which reason holds.
  void check_allows(const json& object, const std::string& pointer) {
    std::map<std::string, std::string> seen;
    const json& list = items(object, "allow");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string at = pointer_join(pointer + "/allow", i) + "/check";
      const std::string check = text_of(member(list[i], "check"));
      if (check.empty()) continue;
      auto [it, fresh] = seen.emplace(check, at);
      if (!fresh)
        sink_.at_value(at, in_quotes(check) + " is already silenced in this list (line " +
                               std::to_string(sink_.index().value_position(it->second).line) + ")");
    }
  }

  void check_live_sessions() {
    std::map<std::string, std::string> seen;
    const json& sessions = items(doc_, "live_sessions");
    for (std::size_t i = 0; i < sessions.size(); ++i) {
      const std::string pointer = pointer_join("/live_sessions", i);
      unique(seen, member(sessions[i], "id"), pointer + "/id", "live session");
      const std::string after = text_of(member(sessions[i], "after_module"));
      if (!after.empty() && !modules_.contains(after))
        sink_.at_value(pointer + "/after_module", in_quotes(after) + " is not a module of this course");
      check_session_plan(sessions[i], pointer);
    }
    check_credits();
    check_certification(sessions.size());
  }

  // The agenda is the session's timetable: parts that do not fill it, or overrun it,
  // leave the trainer improvising. Activities name lessons the course really has.
  void check_session_plan(const json& session, const std::string& pointer) {
    const json& agenda = items(session, "agenda");
    const json& minutes = member(session, "minutes");
    WideInt sum = 0;  // as in check_workload: out-of-range parts must not wrap the sum
    for (const auto& part : agenda) {
      const json& part_minutes = member(part, "minutes");
      if (!part_minutes.is_number_integer()) return;
      sum += wide(part_minutes);
    }
    if (!agenda.empty() && minutes.is_number_integer() && sum != wide(minutes))
      sink_.at_value(pointer + "/agenda", "the agenda adds up to " + wide_to_string(sum) +
                                              " minutes, but the session lasts " + minutes.dump());
    const json& activities = items(session, "activities");
    for (std::size_t a = 0; a < activities.size(); ++a) {
      const json& lessons = items(activities[a], "lessons");
      for (std::size_t l = 0; l < lessons.size(); ++l) {
        const std::string lesson = text_of(lessons[l]);
        if (lesson.empty() || lessons_.contains(lesson)) continue;
        const std::vector<std::string_view> known(lessons_.begin(), lessons_.end());
        const std::string suggestion = closest_spelling(lesson, known);
        sink_.at_value(pointer_join(pointer_join(pointer + "/activities", a) + "/lessons", l),
                       in_quotes(lesson) + " is not a lesson of this course" +
                           (suggestion.empty() ? "" : "; did you mean " + in_quotes(suggestion) + "?"));
      }
    }
  }

  void check_credits() {
    const json& contact = member(member(doc_, "credits"), "contact");
    if (contact.is_object() && !contact.contains("name") && !contact.contains("email") && !contact.contains("url"))
      sink_.at_value("/credits/contact", "give at least one of \"name\", \"email\" or \"url\"");
  }

  void check_certification(std::size_t session_count) {
    const json& required = member(member(doc_, "certification"), "min_sessions_attended");
    if (required.is_number_integer() && required.get<long long>() > static_cast<long long>(session_count))
      sink_.at_value("/certification/min_sessions_attended",
                     "requires " + std::to_string(required.get<long long>()) + " live sessions, but the course has " +
                         std::to_string(session_count));
  }

  const json& doc_;
  DiagnosticSink& sink_;
  const SourceFiles& files_;
  std::map<std::string, std::string>& lesson_texts_;
  std::vector<std::string> languages_;
  std::set<std::string> outcomes_;
  std::set<std::string> modules_;
  std::set<std::string> lessons_;  // every lesson id of the course
};

}  // namespace

void check_rules(const nlohmann::json& document, DiagnosticSink& sink, const SourceFiles& files,
                 std::map<std::string, std::string>& lesson_texts) {
  RuleChecker(document, sink, files, lesson_texts).run();
}

}  // namespace coursepack
