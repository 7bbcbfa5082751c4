#pragma once
// xAPI 1.0.3 statement comparison (xAPI-Data.md 2.3.1, "Statement Comparison
// Requirements"): after a 409, is the statement the LRS holds the one we sent?

#include <nlohmann/json.hpp>

namespace coursepack::lrs {

/// True when `ours` and `stored` differ only where 2.3.1 lets an LRS differ: properties it
/// assigns (id, authority, stored, version, and timestamp when we sent none), the
/// serialization of timestamps (same instant), Activity Definitions and verb displays
/// (not part of the statement), attachments, the order of a Group's members, the case of
/// an e-mail domain, and an objectType left to its default.
bool statements_equivalent(const nlohmann::json& ours, const nlohmann::json& stored);

}  // namespace coursepack::lrs
