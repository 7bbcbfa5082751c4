#pragma once
// Words of a UTF-8 text, for the checks that compare wording (item writing) and count it.

#include <string>
#include <string_view>
#include <vector>

namespace coursepack {

/// The words of `text`: maximal runs of letters and digits, lowercased. Spaces (no-break
/// ones included), punctuation, apostrophes, quotes, dashes and symbols separate words, so
/// "l’économie" is two words and "2-1-1" three. Letters are those of the Latin, Greek and
/// Cyrillic scripts and any other code point outside the punctuation and symbol blocks;
/// lowercasing covers Latin-1, Latin Extended-A, Greek and Cyrillic, the scripts of EU
/// languages. An invalid UTF-8 byte separates words; it never fails.
std::vector<std::string> words_of(std::string_view text);

/// `text` without leading and trailing ASCII whitespace.
std::string_view trimmed(std::string_view text);

}  // namespace coursepack
