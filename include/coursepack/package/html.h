#pragma once

#include <string>
#include <string_view>

namespace coursepack {

/// Escapes & < > " ' for text and attribute values.
std::string escape_html(std::string_view text);

/// CommonMark to HTML in safe mode: raw HTML is dropped and javascript:, vbscript:,
/// file: and data: links are emptied. A leading level-1 heading is removed, since the
/// page shows the lesson title from course.json above it.
std::string render_markdown(std::string_view markdown);

}  // namespace coursepack
