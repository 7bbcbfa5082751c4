#pragma once
// A scripted HttpTransport (answers in order, records every request) and scripted client
// hooks (a clock that moves only when the client sleeps, a fixed chance, the notes).

#include <deque>
#include <string>
#include <vector>

#include "coursepack/lrs/http_transport.h"
#include "coursepack/lrs/lrs_client.h"
#include "coursepack/lrs/lrs_config.h"

namespace coursepack::lrs::testing {

class FakeTransport : public HttpTransport {
 public:
  std::deque<HttpResponse> answers;
  std::vector<HttpRequest> requests;
  /// When the script runs out: answer this (default: 200 "[]").
  HttpResponse otherwise{200, {}, "[]", {}};

  HttpResponse send(const HttpRequest& request) override {
    requests.push_back(request);
    if (answers.empty()) return otherwise;
    HttpResponse answer = answers.front();
    answers.pop_front();
    return answer;
  }
};

inline LrsConfig test_config() { return {"https://lrs.example.org/xAPI/", "key", "secret", "test"}; }

/// Sleeping moves `clock` on; nothing waits.
struct ScriptedHooks {
  std::vector<double> sleeps;
  std::vector<std::string> notes;
  double chance = 0.5;
  double clock = 1000;

  ClientHooks hooks() {
    return {[this](double seconds) {
              sleeps.push_back(seconds);
              clock += seconds;
            },
            [this] { return chance; }, [this] { return clock; },
            [this](const std::string& note) { notes.push_back(note); }};
  }
};

}  // namespace coursepack::lrs::testing
