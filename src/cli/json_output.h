#pragma once
// Every --json output goes through json_text: folder names, -o paths and course texts may
// hold bytes that are not UTF-8 (a file system stores any), and nlohmann's dump() throws
// on them, which once aborted `build --json` after its packages were written. Each invalid
// byte becomes U+FFFD instead, the same way in every command.

#include <string>

#include <nlohmann/json.hpp>

namespace coursepack::cli {

template <typename Json>
std::string json_text(const Json& value, int indent = -1) {
  return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace coursepack::cli
