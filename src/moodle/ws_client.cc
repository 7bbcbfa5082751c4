#include "coursepack/moodle/ws_client.h"

#include "coursepack/lrs/lrs_config.h"

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "coursepack/lrs/url.h"

namespace coursepack::moodle {
namespace {

constexpr std::string_view kServerPath = "/webservice/rest/server.php?moodlewsrestformat=json";

MoodleConfigResult finish(MoodleConfig config) {
  if (config.site.empty()) return {std::nullopt, config.source + ": the Moodle site URL is missing"};
  if (config.token.empty()) return {std::nullopt, config.source + ": the Moodle web-service token is missing"};
  if (!lrs::userinfo_of(config.site).empty())
    return {std::nullopt, config.source + ": the Moodle URL must not hold a user name or password"};
  const std::string printable = lrs::without_userinfo(config.site);
  if (lrs::url_origin(config.site).empty())
    return {std::nullopt, config.source + ": \"" + printable + "\" is not an http(s) URL"};
  if (config.site.find_first_of("?#") != std::string::npos)
    return {std::nullopt, config.source + ": \"" + printable.substr(0, printable.find_first_of("?#")) +
                              "...\": give the site's address without a query or fragment"};
  while (config.site.ends_with('/')) config.site.pop_back();
  for (char c : config.token)
    if (static_cast<unsigned char>(c) <= ' ' || c == 0x7f)
      return {std::nullopt, config.source + ": the token holds spaces or control characters"};
  return {std::move(config), {}};
}

MoodleConfigResult from_file(const std::string& path) {
  if (auto error = lrs::check_private_file(path, "Moodle", "the Moodle token"); !error.empty())
    return {std::nullopt, error};
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  const auto doc = nlohmann::json::parse(text.str(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return {std::nullopt, path + ": not a JSON object"};
  MoodleConfig config;
  config.source = path;
  for (const auto& [name, field] : {std::pair{"url", &config.site}, {"token", &config.token}}) {
    auto it = doc.find(name);
    if (it != doc.end()) {
      if (!it->is_string()) return {std::nullopt, path + ": /" + name + ": expected a string"};
      *field = it->get<std::string>();
    }
  }
  for (const auto& [name, ignored] : doc.items())
    if (name != "url" && name != "token") return {std::nullopt, path + ": /" + name + ": unknown key (url, token)"};
  return finish(std::move(config));
}

std::string lookup(const std::map<std::string, std::string>& environment, const char* name) {
  auto it = environment.find(name);
  return it == environment.end() ? std::string() : it->second;
}

std::string call_name(std::string_view function, const Params& params) {
  std::string out(function);
  out += '(';
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (i) out += ", ";
    out += params[i].first + "=" + params[i].second;
  }
  return out + ')';
}

// Moodle's error codes (lib/classes/exception, webservice/lib.php) and what the operator
// should do about them; the fixtures' README lists the ones recorded.
std::string explain(const std::string& code, const std::string& message) {
  if (code == "invalidtoken")
    return "Moodle refused the token (invalidtoken: " + message +
           "); check COURSEPACK_MOODLE_TOKEN or the config file, and that the token is not expired";
  if (code == "accessexception")
    return "the function is not in the token's web service (accessexception: " + message +
           "); add it to the service (docs/moodle.md)";
  if (code == "invalidrecord" && message.find("external_functions") != std::string::npos)
    return "this Moodle has no such web-service function (" + message + "); coursepack needs Moodle 3.0 or later";
  if (code == "nopermissions" || code == "requireloginerror" || code == "nopermissiontoviewgrades" ||
      code == "errorcoursecontextnotvalid")
    return "a capability is missing (" + code + ": " + message +
           "); give the token's user the role described in docs/moodle.md";
  return "Moodle error " + code + ": " + message;
}

}  // namespace

MoodleConfigResult load_moodle_config(const std::string& config_file,
                                      const std::map<std::string, std::string>& environment) {
  if (!config_file.empty()) return from_file(config_file);
  if (const std::string site = lookup(environment, kUrlVariable); !site.empty())
    return finish({site, lookup(environment, kTokenVariable), "the environment (COURSEPACK_MOODLE_URL)"});
  std::string base = lookup(environment, "XDG_CONFIG_HOME");
  if (base.empty()) base = lookup(environment, "HOME") + "/.config";
  const std::string path = base + "/coursepack/moodle.json";
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0) return from_file(path);
  return {std::nullopt, std::string("no Moodle site configured: set ") + kUrlVariable + " and " + kTokenVariable +
                            ", or write " + path + " (chmod 600)"};
}

std::string form_encode(const Params& params) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const auto& [name, value] : params) {
    if (!out.empty()) out += '&';
    for (const std::string* part : {&name, &value}) {
      for (unsigned char c : *part) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
          out += static_cast<char>(c);
        } else {
          out += '%';
          out += kHex[c >> 4];
          out += kHex[c & 15];
        }
      }
      if (part == &name) out += '=';
    }
  }
  return out;
}

