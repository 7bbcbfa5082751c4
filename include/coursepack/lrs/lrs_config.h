#pragma once
// Where the LRS is and how to sign in: from the environment or a config file, never from
// a package. Documented in `coursepack lrs --help` and docs/lrs.md.

#include <map>
#include <optional>
#include <string>

namespace coursepack::lrs {

struct LrsConfig {
  std::string endpoint;  // ends with "/", e.g. https://lrs.example.org/xAPI/
  std::string key;
  std::string secret;
  std::string source;    // where it came from, for messages

  /// "Basic base64(key:secret)".
  std::string authorization() const;
};

struct ConfigResult {
  std::optional<LrsConfig> config;
  std::string error;
};

/// Environment variables: COURSEPACK_LRS_ENDPOINT, COURSEPACK_LRS_KEY, COURSEPACK_LRS_SECRET.
inline constexpr const char* kEndpointVariable = "COURSEPACK_LRS_ENDPOINT";
inline constexpr const char* kKeyVariable = "COURSEPACK_LRS_KEY";
inline constexpr const char* kSecretVariable = "COURSEPACK_LRS_SECRET";

/// Reads the configuration: `config_file` when given, else the environment when it sets
/// the endpoint, else $XDG_CONFIG_HOME/coursepack/lrs.json (~/.config/...) if it exists.
/// A config file is JSON {"endpoint": ..., "key": ..., "secret": ...}; it holds a secret, so
/// it is refused unless it is a regular file of the user's own that no one else may read
/// or write (mode 600 or 400). Credentials written in the endpoint URL are moved out of it.
/// `environment` is passed in (tests give a map; the CLI gives the real one).
ConfigResult load_config(const std::string& config_file, const std::map<std::string, std::string>& environment);

/// "" when `path` is a regular file of the user's own that no one else may read or write
/// (mode 600 or 400); else why not, naming the `service` ("LRS") and the `secret` it holds
/// ("the LRS secret"). Shared by every config file that holds a credential.
std::string check_private_file(const std::string& path, const std::string& service, const std::string& secret);

/// Base64 (RFC 4648, with padding).
std::string base64(const std::string& bytes);

}  // namespace coursepack::lrs
