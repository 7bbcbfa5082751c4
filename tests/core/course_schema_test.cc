#include "coursepack/core/course_schema.h"

#include <catch2/catch.hpp>

namespace coursepack {
namespace {

TEST_CASE("ids follow the documented pattern") {
  CHECK(is_valid_id("2-1-1"));
  CHECK(is_valid_id("LO1"));
  CHECK(is_valid_id(std::string(64, 'a')));
  CHECK_FALSE(is_valid_id(std::string(65, 'a')));
  CHECK_FALSE(is_valid_id(""));
  CHECK_FALSE(is_valid_id("-a"));
  CHECK_FALSE(is_valid_id("a.b"));
  CHECK_FALSE(is_valid_id("a b"));
  CHECK_FALSE(is_valid_id("é"));
}

TEST_CASE("language tags have the BCP 47 shape: a language and an optional region") {
  CHECK(is_valid_language_tag("fr"));
  CHECK(is_valid_language_tag("pt-BR"));
  CHECK_FALSE(is_valid_language_tag("sr-Latn-RS"));  // scripts are not supported (language_tag_test.cc)
  CHECK_FALSE(is_valid_language_tag("French"));
  CHECK_FALSE(is_valid_language_tag("FR"));
  CHECK_FALSE(is_valid_language_tag("fr-"));
  CHECK_FALSE(is_valid_language_tag("f"));
}

TEST_CASE("the generated JSON Schema mirrors the field tables") {
  const auto schema = course_json_schema();
  CHECK(schema["additionalProperties"] == false);
  CHECK(schema["properties"].contains("modules"));
  CHECK(schema["properties"]["eqf_level"]["maximum"] == 8);
  const auto& required = schema["required"];
  CHECK(std::find(required.begin(), required.end(), "iri") != required.end());
  CHECK(std::find(required.begin(), required.end(), "trainers") == required.end());
  const auto& choices = schema["$defs"]["question"]["properties"]["choices"];
  CHECK(choices["maxItems"] == 26);
  CHECK(choices["items"]["$ref"] == "#/$defs/choice");
  for (const auto& field : course_shape().fields) CHECK(schema["properties"].contains(field.name));
}

}  // namespace
}  // namespace coursepack