WsClient::WsClient(MoodleConfig config, lrs::HttpTransport& transport, double timeout_seconds)
    : config_(std::move(config)), transport_(transport), timeout_seconds_(timeout_seconds) {}

std::string WsClient::scrub(std::string text) const {
  // The token is never put in a URL or message on purpose; this catches an echo of it
  // (a proxy's error page quoting the request) so that no message can carry it.
  if (config_.token.size() >= 4)
    for (auto at = text.find(config_.token); at != std::string::npos; at = text.find(config_.token, at + 7))
      text.replace(at, config_.token.size(), "[token]");  // 7: past the replacement, which may hold the token's text
  return text;
}

WsResult WsClient::call(std::string_view function, const Params& params) {
  ++calls_;
  Params form{{"wstoken", config_.token}, {"wsfunction", std::string(function)}};
  form.insert(form.end(), params.begin(), params.end());
  lrs::HttpRequest request;
  request.method = "POST";
  request.url = config_.site + std::string(kServerPath);
  request.headers["Content-Type"] = "application/x-www-form-urlencoded";
  request.headers["Accept"] = "application/json";
  request.body = form_encode(form);
  request.timeout_seconds = timeout_seconds_;
  const lrs::HttpResponse response = transport_.send(request);
  const std::string where = call_name(function, params) + ": ";
  const std::string server = config_.site + "/webservice/rest/server.php";
  if (response.status == 0)
    return {{}, scrub(where + "no answer from " + server + ": " + response.error)};
  if (response.status != 200)
    return {{}, scrub(where + server + " answered HTTP " + std::to_string(response.status) +
                      ": not Moodle's REST web service (is it enabled? Site administration > Server > Web services)")};
  const std::string_view body = response.body;
  const auto first = body.find_first_not_of(" \t\r\n\xef\xbb\xbf");
  if (first == std::string_view::npos)
    return {{}, where + "the answer is empty: the site is not Moodle, or its REST web service is not enabled"};
  if (body[first] == '<')
    return {{}, where + "the answer is an HTML page, not JSON: " + config_.site +
                    " is not a Moodle site, or its REST web service is not enabled"};
  nlohmann::json value = nlohmann::json::parse(body, nullptr, false);
  if (value.is_discarded()) {
    // Cut short (a dropped connection, a proxy's size limit) or not JSON at all.
    const bool opened = body[first] == '{' || body[first] == '[';
    return {{}, where + (opened ? "the answer is cut short or damaged (" + std::to_string(body.size()) +
                                      " bytes of JSON that do not parse): a partial answer; nothing was synced"
                                : "the answer is not JSON: " + config_.site + " is not a Moodle web service")};
  }
  if (value.is_object() && (value.contains("exception") || value.contains("errorcode"))) {
    const std::string code = value.value("errorcode", std::string("unknown"));
    const std::string message = value.contains("message") && value["message"].is_string()
                                    ? value["message"].get<std::string>() : std::string();
    return {{}, scrub(where + explain(code, message))};
  }
  return {std::move(value), {}};
}

}  // namespace coursepack::moodle
