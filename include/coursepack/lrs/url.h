#pragma once
// The few URL facts the client needs: whose origin a URL is, and how to print one
// without the credentials someone wrote into it.

#include <string>

namespace coursepack::lrs {

/// "https://host:port" in lower case, default port dropped; "" when `url` is not an
/// absolute http(s) URL.
std::string url_origin(const std::string& url);

/// `url` without "user:password@" (RFC 3986 userinfo): the form to print or log.
std::string without_userinfo(const std::string& url);

/// The userinfo part ("user:password"), percent-decoded by the caller; "" when none.
std::string userinfo_of(const std::string& url);

}  // namespace coursepack::lrs
