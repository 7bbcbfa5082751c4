#include "coursepack/lrs/statement_reader.h"

namespace coursepack::lrs {

StatementReader::StatementReader(std::istream& in, std::string file) : in_(in), file_(std::move(file)) {}

// The stream buffer directly: istream::get() builds a sentry per character, which made
// reading a gigabyte several times slower than parsing it.
int StatementReader::get() {
  const int c = in_.rdbuf()->sbumpc();
  if (c == std::char_traits<char>::eof()) return -1;
  if (c == '\n') {
    ++line_;
    column_ = 1;
  } else if ((c & 0xC0) != 0x80) {
    ++column_;  // columns count characters, not UTF-8 continuation bytes
  }
  return c;
}

int StatementReader::peek() {
  const int c = in_.rdbuf()->sgetc();
  return c == std::char_traits<char>::eof() ? -1 : c;
}

void StatementReader::skip_space() {
  for (int c = peek(); c == ' ' || c == '\t' || c == '\r' || c == '\n'; c = peek()) get();
}

void StatementReader::skip_to_next_line() {
  for (int c = get(); c != -1 && c != '\n'; c = get()) {
  }
}

void StatementReader::report(std::vector<Diagnostic>& problems, TextPosition at, std::string pointer,
                             std::string message) {
  keep_diagnostic(problems, {file_, at, std::move(pointer), std::move(message)});
}

// Copies one JSON value's text, tracking strings and nesting so that it knows where the
// value ends without parsing it; the parse happens on that one value, within bounds.
StatementReader::Scan StatementReader::read_value(std::string& text, std::vector<Diagnostic>& problems) {
  const TextPosition start{line_, column_};
  const std::string pointer = "/" + std::to_string(count_);
  text.clear();
  int depth = 0;
  bool in_string = false, escaped = false;
  for (int c = peek(); c != -1; c = peek()) {
    if (!in_string && depth == 0 && !text.empty() && (c == ',' || c == ']' || c == '\n' || c == ' ' || c == '\t' || c == '\r'))
      return Scan::value;  // the end of a scalar
    // Statements one after another: a "{" opening a line while a value is still open
    // starts the next statement (nested objects are indented), so one broken line costs
    // one statement, not the rest of the file.
    if (shape_ == Shape::sequence && depth > 0 && !in_string && column_ == 1 && c == '{') return Scan::broken_here;
    get();
    // JSON strings hold no raw line break: this line is broken, the next one starts clean.
    if (shape_ == Shape::sequence && in_string && c == '\n') return Scan::broken_here;
    text += static_cast<char>(c);
    if (text.size() > kMaxStatementBytes) {
      report(problems, start, pointer, "a statement larger than " + std::to_string(kMaxStatementBytes >> 20) + " MB");
      return Scan::broken;
    }
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > kMaxStatementDepth) {
        report(problems, start, pointer, "nested more than " + std::to_string(kMaxStatementDepth) + " levels deep");
        return Scan::broken;
      }
    } else if (c == '}' || c == ']') {
      if (--depth <= 0) return Scan::value;
    }
  }
  return !in_string && depth == 0 && !text.empty() ? Scan::value : Scan::broken_here;
}

std::optional<ReadStatement> StatementReader::next(std::vector<Diagnostic>& problems) {
  std::string text;
  while (shape_ != Shape::done) {
    if (shape_ == Shape::unknown) {
      // A byte order mark is allowed before the first value (RFC 8259 section 8.1).
      if (peek() == 0xEF) {
        get();
        if (get() != 0xBB || get() != 0xBF) {
          report(problems, {1, 1}, "", "not UTF-8 text");
          shape_ = Shape::done;
          break;
        }
        column_ = 1;
      }
      skip_space();
      if (peek() == '[') {
        get();
        shape_ = Shape::array;
        skip_space();
        if (peek() == ']') {
          get();
          shape_ = Shape::done;
          skip_space();
          if (peek() != -1) report(problems, {line_, column_}, "", "text after the JSON array of statements");
        }
        continue;
      }
      shape_ = Shape::sequence;
    }
    skip_space();
    if (peek() == -1) {
      if (shape_ == Shape::array) report(problems, {line_, column_}, "", "the JSON array of statements is not closed");
      shape_ = Shape::done;
      break;
    }
    const TextPosition at{line_, column_};
    const std::string pointer = "/" + std::to_string(count_);
    const std::size_t problems_before = problems.size();
    const Scan scan = read_value(text, problems);
    const bool complete = scan == Scan::value;
    ++count_;
    if (shape_ == Shape::array) {
      skip_space();
      const TextPosition separator_at{line_, column_};
      const int separator = get();
      if (!complete || (separator != ',' && separator != ']')) {
        if (complete) report(problems, separator_at, pointer, "expected ',' or ']' after a statement");
        else if (problems.size() == problems_before)
          report(problems, at, pointer, "not a valid JSON array of statements");
        shape_ = Shape::done;  // no safe place to start again inside an array
        break;
      }
      if (separator == ']') {
        shape_ = Shape::done;
        skip_space();
        if (peek() != -1) report(problems, {line_, column_}, "", "text after the JSON array of statements");
      }
    } else if (!complete) {
      if (problems.size() == problems_before) report(problems, at, pointer, "not a JSON statement");
      if (scan == Scan::broken) skip_to_next_line();
      continue;
    }
    auto statement = nlohmann::json::parse(text, nullptr, false);
    if (statement.is_discarded()) {
      report(problems, at, pointer, "not a JSON statement");
      if (shape_ == Shape::sequence) skip_to_next_line();
      continue;
    }
    return ReadStatement{std::move(statement), at, pointer};
  }
  return std::nullopt;
}

}  // namespace coursepack::lrs
