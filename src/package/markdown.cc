#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

#include "coursepack/core/html_escape.h"
#include "coursepack/core/markdown_limits.h"
#include "coursepack/core/typography.h"
#include "coursepack/core/utf8.h"
#include "coursepack/package/html.h"

namespace coursepack {
namespace {

// A parsed document and the parser that owns its extensions (the renderer needs them).
class Document {
 public:
  Document(std::string_view markdown, int options) {
    cmark_gfm_core_extensions_ensure_registered();
    parser_.reset(cmark_parser_new(options));
    for (const char* name : {"table", "strikethrough"})
      if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name))
        cmark_parser_attach_syntax_extension(parser_.get(), extension);
    cmark_parser_feed(parser_.get(), markdown.data(), markdown.size());
    root_.reset(cmark_parser_finish(parser_.get()));
  }
  cmark_node* root() const { return root_.get(); }
  std::string html(int options) const {
    std::unique_ptr<char, decltype(&free)> out(
        cmark_render_html(root_.get(), options, cmark_parser_get_syntax_extensions(parser_.get())), &free);
    return out ? std::string(out.get()) : std::string();
  }

 private:
  std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser_{nullptr, &cmark_parser_free};
  std::unique_ptr<cmark_node, decltype(&cmark_node_free)> root_{nullptr, &cmark_node_free};
};

// Every node in document order, collected first: the passes below unlink and wrap nodes,
// which an open iterator must not see.
std::vector<cmark_node*> nodes_of(cmark_node* root) {
  std::vector<cmark_node*> nodes;
  cmark_iter* iter = cmark_iter_new(root);
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;)
    if (event == CMARK_EVENT_ENTER) nodes.push_back(cmark_iter_get_node(iter));
  cmark_iter_free(iter);
  return nodes;
}

std::string_view type_of(cmark_node* node) { return cmark_node_get_type_string(node); }
std::string_view url_of(cmark_node* node) {
  const char* url = cmark_node_get_url(node);
  return url ? url : "";
}

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The URLs cmark's safe mode empties (cmark's _scan_dangerous_url): javascript:, vbscript:,
// file:, and data: other than a few image types. An empty href would reload the SCO inside
// the LMS, so such a link, or one with no URL at all, is rendered as its text.
bool renders_as_text(std::string_view url) {
  const std::string lower = lowercase(url.substr(0, 16));
  if (lower.empty()) return true;
  for (const char* scheme : {"javascript:", "vbscript:", "file:"})
    if (lower.starts_with(scheme)) return true;
  if (!lower.starts_with("data:")) return false;
  for (const char* image : {"data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"})
    if (lower.starts_with(image)) return false;
  return true;
}

bool is_external(std::string_view url) {
  const std::string lower = lowercase(url.substr(0, 8));
  return lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("//");
}

