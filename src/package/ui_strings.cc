#include "coursepack/package/ui_strings.h"

#include <nlohmann/json.hpp>

#include "coursepack/package/embedded_files.h"

namespace coursepack {
namespace {

std::string_view strings_file(std::string_view language) {
  return embedded_file("strings/" + std::string(language) + ".json");
}

}  // namespace

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
  std::string text = it == strings_.end() ? std::string(key) : it->second;
  for (const auto& [name, value] : values) {
    const std::string slot = "{" + name + "}";
    for (auto at = text.find(slot); at != std::string::npos; at = text.find(slot, at + value.size()))
      text.replace(at, slot.size(), value);
  }
  return text;
}

}  // namespace coursepack
