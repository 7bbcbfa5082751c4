#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "coursepack/core/html_escape.h"
#include "coursepack/core/lesson_media.h"

namespace coursepack {

// escape_html(): coursepack/core/html_escape.h, shared with the report.

/// What the lesson renderer needs to know beyond the Markdown.
struct MarkdownOptions {
  std::string language;         // typesets text nodes with its rules (coursepack/core/typography.h)
  std::string lesson_file;      // course-relative: local images and files resolve from its folder
  std::string new_window_note;  // visually hidden after each external link, e.g. "(opens in a new window)"
  std::string table_label;      // names the scrollable region around each table
  std::string code_label;       // names the scrollable region around each code block
};

/// Where render_markdown puts a course file in the package, relative to the module's page.
std::string media_package_path(std::string_view course_path);

/// GitHub-flavoured Markdown (CommonMark and tables) to HTML, safe: raw HTML is dropped (so
/// the `<!-- country: XX -->` markers vanish) and a javascript:, vbscript:, file: or data:
/// link becomes its text. A leading level-1 heading is removed (the page shows the lesson
/// title, an h2, above it) and the other headings shift so the highest is an h3. Local
/// images and links point into the package (media_package_path); http(s) links open a new
/// window, say so, and get rel="noopener noreferrer". Tables and code blocks sit in a
/// focusable region that scrolls on narrow screens. Text nodes are typeset; code is not.
std::string render_markdown(std::string_view markdown, const MarkdownOptions& options = {});

/// The images and links of a lesson, located in its text (for check_lesson_media).
std::vector<MediaReference> find_media(std::string_view markdown);

}  // namespace coursepack
