#include "coursepack/core/course_schema.h"

#include <array>
#include <string>
#include <vector>

#include "coursepack/core/course_warnings.h"
#include "coursepack/core/language_tag.h"
#include "coursepack/core/live_session_vocabulary.h"

namespace coursepack {
namespace {

using K = ValueKind;

// Field tables, leaves first. Keep docs/course-format.md in step with these.
constexpr std::array kWorkloadFields{
    FieldSpec{"online_minutes", K::integer, true, "Asynchronous online course", nullptr, 0, 100000},
    FieldSpec{"self_study_minutes", K::integer, true, "Reading and personal practice", nullptr, 0, 100000},
    FieldSpec{"live_minutes", K::integer, true, "Live sessions", nullptr, 0, 100000},
};
constexpr ObjectShape kWorkload{"workload", kWorkloadFields};

constexpr std::array kOutcomeFields{
    FieldSpec{"id", K::id, true, "Outcome id, e.g. LO1"},
    FieldSpec{"text", K::language_map, true, "What the learner can do"},
    FieldSpec{"digcomp", K::string, true, "DigComp 2.2 competence id, \"1.1\" to \"5.4\""},
};
constexpr ObjectShape kOutcome{"outcome", kOutcomeFields};

constexpr std::array kAgendaItemFields{
    FieldSpec{"minutes", K::integer, true, "Length of this part", nullptr, 1, 10000},
    FieldSpec{"title", K::language_map, true, ""},
    FieldSpec{"description", K::language_map, false, ""},
};
constexpr ObjectShape kAgendaItem{"agenda_item", kAgendaItemFields};

constexpr std::array kActivityFields{
    choice_field("kind", true, "What the activity is", kActivityKindNames),
    FieldSpec{"title", K::language_map, true, ""},
    FieldSpec{"instructions", K::language_map, true, "How the trainer runs it"},
    FieldSpec{"lessons", K::id_list, false, "Lessons of the course it draws on", nullptr, 0, 1000},
    FieldSpec{"minutes", K::integer, false, "Length", nullptr, 1, 10000},
    FieldSpec{"roles", K::language_maps, false, "Roles of a scenario simulation", nullptr, 0, 100},
    FieldSpec{"debrief", K::language_maps, false, "Debrief questions", nullptr, 0, 100},
};
constexpr ObjectShape kActivity{"activity", kActivityFields};

// The detail fields are optional so that a course can announce a session before its
// trainer writes it up; the trainer guide shows what is there.
constexpr std::array kLiveSessionFields{
    FieldSpec{"id", K::id, true, "Session id"},
    FieldSpec{"title", K::language_map, true, ""},
    FieldSpec{"description", K::language_map, false, ""},
    FieldSpec{"minutes", K::integer, true, "Length", nullptr, 1, 10000},
    FieldSpec{"after_module", K::id, false, "Module it follows; absent: before the first module"},
    choice_field("kind", false, "launch, practice, final or other (default)", kSessionKindNames),
    choice_field("mode", false, "in_person, online or either (default)", kSessionModeNames),
    FieldSpec{"agenda", K::object_list, false, "Timed parts; their minutes add up to the session's", &kAgendaItem,
              0, 100},
    FieldSpec{"preparation", K::language_map, false, "What learners prepare"},
    FieldSpec{"activities", K::object_list, false, "", &kActivity, 0, 100},
    FieldSpec{"materials", K::language_maps, false, "What the trainer brings or shares", nullptr, 0, 100},
};
constexpr ObjectShape kLiveSession{"live_session", kLiveSessionFields};

constexpr std::array kTrainerFields{
    FieldSpec{"name", K::string, true, ""},
    FieldSpec{"bio", K::language_map, false, ""},
};
constexpr ObjectShape kTrainer{"trainer", kTrainerFields};

constexpr std::array kAuthorFields{
    FieldSpec{"name", K::string, true, ""},
    FieldSpec{"organisation", K::string, false, ""},
    FieldSpec{"role", K::language_map, false, "What they did, e.g. author, reviewer"},
};
constexpr ObjectShape kAuthor{"author", kAuthorFields};

constexpr std::array kContactFields{
    FieldSpec{"name", K::string, false, ""},
    FieldSpec{"email", K::email, false, ""},
    FieldSpec{"url", K::iri, false, "http:// or https:// address"},
};
constexpr ObjectShape kContact{"contact", kContactFields};

constexpr std::array kCreditsFields{
    FieldSpec{"license", K::license, true, "SPDX licence id, e.g. CC-BY-SA-4.0"},
    FieldSpec{"authors", K::object_list, false, "", &kAuthor, 0, 100},
    FieldSpec{"copyright", K::string, false, "e.g. 2026 SETS partnership"},
    FieldSpec{"funding", K::language_map, false, "Funding disclaimer"},
    FieldSpec{"contact", K::object, false, "At least one of name, email, url", &kContact},
};
constexpr ObjectShape kCredits{"credits", kCreditsFields};

constexpr std::array kCertificationFields{
    FieldSpec{"min_sessions_attended", K::integer, true, "Live sessions a learner must attend", nullptr, 0, 100},
    FieldSpec{"all_modules_passed", K::boolean, true, "Every module's post-test must be passed"},
    FieldSpec{"text", K::language_map, true, "The rule as learners and trainers read it"},
};
constexpr ObjectShape kCertification{"certification", kCertificationFields};

constexpr std::array kAssessmentFields{
    FieldSpec{"questions_per_module", K::integer, true, "Every module's quiz has exactly this many questions",
              nullptr, 1, 100},
    FieldSpec{"pretest_threshold", K::integer, true,
              "Pre-test percentage below which every lesson of the module becomes mandatory", nullptr, 0, 100},
    FieldSpec{"mastery_score", K::integer, true, "Post-test percentage needed to pass", nullptr, 0, 100},
    FieldSpec{"attempts", K::integer, false, "Post-test attempts allowed; 0 or absent: retake until passed", nullptr, 0,
              100},
};
constexpr ObjectShape kAssessment{"assessment", kAssessmentFields};

// A warning silenced where it stands (course_warnings.h): at course, module, lesson or
// question level, for the warnings located inside that object.
constexpr std::array kAllowFields{
    FieldSpec{"check", K::check_name, true, "Code of the warning to silence, e.g. key-longest"},
    FieldSpec{"reason", K::string, true, "Why this warning does not apply here"},
};
constexpr ObjectShape kAllow{"allow", kAllowFields};

constexpr std::array kLessonFields{
    FieldSpec{"id", K::id, true, "Lesson id, unique in the course"},
    FieldSpec{"title", K::language_map, true, ""},
    FieldSpec{"file", K::path_map, true, "Markdown file per language, relative to the course folder"},
    FieldSpec{"minutes", K::integer, false, "Expected time", nullptr, 1, 10000},
    FieldSpec{"country", K::country, false, "The country the whole lesson is written for, e.g. FR"},
    FieldSpec{"adapted_for", K::countries, false, "Countries whose partners adapted this country-specific lesson",
              nullptr, 0, 300},
    FieldSpec{"allow", K::object_list, false, "Warnings silenced for this lesson", &kAllow, 0, 100},
};
constexpr ObjectShape kLesson{"lesson", kLessonFields};

constexpr std::array kChoiceFields{
    FieldSpec{"text", K::language_map, true, ""},
    FieldSpec{"correct", K::boolean, false, "Exactly one choice of a question is correct"},
};
constexpr ObjectShape kChoice{"choice", kChoiceFields};

// 26: SCORM 1.2 choice responses are single characters; we use a..z.
constexpr std::array kQuestionFields{
    FieldSpec{"id", K::id, true, "Question id, unique in the module"},
    FieldSpec{"tests", K::id_list, true, "Lessons of this module the question tests", nullptr, 1, 1000},
    FieldSpec{"prompt", K::language_map, true, ""},
    FieldSpec{"choices", K::object_list, true, "2 to 26 choices", &kChoice, 2, 26},
    FieldSpec{"feedback", K::language_map, false, "Explanation shown after the post-test"},
    FieldSpec{"country", K::country, false, "The country whose rules the question tests, e.g. FR"},
    FieldSpec{"adapted_for", K::countries, false, "Countries whose partners adapted this country-specific question",
              nullptr, 0, 300},
    FieldSpec{"allow", K::object_list, false, "Warnings silenced for this question", &kAllow, 0, 100},
};
constexpr ObjectShape kQuestion{"question", kQuestionFields};

constexpr std::array kModuleFields{
    FieldSpec{"id", K::id, true, "Module id, unique in the course"},
    FieldSpec{"title", K::language_map, true, ""},
    FieldSpec{"description", K::language_map, false, ""},
    FieldSpec{"outcomes", K::id_list, false, "Course outcome ids this module serves"},
    FieldSpec{"lessons", K::object_list, true, "", &kLesson, 1, 1000},
    FieldSpec{"quiz", K::object_list, true, "Pre-test and post-test questions", &kQuestion, 0, 1000},
    FieldSpec{"attempts", K::integer, false, "Post-test attempts allowed here; overrides assessment.attempts", nullptr,
              0, 100},
    FieldSpec{"allow", K::object_list, false, "Warnings silenced for this module", &kAllow, 0, 100},
};
constexpr ObjectShape kModule{"module", kModuleFields};

constexpr std::array kCourseFields{
    FieldSpec{"$schema", K::ignored, false, "Ignored; lets editors find this schema"},
    FieldSpec{"format", K::integer, true, "Source format version", nullptr, 1, 1},
    FieldSpec{"id", K::id, true, "Course id"},
    FieldSpec{"iri", K::iri, true, "Base IRI of the course's xAPI activity ids"},
    FieldSpec{"languages", K::language_tags, true, "Languages of the course; the first is the source"},
    FieldSpec{"title", K::language_map, true, ""},
    FieldSpec{"description", K::language_map, true, ""},
    FieldSpec{"audience", K::language_map, true, "Who the course is for"},
    FieldSpec{"eqf_level", K::integer, true, "European Qualifications Framework level", nullptr, 1, 8},
    FieldSpec{"duration_minutes", K::integer, true, "Total workload", nullptr, 1, 100000},
    FieldSpec{"workload", K::object, true, "Split of duration_minutes", &kWorkload},
    FieldSpec{"outcomes", K::object_list, true, "Learning outcomes", &kOutcome, 1, 100},
    FieldSpec{"live_sessions", K::object_list, false, "", &kLiveSession, 0, 100},
    FieldSpec{"trainers", K::object_list, false, "", &kTrainer, 0, 100},
    FieldSpec{"credits", K::object, false, "Licence, authors, funding, contact", &kCredits},
    FieldSpec{"certification", K::object, false, "What a learner needs for the certificate", &kCertification},
    FieldSpec{"assessment", K::object, true, "", &kAssessment},
    FieldSpec{"modules", K::object_list, true, "", &kModule, 1, 1000},
    FieldSpec{"allow", K::object_list, false, "Warnings silenced for the whole course", &kAllow, 0, 100},
};
constexpr ObjectShape kCourse{"course", kCourseFields};

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

nlohmann::ordered_json language_map_schema() {
  return {{"type", "object"},
          {"propertyNames", {{"pattern", language_tag_pattern}}},
          {"additionalProperties", {{"type", "string"}, {"minLength", 1}}},
          {"minProperties", 1}};
}

nlohmann::ordered_json field_schema(const FieldSpec& field) {
  nlohmann::ordered_json s;
  if (!field.description.empty()) s["description"] = field.description;
  const auto ref = [](const ObjectShape* shape) {
    return nlohmann::ordered_json{{"$ref", "#/$defs/" + std::string(shape->name)}};
  };
  switch (field.kind) {
    case K::string: s["type"] = "string"; s["minLength"] = 1; break;
    case K::integer:
      s["type"] = "integer";
      if (field.min != LLONG_MIN) s["minimum"] = field.min;
      if (field.max != LLONG_MAX) s["maximum"] = field.max;
      break;
    case K::boolean: s["type"] = "boolean"; break;
    case K::id: s["type"] = "string"; s["pattern"] = id_pattern; break;
    case K::iri: s["type"] = "string"; s["pattern"] = "^https?://"; break;
    case K::language_tags:
      s["type"] = "array";
      s["items"] = {{"type", "string"}, {"pattern", language_tag_pattern}};
      s["minItems"] = 1;
      s["uniqueItems"] = true;
      break;
    case K::language_map: s.update(language_map_schema()); break;
    case K::path_map: s.update(language_map_schema()); break;
    case K::id_list:
      s["type"] = "array";
      s["items"] = {{"type", "string"}, {"pattern", id_pattern}};
      if (field.min != LLONG_MIN) s["minItems"] = field.min;
      break;
    case K::object: s.update(ref(field.shape)); break;
    case K::object_list:
      s["type"] = "array";
      s["items"] = ref(field.shape);
      if (field.min != LLONG_MIN) s["minItems"] = field.min;
      if (field.max != LLONG_MAX) s["maxItems"] = field.max;
      break;
    case K::check_name: {
      s["type"] = "string";
      nlohmann::ordered_json codes = nlohmann::ordered_json::array();
      for (const auto& check : warning_checks())
        if (check.silenceable) codes.push_back(check.code);
      s["enum"] = codes;
      break;
    }
    case K::choice:
      s["type"] = "string";
      s["enum"] = nlohmann::ordered_json(std::vector<std::string>(field.values.begin(), field.values.end()));
      break;
    case K::license:
      s["type"] = "string";
      s["enum"] = nlohmann::ordered_json(std::vector<std::string>(license_ids().begin(), license_ids().end()));
      break;
    case K::email: s["type"] = "string"; s["pattern"] = email_pattern; break;
    case K::language_maps:
      s["type"] = "array";
      s["items"] = language_map_schema();
      if (field.min != LLONG_MIN) s["minItems"] = field.min;
      if (field.max != LLONG_MAX) s["maxItems"] = field.max;
      break;
    case K::country: s["type"] = "string"; s["pattern"] = country_pattern; break;
    case K::countries:
      s["type"] = "array";
      s["items"] = {{"type", "string"}, {"pattern", country_pattern}};
      s["uniqueItems"] = true;
      break;
    case K::ignored: s["type"] = "string"; break;
  }
  return s;
}

nlohmann::ordered_json shape_schema(const ObjectShape& shape) {
  nlohmann::ordered_json properties = nlohmann::ordered_json::object();
  nlohmann::ordered_json required = nlohmann::ordered_json::array();
  for (const auto& field : shape.fields) {
    properties[std::string(field.name)] = field_schema(field);
    if (field.required) required.push_back(field.name);
  }
  return {{"type", "object"}, {"additionalProperties", false}, {"required", required}, {"properties", properties}};
}

void collect_shapes(const ObjectShape& shape, nlohmann::ordered_json& defs) {
  for (const auto& field : shape.fields)
    if (field.shape && !defs.contains(field.shape->name)) {
      defs[std::string(field.shape->name)] = shape_schema(*field.shape);
      collect_shapes(*field.shape, defs);
    }
}

}  // namespace

const FieldSpec* ObjectShape::find(std::string_view field_name) const {
  for (const auto& field : fields)
    if (field.name == field_name) return &field;
  return nullptr;
}

const ObjectShape& course_shape() { return kCourse; }

bool is_valid_id(std::string_view text) {
  if (text.empty() || text.size() > 64 || !is_alnum(text[0])) return false;
  for (char c : text)
    if (!is_alnum(c) && c != '-' && c != '_') return false;
  return true;
}

bool is_valid_language_tag(std::string_view text) { return language_tag_problem(text).empty(); }

bool is_valid_email(std::string_view text) {
  const auto at = text.find('@');
  if (at == 0 || at == std::string_view::npos || text.find('@', at + 1) != std::string_view::npos) return false;
  if (text.find_first_of(" \t\r\n") != std::string_view::npos) return false;
  const auto domain = text.substr(at + 1);
  const auto dot = domain.rfind('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size();
}

nlohmann::ordered_json course_json_schema() {
  nlohmann::ordered_json schema = {
      {"$schema", "https://json-schema.org/draft/2020-12/schema"},
      {"$id", "https://coursepack.dev/schema/course-1.json"},
      {"title", "coursepack course.json (format 1)"},
      {"description", "Generated by `coursepack schema` from the validator's tables; see docs/course-format.md."},
  };
  schema.update(shape_schema(kCourse));
  nlohmann::ordered_json defs = nlohmann::ordered_json::object();
  collect_shapes(kCourse, defs);
  schema["$defs"] = defs;
  return schema;
}

}  // namespace coursepack
