#include "coursepack/core/live_session_vocabulary.h"

#include <array>

namespace coursepack {
namespace {

// SPDX License List (https://spdx.org/licenses/), the ids course material and the code
// around it commonly use. Creative Commons licences link to their deed, which a learner
// can read; the others to their SPDX page. An id outside this list is refused with the
// closest one suggested: a typo in a licence is a legal error, not a cosmetic one.
constexpr std::array kLicenses{
    License{"CC0-1.0", "Creative Commons Zero v1.0 Universal", "https://creativecommons.org/publicdomain/zero/1.0/"},
    License{"CC-BY-4.0", "Creative Commons Attribution 4.0 International",
            "https://creativecommons.org/licenses/by/4.0/"},
    License{"CC-BY-SA-4.0", "Creative Commons Attribution Share Alike 4.0 International",
            "https://creativecommons.org/licenses/by-sa/4.0/"},
    License{"CC-BY-NC-4.0", "Creative Commons Attribution Non Commercial 4.0 International",
            "https://creativecommons.org/licenses/by-nc/4.0/"},
    License{"CC-BY-NC-SA-4.0", "Creative Commons Attribution Non Commercial Share Alike 4.0 International",
            "https://creativecommons.org/licenses/by-nc-sa/4.0/"},
    License{"CC-BY-ND-4.0", "Creative Commons Attribution No Derivatives 4.0 International",
            "https://creativecommons.org/licenses/by-nd/4.0/"},
    License{"CC-BY-NC-ND-4.0", "Creative Commons Attribution Non Commercial No Derivatives 4.0 International",
            "https://creativecommons.org/licenses/by-nc-nd/4.0/"},
    License{"CC-BY-3.0", "Creative Commons Attribution 3.0 Unported", "https://creativecommons.org/licenses/by/3.0/"},
    License{"CC-BY-SA-3.0", "Creative Commons Attribution Share Alike 3.0 Unported",
            "https://creativecommons.org/licenses/by-sa/3.0/"},
    License{"MIT", "MIT License", "https://spdx.org/licenses/MIT.html"},
    License{"Apache-2.0", "Apache License 2.0", "https://spdx.org/licenses/Apache-2.0.html"},
    License{"BSD-2-Clause", "BSD 2-Clause \"Simplified\" License", "https://spdx.org/licenses/BSD-2-Clause.html"},
    License{"BSD-3-Clause", "BSD 3-Clause \"New\" or \"Revised\" License",
            "https://spdx.org/licenses/BSD-3-Clause.html"},
    License{"MPL-2.0", "Mozilla Public License 2.0", "https://spdx.org/licenses/MPL-2.0.html"},
    License{"EUPL-1.2", "European Union Public License 1.2", "https://spdx.org/licenses/EUPL-1.2.html"},
    License{"GPL-3.0-or-later", "GNU General Public License v3.0 or later",
            "https://spdx.org/licenses/GPL-3.0-or-later.html"},
    License{"LGPL-3.0-or-later", "GNU Lesser General Public License v3.0 or later",
            "https://spdx.org/licenses/LGPL-3.0-or-later.html"},
    License{"AGPL-3.0-or-later", "GNU Affero General Public License v3.0 or later",
            "https://spdx.org/licenses/AGPL-3.0-or-later.html"},
    License{"GFDL-1.3-or-later", "GNU Free Documentation License v1.3 or later",
            "https://spdx.org/licenses/GFDL-1.3-or-later.html"},
    License{"LicenseRef-All-rights-reserved", "All rights reserved (no licence granted)", ""},
};

constexpr auto kLicenseIds = [] {
  std::array<std::string_view, kLicenses.size()> ids{};
  for (std::size_t i = 0; i < kLicenses.size(); ++i) ids[i] = kLicenses[i].id;
  return ids;
}();

template <typename Enum, std::size_t N>
std::optional<Enum> from_name(const std::array<std::string_view, N>& names, std::string_view name) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == name) return static_cast<Enum>(i);
  return std::nullopt;
}

}  // namespace

std::string_view name_of(SessionKind kind) { return kSessionKindNames.at(static_cast<std::size_t>(kind)); }
std::string_view name_of(SessionMode mode) { return kSessionModeNames.at(static_cast<std::size_t>(mode)); }

std::optional<SessionKind> session_kind_from_name(std::string_view name) {
  return from_name<SessionKind>(kSessionKindNames, name);
}
std::optional<SessionMode> session_mode_from_name(std::string_view name) {
  return from_name<SessionMode>(kSessionModeNames, name);
}

std::span<const License> licenses() { return kLicenses; }
std::span<const std::string_view> license_ids() { return kLicenseIds; }

const License* find_license(std::string_view id) {
  for (const auto& license : kLicenses)
    if (license.id == id) return &license;
  return nullptr;
}

}  // namespace coursepack
