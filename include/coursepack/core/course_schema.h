#pragma once
// The shape of course.json as data: one table per kind of object. The validator walks
// these tables and the JSON Schema for editors is generated from them, so the
// documentation, the schema and the checks cannot disagree.

#include <climits>
#include <span>
#include <string_view>

#include <nlohmann/json.hpp>

namespace coursepack {

enum class ValueKind {
  string,         // non-empty string
  integer,        // within [min, max]
  boolean,
  id,             // see id_pattern
  iri,            // http:// or https://
  language_tags,  // non-empty array of language tags
  language_map,   // object: language tag -> non-empty string
  path_map,       // object: language tag -> relative file path
  id_list,        // array of ids
  object,         // fields in `shape`
  object_list,    // array of objects with fields in `shape`
  check_name,     // the code of a warning check that may be silenced (course_warnings.h)
  choice,         // one of `values`
  license,        // an SPDX id of live_session_vocabulary.h's licenses()
  email,          // an e-mail address: local@domain.tld
  language_maps,  // array of language maps
  country,        // a country code: 2 capital letters (ISO 3166-1 alpha-2)
  countries,      // array of country codes
  ignored,        // anything ("$schema")
};

struct ObjectShape;

struct FieldSpec {
  std::string_view name;
  ValueKind kind;
  bool required;
  std::string_view description;
  const ObjectShape* shape = nullptr;  // object, object_list
  long long min = LLONG_MIN;           // integer range; minimum items for lists
  long long max = LLONG_MAX;
  std::span<const std::string_view> values = {};  // choice
};

/// A `choice` field: one of `values`.
constexpr FieldSpec choice_field(std::string_view name, bool required, std::string_view description,
                                 std::span<const std::string_view> values) {
  return FieldSpec{name, ValueKind::choice, required, description, nullptr, LLONG_MIN, LLONG_MAX, values};
}

struct ObjectShape {
  std::string_view name;  // "course", "module", ...: used in messages and schema $defs
  std::span<const FieldSpec> fields;

  const FieldSpec* find(std::string_view field_name) const;
};

/// The root shape: course.json.
const ObjectShape& course_shape();

/// Ids: 1..64 of A-Z a-z 0-9 - _, starting with a letter or digit.
inline constexpr std::string_view id_pattern = "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$";
bool is_valid_id(std::string_view text);
/// A BCP 47 language with an optional region: "fr", "fr-BE", "es-419" (language_tag.h).
inline constexpr std::string_view language_tag_pattern = "^[a-z]{2,3}(-([A-Z]{2}|[0-9]{3}))?$";
bool is_valid_language_tag(std::string_view text);
/// ISO 3166-1 alpha-2 shape: "FR".
inline constexpr std::string_view country_pattern = "^[A-Z]{2}$";
/// E-mail addresses as the shape checker accepts them: something@host.tld, no spaces.
inline constexpr std::string_view email_pattern = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";
bool is_valid_email(std::string_view text);

/// The JSON Schema (draft 2020-12) of course.json, generated from the tables.
nlohmann::ordered_json course_json_schema();

}  // namespace coursepack
