#include "coursepack/lrs/lrs_client.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "coursepack/lrs/url.h"

namespace coursepack::lrs {
namespace {

// xAPI-Communication.md 3.3: every request states the version, or the LRS answers 400.
constexpr const char* kVersion = "1.0.3";

bool retryable(const HttpResponse& response) {
  return (response.status == 0 && !response.permanent) || response.status == 429 || response.status >= 500;
}

// "Retry-After: 3" (seconds); the HTTP-date form is treated as absent.
double retry_after(const HttpResponse& response) {
  auto it = response.headers.find("retry-after");
  if (it == response.headers.end() || it->second.empty()) return -1;
  char* end = nullptr;
  const double seconds = std::strtod(it->second.c_str(), &end);
  return end && *end == '\0' && seconds >= 0 ? seconds : -1;
}

// The LRS's explanation: its "message" field when it sends JSON, else the body itself,
// cut short (an answer may quote a whole statement back).
std::string message_of(const HttpResponse& response) {
  if (response.status == 0) return response.error;
  const auto doc = nlohmann::json::parse(response.body, nullptr, false);
  std::string text = response.body;
  if (!doc.is_discarded() && doc.is_object()) {
    if (doc.contains("message") && doc["message"].is_string())
      text = doc["message"].get<std::string>();
    else if (doc.contains("warnings"))
      text = doc["warnings"].dump();
  }
  if (text.size() > 300) text = text.substr(0, 300) + "...";
  return text.empty() ? "HTTP " + std::to_string(response.status) : text;
}

std::string seconds_text(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, seconds < 10 ? "%.1f s" : "%.0f s", seconds);
  return text;
}

}  // namespace

LrsClient::LrsClient(LrsConfig config, HttpTransport& transport, ClientHooks hooks, RetryPolicy policy)
    : config_(std::move(config)), transport_(transport), hooks_(std::move(hooks)), policy_(policy) {
  if (hooks_.now) started_ = hooks_.now();
}

std::string LrsClient::endpoint_for_messages() const { return without_userinfo(config_.endpoint); }

std::string LrsClient::failure(const std::string& method, const std::string& url, const HttpResponse& response) const {
  return method + " " + without_userinfo(url) + ": " +
         (response.status ? "HTTP " + std::to_string(response.status) + ": " : "") + message_of(response);
}

HttpResponse LrsClient::send_with_retries(HttpRequest request, int& attempts) {
  request.headers["X-Experience-API-Version"] = kVersion;
  request.headers["Authorization"] = config_.authorization();
  const bool has_deadline = policy_.deadline_seconds > 0 && hooks_.now;
  const double deadline = started_ + policy_.deadline_seconds;
  HttpResponse response;
  deadline_reached_ = false;
  for (attempts = 1;; ++attempts) {
    if (has_deadline) {
      const double remaining = deadline - hooks_.now();
      if (remaining <= 0) {
        response = {};
        response.error = "the deadline of " + seconds_text(policy_.deadline_seconds) + " has passed";
        deadline_reached_ = true;
        --attempts;  // this one was not made
        return response;
      }
      request.timeout_seconds = remaining;
    }
    response = transport_.send(request);
    if (!retryable(response) || attempts >= policy_.max_attempts) return response;
    // Exponential backoff with "equal jitter": half fixed, half random, so that many
    // clients retrying at once spread out. The LRS's Retry-After wins when it asks for
    // longer, up to a cap: an hour-long Retry-After should not silently hold a run.
    double delay = std::min(policy_.max_delay_seconds, policy_.first_delay_seconds * std::pow(2.0, attempts - 1));
    delay = delay / 2 + delay / 2 * hooks_.random();
    if (const double asked = retry_after(response); asked >= 0)
      delay = std::max(delay, std::min(asked, policy_.max_retry_after_seconds));
    const std::string what = response.status ? "HTTP " + std::to_string(response.status) : response.error;
    if (has_deadline && hooks_.now() + delay >= deadline) {
      response.error = what + "; the deadline of " + seconds_text(policy_.deadline_seconds) + " comes before the next try";
      response.status = 0;
      deadline_reached_ = true;
      return response;
    }
    if (hooks_.notify)
      hooks_.notify(url_origin(request.url) + ": " + what + " (attempt " + std::to_string(attempts) + " of " +
                    std::to_string(policy_.max_attempts) + "); trying again in " + seconds_text(delay));
    hooks_.sleep(delay);
  }
}

AboutResult LrsClient::about() {
  AboutResult result;
  int attempts = 0;
  const std::string url = config_.endpoint + "about";
  const HttpResponse response = send_with_retries({"GET", url, {}, {}}, attempts);
  if (response.status != 200) {
    result.error = failure("GET", url, response);
    return result;
  }
  const auto doc = nlohmann::json::parse(response.body, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("version") || !doc["version"].is_array()) {
    result.error = "GET " + without_userinfo(url) + ": the answer has no version list";
    return result;
  }
  for (const auto& version : doc["version"])
    if (version.is_string()) result.versions.push_back(version);
  return result;
}

