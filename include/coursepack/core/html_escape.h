#pragma once
// HTML escaping shared by the package pages and the report: one definition, so that a
// fix (another character, another context) reaches every page at once.

#include <string>
#include <string_view>

namespace coursepack {

/// Escapes & < > " ' so that `text` is safe as element content and as a quoted attribute
/// value. Never fails; bytes other than those five pass through unchanged.
inline std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace coursepack
