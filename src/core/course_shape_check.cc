#include <algorithm>
#include <string>
#include <vector>

#include "coursepack/core/course_rules.h"
#include "coursepack/core/course_schema.h"
#include "coursepack/core/course_warnings.h"
#include "coursepack/core/language_tag.h"
#include "coursepack/core/live_session_vocabulary.h"
#include "coursepack/core/spelling.h"
#include "coursepack/core/utf8.h"

namespace coursepack {
namespace {

using nlohmann::json;

std::string type_name(const json& value) {
  switch (value.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::number_float: return "a decimal number";
    default: return "an integer";
  }
}

std::string expected_text(ValueKind kind) {
  switch (kind) {
    case ValueKind::string: return "a string";
    case ValueKind::integer: return "an integer";
    case ValueKind::boolean: return "true or false";
    case ValueKind::id: return "an id (string)";
    case ValueKind::iri: return "an IRI (string)";
    case ValueKind::language_tags: return "an array of language tags";
    case ValueKind::language_map: return "a language map (object of language tag to text)";
    case ValueKind::path_map: return "an object of language tag to file path";
    case ValueKind::id_list: return "an array of ids";
    case ValueKind::object: return "an object";
    case ValueKind::object_list: return "an array of objects";
    case ValueKind::check_name: return "a warning code (string)";
    case ValueKind::choice: return "a string";
    case ValueKind::license: return "an SPDX licence id (string)";
    case ValueKind::email: return "an e-mail address (string)";
    case ValueKind::language_maps: return "an array of language maps";
    case ValueKind::country: return "a country code (string)";
    case ValueKind::countries: return "an array of country codes";
    case ValueKind::ignored: return "anything";
  }
  return "";
}

std::string in_quotes(std::string_view text) { return quote_for_message(text); }

// Texts that may run over several lines; every other text is one line (a title, a name).
bool is_multiline(std::string_view field) {
  return field == "description" || field == "audience" || field == "bio" || field == "feedback" ||
         field == "prompt" || field == "reason" || field == "preparation" || field == "instructions" ||
         field == "funding" || field == "roles" || field == "debrief" || field == "materials";
}

class ShapeChecker {
 public:
  explicit ShapeChecker(DiagnosticSink& sink) : sink_(sink) {}

  void object(const json& value, const ObjectShape& shape, const std::string& pointer) {
    if (!value.is_object()) {
      sink_.at_value(pointer, "expected an object, got " + type_name(value));
      return;
    }
    std::vector<std::string_view> names;
    for (const auto& field : shape.fields) names.push_back(field.name);
    std::vector<std::string> suggested;  // a misspelt key is reported once, not also as missing
    for (const auto& [key, member] : value.items()) {
      const std::string member_pointer = pointer_join(pointer, key);
      if (const FieldSpec* field = shape.find(key)) {
        this->field(member, *field, member_pointer);
        continue;
      }
      std::string message = "unknown key " + in_quotes(key) + " in " + std::string(shape.name);
      if (auto suggestion = closest_spelling(key, names); !suggestion.empty()) {
        message += "; did you mean " + in_quotes(suggestion) + "?";
        suggested.push_back(suggestion);
      }
      sink_.at_key(member_pointer, message);
    }
    for (const auto& field : shape.fields)
      if (field.required && !value.contains(field.name) &&
          std::find(suggested.begin(), suggested.end(), field.name) == suggested.end())
        sink_.at_value(pointer, "missing required key " + in_quotes(field.name) + " in " + std::string(shape.name));
  }

 private:
  void wrong_type(const json& value, const FieldSpec& field, const std::string& pointer) {
    sink_.at_value(pointer, "expected " + expected_text(field.kind) + ", got " + type_name(value));
  }

  void count(const json& list, const FieldSpec& field, const std::string& pointer) {
    const auto n = static_cast<long long>(list.size());
    if (field.min != LLONG_MIN && n < field.min)
      sink_.at_value(pointer, "needs at least " + std::to_string(field.min) + (field.min == 1 ? " item" : " items") +
                                  ", has " + std::to_string(n));
    if (field.max != LLONG_MAX && n > field.max)
      sink_.at_value(pointer, "has " + std::to_string(n) + " items; at most " + std::to_string(field.max) + " allowed");
  }

