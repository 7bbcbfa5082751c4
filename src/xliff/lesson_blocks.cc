#include "coursepack/xliff/lesson_blocks.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <memory>

namespace coursepack::xliff {
namespace {

// Byte offset of each line's start (cmark's lines and columns are 1-based, in bytes).
std::vector<std::size_t> line_starts(std::string_view text) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts.push_back(i + 1);
  return starts;
}

std::size_t offset_of(const std::vector<std::size_t>& starts, std::string_view text, int line, int column) {
  if (line < 1) return 0;
  if (static_cast<std::size_t>(line) > starts.size()) return text.size();
  return std::min(text.size(), starts[line - 1] + static_cast<std::size_t>(std::max(column, 1) - 1));
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Narrows [begin, end) to the text inside: no surrounding blanks, and for an ATX heading
// no `#` markers (the closing sequence only when a blank precedes it, as in CommonMark).
void trim(std::string_view text, std::size_t& begin, std::size_t& end) {
  while (begin < end && is_blank(text[begin])) ++begin;
  while (end > begin && is_blank(text[end - 1])) --end;
}

void trim_atx(std::string_view text, std::size_t& begin, std::size_t& end) {
  trim(text, begin, end);
  while (begin < end && text[begin] == '#') ++begin;
  trim(text, begin, end);
  std::size_t closing = end;
  while (closing > begin && text[closing - 1] == '#') --closing;
  if (closing < end && (closing == begin || is_blank(text[closing - 1]))) {
    end = closing;
    trim(text, begin, end);
  }
}

// A table row's cells: the text between unescaped pipes, outside code spans.
void add_cells(std::string_view text, std::size_t begin, std::size_t end, std::vector<LessonBlock>& out,
               int line, int column) {
  std::size_t cell = begin;
  bool in_code = false;
  auto push = [&](std::size_t from, std::size_t to) {
    trim(text, from, to);
    if (from < to) out.push_back({"table cell", from, to, line, column + static_cast<int>(from - begin)});
  };
  std::size_t i = begin;
  if (i < end && text[i] == '|') cell = ++i;
  for (; i < end; ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '`') {
      in_code = !in_code;
    } else if (text[i] == '|' && !in_code) {
      push(cell, i);
      cell = i + 1;
    }
  }
  push(cell, end);
}

std::string kind_of(cmark_node* node) {
  const std::string_view type = cmark_node_get_type_string(node);
  if (type == "heading") return "heading";
  for (cmark_node* parent = cmark_node_parent(node); parent; parent = cmark_node_parent(parent)) {
    const std::string_view container = cmark_node_get_type_string(parent);
    if (container == "item") return "list item";
    if (container == "block_quote") return "quote";
  }
  return "paragraph";
}

}  // namespace

std::vector<LessonBlock> lesson_blocks(std::string_view markdown) {
  cmark_gfm_core_extensions_ensure_registered();
  std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(cmark_parser_new(CMARK_OPT_DEFAULT),
                                                                      &cmark_parser_free);
  for (const char* name : {"table", "strikethrough"})
    if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), extension);
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, decltype(&cmark_node_free)> root(cmark_parser_finish(parser.get()), &cmark_node_free);

  const auto starts = line_starts(markdown);
  std::vector<LessonBlock> blocks;
  cmark_iter* iter = cmark_iter_new(root.get());
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter);
    const std::string_view type = cmark_node_get_type_string(node);
    if (type != "paragraph" && type != "heading" && type != "table_row" && type != "table_header") continue;
    const int line = cmark_node_get_start_line(node), column = cmark_node_get_start_column(node);
    std::size_t begin = offset_of(starts, markdown, line, column);
    std::size_t end = offset_of(starts, markdown, cmark_node_get_end_line(node), cmark_node_get_end_column(node) + 1);
    if (type == "table_row" || type == "table_header") {
      add_cells(markdown, begin, end, blocks, line, column);
      continue;
    }
    if (type == "heading") {
      // A setext heading's underline is its last line: not text.
      if (cmark_node_get_end_line(node) > line) {
        std::size_t underline = markdown.rfind('\n', end > begin ? end - 1 : begin);
        if (underline != std::string_view::npos && underline > begin) end = underline;
        trim(markdown, begin, end);
      } else {
        trim_atx(markdown, begin, end);
      }
    } else {
      trim(markdown, begin, end);
    }
    if (begin >= end) continue;
    const int shift = static_cast<int>(begin - offset_of(starts, markdown, line, column));
    blocks.push_back({kind_of(node), begin, end, line, column + shift});
  }
  cmark_iter_free(iter);
  return blocks;
}

std::string replace_blocks(std::string_view markdown, const std::vector<LessonBlock>& blocks,
                           const std::vector<std::string>& texts) {
  std::string out;
  std::size_t at = 0;
  for (std::size_t i = 0; i < blocks.size() && i < texts.size(); ++i) {
    out.append(markdown.substr(at, blocks[i].begin - at));
    out += texts[i];
    at = blocks[i].end;
  }
  out.append(markdown.substr(at));
  return out;
}

}  // namespace coursepack::xliff
