#include "coursepack/package/ui_strings.h"

#include <nlohmann/json.hpp>

#include "coursepack/package/embedded_files.h"

namespace coursepack {
namespace {

std::string_view strings_file(std::string_view language) {
  return embedded_file("strings/" + std::string(language) + ".json");
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

std::string fill_slots(std::string_view text, const std::map<std::string, std::string>& values,
                       std::string_view open, std::string_view close) {
  std::string out;
  out.reserve(text.size());
  std::size_t done = 0;
  for (auto at = text.find(open); at != std::string_view::npos; at = text.find(open, at)) {
    // Only name characters between the delimiters: each position is looked at a bounded
    // number of times, so the pass stays linear whatever the braces in the text.
    std::size_t end = at + open.size();
    while (end < text.size() && is_name_char(text[end])) ++end;
    const auto value = values.find(std::string(text.substr(at + open.size(), end - at - open.size())));
    if (end == at + open.size() || value == values.end() || text.substr(end, close.size()) != close) {
      ++at;  // "{{{body}}" still has its slot one character on
      continue;
    }
    out.append(text, done, at - done);
    out += value->second;
    done = at = end + close.size();
  }
  out.append(text, done);
  return out;
}

bool UiStrings::has_language(std::string_view language) { return !strings_file(language).empty(); }

UiStrings UiStrings::for_language(std::string_view language) {
  std::string_view file = strings_file(language);
  if (file.empty()) file = strings_file(language.substr(0, language.find('-')));
  if (file.empty()) file = strings_file("en");
  UiStrings strings;
  // The strings files are ours and tested; a parse failure here is a build defect.
  const auto parsed = nlohmann::json::parse(file);
  for (const auto& [key, value] : parsed.items()) strings.strings_[key] = value;
  return strings;
}

std::string UiStrings::get(std::string_view key, const std::map<std::string, std::string>& values) const {
  auto it = strings_.find(key);
  const std::string_view text = it == strings_.end() ? key : std::string_view(it->second);
  return fill_slots(text, values, "{", "}");
}

}  // namespace coursepack
