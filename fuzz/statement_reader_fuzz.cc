// Statement input parsing: a statements file in (a JSON array, JSON lines or objects one
// after another), statements and located problems out (src/lrs/statement_reader.cc), then
// what `coursepack lrs send` derives from each: canonical text, ids and queue keys
// (src/lrs/statement_identity.cc).

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "coursepack/lrs/statement_identity.h"
#include "coursepack/lrs/statement_reader.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in{std::string(coursepack::fuzz::as_text(data, size))};
  coursepack::lrs::StatementReader reader(in, "statements.json");
  std::vector<coursepack::Diagnostic> problems;
  // Every call reads at least a byte or ends: a bound well past the input's size
  // catches a reader that stops advancing.
  for (std::size_t calls = 0; calls <= size + 1; ++calls) {
    const auto read = reader.next(problems);
    if (!read) {
      for (const auto& problem : problems) (void)problem.to_string();
      return 0;
    }
    const nlohmann::json& statement = read->statement;
    const std::string text = coursepack::lrs::canonical(statement);
    std::string id;
    if (statement.is_object()) {
      const auto found = statement.find("id");
      if (found != statement.end() && found->is_string()) id = found->get<std::string>();
    }
    if (coursepack::lrs::is_uuid(id)) {
      (void)coursepack::lrs::uuid_bytes(id);
    } else if (statement.is_object()) {
      nlohmann::json without_id = statement;
      without_id.erase("id");
      id = coursepack::lrs::derived_id(without_id);
    }
    (void)coursepack::lrs::statement_key(id, text);
  }
  std::fprintf(stderr, "statement_reader_fuzz: the reader does not reach the end of the input\n");
  std::abort();
}
