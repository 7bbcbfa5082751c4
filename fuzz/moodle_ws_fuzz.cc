// Moodle's web-service answers (src/moodle): what a site, or anything posing as one,
// answers to `coursepack moodle sync`, read by read_results and turned into statements by
// sync_statements against the SETS courses the recorded answers were made from
// (tests/moodle/courses).
// Input: a first byte (low bit set: read course 3, as the recordings did; clear: every
// course the site lists), then answers separated by NUL, each "REQUEST\nBODY": REQUEST is
// the form body the client posts without its wstoken (tests/moodle/fixtures/requests.tsv),
// BODY what the site answers with HTTP 200. A request no answer names gets a web server's
// HTML 404 page. Nothing may crash, leak or hang; errors are the reader's to report.

#include <algorithm>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "coursepack/moodle/attempt_statements.h"
#include "coursepack/moodle/results_reader.h"
#include "../tests/moodle/test_courses.h"  // recorded_courses(), as the moodle tests read them
#include "fuzz_input.h"

namespace {

using namespace coursepack;

class AnswerTransport : public lrs::HttpTransport {
 public:
  explicit AnswerTransport(std::string_view answers) {
    while (!answers.empty()) {
      const std::size_t end = std::min(answers.find('\0'), answers.size());
      const std::string_view record = answers.substr(0, end);
      const std::size_t line = std::min(record.find('\n'), record.size());
      by_request_.emplace(std::string(record.substr(0, line)),
                          std::string(line < record.size() ? record.substr(line + 1) : std::string_view()));
      answers.remove_prefix(std::min(end + 1, answers.size()));
    }
  }

  lrs::HttpResponse send(const lrs::HttpRequest& request) override {
    std::string key;  // the body without "wstoken=...", as requests.tsv names requests
    std::size_t start = 0;
    while (start <= request.body.size()) {
      const std::size_t end = std::min(request.body.find('&', start), request.body.size());
      const std::string_view part = std::string_view(request.body).substr(start, end - start);
      if (!part.starts_with("wstoken=")) key += (key.empty() ? "" : "&") + std::string(part);
      start = end + 1;
    }
    if (auto it = by_request_.find(key); it != by_request_.end())
      return {200, {{"content-type", "application/json"}}, it->second, {}};
    return {404, {{"content-type", "text/html"}}, "<!DOCTYPE html><html><body>Not found</body></html>", {}};
  }

 private:
  std::map<std::string, std::string> by_request_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::vector<Course>& courses = moodle::testing::recorded_courses();
  if (courses.empty()) std::abort();  // the recorded courses must load, or nothing past the reader is fuzzed
  AnswerTransport transport(coursepack::fuzz::as_text(data + 1, size - 1));
  moodle::WsClient client({"http://127.0.0.1:8088", "0123456789abcdef0123456789abcdef", "fuzz"}, transport);
  const std::vector<std::int64_t> course_ids = data[0] & 1 ? std::vector<std::int64_t>{3} : std::vector<std::int64_t>{};
  const moodle::ReadResult read = moodle::read_results(client, course_ids);
  if (!read.error.empty()) return 0;
  for (bool mbox : {false, true}) (void)moodle::sync_statements(courses, read.results, {mbox});
  return 0;
}
