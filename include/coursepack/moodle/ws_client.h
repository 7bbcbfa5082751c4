#pragma once
// Moodle's REST web services (webservice/rest/server.php, JSON): where the site is, the
// token, and one call at a time with Moodle's answers turned into one-line errors.
// The token is a secret: it goes in the POST body only, never in a URL, a message or a log.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "coursepack/lrs/http_transport.h"

namespace coursepack::moodle {

struct MoodleConfig {
  std::string site;    // e.g. https://moodle.example.org (no trailing "/", no userinfo)
  std::string token;   // the web-service token
  std::string source;  // where it came from, for messages
};

struct MoodleConfigResult {
  std::optional<MoodleConfig> config;
  std::string error;
};

inline constexpr const char* kUrlVariable = "COURSEPACK_MOODLE_URL";
inline constexpr const char* kTokenVariable = "COURSEPACK_MOODLE_TOKEN";

/// Reads the site and token: `config_file` when given, else the environment when it sets
/// COURSEPACK_MOODLE_URL, else $XDG_CONFIG_HOME/coursepack/moodle.json (~/.config/...) if
/// it exists. The file is JSON {"url": ..., "token": ...}; it holds the token, so it is
/// refused unless it is a regular file of the user's own that no one else may read or
/// write (mode 600 or 400). A URL that is not http(s), or has a query, is refused.
MoodleConfigResult load_moodle_config(const std::string& config_file,
                                      const std::map<std::string, std::string>& environment);

/// Web-service parameters in order; arrays are written as Moodle reads them:
/// {"courseids[0]", "3"}.
using Params = std::vector<std::pair<std::string, std::string>>;

/// application/x-www-form-urlencoded (RFC 3986 unreserved characters kept).
std::string form_encode(const Params& params);

struct WsResult {
  nlohmann::json value;  // the decoded answer when error is empty
  std::string error;     // one line naming the function; never the token
};

class WsClient {
 public:
  WsClient(MoodleConfig config, lrs::HttpTransport& transport, double timeout_seconds = 60);

  /// Calls `function` with `params`. Errors (each names the function and its parameters):
  /// no answer or a timeout, an HTTP status other than 200, an answer that is not JSON
  /// (HTML: not a Moodle site, or REST not enabled) or is cut short, and Moodle's own
  /// exceptions (which come with HTTP 200): invalid token, a function not in the
  /// service, a missing capability, anything else with Moodle's code and message.
  WsResult call(std::string_view function, const Params& params);

  const std::string& site() const { return config_.site; }
  std::size_t calls() const { return calls_; }

 private:
  std::string scrub(std::string text) const;

  MoodleConfig config_;
  lrs::HttpTransport& transport_;
  double timeout_seconds_;
  std::size_t calls_ = 0;
};

}  // namespace coursepack::moodle
