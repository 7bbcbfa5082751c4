#include "coursepack/lrs/url.h"

#include <string>

#include <catch2/catch.hpp>

namespace coursepack::lrs {
namespace {

TEST_CASE("a URL's origin is its scheme, host and port, in lower case, default port dropped") {
  struct Case {
    std::string url, origin;
  };
  const Case cases[] = {
      {"https://lrs.example.org/xAPI/", "https://lrs.example.org"},
      {"HTTPS://LRS.Example.ORG:443/xAPI/", "https://lrs.example.org"},
      {"http://lrs.example.org:80", "http://lrs.example.org"},
      {"http://127.0.0.1:18091/collect", "http://127.0.0.1:18091"},
      {"https://lrs.example.org:80/", "https://lrs.example.org:80"},  // not https's default
      {"https://key:secret@lrs.example.org/xAPI/", "https://lrs.example.org"},
      {"https://lrs.example.org@evil.example/", "https://evil.example"},  // the userinfo is not the host
      {"https://lrs.example.org?@evil.example/", "https://lrs.example.org"},
      {"https://lrs.example.org#@evil.example/", "https://lrs.example.org"},
      {"ftp://lrs.example.org/", ""},
      {"/xAPI/statements?cursor=2", ""},
      {"lrs.example.org/xAPI/", ""},
      {"https:///xAPI/", ""},
  };
  for (const auto& c : cases) {
    INFO(c.url);
    CHECK(url_origin(c.url) == c.origin);
  }
}

TEST_CASE("userinfo is taken out of a URL for printing") {
  struct Case {
    std::string url, printed, userinfo;
  };
  const Case cases[] = {
      {"https://user:pa%40ss@host/x/", "https://host/x/", "user:pa%40ss"},
      {"https://user:p@ss@host:8443/x?y=1", "https://host:8443/x?y=1", "user:p@ss"},  // the last "@" ends it
      {"http://key@host", "http://host", "key"},
      {"https://host/x/?mail=a@b.example", "https://host/x/?mail=a@b.example", ""},  // an "@" after the path
      {"https://host/x/", "https://host/x/", ""},
      {"not a url", "not a url", ""},
  };
  for (const auto& c : cases) {
    INFO(c.url);
    CHECK(without_userinfo(c.url) == c.printed);
    CHECK(userinfo_of(c.url) == c.userinfo);
  }
}

}  // namespace
}  // namespace coursepack::lrs
