#pragma once
// The player's interface strings (templates/strings/<language>.json).

#include <map>
#include <string>
#include <string_view>

namespace coursepack {

/// `text` with each slot `open` name `close` (a name of letters, digits and "_") replaced by
/// `values[name]`, in one pass: the values are copied, never read as template, so a value
/// holding "{{body}}" comes out as written. A slot without a value stays as it is.
std::string fill_slots(std::string_view text, const std::map<std::string, std::string>& values,
                       std::string_view open, std::string_view close);

class UiStrings {
 public:
  /// Strings for `language`; its primary subtag is tried next ("fr-CA" -> "fr"), then English.
  static UiStrings for_language(std::string_view language);

  /// The string `key` with each "{name}" replaced by its value (not escaped); a value is
  /// never read again, so a "{name}" inside it stays as it is.
  std::string get(std::string_view key, const std::map<std::string, std::string>& values = {}) const;

  /// Languages that have their own strings file.
  static bool has_language(std::string_view language);

 private:
  std::map<std::string, std::string, std::less<>> strings_;
};

}  // namespace coursepack
