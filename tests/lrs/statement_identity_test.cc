#include "coursepack/lrs/statement_identity.h"

#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "coursepack/lrs/statement_reader.h"

namespace coursepack::lrs {
namespace {

using nlohmann::json;

const char* kStatement =
    R"({"actor":{"mbox":"mailto:a@example.org"},"verb":{"id":"http://adlnet.gov/expapi/verbs/experienced"},"object":{"id":"https://example.org/x"}})";
const char* kOther =
    R"({"actor":{"mbox":"mailto:b@example.org"},"verb":{"id":"http://adlnet.gov/expapi/verbs/experienced"},"object":{"id":"https://example.org/x"}})";

// The ids of every statement of `input`, read as `lrs send` reads it.
std::vector<std::string> ids_of(const std::string& input, const std::string& file) {
  std::istringstream in(input);
  StatementReader reader(in, file);
  std::vector<Diagnostic> problems;
  std::vector<std::string> ids;
  while (auto read = reader.next(problems)) ids.push_back(derived_id(read->statement));
  REQUIRE(problems.empty());
  return ids;
}

TEST_CASE("canonical JSON is compact with keys sorted at every level") {
  CHECK(canonical(json::parse(R"({"b": 1, "a": {"d": [2, {"f": 0, "e": 1}], "c": "é"}})")) ==
        R"({"a":{"c":"é","d":[2,{"e":1,"f":0}]},"b":1})");
}

TEST_CASE("a derived id is a pinned function of the statement alone") {
  // uuid_from_name("coursepack statement v1\n" + canonical): computed apart (Python's
  // hashlib). Changing it would make every rerun over an old input send duplicates.
  const std::string id = derived_id(json::parse(kStatement));
  CHECK(id == "28d07a89-669b-8d69-b9e9-961f63908af6");
  CHECK(is_uuid(id));
  CHECK(id[14] == '8');  // RFC 9562 version 8
  CHECK(std::string("89ab").find(id[19]) != std::string::npos);  // RFC 9562 variant
  CHECK(derived_id(json::parse(kOther)) != id);
}

TEST_CASE("a derived id does not depend on the file, the position, the encoding or the key order") {
  const std::string id = derived_id(json::parse(kStatement));
  const std::string pretty = json::parse(kStatement).dump(2);
  const std::string reordered =
      R"({"object":{"id":"https://example.org/x"},"verb":{"id":"http://adlnet.gov/expapi/verbs/experienced"},"actor":{"mbox":"mailto:a@example.org"}})";
  struct Case {
    std::string name, input;
    std::size_t position;  // of kStatement in the input
  };
  const Case cases[] = {
      {"alone", std::string(kStatement) + "\n", 0},
      {"after another line", std::string(kOther) + "\n" + kStatement + "\n", 1},
      {"a line appended", std::string(kStatement) + "\n" + kOther + "\n", 0},
      {"CRLF", std::string(kOther) + "\r\n" + kStatement + "\r\n", 1},
      {"byte order mark", "\xEF\xBB\xBF" + std::string(kStatement) + "\n", 0},
      {"pretty-printed", pretty + "\n" + kOther + "\n", 0},
      {"in an array", "[\n" + std::string(kOther) + ",\n" + pretty + "\n]\n", 1},
      {"keys in another order", std::string(kOther) + "\n" + reordered + "\n", 1},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const auto ids = ids_of(c.input, c.name + ".json");
    REQUIRE(ids.size() > c.position);
    CHECK(ids[c.position] == id);
  }
}

TEST_CASE("a statement key tells apart two contents under one id, not the case of the id") {
  const std::string id = "6690e6c9-3ef0-4ed3-8b37-7f3964730bee";
  const std::string first = R"({"id":"6690e6c9-3ef0-4ed3-8b37-7f3964730bee","verb":{"id":"v1"}})";
  const std::string second = R"({"id":"6690e6c9-3ef0-4ed3-8b37-7f3964730bee","verb":{"id":"v2"}})";
  CHECK(statement_key(id, first) == statement_key(id, first));
  CHECK(statement_key(id, first) != statement_key(id, second));
  CHECK(statement_key("6690E6C9-3EF0-4ED3-8B37-7F3964730BEE", first) == statement_key(id, first));
  CHECK(statement_key("7690e6c9-3ef0-4ed3-8b37-7f3964730bee", first) != statement_key(id, first));
}

TEST_CASE("UUIDs are recognised and compared in any case") {
  struct Case {
    std::string text;
    bool uuid;
  };
  const Case cases[] = {
      {"6690e6c9-3ef0-4ed3-8b37-7f3964730bee", true},
      {"6690E6C9-3EF0-4ED3-8B37-7F3964730BEE", true},
      {"6690e6c93ef04ed38b377f3964730bee", false},    // no dashes
      {"6690e6c9-3ef0-4ed3-8b37-7f3964730be", false},  // one digit short
      {"6690e6c9-3ef0-4ed3-8b37-7f3964730beg", false},
      {"6690e6c9-3ef04-ed3-8b37-7f3964730bee", false},  // a dash out of place
      {"6690e6c903ef004ed308b3707f3964730bee", false},  // digits where the dashes go
      {"{6690e6c9-3ef0-4ed3-8b37-7f3964730be}", false},
      {"", false},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(is_uuid(c.text) == c.uuid);
    CHECK(uuid_bytes(c.text).has_value() == c.uuid);
  }
  const auto lower = uuid_bytes("6690e6c9-3ef0-4ed3-8b37-7f3964730bee");
  REQUIRE(lower);
  CHECK(uuid_bytes("6690E6C9-3EF0-4ED3-8B37-7F3964730BEE") == lower);
  CHECK((*lower)[0] == 0x66);
  CHECK((*lower)[1] == 0x90);
  CHECK((*lower)[15] == 0xee);
  CHECK(uuid_bytes("7690e6c9-3ef0-4ed3-8b37-7f3964730bee") != lower);
}

}  // namespace
}  // namespace coursepack::lrs
