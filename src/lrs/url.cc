#include "coursepack/lrs/url.h"

#include <algorithm>
#include <cctype>

namespace coursepack::lrs {
namespace {

struct Parts {
  std::string scheme, userinfo, host_port, rest;
  bool ok = false;
};

Parts split(const std::string& url) {
  Parts parts;
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return parts;
  parts.scheme = url.substr(0, scheme_end);
  const auto authority_start = scheme_end + 3;
  const auto authority_end = std::min(url.find_first_of("/?#", authority_start), url.size());
  std::string authority = url.substr(authority_start, authority_end - authority_start);
  // The last "@" ends the userinfo (a password may hold "@" unencoded in careless configs).
  if (const auto at = authority.rfind('@'); at != std::string::npos) {
    parts.userinfo = authority.substr(0, at);
    authority = authority.substr(at + 1);
  }
  parts.host_port = authority;
  parts.rest = url.substr(authority_end);
  parts.ok = !authority.empty();
  return parts;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

}  // namespace

std::string url_origin(const std::string& url) {
  const Parts parts = split(url);
  const std::string scheme = lower(parts.scheme);
  if (!parts.ok || (scheme != "http" && scheme != "https")) return {};
  std::string host_port = lower(parts.host_port);
  const std::string default_port = scheme == "https" ? ":443" : ":80";
  if (host_port.ends_with(default_port)) host_port.resize(host_port.size() - default_port.size());
  return scheme + "://" + host_port;
}

std::string without_userinfo(const std::string& url) {
  const Parts parts = split(url);
  if (!parts.ok || parts.userinfo.empty()) return url;
  return parts.scheme + "://" + parts.host_port + parts.rest;
}

std::string userinfo_of(const std::string& url) { return split(url).userinfo; }

}  // namespace coursepack::lrs
