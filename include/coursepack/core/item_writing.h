#pragma once
// Item-writing checks on quiz questions: a learner who has not read the lesson should not
// find the answer from the wording alone (the longest choice, absolute words in the wrong
// ones, a word of the prompt echoed by the right one), nor by guessing among few choices.
// Pure functions over the course model; thresholds and word lists are the tables below,
// documented in docs/course-format.md.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "coursepack/core/course.h"
#include "coursepack/core/course_warnings.h"

namespace coursepack {

/// Fewer choices than this make a blind guess pay too often (few-choices).
inline constexpr std::size_t min_choices = 4;
/// choice-lengths fires when the longest choice of a question, in characters, is more than
/// this many times the shortest ...
inline constexpr int max_length_ratio_tenths = 25;
/// ... and longer by at least this many characters (so "5" and "1000" pass).
inline constexpr std::size_t min_length_gap = 10;
/// stem-clue considers words of at least this many characters (after folding).
inline constexpr std::size_t min_clue_length = 4;

/// Words that make a statement absolute ("always", "jamais"), for the language's primary
/// subtag ("fr" for "fr-BE"); empty for a language without a list.
std::span<const std::string_view> absolute_words(std::string_view language);
/// Function words of at least min_clue_length characters that never make a stem clue
/// ("which", "dans"); empty for a language without a list.
std::span<const std::string_view> stop_words(std::string_view language);
/// A word reduced so that singular and plural (and French feminine) forms compare equal:
/// "policies" -> "policy", "données" -> "donné". Other languages: unchanged.
std::string fold_word(std::string_view word, std::string_view language);

/// The checks on one question, in every language of `languages`: few-choices,
/// choice-repeated, absolute-word, stem-clue, choice-lengths. Pointers are relative to the
/// question ("/choices/2/text/en"). A question without exactly one correct choice is
/// skipped (validation reports it).
std::vector<Finding> check_question(const Question& question, std::span<const std::string> languages);

/// key-longest: in one language, the correct choice is the single longest (in characters)
/// in most of the module's questions (more than half, and at least 2). Pointer "/quiz".
std::vector<Finding> check_keys(const Module& module, std::span<const std::string> languages);

}  // namespace coursepack
