#pragma once
// Language tags as courses write them: a BCP 47 language with an optional region ("fr",
// "fr-BE", "pt-PT", "es-419"), and what a region variant inherits from its base language
// (docs/translating.md, "Country variants").

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coursepack {

/// Why `tag` is not a language tag of the shape courses accept (a language subtag of 2-3
/// lowercase letters, then optionally "-" and a region of 2 uppercase letters or 3
/// digits), e.g. "the region \"be\" is written in capitals: \"fr-BE\""; empty when it is one.
std::string language_tag_problem(std::string_view tag);

/// Why `code` is not a country code (ISO 3166-1 alpha-2 shape: 2 uppercase letters); empty
/// when it is one.
std::string country_code_problem(std::string_view code);

/// "fr" for "fr-BE", "fr" for "fr".
std::string_view primary_language(std::string_view tag);

/// "BE" for "fr-BE", "" for "fr".
std::string_view region_of(std::string_view tag);

/// The language a region variant falls back to: its primary language when `languages`
/// holds it and `tag` has a region ("fr-BE" -> "fr"); empty otherwise (the tag stands alone
/// and must hold every text).
std::string fallback_language(std::string_view tag, const std::vector<std::string>& languages);

/// The country a text in `tag` is written for: its region, else the one country where its
/// language is official at national level (sk -> SK, pl -> PL); nothing for a language of
/// several countries (fr, de, en, pt, nl, el, sv, es, it, ...), which needs a region or an
/// explicit country.
std::optional<std::string> usual_country(std::string_view tag);

}  // namespace coursepack
