#include "coursepack/lrs/lrs_client.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <nlohmann/json.hpp>

namespace coursepack::lrs {
namespace {

// xAPI-Communication.md 3.3: every request states the version, or the LRS answers 400.
constexpr const char* kVersion = "1.0.3";

bool retryable(const HttpResponse& response) {
  return response.status == 0 || response.status == 429 || response.status >= 500;
}

// "Retry-After: 3" (seconds); the HTTP-date form is treated as absent.
double retry_after(const HttpResponse& response) {
  auto it = response.headers.find("retry-after");
  if (it == response.headers.end() || it->second.empty()) return -1;
  char* end = nullptr;
  const double seconds = std::strtod(it->second.c_str(), &end);
  return end && *end == '\0' && seconds >= 0 ? seconds : -1;
}

// The LRS's explanation: its "message" field when it sends JSON, else the body itself.
std::string message_of(const HttpResponse& response) {
  if (response.status == 0) return response.error;
  const auto doc = nlohmann::json::parse(response.body, nullptr, false);
  if (!doc.is_discarded() && doc.is_object()) {
    if (doc.contains("message") && doc["message"].is_string()) return doc["message"];
    if (doc.contains("warnings")) return doc["warnings"].dump();
  }
  std::string body = response.body.substr(0, 500);
  return body.empty() ? "HTTP " + std::to_string(response.status) : body;
}

}  // namespace

LrsClient::LrsClient(LrsConfig config, HttpTransport& transport, ClientHooks hooks, RetryPolicy policy)
    : config_(std::move(config)), transport_(transport), hooks_(std::move(hooks)), policy_(policy) {}

HttpResponse LrsClient::send_with_retries(HttpRequest request, int& attempts) {
  request.headers["X-Experience-API-Version"] = kVersion;
  request.headers["Authorization"] = config_.authorization();
  HttpResponse response;
  for (attempts = 1;; ++attempts) {
    response = transport_.send(request);
    if (!retryable(response) || attempts >= policy_.max_attempts) return response;
    // Exponential backoff with "equal jitter": half fixed, half random, so that many
    // clients retrying at once spread out; the LRS's Retry-After wins when it gives one.
    double delay = std::min(policy_.max_delay_seconds, policy_.first_delay_seconds * std::pow(2.0, attempts - 1));
    delay = delay / 2 + delay / 2 * hooks_.random();
    if (const double asked = retry_after(response); asked >= 0) delay = std::max(delay, asked);
    hooks_.sleep(delay);
  }
}

AboutResult LrsClient::about() {
  AboutResult result;
  int attempts = 0;
  const HttpResponse response = send_with_retries({"GET", config_.endpoint + "about", {}, {}}, attempts);
  if (response.status != 200) {
    result.error = "GET " + config_.endpoint + "about: " +
                   (response.status ? "HTTP " + std::to_string(response.status) + ": " : "") + message_of(response);
    return result;
  }
  const auto doc = nlohmann::json::parse(response.body, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("version") || !doc["version"].is_array()) {
    result.error = "GET " + config_.endpoint + "about: the answer has no version list";
    return result;
  }
  for (const auto& version : doc["version"])
    if (version.is_string()) result.versions.push_back(version);
  return result;
}

PostResult LrsClient::post_statements(const std::vector<std::string>& statements) {
  std::string body = "[";
  for (std::size_t i = 0; i < statements.size(); ++i) body += (i ? "," : "") + statements[i];
  body += "]";
  PostResult result;
  const HttpResponse response = send_with_retries(
      {"POST", config_.endpoint + "statements", {{"Content-Type", "application/json"}}, std::move(body)}, result.attempts);
  result.status = response.status;
  if (response.status == 200 || response.status == 204) {
    result.outcome = PostOutcome::stored;
    return result;
  }
  result.message = message_of(response);
  if (response.status == 409)
    result.outcome = PostOutcome::conflict;
  else if (response.status == 400)
    result.outcome = PostOutcome::bad_request;
  else if (response.status == 401 || response.status == 403)
    result.outcome = PostOutcome::unauthorized;
  else if (retryable(response))
    result.outcome = PostOutcome::gave_up;
  else
    result.outcome = PostOutcome::other;
  return result;
}

std::string LrsClient::more_url(const std::string& more) const {
  // `more` is relative to the LRS's origin (xAPI-Communication.md 2.1.3). Some LRSs put
  // query values in it unencoded: decode and encode each again.
  std::string url = more;
  if (more.starts_with("/")) {
    const auto scheme_end = config_.endpoint.find("://");
    const auto origin_end = config_.endpoint.find('/', scheme_end + 3);
    url = config_.endpoint.substr(0, origin_end) + more;
  }
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
  const bool is_more = query_or_more_url.starts_with("/") || query_or_more_url.starts_with("http");
  const std::string url = is_more ? more_url(query_or_more_url) : config_.endpoint + "statements?" + query_or_more_url;
  int attempts = 0;
  const HttpResponse response = send_with_retries({"GET", url, {}, {}}, attempts);
  if (response.status != 200) {
    page.error = "GET " + url + ": " + (response.status ? "HTTP " + std::to_string(response.status) + ": " : "") +
                 message_of(response);
    return page;
  }
  const auto doc = nlohmann::json::parse(response.body, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("statements") || !doc["statements"].is_array()) {
    page.error = "GET " + url + ": the answer is not a StatementResult";
    return page;
  }
  for (const auto& statement : doc["statements"]) page.statements.push_back(statement.dump());
  if (doc.contains("more") && doc["more"].is_string()) page.more = doc["more"];
  return page;
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
