#include "coursepack/lrs/statement_identity.h"

#include <algorithm>
#include <cctype>

#include "coursepack/core/sha256.h"

namespace coursepack::lrs {

std::string canonical(const nlohmann::json& value) {
  // nlohmann::json keeps object members in a std::map: dump() writes them sorted.
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string derived_id(const nlohmann::json& statement_without_id) {
  return uuid_from_name("coursepack statement v1\n" + canonical(statement_without_id));
}

bool is_uuid(const std::string& text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (text[i] == '-')) return false;
    if (!dash && !std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

std::optional<std::array<std::uint8_t, 16>> uuid_bytes(const std::string& uuid) {
  if (!is_uuid(uuid)) return std::nullopt;
  std::array<std::uint8_t, 16> out{};
  std::size_t n = 0;
  for (std::size_t i = 0; i < uuid.size(); ++i) {
    if (uuid[i] == '-') continue;
    const int c = std::tolower(static_cast<unsigned char>(uuid[i]));
    const int digit = c <= '9' ? c - '0' : c - 'a' + 10;
    out[n / 2] = static_cast<std::uint8_t>(out[n / 2] | (n % 2 ? digit : digit << 4));
    ++n;
  }
  return out;
}

StatementKey statement_key(const std::string& id, const std::string& canonical_json) {
  std::string lower = id;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  const auto digest = Sha256().update(lower).update("\n").update(canonical_json).digest();
  StatementKey key{};
  std::copy_n(digest.begin(), key.size(), key.begin());
  return key;
}

}  // namespace coursepack::lrs