// An href as cmark writes one (houdini_escape_href): reserved URL characters kept, others
// percent-encoded, & and ' escaped for the attribute.
std::string escape_href(std::string_view url) {
  static constexpr std::string_view kKept = "-_.!~*'();/?:@&=+$,%#[]";
  std::string out;
  for (unsigned char c : url) {
    if (std::isalnum(c) || kKept.find(static_cast<char>(c)) != std::string_view::npos) {
      out += c == '&' ? "&amp;" : c == '\'' ? "&#39;" : std::string(1, static_cast<char>(c));
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// Moves `node`'s children before it, then frees it.
void unwrap(cmark_node* node) {
  while (cmark_node* child = cmark_node_first_child(node)) cmark_node_insert_before(node, child);
  cmark_node_free(node);
}

// Puts `node` inside a new node of `type` whose HTML is `open` ... `close`.
void wrap(cmark_node* node, cmark_node_type type, const std::string& open, const std::string& close) {
  cmark_node* wrapper = cmark_node_new(type);
  cmark_node_set_on_enter(wrapper, open.c_str());
  cmark_node_set_on_exit(wrapper, close.c_str());
  cmark_node_insert_before(node, wrapper);
  cmark_node_append_child(wrapper, node);
}

std::string region(const char* css_class, const std::string& label) {
  return std::string("<div class=\"") + css_class + "\" tabindex=\"0\" role=\"region\"" +
         (label.empty() ? "" : " aria-label=\"" + escape_html(label) + "\"") + ">";
}

void remove_leading_title(cmark_node* root) {
  cmark_node* first = cmark_node_first_child(root);
  if (first && type_of(first) == "heading" && cmark_node_get_heading_level(first) == 1) cmark_node_free(first);
}

// The lesson title is an h2: the highest heading left becomes an h3, the others follow.
void shift_headings(const std::vector<cmark_node*>& nodes) {
  int highest = 7;
  for (cmark_node* node : nodes)
    if (type_of(node) == "heading") highest = std::min(highest, cmark_node_get_heading_level(node));
  for (cmark_node* node : nodes)
    if (type_of(node) == "heading")
      cmark_node_set_heading_level(node, std::min(6, cmark_node_get_heading_level(node) - highest + 3));
}

// Text nodes typeset in the page language; code spans, code blocks and URLs are other node
// types, and image descriptions (an attribute once rendered) are skipped.
void typeset_text(cmark_node* root, const std::string& language) {
  if (language.empty()) return;
  char32_t context = 0;
  int in_image = 0;
  cmark_iter* iter = cmark_iter_new(root);
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    const std::string_view type = type_of(node);
    if (type == "image") {
      in_image += event == CMARK_EVENT_ENTER ? 1 : -1;
    } else if (event == CMARK_EVENT_ENTER && type == "text" && !in_image) {
      const std::string text = typeset(cmark_node_get_literal(node), language, context);
      cmark_node_set_literal(node, text.c_str());
      context = last_code_point(text);
    } else if (type == "code") {
      context = last_code_point(cmark_node_get_literal(node));
    } else if (type == "softbreak" || type == "linebreak") {
      context = U' ';
    } else if ((cmark_node_get_type(node) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK) {
      context = 0;
    }
  }
  cmark_iter_free(iter);
}

}  // namespace

std::string media_package_path(std::string_view course_path) { return "media/" + std::string(course_path); }

namespace {

// A paragraph with too many "[" (markdown_limits.h) with each one escaped: cmark then reads
// them as text, in linear time. Validation refuses such lessons; this keeps any caller safe.
// Escaping changes nothing outside those paragraphs, whose "[" then open no link: the
// positions find_media reports stay right.
std::string without_bracket_floods(std::string_view markdown) {
  std::string out;
  std::size_t copied = 0;
  for (const auto& flood : find_bracket_floods(markdown)) {
    out.append(markdown.substr(copied, flood.begin - copied));
    for (char c : markdown.substr(flood.begin, flood.end - flood.begin)) {
      if (c == '[') out += '\\';
      out += c;
    }
    copied = flood.end;
  }
  out.append(markdown.substr(copied));
  return out;
}

}  // namespace

std::string render_markdown(std::string_view source, const MarkdownOptions& options) {
  const std::string markdown = without_bracket_floods(source);
  // cmark-gfm is safe unless CMARK_OPT_UNSAFE is given: raw HTML and dangerous URLs never
  // reach the page. Raw HTML nodes are removed rather than left as "raw HTML omitted".
  constexpr int kOptions = CMARK_OPT_SMART;
  Document document(markdown, kOptions);
  remove_leading_title(document.root());
  typeset_text(document.root(), options.language);
  const std::vector<cmark_node*> nodes = nodes_of(document.root());
  shift_headings(nodes);
  for (cmark_node* node : nodes) {
    const std::string_view type = type_of(node);
    if (type == "html_block" || type == "html_inline") {
      cmark_node_free(node);
    } else if (type == "code_block") {
      wrap(node, CMARK_NODE_CUSTOM_BLOCK, region("code-region", options.code_label), "</div>");
    } else if (type == "table") {
      wrap(node, CMARK_NODE_CUSTOM_BLOCK, region("table-region", options.table_label), "</div>");
    } else if (type == "image" || type == "link") {
      const std::string url(url_of(node));
      const MediaPath local = resolve_media(options.lesson_file, url);
      if (local.local && local.error.empty()) {
        cmark_node_set_url(node, media_package_path(local.path).c_str());
      } else if (type == "link" && renders_as_text(url)) {
        unwrap(node);
      } else if (type == "link" && is_external(url)) {
        const char* title = cmark_node_get_title(node);
        std::string open = "<a href=\"" + escape_href(url) + "\"";
        if (title && *title) open += " title=\"" + escape_html(title) + "\"";
        open += " target=\"_blank\" rel=\"noopener noreferrer\">";
        const std::string close =
            (options.new_window_note.empty()
                 ? std::string()
                 : "<span class=\"visually-hidden\"> " + escape_html(options.new_window_note) + "</span>") +
            "</a>";
        cmark_node* anchor = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
        cmark_node_set_on_enter(anchor, open.c_str());
        cmark_node_set_on_exit(anchor, close.c_str());
        cmark_node_insert_before(node, anchor);
        while (cmark_node* child = cmark_node_first_child(node)) cmark_node_append_child(anchor, child);
        cmark_node_free(node);
      }
    }
  }
  return document.html(kOptions);
}

std::vector<MediaReference> find_media(std::string_view source) {
  const std::string markdown = without_bracket_floods(source);
  // Where each line starts, to turn cmark's byte columns into character columns.
  std::vector<std::size_t> line_starts{0};
  for (std::size_t i = 0; i < markdown.size(); ++i)
    if (markdown[i] == '\n') line_starts.push_back(i + 1);
  Document document(markdown, CMARK_OPT_SOURCEPOS);
  std::vector<MediaReference> references;
  for (cmark_node* node : nodes_of(document.root())) {
    const std::string_view type = type_of(node);
    if (type != "image" && type != "link") continue;
    MediaReference reference;
    reference.url = std::string(url_of(node));
    reference.image = type == "image";
    const int line = std::max(1, cmark_node_get_start_line(node));
    const int byte_column = std::max(1, cmark_node_get_start_column(node));
    const std::size_t start = line_starts[std::min<std::size_t>(line - 1, line_starts.size() - 1)];
    reference.position = {line, static_cast<int>(count_code_points(markdown.substr(
                                    start, std::min<std::size_t>(byte_column - 1, markdown.size() - start)))) +
                                    1};
    for (cmark_node* child : nodes_of(node)) {
      const char* literal = cmark_node_get_literal(child);
      if (child != node && literal && std::string_view(literal).find_first_not_of(" \t\n") != std::string_view::npos)
        reference.has_alt = true;
    }
    references.push_back(std::move(reference));
  }
  return references;
}

}  // namespace coursepack
