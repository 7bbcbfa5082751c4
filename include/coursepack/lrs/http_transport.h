#pragma once
// The one door to the network. The LRS client speaks to this interface; curl_transport.cc
// is the only file that includes libcurl, and tests pass a fake.

#include <map>
#include <string>

namespace coursepack::lrs {

struct HttpRequest {
  std::string method;  // GET, POST, PUT
  std::string url;
  std::map<std::string, std::string> headers;
  std::string body;
  double timeout_seconds = 0;  // the whole request; 0: the transport's own limit
};

struct HttpResponse {
  int status = 0;                              // 0: no HTTP answer (see error)
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  std::string error;                           // network error, when status is 0
  // A network error that retrying will not cure: no such host, connection refused,
  // TLS spoken to a plain-HTTP port, a certificate that does not verify.
  bool permanent = false;
};

class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  /// Performs the request. Never throws: failures come back as status 0 and an error.
  virtual HttpResponse send(const HttpRequest& request) = 0;
};

}  // namespace coursepack::lrs
