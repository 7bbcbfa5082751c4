#include <pugixml.hpp>

#include <cstdio>
#include <set>
#include <string>

#include "coursepack/core/utf8.h"
#include "coursepack/xliff/xliff_document.h"

namespace coursepack::xliff {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Inline codes nest; a deeper nesting than any lesson needs is refused, so the recursion
// below is bounded whatever the input.
constexpr int kMaxCodeDepth = 32;

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  ReadResult run() {
    ReadResult result;
    // pugixml passes invalid UTF-8 through, and the record (JSON) cannot hold it: once an
    // uncaught exception in `xliff import`. UTF-16 and UTF-32 files pugixml converts itself.
    const bool wide = text_.starts_with("\xFF\xFE") || text_.starts_with("\xFE\xFF") ||
                      text_.substr(0, 4).find('\0') != std::string_view::npos;
    if (auto bad = find_invalid_utf8(text_); bad && !wide) {
      char byte[8];
      std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text_[*bad]));
      error(*bad, std::string("not UTF-8: byte ") + byte + " is no UTF-8 character (save the file as UTF-8)");
      result.errors = std::move(errors_);
      return result;
    }
    pugi::xml_document xml;
    const pugi::xml_parse_result parsed =
        xml.load_buffer(text_.data(), text_.size(), pugi::parse_default | pugi::parse_ws_pcdata);
    if (!parsed) {
      error(static_cast<std::size_t>(parsed.offset), std::string("not well-formed XML: ") + parsed.description());
      result.errors = std::move(errors_);
      return result;
    }
    const pugi::xml_node root = xml.document_element();
    if (std::string_view(root.name()) != "xliff") {
      error(root, "the root element is <" + std::string(root.name()) + ">, not <xliff>: not an XLIFF file");
    } else if (std::string_view version = root.attribute("version").value(); version != "2.0") {
      error(root, "XLIFF version \"" + std::string(version) + "\": coursepack reads XLIFF 2.0 only");
    } else {
      Document document;
      document.source_language = root.attribute("srcLang").value();
      document.target_language = root.attribute("trgLang").value();
      document.position = position(root);
      if (document.target_language.empty()) error(root, "<xliff> has no trgLang: which language do the targets hold?");
      for (pugi::xml_node file : root.children("file")) document.files.push_back(read_file(file));
      if (errors_.empty()) result.document = std::move(document);
    }
    result.errors = std::move(errors_);
    if (normalized_ > 0)
      result.assumptions.push_back(std::to_string(normalized_) +
                                   " targets had line breaks or runs of blanks around their codes; read by XML "
                                   "whitespace rules (indentation dropped, runs as one space)");
    if (stateless_ > 0)
      result.assumptions.push_back(std::to_string(stateless_) + " targets carry no state; taken as translated");
    return result;
  }

 private:
  File read_file(pugi::xml_node node) {
    File file{node.attribute("id").value(), node.attribute("original").value(), {}, position(node)};
    if (file.id.empty()) error(node, "<file> has no id");
    read_units(node, file, 0);
    return file;
  }

  // Units directly in the file or in <group>s, which tools may add.
  void read_units(pugi::xml_node parent, File& file, int depth) {
    for (pugi::xml_node child : parent.children()) {
      const std::string_view name = child.name();
      if (name == "unit") file.units.push_back(read_unit(child));
      if (name == "group" && depth < kMaxCodeDepth) read_units(child, file, depth + 1);
    }
  }

  Unit read_unit(pugi::xml_node node) {
    Unit unit;
    unit.id = node.attribute("id").value();
    unit.position = position(node);
    if (unit.id.empty()) error(node, "<unit> has no id");
    unit.preserve_space = std::string_view(node.attribute("xml:space").value()) == "preserve" ||
                          std::string_view(node.parent().attribute("xml:space").value()) == "preserve";
    for (pugi::xml_node note : node.child("notes").children("note"))
      unit.notes.push_back({note.attribute("category").value(), note.child_value()});
    bool has_target = false, first = true;
    Content target;
    for (pugi::xml_node segment : node.children()) {
      const std::string_view name = segment.name();
      if (name != "segment" && name != "ignorable") continue;
      if (!first) ++resegmented_;
      first = false;
      if (name == "segment" && unit.state.empty()) unit.state = segment.attribute("state").value();
      read_content(segment.child("source"), unit.source, 0);
      if (pugi::xml_node t = segment.child("target")) {
        if (!has_target) unit.target_position = position(t);
        has_target = true;
        read_content(t, target, 0);
      } else if (name == "ignorable") {
        read_content(segment.child("source"), target, 0);
      }
    }
    if (first) error(node, "unit \"" + unit.id + "\" has no <segment>");
    if (has_target) {
      if (!unit.preserve_space && normalize_space(target)) ++normalized_;
      if (unit.state.empty()) ++stateless_;
      unit.target = std::move(target);
    }
    if (!unit.preserve_space) normalize_space(unit.source);
    return unit;
  }

  void read_content(pugi::xml_node parent, Content& out, int depth) {
    for (pugi::xml_node child : parent.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        add_text(out, child.value());
        continue;
      }
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = child.name();
      const std::string id = child.attribute("id").value();
      if (name == "ph") {
        out.push_back({Piece::Kind::standalone, "", id});
      } else if (name == "pc") {
        if (depth >= kMaxCodeDepth) {
          error(child, "inline codes nested deeper than " + std::to_string(kMaxCodeDepth));
          return;
        }
        out.push_back({Piece::Kind::open, "", id});
        read_content(child, out, depth + 1);
        out.push_back({Piece::Kind::close, "", id});
      } else if (name == "mrk") {
        // An annotation (a term, a comment) a tool added: its text is the target's text.
        if (depth < kMaxCodeDepth) read_content(child, out, depth + 1);
      } else if (name == "cp") {
        // <cp hex="..."/>: a code point XML 1.0 cannot carry as a character.
        const unsigned long code = std::strtoul(child.attribute("hex").value(), nullptr, 16);
        std::string character;
        if (code < 0x110000) append_utf8(character, static_cast<char32_t>(code));
        add_text(out, character);
      } else {
        error(child, "<" + std::string(name) + "> is not supported in a segment: use <pc> and <ph> as in the source");
        return;
      }
      if (id.empty() && (name == "ph" || name == "pc")) error(child, "<" + std::string(name) + "> has no id");
    }
  }

  static void add_text(Content& out, std::string_view text) {
    if (!out.empty() && out.back().kind == Piece::Kind::text) {
      out.back().text += text;
    } else {
      out.push_back({Piece::Kind::text, std::string(text)});
    }
  }

  TextPosition position(pugi::xml_node node) const {
    // pugixml gives an element's name; messages point at its `<`.
    std::ptrdiff_t offset = node.offset_debug();
    if (offset > 0 && text_[static_cast<std::size_t>(offset) - 1] == '<') --offset;
    return position_of_offset(text_, offset < 0 ? 0 : static_cast<std::size_t>(offset));
  }
  void error(pugi::xml_node node, const std::string& message) { error_at(position(node), message); }
  void error(std::size_t offset, const std::string& message) {
    error_at(position_of_offset(text_, std::min(offset, text_.size())), message);
  }
  void error_at(TextPosition where, const std::string& message) {
    errors_.push_back(std::to_string(where.line) + ":" + std::to_string(where.column) + ": " + message);
  }

  std::string_view text_;
  std::vector<std::string> errors_;
  int normalized_ = 0, stateless_ = 0, resegmented_ = 0;
};

