#include "coursepack/lrs/statement_sender.h"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "coursepack/core/json_index.h"

namespace coursepack::lrs {
namespace {

std::uint64_t fnv64(const std::string& text, std::uint64_t basis) {
  std::uint64_t hash = basis;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

std::string hex64(std::uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
  return text;
}

// A UUID (RFC 9562 version 8, "custom") from the input digest and the statement's place:
// the same input always gives the same ids.
std::string derived_uuid(const std::string& digest, std::size_t index) {
  const std::string name = digest + ":" + std::to_string(index);
  std::string hex = hex64(fnv64(name, 14695981039346656037ull)) + hex64(fnv64(name, 0x9E3779B97F4A7C15ull));
  hex[12] = '8';                                                       // version 8
  hex[16] = "89ab"[std::stoi(hex.substr(16, 1), nullptr, 16) & 3];  // variant 10xx
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
         hex.substr(20, 12);
}

bool is_uuid(const std::string& text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (text[i] == '-')) return false;
    if (!dash && !std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

}  // namespace

ParsedStatements parse_statements(const std::string& text, const std::string& file) {
  ParsedStatements parsed;
  parsed.digest = hex64(fnv64(text, 14695981039346656037ull)) + hex64(fnv64(text, 0x9E3779B97F4A7C15ull));
  const auto report = [&](TextPosition at, const std::string& pointer, const std::string& message) {
    parsed.diagnostics.push_back({file, at, pointer, message});
  };
  const auto add = [&](nlohmann::json statement, TextPosition at, const std::string& pointer) {
    if (!statement.is_object()) return report(at, pointer, "a statement must be a JSON object");
    if (!statement.contains("id")) {
      statement["id"] = derived_uuid(parsed.digest, parsed.statements.size());
    } else if (!statement["id"].is_string() || !is_uuid(statement["id"])) {
      return report(at, pointer + "/id", "a statement id must be a UUID");
    }
    parsed.statements.push_back({statement["id"].get<std::string>(), statement.dump()});
  };

  const auto first = text.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && text[first] == '[') {
    const auto doc = nlohmann::json::parse(text, nullptr, false);
    const JsonIndex index = JsonIndex::scan(text);
    if (doc.is_discarded()) {
      report(position_of_offset(text, first), index.error_pointer(), "not a valid JSON array of statements");
      return parsed;
    }
    for (std::size_t i = 0; i < doc.size(); ++i) {
      const std::string pointer = "/" + std::to_string(i);
      add(doc[i], index.value_position(pointer), pointer);
    }
    return parsed;
  }
  // JSON lines: one statement per line; the pointer is the statement's number. Lines are
  // counted as they go (recounting from the start for each would be quadratic).
  std::size_t start = 0, number = 0;
  int line_number = 1;
  for (; start < text.size(); ++line_number) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    if (line.find_first_not_of(" \t\r") != std::string::npos) {
      const auto doc = nlohmann::json::parse(line, nullptr, false);
      const std::string pointer = "/" + std::to_string(number);
      if (doc.is_discarded())
        report({line_number, 1}, pointer, "not a JSON statement");
      else
        add(doc, {line_number, 1}, pointer);
      ++number;
    }
    start = end + 1;
  }
  return parsed;
}

namespace {

class Sender {
 public:
  Sender(StatementQueue& queue, LrsClient& client) : queue_(queue), client_(client) {}

  // Sends `batch`; on a refusal that names no statement, halves it to find the culprits.
  bool send(const std::vector<QueuedStatement>& batch, SendReport& report) {
    std::vector<std::string> bodies, ids;
    for (const auto& s : batch) {
      bodies.push_back(s.json);
      ids.push_back(s.id);
    }
    const PostResult result = client_.post_statements(bodies);
    switch (result.outcome) {
      case PostOutcome::stored:
        if (auto error = queue_.confirm(ids); !error.empty()) return stop(report, error);
        report.stored += batch.size();
        return true;
      case PostOutcome::other:
        // 413 (too large) is about the batch: split it. Anything else (404 from a wrong
        // endpoint path, a redirect...) says nothing about the statements: stop, keep them.
        if (result.status != 413)
          return stop(report, "the LRS at " + client_.config().endpoint + " answered HTTP " +
                                  std::to_string(result.status) + " (" + result.message.substr(0, 200) +
                                  "): is the endpoint right?");
        [[fallthrough]];
      case PostOutcome::conflict:
      case PostOutcome::bad_request:
        if (batch.size() > 1) {
          const auto middle = batch.begin() + static_cast<std::ptrdiff_t>(batch.size() / 2);
          return send({batch.begin(), middle}, report) && send({middle, batch.end()}, report);
        }
        report.refused.push_back("statement " + batch[0].id + ": HTTP " + std::to_string(result.status) +
                                 (result.outcome == PostOutcome::conflict ? " conflict" : "") + ": " + result.message +
                                 "\n  " + batch[0].json);
        if (auto error = queue_.reject(batch[0], result.status, result.message); !error.empty())
          return stop(report, error);
        return true;
      case PostOutcome::unauthorized:
        return stop(report, "the LRS refused the credentials from " + client_.config().source + " (HTTP " +
                                std::to_string(result.status) + ": " + result.message + ")");
      case PostOutcome::gave_up:
        return stop(report, "the LRS at " + client_.config().endpoint + " still fails after " +
                                std::to_string(result.attempts) + " attempts (" +
                                (result.status ? "HTTP " + std::to_string(result.status) + ": " : "") + result.message +
                                ")");
    }
    return true;
  }

 private:
  static bool stop(SendReport& report, std::string why) {
    report.fatal = std::move(why);
    return false;
  }

  StatementQueue& queue_;
  LrsClient& client_;
};

}  // namespace

SendReport send_pending(StatementQueue& queue, LrsClient& client, std::size_t batch_size,
                        const std::function<void(std::size_t stored, std::size_t total)>& progress) {
  SendReport report;
  const auto pending = queue.pending();
  Sender sender(queue, client);
  for (std::size_t start = 0; start < pending.size(); start += batch_size) {
    const auto end = std::min(pending.size(), start + batch_size);
    if (!sender.send({pending.begin() + static_cast<std::ptrdiff_t>(start), pending.begin() + static_cast<std::ptrdiff_t>(end)},
                     report))
      return report;
    if (progress) progress(end, pending.size());
  }
  if (auto error = queue.compact(); !error.empty()) report.fatal = error;
  return report;
}

}  // namespace coursepack::lrs
