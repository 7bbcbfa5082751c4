#include "coursepack/core/language_tag.h"

#include <algorithm>
#include <array>

namespace coursepack {
namespace {

bool lower(char c) { return c >= 'a' && c <= 'z'; }
bool upper(char c) { return c >= 'A' && c <= 'Z'; }
bool digit(char c) { return c >= '0' && c <= '9'; }

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string upper_case(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (lower(c)) c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string lower_case(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (upper(c)) c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Languages official at national level in one country only (among the EU's 24 official
// languages; CLDR supplemental territoryInfo, officialStatus "official"). Croatian (also
// Bosnia and Herzegovina), Romanian (Moldova), Italian (Switzerland, San Marino), Greek
// (Cyprus), Swedish (Finland), Spanish and Portuguese (several continents), French, German,
// Dutch and English are not: they need a region or --country.
struct UsualCountry {
  std::string_view language, country;
};
constexpr std::array kUsualCountries{
    UsualCountry{"bg", "BG"}, UsualCountry{"cs", "CZ"}, UsualCountry{"da", "DK"}, UsualCountry{"et", "EE"},
    UsualCountry{"fi", "FI"}, UsualCountry{"ga", "IE"}, UsualCountry{"hu", "HU"}, UsualCountry{"lt", "LT"},
    UsualCountry{"lv", "LV"}, UsualCountry{"mt", "MT"}, UsualCountry{"pl", "PL"}, UsualCountry{"sk", "SK"},
    UsualCountry{"sl", "SI"},
};

}  // namespace

std::string language_tag_problem(std::string_view tag) {
  const auto dash = tag.find('-');
  const std::string_view language = tag.substr(0, dash);
  if (language.size() < 2 || language.size() > 3 || !std::all_of(language.begin(), language.end(), [](char c) {
        return lower(c) || upper(c);
      }))
    return quoted(tag) + " is not a language tag (like \"fr\", \"fr-BE\" or \"pt-PT\")";
  if (!std::all_of(language.begin(), language.end(), lower))
    return "the language " + quoted(language) + " is written in lowercase: " +
           quoted(lower_case(language) + std::string(dash == std::string_view::npos ? "" : tag.substr(dash)));
  if (dash == std::string_view::npos) return "";
  const std::string_view region = tag.substr(dash + 1);
  const bool letters = region.size() == 2 && std::all_of(region.begin(), region.end(), [](char c) {
                         return lower(c) || upper(c);
                       });
  if (letters && !std::all_of(region.begin(), region.end(), upper))
    return "the region " + quoted(region) + " is written in capitals: " + quoted(std::string(language) + "-" +
                                                                                  upper_case(region));
  if (letters || (region.size() == 3 && std::all_of(region.begin(), region.end(), digit))) return "";
  return quoted(tag) + " is not a language tag: after the language comes only a region, 2 capital letters or 3 " +
         "digits (like \"fr-BE\" or \"es-419\"); scripts and other subtags are not supported";
}

std::string country_code_problem(std::string_view code) {
  if (code.size() == 2 && upper(code[0]) && upper(code[1])) return "";
  if (code.size() == 2 && (lower(code[0]) || upper(code[0])) && (lower(code[1]) || upper(code[1])))
    return "the country " + quoted(code) + " is written in capitals: " + quoted(upper_case(code));
  return quoted(code) + " is not a country code: 2 capital letters (ISO 3166-1 alpha-2), like \"FR\" or \"SK\"";
}

std::string_view primary_language(std::string_view tag) { return tag.substr(0, tag.find('-')); }

std::string_view region_of(std::string_view tag) {
  const auto dash = tag.find('-');
  return dash == std::string_view::npos ? std::string_view() : tag.substr(dash + 1);
}

std::string fallback_language(std::string_view tag, const std::vector<std::string>& languages) {
  if (region_of(tag).empty()) return "";
  const std::string_view base = primary_language(tag);
  return std::find(languages.begin(), languages.end(), base) == languages.end() ? std::string() : std::string(base);
}

std::optional<std::string> usual_country(std::string_view tag) {
  const std::string_view region = region_of(tag);
  // A numeric region (419: Latin America) names no single country.
  if (!region.empty()) return country_code_problem(region).empty() ? std::optional<std::string>(region) : std::nullopt;
  for (const auto& entry : kUsualCountries)
    if (entry.language == tag) return std::string(entry.country);
  return std::nullopt;
}

}  // namespace coursepack