// Cuts a run of blanks at its first line break: the rest is a tool's indentation.
std::string cut_at_line_break(std::string_view run) {
  const std::size_t newline = run.find_first_of("\r\n");
  return std::string(run.substr(0, newline));
}

}  // namespace

bool normalize_space(Content& content) {
  bool changed = false;
  for (std::size_t i = 0; i < content.size(); ++i) {
    Piece& piece = content[i];
    if (piece.kind != Piece::Kind::text) continue;
    std::string& text = piece.text;
    const std::string before = text;
    std::size_t lead = 0;
    while (lead < text.size() && is_blank(text[lead])) ++lead;
    if (lead == text.size()) {
      text = cut_at_line_break(text);
    } else {
      std::size_t trail = text.size();
      while (trail > 0 && is_blank(text[trail - 1])) --trail;
      text = cut_at_line_break(std::string_view(text).substr(0, lead)) + text.substr(lead, trail - lead) +
             cut_at_line_break(std::string_view(text).substr(trail));
    }
    std::string collapsed;
    for (std::size_t j = 0; j < text.size(); ++j) {
      if (!is_blank(text[j])) {
        collapsed += text[j];
        continue;
      }
      collapsed += ' ';
      while (j + 1 < text.size() && is_blank(text[j + 1])) ++j;
    }
    text = std::move(collapsed);
    changed = changed || text != before;
  }
  std::erase_if(content, [](const Piece& piece) { return piece.kind == Piece::Kind::text && piece.text.empty(); });
  return changed;
}

ReadResult read_xliff(std::string_view text) { return Reader(text).run(); }

}  // namespace coursepack::xliff
