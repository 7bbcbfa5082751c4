#pragma once
// Country-specific passages of a lesson and their variants, marked by HTML comments that
// the safe renderer drops and that XLIFF export keeps out of the units (docs/translating.md,
// "Country variants"). Each marker stands alone on its line:
//
//   <!-- country: FR -->          a passage that holds in one country (whole blocks)
//   ...
//   <!-- /country -->
//   <!-- variant: fr-BE -->       right after a passage: what replaces it for fr-BE
//   ...                           (empty: the passage is left out for fr-BE)
//   <!-- /variant -->
//   <!-- keep: sk de-AT -->       right after a passage: it holds as written for sk, de-AT
//
// A variant or keep line may name several language tags. Resolution blanks lines instead
// of removing them, so lines keep their numbers and blocks never run together.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace coursepack {

struct PassageVariant {
  std::vector<std::string> tags;
  int line = 0;      // the opening marker; a keep line's own line
  int end_line = 0;  // the closing marker; equals `line` for a keep line
  bool keep = false;
};

struct CountryPassage {
  std::string country;  // "FR"
  int line = 0;         // 1-based line of `<!-- country: FR -->`
  int end_line = 0;     // line of `<!-- /country -->`
  std::vector<PassageVariant> variants;
};

struct MarkerProblem {
  int line = 0;
  int column = 1;
  std::string message;
};

struct LessonMarkers {
  std::vector<CountryPassage> passages;
  std::vector<MarkerProblem> problems;  // in line order; passages are not to be trusted when any
};

/// The marked passages of `markdown`. Never fails: a marker that does not fit (unclosed,
/// nested, a variant after no passage, a bad country code or language tag, a tag named
/// twice for one passage) is a problem with its line.
LessonMarkers find_lesson_markers(std::string_view markdown);

/// `markdown` as a reader in `tag` sees it: each passage with a variant for `tag` is
/// replaced by it, a passage kept for `tag` loses its markers (it is no longer another
/// country's), and every other variant and keep line is blanked. A text without variant or
/// keep markers, or whose markers have problems, is returned unchanged.
std::string resolve_lesson_variants(std::string_view markdown, std::string_view tag);

/// Where a lesson file of region variant `tag` goes when course.json names none: the
/// base language's path with its language folder renamed ("lessons/fr/1-3-1.md", "fr",
/// "fr-BE" -> "lessons/fr-BE/1-3-1.md"); empty when the path has no such folder.
std::string variant_file_path(std::string_view base_path, std::string_view base, std::string_view tag);

/// The byte ranges [begin, end) of `markdown` inside variant blocks, markers included:
/// text written for one language tag only, which is never a unit to translate.
std::vector<std::pair<std::size_t, std::size_t>> variant_ranges(std::string_view markdown);

}  // namespace coursepack
