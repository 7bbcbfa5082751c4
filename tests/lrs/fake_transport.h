#pragma once
// A scripted HttpTransport: answers in order, records every request.

#include <deque>
#include <vector>

#include "coursepack/lrs/http_transport.h"

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

}  // namespace coursepack::lrs::testing
