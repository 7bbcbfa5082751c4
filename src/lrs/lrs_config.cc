#include "coursepack/lrs/lrs_config.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "coursepack/lrs/lrs_client.h"
#include "coursepack/lrs/url.h"

namespace coursepack::lrs {
namespace {

std::string variable(const std::map<std::string, std::string>& environment, const char* name) {
  auto it = environment.find(name);
  return it == environment.end() ? std::string() : it->second;
}

ConfigResult finish(LrsConfig config) {
  if (config.endpoint.empty()) return {std::nullopt, config.source + ": no LRS endpoint"};
  // Credentials written into the URL ("https://key:secret@host/") are taken out of it, so
  // that no message ever prints them; they serve as key and secret when those are unset.
  if (const std::string userinfo = userinfo_of(config.endpoint); !userinfo.empty()) {
    config.endpoint = without_userinfo(config.endpoint);
    const auto colon = userinfo.find(':');
    if (config.key.empty()) config.key = url_decode(userinfo.substr(0, colon));
    if (config.secret.empty() && colon != std::string::npos) config.secret = url_decode(userinfo.substr(colon + 1));
  }
  if (url_origin(config.endpoint).empty()) {
    // Without a scheme, "key:secret@host/" has no userinfo to strip: never print what
    // comes before an "@" in the authority.
    std::string shown = config.endpoint;
    if (const auto at = shown.rfind('@', shown.find('/')); at != std::string::npos) shown.erase(0, at + 1);
    return {std::nullopt, config.source + ": the endpoint \"" + shown + "\" is not an http(s) URL"};
  }
  if (!config.endpoint.ends_with('/')) config.endpoint += '/';
  if (config.key.empty() || config.secret.empty()) return {std::nullopt, config.source + ": LRS key or secret missing"};
  return {std::move(config), {}};
}

ConfigResult from_file(const std::string& path) {
  if (auto error = check_private_file(path, "LRS", "the LRS secret"); !error.empty()) return {std::nullopt, error};
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  const auto doc = nlohmann::json::parse(text.str(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return {std::nullopt, path + ": not a JSON object"};
  LrsConfig config;
  config.source = path;
  for (const auto& [name, field] : {std::pair{"endpoint", &config.endpoint}, {"key", &config.key}, {"secret", &config.secret}}) {
    auto it = doc.find(name);
    if (it != doc.end()) {
      if (!it->is_string()) return {std::nullopt, path + ": /" + name + ": expected a string"};
      *field = it->get<std::string>();
    }
  }
  for (const auto& [name, ignored] : doc.items())
    if (name != "endpoint" && name != "key" && name != "secret")
      return {std::nullopt, path + ": /" + name + ": unknown key (endpoint, key, secret)"};
  return finish(std::move(config));
}

}  // namespace

std::string check_private_file(const std::string& path, const std::string& service, const std::string& secret) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return path + ": cannot read the " + service + " config file";
  if (!S_ISREG(info.st_mode)) return path + ": not a regular file";
  // Only its owner, who must be the user running coursepack, may read or write it (0600
  // or 0400), as ssh does with private keys.
  if (info.st_mode & (S_IRWXG | S_IRWXO))
    return path + ": other users of this machine may read or change it (mode " +
           std::to_string((info.st_mode >> 6) & 7) + std::to_string((info.st_mode >> 3) & 7) +
           std::to_string(info.st_mode & 7) + "); it holds " + secret + ": chmod 600 " + path;
  if (info.st_uid != ::geteuid()) return path + ": belongs to another user; it holds " + secret + ": use a file of your own";
  return {};
}

std::string LrsConfig::authorization() const { return "Basic " + base64(key + ":" + secret); }

ConfigResult load_config(const std::string& config_file, const std::map<std::string, std::string>& environment) {
  if (!config_file.empty()) return from_file(config_file);
  if (!variable(environment, kEndpointVariable).empty()) {
    LrsConfig config{variable(environment, kEndpointVariable), variable(environment, kKeyVariable),
                     variable(environment, kSecretVariable), "environment (" + std::string(kEndpointVariable) + ")"};
    return finish(std::move(config));
  }
  std::string base = variable(environment, "XDG_CONFIG_HOME");
  if (base.empty() && !variable(environment, "HOME").empty()) base = variable(environment, "HOME") + "/.config";
  const std::string path = base + "/coursepack/lrs.json";
  std::error_code ec;
  if (!base.empty() && std::filesystem::exists(path, ec)) return from_file(path);
  return {std::nullopt, std::string("no LRS configured: set ") + kEndpointVariable + ", " + kKeyVariable + " and " +
                            kSecretVariable + ", or write " + (base.empty() ? "~/.config" : base) +
                            "/coursepack/lrs.json (see coursepack lrs --help)"};
}

std::string base64(const std::string& bytes) {
  constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned n = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += alphabet[n >> 18];
    out += alphabet[(n >> 12) & 63];
    out += alphabet[(n >> 6) & 63];
    out += alphabet[n & 63];
  }
  if (i < bytes.size()) {
    unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += alphabet[n >> 18];
    out += alphabet[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? alphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

}  // namespace coursepack::lrs
