#include <cmark.h>

#include <memory>

#include "coursepack/package/html.h"

namespace coursepack {

std::string escape_html(std::string_view text) {
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

std::string render_markdown(std::string_view markdown) {
  // cmark 0.30 is safe by default (CMARK_OPT_UNSAFE is what would let raw HTML and
  // dangerous URLs through); CMARK_OPT_SAFE is kept for older cmark where it was opt-in.
  constexpr int options = CMARK_OPT_SAFE | CMARK_OPT_SMART;
  std::unique_ptr<cmark_node, decltype(&cmark_node_free)> document(
      cmark_parse_document(markdown.data(), markdown.size(), options), &cmark_node_free);
  if (cmark_node* first = cmark_node_first_child(document.get());
      first && cmark_node_get_type(first) == CMARK_NODE_HEADING && cmark_node_get_heading_level(first) == 1) {
    cmark_node_unlink(first);
    cmark_node_free(first);
  }
  std::unique_ptr<char, decltype(&free)> html(cmark_render_html(document.get(), options), &free);
  return html ? std::string(html.get()) : std::string();
}

}  // namespace coursepack