CredentialsCheck LrsClient::check_credentials() {
  CredentialsCheck check;
  int attempts = 0;
  const std::string url = config_.endpoint + "statements?limit=1";
  const HttpResponse response = send_with_retries({"GET", url, {}, {}}, attempts);
  if (response.status == 200) {
    check.accepted = check.can_read = true;
  } else if (response.status == 403) {
    check.accepted = true;  // signed in, but this key may only write (a common LRS setup)
  } else {
    check.error = response.status == 401 ? "the LRS refused the credentials from " + config_.source + " (HTTP 401)"
                                         : failure("GET", url, response);
  }
  return check;
}

PostResult LrsClient::post_statements(const std::vector<std::string>& statements) {
  std::string body = "[";
  for (std::size_t i = 0; i < statements.size(); ++i) {
    if (i) body += ',';
    body += statements[i];
  }
  body += "]";
  PostResult result;
  const HttpResponse response = send_with_retries(
      {"POST", config_.endpoint + "statements", {{"Content-Type", "application/json"}}, std::move(body)}, result.attempts);
  result.status = response.status;
  result.deadline = deadline_reached_;
  if (response.status == 200 || response.status == 204) {
    result.outcome = PostOutcome::stored;
    return result;
  }
  result.message = message_of(response);
  switch (response.status) {
    case 409: result.outcome = PostOutcome::conflict; break;
    case 400: result.outcome = PostOutcome::bad_request; break;
    case 413: result.outcome = PostOutcome::too_large; break;
    case 401:
    case 403: result.outcome = PostOutcome::unauthorized; break;
    case 404: result.outcome = PostOutcome::unreachable; break;
    default:
      result.outcome = response.status == 0 && response.permanent ? PostOutcome::unreachable
                       : retryable(response)                      ? PostOutcome::gave_up
                                                                  : PostOutcome::other;
  }
  return result;
}

std::string LrsClient::more_url(const std::string& more, std::string& error) const {
  // `more` is relative to the LRS's origin (xAPI-Communication.md 2.1.3). An absolute one
  // is followed only on the endpoint's own origin: the credentials go with every request.
  std::string url = more;
  if (more.starts_with("/")) {
    url = url_origin(config_.endpoint) + more;
  } else if (url_origin(more).empty() || url_origin(more) != url_origin(config_.endpoint)) {
    error = "the LRS's next-page link leads to " + (url_origin(more).empty() ? std::string("\"") + more.substr(0, 100) + "\""
                                                                            : url_origin(more)) +
            ", not to " + url_origin(config_.endpoint) + ": not followed (the credentials would go there)";
    return {};
  }
  // Some LRSs put query values in it unencoded: decode and encode each again.
  const auto question = url.find('?');
  if (question == std::string::npos) return url;
  std::string rebuilt = url.substr(0, question + 1);
  const std::string query = url.substr(question + 1);
  std::size_t start = 0;
  while (start <= query.size()) {
    const auto end = std::min(query.find('&', start), query.size());
    const std::string pair = query.substr(start, end - start);
    const auto equals = pair.find('=');
    if (!pair.empty()) {
      if (rebuilt.back() != '?') rebuilt += '&';
      rebuilt += equals == std::string::npos
                     ? pair
                     : pair.substr(0, equals) + "=" + url_encode(url_decode(pair.substr(equals + 1)));
    }
    start = end + 1;
  }
  return rebuilt;
}

PageResult LrsClient::get_statements(const std::string& query_or_more_url) {
  PageResult page;
  const bool is_more = query_or_more_url.starts_with("/") || query_or_more_url.find("://") != std::string::npos;
  const std::string url =
      is_more ? more_url(query_or_more_url, page.error) : config_.endpoint + "statements?" + query_or_more_url;
  if (!page.error.empty()) return page;
  int attempts = 0;
  const HttpResponse response = send_with_retries({"GET", url, {}, {}}, attempts);
  if (response.status != 200) {
    page.error = failure("GET", url, response);
    return page;
  }
  const auto doc = nlohmann::json::parse(response.body, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("statements") || !doc["statements"].is_array()) {
    page.error = "GET " + without_userinfo(url) + ": the answer is not a StatementResult";
    return page;
  }
  for (const auto& statement : doc["statements"]) page.statements.push_back(statement.dump());
  if (doc.contains("more") && doc["more"].is_string()) page.more = doc["more"];
  return page;
}

FetchResult LrsClient::get_statement(const std::string& id) {
  FetchResult result;
  for (const char* parameter : {"statementId", "voidedStatementId"}) {
    int attempts = 0;
    const std::string url = config_.endpoint + "statements?" + parameter + "=" + url_encode(id);
    const HttpResponse response = send_with_retries({"GET", url, {}, {}}, attempts);
    result.status = response.status;
    if (response.status == 200) {
      const auto doc = nlohmann::json::parse(response.body, nullptr, false);
      if (doc.is_discarded() || !doc.is_object()) {
        result.error = "GET " + without_userinfo(url) + ": the answer is not a statement";
        result.status = 0;
      } else {
        result.statement = doc.dump();
      }
      return result;
    }
    if (response.status != 404) {
      result.error = failure("GET", url, response);
      return result;
    }
  }
  return result;
}

std::string url_encode(const std::string& text) {
  constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string url_decode(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace coursepack::lrs
