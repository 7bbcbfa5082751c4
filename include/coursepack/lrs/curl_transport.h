#pragma once

#include <memory>

#include "coursepack/lrs/http_transport.h"

namespace coursepack::lrs {

struct CurlOptions {
  long connect_timeout_seconds = 10;
  long timeout_seconds = 120;  // a whole request, upload and answer
  // A request that moves no byte for this long is dropped (a server that accepts and
  // never answers), and retried like any timeout.
  long stall_seconds = 30;
};

/// HttpTransport over one libcurl easy handle, reused so that connections are kept
/// alive between requests. TLS peers and host names are always verified.
std::unique_ptr<HttpTransport> make_curl_transport(const CurlOptions& options = {});

}  // namespace coursepack::lrs
