#include "coursepack/core/lesson_variants.h"

#include <algorithm>
#include <optional>
#include <set>

#include "coursepack/core/language_tag.h"

namespace coursepack {
namespace {

struct Line {
  std::size_t begin = 0;    // first byte
  std::size_t content = 0;  // end of the text, before "\r\n" or "\n"
  std::size_t end = 0;      // after the line feed
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t feed = text.find('\n', at);
    Line line{at, feed == std::string_view::npos ? text.size() : feed,
              feed == std::string_view::npos ? text.size() : feed + 1};
    if (line.content > line.begin && text[line.content - 1] == '\r') --line.content;
    lines.push_back(line);
    at = line.end;
  }
  return lines;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::size_t indentation(std::string_view text) {
  std::size_t n = 0;
  while (n < text.size() && text[n] == ' ') ++n;
  return n;
}

enum class MarkerKind { none, country, country_end, variant, variant_end, keep, malformed };

struct Marker {
  MarkerKind kind = MarkerKind::none;
  std::string_view argument = {};  // after "country:", "variant:", "keep:"
};

// A marker is an HTML comment alone on its line (at most 3 spaces in, as cmark reads an
// HTML block) whose text starts with one of our words; other comments are left alone.
Marker read_marker(std::string_view line) {
  if (indentation(line) > 3) return {};
  std::string_view text = trimmed(line);
  if (!text.starts_with("<!--") || !text.ends_with("-->") || text.size() < 7) return {};
  text = trimmed(text.substr(4, text.size() - 7));
  if (text == "/country") return {MarkerKind::country_end};
  if (text == "/variant") return {MarkerKind::variant_end};
  for (const auto& [word, kind] : {std::pair{std::string_view("country"), MarkerKind::country},
                                   std::pair{std::string_view("variant"), MarkerKind::variant},
                                   std::pair{std::string_view("keep"), MarkerKind::keep}}) {
    if (!text.starts_with(word)) continue;
    std::string_view rest = text.substr(word.size());
    if (!rest.empty() && rest.front() != ':' && rest.front() != ' ') continue;  // "<!-- keeping ... -->"
    if (rest.empty() || rest.front() != ':') return {MarkerKind::malformed, word};
    return {kind, trimmed(rest.substr(1))};
  }
  return {};
}

// Fenced code blocks show markers as examples: they are not markers there.
bool toggles_fence(std::string_view line, std::string& open_fence) {
  if (indentation(line) > 3) return false;
  const std::string_view text = trimmed(line);
  for (const char fence : {'`', '~'}) {
    std::size_t n = 0;
    while (n < text.size() && text[n] == fence) ++n;
    if (n < 3) continue;
    if (open_fence.empty()) {
      open_fence.assign(n, fence);
      return true;
    }
    if (open_fence[0] == fence && n >= open_fence.size() && trimmed(text.substr(n)).empty()) {
      open_fence.clear();
      return true;
    }
  }
  return false;
}

std::vector<std::string> split_tags(std::string_view text) {
  std::vector<std::string> tags;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = std::min(text.find_first_of(" ,", at), text.size());
    if (end > at) tags.emplace_back(text.substr(at, end - at));
    at = end + 1;
  }
  return tags;
}

class MarkerScanner {
 public:
  explicit MarkerScanner(std::string_view markdown) : text_(markdown), lines_(split_lines(markdown)) {}

  LessonMarkers scan() {
    std::string fence;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const int number = static_cast<int>(i) + 1;
      const std::string_view line = text_.substr(lines_[i].begin, lines_[i].content - lines_[i].begin);
      if (toggles_fence(line, fence) || !fence.empty()) {
        if (!in_passage_ && !in_variant_) after_passage_ = std::nullopt;
        continue;
      }
      const Marker marker = read_marker(line);
      switch (marker.kind) {
        case MarkerKind::none:
          if (!trimmed(line).empty() && !in_passage_ && !in_variant_) after_passage_ = std::nullopt;
          break;
        case MarkerKind::malformed:
          problem(number, indentation(line) + 1,
                  "marker \"" + std::string(trimmed(line)) + "\": write a colon after \"" +
                      std::string(marker.argument) + "\", like <!-- " + std::string(marker.argument) + ": " +
                      (marker.argument == "country" ? "FR" : "fr-BE") + " -->");
          break;
        case MarkerKind::country: open_passage(number, line, marker.argument); break;
        case MarkerKind::country_end:
          if (!in_passage_) {
            problem(number, indentation(line) + 1, "<!-- /country --> closes no <!-- country: XX --> passage");
          } else {
            in_passage_ = false;
            out_.passages.back().end_line = number;
            after_passage_ = out_.passages.size() - 1;
          }
          break;
        case MarkerKind::variant:
        case MarkerKind::keep: open_variant(number, line, marker); break;
        case MarkerKind::variant_end:
          if (!in_variant_) {
            problem(number, indentation(line) + 1, "<!-- /variant --> closes no <!-- variant: TAG --> block");
          } else {
            in_variant_ = false;
            if (after_passage_) out_.passages[*after_passage_].variants.back().end_line = number;
          }
          break;
      }
    }
    if (in_passage_)
      problem(out_.passages.back().line, 1, "<!-- country: " + out_.passages.back().country +
                                                " --> is never closed: end the passage with <!-- /country -->");
    if (in_variant_) problem(variant_line_, 1, "<!-- variant: --> is never closed: end it with <!-- /variant -->");
    std::stable_sort(out_.problems.begin(), out_.problems.end(),
                     [](const MarkerProblem& a, const MarkerProblem& b) { return a.line < b.line; });
    return std::move(out_);
  }

