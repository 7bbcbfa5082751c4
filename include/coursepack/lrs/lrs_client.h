#pragma once
// An xAPI 1.0.3 client (xAPI-Communication.md). Failures are sorted as docs/lrs.md's
// retry table says: permanent ones (no such host, refused connection, TLS mismatch,
// 401/403/404) come back at once; transient ones (timeouts, dropped connections, 5xx,
// 429) are retried with capped exponential backoff and jitter, honouring a capped
// Retry-After, within an overall deadline. 400, 409 and 413 are answers about the
// statements, never retried.

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
  double max_retry_after_seconds = 300;  // a longer Retry-After is cut to this
  double deadline_seconds = 0;           // for the whole run; 0: none
};

/// Time, chance and the operator's screen, passed in so that tests neither wait nor guess.
struct ClientHooks {
  std::function<void(double seconds)> sleep;
  std::function<double()> random;         // uniform in [0, 1)
  std::function<double()> now;            // seconds, monotonic; may be empty (no deadline then)
  std::function<void(const std::string&)> notify;  // one line about a retry; may be empty
};

enum class PostOutcome {
  stored,        // 200/204: the LRS has every statement of the batch
  conflict,      // 409: a statement id the LRS knows (with other content, or the same)
  bad_request,   // 400: the LRS refused the batch (one statement or more is invalid)
  too_large,     // 413: the batch is too large
  unauthorized,  // 401/403: credentials refused
  unreachable,   // a permanent network error or 404: wrong endpoint, nothing to retry
  gave_up,       // still failing after every attempt, or the deadline came
  other,         // any other status
};

struct PostResult {
  PostOutcome outcome = PostOutcome::gave_up;
  int status = 0;
  std::string message;  // the LRS's answer or the network error
  int attempts = 0;
  bool deadline = false;  // gave up because the run's deadline came
};

struct AboutResult {
  std::vector<std::string> versions;
  std::string error;
};

struct CredentialsCheck {
  bool accepted = false;
  bool can_read = false;  // 403 on a read: accepted, but not allowed to read statements
  std::string error;
};

struct PageResult {
  std::vector<std::string> statements;  // each compact JSON
  std::string more;                     // next page URL (absolute), empty at the end
  std::string error;
};

struct FetchResult {
  int status = 0;     // 200: `statement` holds it; 404: the LRS has none under that id
  std::string statement;
  std::string error;  // when neither
};

class LrsClient {
 public:
  LrsClient(LrsConfig config, HttpTransport& transport, ClientHooks hooks, RetryPolicy policy = {});

  /// GET about: the xAPI versions the LRS speaks (needs no credentials).
  AboutResult about();
  /// GET statements?limit=1: are the credentials accepted?
  CredentialsCheck check_credentials();
  /// POST statements (each a JSON object text) as one batch.
  PostResult post_statements(const std::vector<std::string>& statements);
  /// GET statements with `query` (already URL-encoded, without "?"), or a `more` URL. A
  /// `more` that leads to another origin than the endpoint's is refused (the credentials
  /// would go with it).
  PageResult get_statements(const std::string& query_or_more_url);
  /// GET statements?statementId=ID (then voidedStatementId=ID).
  FetchResult get_statement(const std::string& id);

  const LrsConfig& config() const { return config_; }
  /// The endpoint as it may be printed.
  std::string endpoint_for_messages() const;

 private:
  HttpResponse send_with_retries(HttpRequest request, int& attempts);
  std::string more_url(const std::string& more, std::string& error) const;
  std::string failure(const std::string& method, const std::string& url, const HttpResponse& response) const;

  LrsConfig config_;
  HttpTransport& transport_;
  ClientHooks hooks_;
  RetryPolicy policy_;
  double started_ = 0;
  bool deadline_reached_ = false;  // set by the last send_with_retries
};

/// Percent-encodes a URL query value (RFC 3986 unreserved characters stay).
std::string url_encode(const std::string& text);
/// Decodes %XX (and nothing else: "+" stays "+", as xAPI timestamps need).
std::string url_decode(const std::string& text);

}  // namespace coursepack::lrs
