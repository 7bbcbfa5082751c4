#include "coursepack/lrs/statement_reader.h"

#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace coursepack::lrs {
namespace {

struct Read {
  std::vector<std::string> statements;  // "line:column /pointer compact-json"
  std::vector<std::string> problems;    // as users see them
};

Read read_all(const std::string& input, const std::string& file = "in.json") {
  std::istringstream in(input);
  StatementReader reader(in, file);
  std::vector<Diagnostic> problems;
  Read out;
  while (auto read = reader.next(problems))
    out.statements.push_back(std::to_string(read->at.line) + ":" + std::to_string(read->at.column) + " " +
                             read->pointer + " " + read->statement.dump());
  for (const auto& problem : problems) out.problems.push_back(problem.to_string());
  return out;
}

using Lines = std::vector<std::string>;

TEST_CASE("every shape of input is read, statement by statement, located") {
  struct Case {
    const char* name;
    std::string input;
    Lines statements;
  };
  const Case cases[] = {
      {"JSON lines", "{\"n\":1}\n{\"n\":2}\n", {"1:1 /0 {\"n\":1}", "2:1 /1 {\"n\":2}"}},
      {"JSON lines without a last newline", "{\"n\":1}\n{\"n\":2}", {"1:1 /0 {\"n\":1}", "2:1 /1 {\"n\":2}"}},
      {"CRLF lines", "{\"n\":1}\r\n{\"n\":2}\r\n", {"1:1 /0 {\"n\":1}", "2:1 /1 {\"n\":2}"}},
      {"a byte order mark", "\xEF\xBB\xBF{\"n\":1}\n{\"n\":2}\n", {"1:1 /0 {\"n\":1}", "2:1 /1 {\"n\":2}"}},
      {"blank lines", "\n\n{\"n\":1}\n\n   \n\t\r\n{\"n\":2}\n\n", {"3:1 /0 {\"n\":1}", "7:1 /1 {\"n\":2}"}},
      {"a JSON array", "[{\"n\":1},\n {\"n\":2}]\n", {"1:2 /0 {\"n\":1}", "2:2 /1 {\"n\":2}"}},
      {"a JSON array with a byte order mark", "\xEF\xBB\xBF[{\"n\":1}, {\"n\":2}]", {"1:2 /0 {\"n\":1}", "1:11 /1 {\"n\":2}"}},
      {"a JSON array, pretty-printed", "  \n[\n{\n  \"n\": 1\n},\n{\n  \"n\": 2\n}\n]\n",
       {"3:1 /0 {\"n\":1}", "6:1 /1 {\"n\":2}"}},
      {"an empty JSON array", " [ ] \n", {}},
      {"nothing", "", {}},
      {"blank", " \n\r\n", {}},
      {"pretty-printed objects one after another", "{\n  \"n\": 1,\n  \"o\": {\n    \"p\": [1, 2]\n  }\n}\n{\n  \"n\": 2\n}\n",
       {"1:1 /0 {\"n\":1,\"o\":{\"p\":[1,2]}}", "7:1 /1 {\"n\":2}"}},
      {"a single pretty-printed object", "{\n  \"n\": 1,\n  \"o\": {\n    \"p\": 2\n  }\n}",
       {"1:1 /0 {\"n\":1,\"o\":{\"p\":2}}"}},
      {"strings holding brackets, quotes and escapes", "{\"s\":\"}]{[\\\"\\\\\"}\n{\"n\":2}\n",
       {"1:1 /0 {\"s\":\"}]{[\\\"\\\\\"}", "2:1 /1 {\"n\":2}"}},
      {"values that are not objects (the caller judges them)", "[1, \"x\", null]",
       {"1:2 /0 1", "1:5 /1 \"x\"", "1:10 /2 null"}},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const Read read = read_all(c.input);
    CHECK(read.statements == c.statements);
    CHECK(read.problems.empty());
  }
}

TEST_CASE("problems are located with whole messages; JSON lines go on with the next line") {
  struct Case {
    const char* name;
    std::string input;
    Lines statements;
    Lines problems;
  };
  const Case cases[] = {
      {"a broken line", "{\"n\":1}\n{oops\n{\"n\":3}\n", {"1:1 /0 {\"n\":1}", "3:1 /2 {\"n\":3}"},
       {"in.json:2:1: /1: not a JSON statement"}},
      {"a line cut in a string", "{\"n\":\"x}\n{\"n\":2}\n", {"2:1 /1 {\"n\":2}"},
       {"in.json:1:1: /0: not a JSON statement"}},
      {"a line with an unbalanced bracket", "{\"n\":[1}\n{\"n\":2}\n", {"2:1 /1 {\"n\":2}"},
       {"in.json:1:1: /0: not a JSON statement"}},
      {"text after a statement on its line", "{\"s\":\"é\"} x\n{\"n\":2}\n", {"1:1 /0 {\"s\":\"é\"}", "2:1 /2 {\"n\":2}"},
       {"in.json:1:11: /1: not a JSON statement"}},  // columns count characters, not bytes
      {"an array not closed", "[{\"n\":1},\n{\"n\":2},\n", {"1:2 /0 {\"n\":1}", "2:1 /1 {\"n\":2}"},
       {"in.json:3:1: the JSON array of statements is not closed"}},
      {"an array cut after a statement", "[{\"n\":1}", {}, {"in.json:1:9: /0: expected ',' or ']' after a statement"}},
      {"an array cut inside a statement", "[{\"n\":1},\n{\"n\":", {"1:2 /0 {\"n\":1}"},
       {"in.json:2:1: /1: not a valid JSON array of statements"}},
      {"an array missing a comma", "[{\"n\":1} {\"n\":2}]", {}, {"in.json:1:10: /0: expected ',' or ']' after a statement"}},
      {"text after the array", "[{\"n\":1}]\n{\"n\":2}\n", {"1:2 /0 {\"n\":1}"},
       {"in.json:2:1: text after the JSON array of statements"}},
      {"text after an empty array", "[]\n{\"n\":2}\n", {}, {"in.json:2:1: text after the JSON array of statements"}},
      {"a broken byte order mark", "\xEF\xBB{\"n\":1}", {}, {"in.json:1:1: not UTF-8 text"}},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const Read read = read_all(c.input);
    CHECK(read.statements == c.statements);
    CHECK(read.problems == c.problems);
  }
}

TEST_CASE("nesting is bounded before any parse, whatever the depth") {
  const auto nested = [](int depth) { return std::string(depth, '[') + std::string(depth, ']'); };
  const std::string deepest = "{\"n\":" + nested(kMaxStatementDepth - 1) + "}";
  const std::string too_deep = "{\"n\":" + nested(kMaxStatementDepth) + "}";
  struct Case {
    const char* name;
    std::string input;
    std::size_t statements;
    Lines problems;
  };
  const Case cases[] = {
      {"at the limit, in JSON lines", deepest + "\n{\"n\":2}\n", 2, {}},
      {"at the limit, in an array", "[" + deepest + "]", 1, {}},
      {"one level more, in JSON lines", too_deep + "\n{\"n\":2}\n", 1, {"in.json:1:1: /0: nested more than 64 levels deep"}},
      {"one level more, in an array", "[" + too_deep + "]", 0, {"in.json:1:2: /0: nested more than 64 levels deep"}},
      {"100000 levels, in JSON lines", "{\"n\":" + nested(100000) + "}\n{\"n\":2}\n", 1,
       {"in.json:1:1: /0: nested more than 64 levels deep"}},
      {"100000 levels, in an array", "[" + nested(100000) + "]", 0, {"in.json:1:2: /0: nested more than 64 levels deep"}},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const Read read = read_all(c.input);
    CHECK(read.statements.size() == c.statements);
    CHECK(read.problems == c.problems);
  }
  const Read after = read_all(too_deep + "\n{\"n\":2}\n");
  CHECK(after.statements == Lines{"2:1 /1 {\"n\":2}"});
}

TEST_CASE("a statement larger than the limit is refused, and reading goes on") {
  const std::string huge = "{\"s\":\"" + std::string(kMaxStatementBytes, 'x') + "\"}";
  const Read read = read_all(huge + "\n{\"n\":2}\n", "big.jsonl");
  CHECK(read.problems == Lines{"big.jsonl:1:1: /0: a statement larger than 16 MB"});
  CHECK(read.statements == Lines{"2:1 /1 {\"n\":2}"});
}

}  // namespace
}  // namespace coursepack::lrs
