#pragma once
// An xAPI 1.0.3 client (xAPI-Communication.md): statements in batches, retried with
// exponential backoff and jitter on network errors, 5xx and 429 (honouring Retry-After);
// 409 and 400 are answers, not accidents, and are never retried.

#include <functional>
#include <string>
#include <vector>

#include "coursepack/lrs/http_transport.h"
#include "coursepack/lrs/lrs_config.h"

namespace coursepack::lrs {

struct RetryPolicy {
  int max_attempts = 10;
  double first_delay_seconds = 0.5;
  double max_delay_seconds = 30;
};

/// Time and chance, passed in so that tests neither wait nor guess.
struct ClientHooks {
  std::function<void(double seconds)> sleep;
  std::function<double()> random;  // uniform in [0, 1)
};

enum class PostOutcome {
  stored,        // 200/204: the LRS has every statement of the batch
  conflict,      // 409: a statement id the LRS knows with other content
  bad_request,   // 400: the LRS refused the batch (one statement or more is invalid)
  unauthorized,  // 401/403: credentials refused
  gave_up,       // still failing after every attempt (network, 5xx, 429)
  other,         // any other status
};

struct PostResult {
  PostOutcome outcome = PostOutcome::gave_up;
  int status = 0;
  std::string message;  // the LRS's answer or the network error
  int attempts = 0;
};

struct AboutResult {
  std::vector<std::string> versions;
  std::string error;
};

struct PageResult {
  std::vector<std::string> statements;  // each compact JSON
  std::string more;                     // next page URL (absolute), empty at the end
  std::string error;
};

class LrsClient {
 public:
  LrsClient(LrsConfig config, HttpTransport& transport, ClientHooks hooks, RetryPolicy policy = {});

  /// GET about: the xAPI versions the LRS speaks.
  AboutResult about();
  /// POST statements (each a JSON object text) as one batch.
  PostResult post_statements(const std::vector<std::string>& statements);
  /// GET statements with `query` (already URL-encoded, without "?"), or a `more` URL.
  PageResult get_statements(const std::string& query_or_more_url);

  const LrsConfig& config() const { return config_; }

 private:
  HttpResponse send_with_retries(HttpRequest request, int& attempts);
  std::string more_url(const std::string& more) const;

  LrsConfig config_;
  HttpTransport& transport_;
  ClientHooks hooks_;
  RetryPolicy policy_;
};

/// Percent-encodes a URL query value (RFC 3986 unreserved characters stay).
std::string url_encode(const std::string& text);
/// Decodes %XX (and nothing else: "+" stays "+", as xAPI timestamps need).
std::string url_decode(const std::string& text);

}  // namespace coursepack::lrs
