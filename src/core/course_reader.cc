#include "coursepack/core/course_reader.h"

#include <numeric>

#include "coursepack/core/course_rules.h"
#include "coursepack/core/course_warnings.h"
#include "coursepack/core/lesson_variants.h"
#include "programme_reader.h"
#include "region_variants.h"

namespace coursepack {
namespace {

using nlohmann::json;

// Captures nlohmann's parse error without exceptions (the wasm build may have none).
struct ParseErrorCatcher : nlohmann::json_sax<json> {
  std::size_t byte = 0;
  std::string message;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& error) override {
    // `position` counts the bytes read, the offending token included: point at its start.
    byte = position > last_token.size() ? position - last_token.size() : 0;
    // "[json.exception.parse_error.101] parse error at line 4, column 3: syntax error ..."
    // keeps only what follows the location: we print our own, in characters not bytes.
    message = error.what();
    if (auto at = message.find("column "); at != std::string::npos)
      if (auto colon = message.find(": ", at); colon != std::string::npos) message = message.substr(colon + 2);
    return false;
  }
};

LanguageMap language_map(const json& value) {
  LanguageMap map;
  if (value.is_object())
    for (const auto& [language, text] : value.items()) map.emplace(language, text.get<std::string>());
  return map;
}

std::vector<std::string> strings(const json& value) {
  std::vector<std::string> out;
  if (value.is_array())
    for (const auto& item : value) out.push_back(item.get<std::string>());
  return out;
}

int integer(const json& object, const char* key) {
  auto it = object.find(key);
  return it == object.end() ? 0 : it->get<int>();
}

const json& member_or_empty(const json& object, const char* key) {
  static const json empty;
  auto it = object.find(key);
  return it == object.end() ? empty : *it;
}

// Only called on a document that passed every check, so types are known.
Course build_course(const json& doc, const std::map<std::string, std::string>& lesson_texts) {
  Course course;
  course.id = doc["id"];
  course.iri = doc["iri"];
  while (course.iri.ends_with('/')) course.iri.pop_back();
  course.languages = strings(doc["languages"]);
  course.title = language_map(doc["title"]);
  course.description = language_map(doc["description"]);
  course.audience = language_map(doc["audience"]);
  course.eqf_level = doc["eqf_level"];
  course.duration_minutes = doc["duration_minutes"];
  const json& workload = doc["workload"];
  course.workload = {workload["online_minutes"], workload["self_study_minutes"], workload["live_minutes"]};
  for (const auto& o : doc["outcomes"]) course.outcomes.push_back({o["id"], language_map(o["text"]), o["digcomp"]});
  for (const auto& s : member_or_empty(doc, "live_sessions")) course.live_sessions.push_back(read_live_session(s));
  read_credits_and_certification(doc, course);
  for (const auto& t : member_or_empty(doc, "trainers"))
    course.trainers.push_back({t["name"], language_map(member_or_empty(t, "bio"))});
  const json& assessment = doc["assessment"];
  course.assessment = {assessment["questions_per_module"], assessment["pretest_threshold"],
                       assessment["mastery_score"], integer(assessment, "attempts")};
  for (const auto& m : doc["modules"]) {
    Module module;
    module.id = m["id"];
    module.title = language_map(m["title"]);
    module.description = language_map(member_or_empty(m, "description"));
    module.outcomes = strings(member_or_empty(m, "outcomes"));
    if (m.contains("attempts")) module.attempts = m["attempts"];
    for (const auto& l : m["lessons"]) {
      Lesson lesson;
      lesson.id = l["id"];
      lesson.title = language_map(l["title"]);
      lesson.file = language_map(l["file"]);
      for (const auto& [language, path] : lesson.file)
        lesson.markdown[language] = resolve_lesson_variants(lesson_texts.at(path), language);
      lesson.minutes = integer(l, "minutes");
      lesson.country = l.value("country", "");
      lesson.adapted_for = strings(member_or_empty(l, "adapted_for"));
      module.lessons.push_back(std::move(lesson));
    }
    for (const auto& q : m["quiz"]) {
      Question question;
      question.id = q["id"];
      question.tests = strings(q["tests"]);
      question.prompt = language_map(q["prompt"]);
      for (const auto& c : q["choices"])
        question.choices.push_back({language_map(c["text"]), c.value("correct", false)});
      question.feedback = language_map(member_or_empty(q, "feedback"));
      question.country = q.value("country", "");
      question.adapted_for = strings(member_or_empty(q, "adapted_for"));
      module.quiz.push_back(std::move(question));
    }
    course.modules.push_back(std::move(module));
  }
  return course;
}

}  // namespace