  void text(const json& value, const std::string& pointer, std::string_view what, bool multiline) {
    if (!value.is_string())
      sink_.at_value(pointer, "expected " + std::string(what) + " (a string), got " + type_name(value));
    else if (value.get_ref<const std::string&>().empty())
      sink_.at_value(pointer, "must not be empty");
    else
      characters(value.get_ref<const std::string&>(), pointer, multiline);
  }

  // Packages carry texts into XML, HTML and the module plan: what none of them can hold
  // safely is refused here, where the author can see where it is.
  void characters(std::string_view text, const std::string& pointer, bool multiline) {
    const auto bad = find_forbidden_character(text, multiline);
    if (!bad) return;
    const auto where = count_code_points(text.substr(0, bad->offset)) + 1;
    std::string kind = bad->code >= 0xFFFE ? "the noncharacter " : "the control character ";
    std::string message = "holds " + kind + code_point_name(bad->code) + " at character " + std::to_string(where);
    if (bad->code == '\n') message += "; this text is one line";
    sink_.at_value(pointer, message);
  }

  void id(const json& value, const std::string& pointer) {
    if (!value.is_string()) {
      sink_.at_value(pointer, "expected an id (string), got " + type_name(value));
      return;
    }
    const auto& text = value.get_ref<const std::string&>();
    if (!is_valid_id(text))
      sink_.at_value(pointer, in_quotes(text) +
                                  " is not a valid id: use 1 to 64 letters, digits, \"-\" or \"_\", "
                                  "starting with a letter or digit");
  }

  void check_name(const json& value, const FieldSpec& field, const std::string& pointer) {
    if (!value.is_string()) return wrong_type(value, field, pointer);
    const auto& code = value.get_ref<const std::string&>();
    const WarningCheck* check = find_warning_check(code);
    if (check && check->silenceable) return;
    std::vector<std::string_view> codes;
    for (const auto& c : warning_checks())
      if (c.silenceable) codes.push_back(c.code);
    std::string message = in_quotes(code) + (check ? " cannot be silenced" : " is not a warning code");
    if (auto suggestion = closest_spelling(code, codes); !check && !suggestion.empty())
      message += "; did you mean " + in_quotes(suggestion) + "?";
    else
      message += " (the codes are listed in docs/course-format.md)";
    sink_.at_value(pointer, message);
  }

  // A word from a fixed list (session kinds, licences): a near miss gets a suggestion.
  void vocabulary_word(const json& value, const FieldSpec& field, const std::string& pointer,
                       std::span<const std::string_view> words, std::string_view what) {
    if (!value.is_string()) return wrong_type(value, field, pointer);
    const auto& word = value.get_ref<const std::string&>();
    if (std::find(words.begin(), words.end(), word) != words.end()) return;
    std::string message = in_quotes(word) + " is not " + std::string(what);
    if (auto suggestion = closest_spelling(word, words); !suggestion.empty())
      message += "; did you mean " + in_quotes(suggestion) + "?";
    else if (words.size() <= 10) {
      std::string list;
      for (const auto& w : words) list += (list.empty() ? "" : ", ") + std::string(w);
      message += " (one of " + list + ")";
    } else {
      message += " (the list is in docs/course-format.md)";
    }
    sink_.at_value(pointer, message);
  }

  void country(const json& value, const FieldSpec& field, const std::string& pointer) {
    if (!value.is_string()) return wrong_type(value, field, pointer);
    if (auto why = country_code_problem(value.get_ref<const std::string&>()); !why.empty()) sink_.at_value(pointer, why);
  }

