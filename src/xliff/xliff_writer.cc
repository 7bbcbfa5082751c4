#include <string>

#include "coursepack/xliff/xliff_document.h"

namespace coursepack::xliff {
namespace {

// XML 1.0 text: markup characters escaped; a carriage return as a reference, or the
// parser would fold CRLF into LF; other control characters, which XML 1.0 cannot carry,
// as XLIFF's <cp> (only where <cp> is allowed: `in_attribute` false).
std::string escaped(std::string_view text, bool in_attribute) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += in_attribute ? "&quot;" : "\""; break;
      case '\r': out += "&#13;"; break;
      case '\n': out += in_attribute ? "&#10;" : "\n"; break;
      case '\t': out += in_attribute ? "&#9;" : "\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          static constexpr char kHex[] = "0123456789ABCDEF";
          const auto byte = static_cast<unsigned char>(c);
          out += in_attribute ? std::string("?") : std::string("<cp hex=\"00") + kHex[byte >> 4] + kHex[byte & 15] + "\"/>";
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string attribute(std::string_view name, std::string_view value) {
  return value.empty() ? std::string() : " " + std::string(name) + "=\"" + escaped(value, true) + "\"";
}

std::string data_id(const Piece& piece) {
  switch (piece.kind) {
    case Piece::Kind::open: return "d" + piece.id + "s";
    case Piece::Kind::close: return "d" + piece.id + "e";
    default: return "d" + piece.id;
  }
}

std::string code_attributes(const Piece& piece) {
  return attribute("type", piece.type) + attribute("subType", piece.sub_type) +
         (piece.can_delete ? "" : " canDelete=\"no\"");
}

// Inline content: paired codes as nested <pc>, placeholders as <ph/>.
std::string inline_xml(const Content& content) {
  std::string out;
  for (std::size_t i = 0; i < content.size(); ++i) {
    const Piece& piece = content[i];
    switch (piece.kind) {
      case Piece::Kind::text: out += escaped(piece.text, false); break;
      case Piece::Kind::standalone:
        out += "<ph id=\"" + piece.id + "\" dataRef=\"" + data_id(piece) + "\"" + code_attributes(piece) +
               attribute("disp", piece.disp) + "/>";
        break;
      case Piece::Kind::open: {
        std::string end_ref;
        for (std::size_t j = i + 1; j < content.size(); ++j)
          if (content[j].kind == Piece::Kind::close && content[j].id == piece.id) end_ref = data_id(content[j]);
        out += "<pc id=\"" + piece.id + "\" dataRefStart=\"" + data_id(piece) + "\"" + attribute("dataRefEnd", end_ref) +
               code_attributes(piece) + ">";
        break;
      }
      case Piece::Kind::close: out += "</pc>"; break;
    }
  }
  return out;
}

}  // namespace

std::string write_xliff(const Document& document) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\"" +
         attribute("srcLang", document.source_language) + attribute("trgLang", document.target_language) + ">\n";
  for (const auto& file : document.files) {
    out += "  <file" + attribute("id", file.id) + attribute("original", file.original) + ">\n";
    for (const auto& unit : file.units) {
      out += "    <unit" + attribute("id", unit.id) + " canResegment=\"no\"" +
             (unit.preserve_space ? " xml:space=\"preserve\"" : "") + ">\n";
      if (!unit.notes.empty()) {
        out += "      <notes>\n";
        for (const auto& note : unit.notes)
          out += "        <note" + attribute("category", note.category) + ">" + escaped(note.text, false) + "</note>\n";
        out += "      </notes>\n";
      }
      std::string data;
      for (const auto& piece : unit.source)
        if (piece.kind != Piece::Kind::text)
          data += "        <data id=\"" + data_id(piece) + "\">" + escaped(piece.text, false) + "</data>\n";
      if (!data.empty()) out += "      <originalData>\n" + data + "      </originalData>\n";
      out += "      <segment" + (unit.target ? attribute("state", unit.state) : std::string()) + ">\n";
      out += "        <source>" + inline_xml(unit.source) + "</source>\n";
      if (unit.target) out += "        <target>" + inline_xml(*unit.target) + "</target>\n";
      out += "      </segment>\n    </unit>\n";
    }
    out += "  </file>\n";
  }
  out += "</xliff>\n";
  return out;
}

}  // namespace coursepack::xliff
