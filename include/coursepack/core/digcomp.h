#pragma once
// The 21 competences of DigComp 2.2 (European Commission, JRC, 2022), by id "1.1".."5.4".

#include <string_view>

namespace coursepack {

struct DigCompCompetence {
  std::string_view id;
  std::string_view name_en;
  std::string_view name_fr;
};

/// The competence with this id, or nullptr when DigComp 2.2 has none.
const DigCompCompetence* find_digcomp(std::string_view id);

/// Its name in `language` ("fr" or "en"; English for any other language).
std::string_view digcomp_name(const DigCompCompetence& competence, std::string_view language);

}  // namespace coursepack
