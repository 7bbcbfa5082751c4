#pragma once
// The words course.json uses for live sessions and credits: session kinds and modes,
// activity kinds, and the licences a course may name (SPDX ids). One table each, read by
// the schema (course_schema.cc), the reader and the trainer guide.

#include <array>
#include <optional>
#include <span>
#include <string_view>

#include "coursepack/core/course.h"

namespace coursepack {

// In SessionKind and SessionMode order. Constant so that the schema's tables can hold them.
inline constexpr std::array<std::string_view, 4> kSessionKindNames{"launch", "practice", "final", "other"};
inline constexpr std::array<std::string_view, 3> kSessionModeNames{"in_person", "online", "either"};
inline constexpr std::array<std::string_view, 8> kActivityKindNames{
    "ice_breaker", "expert_input", "qa", "challenge", "tool", "scenario", "round_table", "assessment"};

std::string_view name_of(SessionKind kind);
std::string_view name_of(SessionMode mode);
/// The kind or mode of that name; nullopt for a name not in the table.
std::optional<SessionKind> session_kind_from_name(std::string_view name);
std::optional<SessionMode> session_mode_from_name(std::string_view name);

struct License {
  std::string_view id;    // SPDX identifier, e.g. "CC-BY-SA-4.0"
  std::string_view name;  // SPDX full name
  std::string_view url;   // the licence's own page (Creative Commons deed, or the SPDX page)
};

/// Common SPDX licences for course material and software (SPDX License List 3.22).
std::span<const License> licenses();
std::span<const std::string_view> license_ids();
/// The licence with `id` (exact, case-sensitive as SPDX ids are written), or nullptr.
const License* find_license(std::string_view id);

}  // namespace coursepack