 private:
  void problem(int line, std::size_t column, std::string message) {
    out_.problems.push_back({line, static_cast<int>(column), std::move(message)});
  }

  bool nested(int number, std::string_view line, std::string_view what) {
    if (!in_passage_ && !in_variant_) return false;
    problem(number, indentation(line) + 1,
            std::string(what) + " inside " +
                (in_passage_ ? "the passage of line " + std::to_string(out_.passages.back().line)
                             : "the variant of line " + std::to_string(variant_line_)) +
                ": markers do not nest");
    return true;
  }

  void open_passage(int number, std::string_view line, std::string_view country) {
    if (nested(number, line, "<!-- country: -->")) return;
    if (std::string why = country_code_problem(country); !why.empty()) problem(number, indentation(line) + 1, why);
    out_.passages.push_back({std::string(country), number, number, {}});
    in_passage_ = true;
    after_passage_ = std::nullopt;
  }

  void open_variant(int number, std::string_view line, const Marker& marker) {
    const bool keep = marker.kind == MarkerKind::keep;
    const std::string what = keep ? "<!-- keep: -->" : "<!-- variant: -->";
    if (nested(number, line, what)) return;
    if (!after_passage_) {
      problem(number, indentation(line) + 1,
              what + " must follow a country passage: only blank lines and other variants between "
                     "<!-- /country --> and it");
      // Its closing marker still closes it: one mistake, one message.
      in_variant_ = !keep;
      variant_line_ = number;
      return;
    }
    CountryPassage& passage = out_.passages[*after_passage_];
    const std::vector<std::string> tags = split_tags(marker.argument);
    if (tags.empty()) problem(number, indentation(line) + 1, what + " names no language tag, like fr-BE");
    for (const auto& tag : tags) {
      if (std::string why = language_tag_problem(tag); !why.empty()) problem(number, indentation(line) + 1, why);
      for (const auto& variant : passage.variants)
        if (std::find(variant.tags.begin(), variant.tags.end(), tag) != variant.tags.end())
          problem(number, indentation(line) + 1,
                  "the passage of line " + std::to_string(passage.line) + " already has a variant for \"" + tag +
                      "\" (line " + std::to_string(variant.line) + ")");
    }
    passage.variants.push_back({tags, number, number, keep});
    in_variant_ = !keep;
    variant_line_ = number;
  }

  std::string_view text_;
  std::vector<Line> lines_;
  LessonMarkers out_;
  bool in_passage_ = false;
  bool in_variant_ = false;
  int variant_line_ = 0;  // the variant block open, when in_variant_
  std::optional<std::size_t> after_passage_;  // the passage variants may still follow
};

bool names(const PassageVariant& variant, std::string_view tag) {
  return std::find(variant.tags.begin(), variant.tags.end(), tag) != variant.tags.end();
}

}  // namespace

LessonMarkers find_lesson_markers(std::string_view markdown) { return MarkerScanner(markdown).scan(); }

std::string resolve_lesson_variants(std::string_view markdown, std::string_view tag) {
  // Most lessons have no variant: leave them untouched without scanning. Every variant
  // and keep marker holds "variant:" or "keep:" (read_marker).
  if (markdown.find("variant:") == std::string_view::npos && markdown.find("keep:") == std::string_view::npos)
    return std::string(markdown);
  const LessonMarkers markers = find_lesson_markers(markdown);
  if (!markers.problems.empty()) return std::string(markdown);
  std::set<int> blank;
  const auto blank_lines = [&](int from, int to) {
    for (int n = from; n <= to; ++n) blank.insert(n);
  };
  for (const auto& passage : markers.passages) {
    const PassageVariant* chosen = nullptr;
    for (const auto& variant : passage.variants) {
      blank_lines(variant.line, variant.end_line);
      if (names(variant, tag)) chosen = &variant;
    }
    if (!chosen) continue;
    if (chosen->keep) {
      blank.insert(passage.line);
      blank.insert(passage.end_line);
    } else {
      blank_lines(passage.line, passage.end_line);
      for (int n = chosen->line + 1; n < chosen->end_line; ++n) blank.erase(n);
    }
  }
  std::string out;
  out.reserve(markdown.size());
  const std::vector<Line> lines = split_lines(markdown);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (blank.contains(static_cast<int>(i) + 1))
      out.append(markdown.substr(lines[i].content, lines[i].end - lines[i].content));
    else
      out.append(markdown.substr(lines[i].begin, lines[i].end - lines[i].begin));
  }
  return out;
}

std::string variant_file_path(std::string_view base_path, std::string_view base, std::string_view tag) {
  const std::string folder = "/" + std::string(base) + "/";
  if (const std::size_t at = base_path.find(folder); at != std::string_view::npos)
    return std::string(base_path.substr(0, at)) + "/" + std::string(tag) + "/" +
           std::string(base_path.substr(at + folder.size()));
  if (base_path.starts_with(std::string(base) + "/"))
    return std::string(tag) + std::string(base_path.substr(base.size()));
  return "";
}

std::vector<std::pair<std::size_t, std::size_t>> variant_ranges(std::string_view markdown) {
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  if (markdown.find("variant:") == std::string_view::npos) return ranges;
  const LessonMarkers markers = find_lesson_markers(markdown);
  const std::vector<Line> lines = split_lines(markdown);
  for (const auto& passage : markers.passages)
    for (const auto& variant : passage.variants)
      if (!variant.keep && variant.end_line > variant.line)
        ranges.emplace_back(lines[variant.line - 1].begin, lines[variant.end_line - 1].end);
  return ranges;
}

}  // namespace coursepack
