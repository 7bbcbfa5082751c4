#pragma once
// An HttpTransport that answers Moodle web-service calls from the recorded fixtures
// (tests/moodle/fixtures/requests.tsv: file, method, function, form body as sent, ...),
// matched by the form body without its wstoken. Unrecorded calls get an HTML 404 page,
// as a web server would.

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "coursepack/lrs/http_transport.h"

namespace coursepack::moodle::testing {

inline std::string fixtures_dir() { return std::string(COURSEPACK_SOURCE_DIR) + "/tests/moodle/fixtures/"; }

inline std::string read_fixture(const std::string& name) {
  std::ifstream in(fixtures_dir() + name, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The body without "wstoken=...&" (wherever it is).
inline std::string without_token(const std::string& body) {
  std::string out;
  std::stringstream parts(body);
  for (std::string part; std::getline(parts, part, '&');)
    if (!part.starts_with("wstoken=")) out += (out.empty() ? "" : "&") + part;
  return out;
}

class FixtureTransport : public lrs::HttpTransport {
 public:
  FixtureTransport() {
    std::ifstream index(fixtures_dir() + "requests.tsv");
    std::string line;
    std::getline(index, line);  // header
    while (std::getline(index, line)) {
      std::vector<std::string> cells;
      std::stringstream row(line);
      for (std::string cell; std::getline(row, cell, '\t');) cells.push_back(cell);
      // Only the reporter's successful recordings; error files are served on demand.
      if (cells.size() >= 6 && cells[1] == "POST" && cells[5] == "reporter" && !cells[0].starts_with("error."))
        files[without_token(cells[3])] = cells[0];
    }
  }

  std::map<std::string, std::string> files;      // form body without token -> fixture file
  std::map<std::string, lrs::HttpResponse> by_function;  // wsfunction -> forced answer
  std::vector<lrs::HttpRequest> requests;

  lrs::HttpResponse send(const lrs::HttpRequest& request) override {
    requests.push_back(request);
    const std::string key = without_token(request.body);
    const auto function_at = key.find("wsfunction=");
    const std::string function = key.substr(function_at + 11, key.find('&', function_at) - function_at - 11);
    if (auto forced = by_function.find(function); forced != by_function.end()) return forced->second;
    if (auto it = files.find(key); it != files.end()) return {200, {{"content-type", "application/json"}}, read_fixture(it->second), {}};
    return {404, {{"content-type", "text/html"}}, "<!DOCTYPE html><html><body>Not found</body></html>", {}};
  }
};

}  // namespace coursepack::moodle::testing