  void field(const json& value, const FieldSpec& field, const std::string& pointer) {
    switch (field.kind) {
      case ValueKind::ignored: return;
      case ValueKind::string: text(value, pointer, "text", is_multiline(field.name)); return;
      case ValueKind::boolean:
        if (!value.is_boolean()) wrong_type(value, field, pointer);
        return;
      case ValueKind::integer: {
        if (!value.is_number_integer()) return wrong_type(value, field, pointer);
        // Past LLONG_MAX nlohmann keeps an unsigned number: get<long long>() would wrap it.
        const bool huge = value.is_number_unsigned() && value.get<unsigned long long>() > LLONG_MAX;
        const auto n = huge ? LLONG_MAX : value.get<long long>();
        if (huge || n < field.min || n > field.max) {
          const std::string got = value.dump();  // the number as written, whatever its size
          sink_.at_value(pointer, field.min == field.max
                                      ? "must be " + std::to_string(field.min) + ", got " + got
                                      : "must be between " + std::to_string(field.min) + " and " +
                                            std::to_string(field.max) + ", got " + got);
        }
        return;
      }
      case ValueKind::id: id(value, pointer); return;
      case ValueKind::iri: {
        if (!value.is_string()) return wrong_type(value, field, pointer);
        const auto& iri = value.get_ref<const std::string&>();
        if (find_forbidden_character(iri, false)) return characters(iri, pointer, false);
        const bool scheme = iri.starts_with("http://") || iri.starts_with("https://");
        const bool host = iri.size() > iri.find("//") + 2;
        if (!scheme || !host || iri.find_first_of(" \t\n\"<>{}|\\^`") != std::string::npos)
          sink_.at_value(pointer, in_quotes(iri) + " is not an http:// or https:// IRI");
        return;
      }
      case ValueKind::language_tags: {
        if (!value.is_array()) return wrong_type(value, field, pointer);
        if (value.empty()) sink_.at_value(pointer, "needs at least 1 language");
        for (std::size_t i = 0; i < value.size(); ++i) {
          const auto item = pointer_join(pointer, i);
          if (!value[i].is_string())
            sink_.at_value(item, "expected a language tag (a string), got " + type_name(value[i]));
          else if (auto why = language_tag_problem(value[i].get_ref<const std::string&>()); !why.empty())
            sink_.at_value(item, why);
        }
        return;
      }
      case ValueKind::language_map:
      case ValueKind::path_map: {
        if (!value.is_object()) return wrong_type(value, field, pointer);
        const char* what = field.kind == ValueKind::path_map ? "a file path" : "text";
        const bool multiline = field.kind == ValueKind::language_map && is_multiline(field.name);
        for (const auto& [language, item] : value.items()) text(item, pointer_join(pointer, language), what, multiline);
        return;
      }
      case ValueKind::id_list:
        if (!value.is_array()) return wrong_type(value, field, pointer);
        count(value, field, pointer);
        for (std::size_t i = 0; i < value.size(); ++i) id(value[i], pointer_join(pointer, i));
        return;
      case ValueKind::check_name: check_name(value, field, pointer); return;
      case ValueKind::choice: vocabulary_word(value, field, pointer, field.values, "a valid " + std::string(field.name)); return;
      case ValueKind::license:
        vocabulary_word(value, field, pointer, license_ids(), "a licence coursepack knows");
        return;
      case ValueKind::email:
        if (!value.is_string()) return wrong_type(value, field, pointer);
        if (!is_valid_email(value.get_ref<const std::string&>()))
          sink_.at_value(pointer, in_quotes(value.get_ref<const std::string&>()) + " is not an e-mail address");
        return;
      case ValueKind::language_maps:
        if (!value.is_array()) return wrong_type(value, field, pointer);
        count(value, field, pointer);
        for (std::size_t i = 0; i < value.size(); ++i) {
          const auto item = pointer_join(pointer, i);
          if (!value[i].is_object()) {
            sink_.at_value(item, "expected a language map (object of language tag to text), got " + type_name(value[i]));
            continue;
          }
          for (const auto& [language, text_value] : value[i].items())
            text(text_value, pointer_join(item, language), "text", is_multiline(field.name));
        }
        return;
      case ValueKind::country: country(value, field, pointer); return;
      case ValueKind::countries:
        if (!value.is_array()) return wrong_type(value, field, pointer);
        count(value, field, pointer);
        for (std::size_t i = 0; i < value.size(); ++i) country(value[i], field, pointer_join(pointer, i));
        return;
      case ValueKind::object: object(value, *field.shape, pointer); return;
      case ValueKind::object_list:
        if (!value.is_array()) return wrong_type(value, field, pointer);
        count(value, field, pointer);
        for (std::size_t i = 0; i < value.size(); ++i) object(value[i], *field.shape, pointer_join(pointer, i));
        return;
    }
  }

  DiagnosticSink& sink_;
};

}  // namespace

void check_shape(const nlohmann::json& document, DiagnosticSink& sink) {
  ShapeChecker(sink).object(document, course_shape(), "");
}

}  // namespace coursepack
