#include "coursepack/core/text_words.h"
#include "coursepack/core/utf8.h"

namespace coursepack {
namespace {

// Code point and length of the UTF-8 sequence at `at`; {0xFFFD, 1} for an invalid byte
// (a separator, which is all the callers need).
struct Decoded {
  char32_t code;
  std::size_t length;
};
Decoded decode(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char c = byte(at);
  if (c < 0x80) return {c, 1};
  std::size_t length = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
  if (length == 0 || at + length > text.size()) return {0xFFFD, 1};
  char32_t code = c & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(at + k) & 0xC0) != 0x80) return {0xFFFD, 1};
    code = (code << 6) | (byte(at + k) & 0x3F);
  }
  return {code, length};
}

// Blocks that hold no letters: Latin-1 punctuation and signs (no-break space, « », °),
// spacing modifiers (ʼ ˆ), general punctuation to dingbats (’ – … € → ✓), CJK and
// full-width punctuation, private use, the byte order mark, emoji and beyond.
bool is_word_code_point(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2B0 && c <= 0x2FF) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;
  if (c >= 0x2E00 && c <= 0x2E7F) return false;
  if (c >= 0x3000 && c <= 0x303F) return false;
  if (c >= 0xE000 && c <= 0xF8FF) return false;
  if (c >= 0xFE10 && c <= 0xFE6F) return false;
  if (c >= 0xFF00 && c <= 0xFF20) return c >= 0xFF10 && c <= 0xFF19;  // full-width digits are digits
  if (c == 0xFEFF || c == 0xFFFD || c >= 0x1F000) return false;
  return true;
}

char32_t lowercase(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;                      // Latin-1
  if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return c | 1;   // Latin Ext-A pairs
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return c + (c & 1);
  if (c == 0x178) return 0xFF;                                                    // Ÿ
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 0x20;                   // Greek
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;                                 // Cyrillic
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  return c;
}

}  // namespace

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (std::size_t at = 0; at < text.size();) {
    const Decoded d = decode(text, at);
    at += d.length;
    if (is_word_code_point(d.code)) {
      append_utf8(word, lowercase(d.code));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace coursepack
