#pragma once
// What makes two statements "the same": ids derived from content, and the digests the
// queue uses to recognise a statement it has already stored, refused or set aside.
//
// The rule (docs/lrs.md, "Statement ids"): a statement without an id gets
//   uuid_from_name("coursepack statement v1\n" + canonical(statement))
// where canonical() is the statement as compact JSON with object keys sorted. It depends
// on the statement alone, never on the file, the line or the other statements, so
// re-reading an input after lines were added, removed, reordered or re-encoded (CRLF, a
// byte order mark, pretty-printing) gives every unchanged statement the id it had.

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace coursepack::lrs {

/// Compact JSON with object keys sorted (nlohmann keeps objects sorted): the same
/// statement always gives the same text.
std::string canonical(const nlohmann::json& value);

/// The id a statement without one gets (see the rule above).
std::string derived_id(const nlohmann::json& statement_without_id);

/// True for 8-4-4-4-12 hex digits (any case).
bool is_uuid(const std::string& text);

/// 128 bits that name one statement: its id and its exact content together, so that a
/// second version under the same id is a different key.
using StatementKey = std::array<std::uint8_t, 16>;
StatementKey statement_key(const std::string& id, const std::string& canonical_json);

/// A UUID as 16 bytes (hex digits in any case), for comparing ids case-insensitively.
std::optional<std::array<std::uint8_t, 16>> uuid_bytes(const std::string& uuid);

}  // namespace coursepack::lrs