CourseReadResult read_course(std::string_view json_text, const std::string& file_name, const SourceFiles& files) {
  CourseReadResult result;
  // Before anything that recurses per level (the index, the checks; nlohmann 3.11 parses
  // and destroys iteratively, but dump() recurses): 100,000 levels would overflow the stack.
  // The value count bounds the memory of the index and the parsed document (16 MB of `0,`).
  if (auto over = find_over_limits(json_text)) {
    const JsonIndex partial = JsonIndex::scan(json_text.substr(0, over->offset));
    result.diagnostics.push_back(
        {file_name, position_of_offset(json_text, over->offset), partial.error_pointer(), std::move(over->message)});
    return result;
  }
  const JsonIndex index = JsonIndex::scan(json_text);
  DiagnosticSink sink(file_name, index, result.diagnostics);

  json document = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) {
    ParseErrorCatcher catcher;
    json::sax_parse(json_text, &catcher);
    result.diagnostics.push_back({file_name, position_of_offset(json_text, catcher.byte),
                                  index.error_pointer(), catcher.message});
    return result;
  }
  for (const auto& duplicate : index.duplicate_keys()) {
    const auto key = duplicate.pointer.substr(duplicate.pointer.rfind('/') + 1);
    keep_diagnostic(result.diagnostics, {file_name, duplicate.again, duplicate.pointer,
                                         "key " + quote_for_message(key) + " appears twice in this object (first at line " +
                                             std::to_string(duplicate.first.line) + ")"});
  }
  check_shape(document, sink);
  std::map<std::string, std::string> lesson_texts;
  if (document.is_object()) check_rules(document, sink, files, lesson_texts);
  if (result.diagnostics.empty())
    check_country_marks(document, lesson_texts, file_name.substr(0, file_name.rfind('/') + 1), sink,
                        result.diagnostics);
  sort_diagnostics(result.diagnostics);
  if (!result.diagnostics.empty()) return result;
  result.course = build_course(document, lesson_texts);
  // Warnings judge what authors wrote: a region variant's inherited texts are its base
  // language's, already judged, and its partial maps would read as empty choices.
  const auto inheriting = inheriting_languages(result.course->languages);
  std::vector<std::string> languages = result.course->languages;
  std::erase_if(result.course->languages, [&](const std::string& language) { return inheriting.contains(language); });
  for (auto& finding : find_warnings(*result.course, document, json_text, index))
    keep_diagnostic(result.warnings, {file_name, index.value_position(finding.pointer), finding.pointer,
                                      std::move(finding.message), Severity::warning, std::move(finding.code)});
  sort_diagnostics(result.warnings);
  if (inheriting.empty()) {
    result.course->languages = std::move(languages);
  } else {
    inherit_region_texts(document, inheriting, lesson_texts);
    result.course = build_course(document, lesson_texts);
  }
  return result;
}

std::size_t Question::correct_choice() const {
  for (std::size_t i = 0; i < choices.size(); ++i)
    if (choices[i].correct) return i;
  return 0;
}

int Module::minutes() const {
  return std::accumulate(lessons.begin(), lessons.end(), 0, [](int sum, const Lesson& l) { return sum + l.minutes; });
}

const Lesson* Course::find_lesson(const std::string& lesson_id) const {
  for (const auto& module : modules)
    for (const auto& lesson : module.lessons)
      if (lesson.id == lesson_id) return &lesson;
  return nullptr;
}

const Outcome* Course::find_outcome(const std::string& outcome_id) const {
  for (const auto& outcome : outcomes)
    if (outcome.id == outcome_id) return &outcome;
  return nullptr;
}

}  // namespace coursepack
