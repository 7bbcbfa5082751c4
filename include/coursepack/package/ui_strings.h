#pragma once
// The player's interface strings (templates/strings/<language>.json).

#include <map>
#include <string>
#include <string_view>

namespace coursepack {

class UiStrings {
 public:
  /// Strings for `language`; its primary subtag is tried next ("fr-CA" -> "fr"), then English.
  static UiStrings for_language(std::string_view language);

  /// The string `key` with each "{name}" replaced by its value (not escaped).
  std::string get(std::string_view key, const std::map<std::string, std::string>& values = {}) const;

  /// Languages that have their own strings file.
  static bool has_language(std::string_view language);

 private:
  std::map<std::string, std::string, std::less<>> strings_;
};

}  // namespace coursepack
