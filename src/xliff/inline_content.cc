#include "coursepack/xliff/inline_content.h"

#include <cctype>
#include <map>

namespace coursepack::xliff {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
// Bytes of multi-byte UTF-8 characters count as word characters: `_` inside "données_x"
// is no emphasis, as in CommonMark.
bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80; }
bool is_punct(char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; }

// The tokenizer's state: the pieces so far and the codes still open. A link's or image's
// opening code knows where its text ends (`close_at`) and where its address ends (`end`).
class Tokenizer {
 public:
  explicit Tokenizer(std::string_view raw) : raw_(raw) {}

  Content run() {
    std::size_t i = 0;
    while (i < raw_.size()) {
      if (!open_.empty() && open_.back().link && i == open_.back().close_at) {
        i = close_link();
        continue;
      }
      i = step(i);
    }
    while (!open_.empty()) revert(open_.back().piece), open_.pop_back();
    return finish();
  }

 private:
  struct Open {
    std::size_t piece;       // index of the opening piece
    std::string delimiter;   // emphasis: "*", "**", "_", "__", "~~"
    bool link = false;
    std::size_t close_at = 0, end = 0;
  };

  std::size_t step(std::size_t i) {
    const char c = raw_[i];
    if (c == '\\' && i + 1 < raw_.size()) {
      if (raw_[i + 1] == '\n') return line_break(i, i + 1, true);
      return text(i, is_punct(raw_[i + 1]) ? 2 : 1);
    }
    if (c == '`') return code_span(i);
    if (c == '<') return html(i);
    if (c == '[' || (c == '!' && i + 1 < raw_.size() && raw_[i + 1] == '[')) return link(i);
    if (c == '*' || c == '_' || c == '~') return emphasis(i);
    if (c == ' ' || c == '\t') {
      std::size_t j = i;
      while (j < raw_.size() && (raw_[j] == ' ' || raw_[j] == '\t')) ++j;
      if (j < raw_.size() && raw_[j] == '\n') return line_break(i, j, j - i >= 2);
      return text(i, j - i);
    }
    if (c == '\n') return line_break(i, i, false);
    return text(i, 1);
  }

  std::size_t text(std::size_t i, std::size_t n) {
    add({Piece::Kind::text, std::string(raw_.substr(i, n))});
    return i + n;
  }

  // From `i` (trailing spaces or a backslash) through the newline at `newline` and the
  // next line's container prefix (indentation, `>`): one placeholder. A soft break may be
  // left out of a target; the translator then writes a space where one is needed.
  std::size_t line_break(std::size_t i, std::size_t newline, bool hard) {
    std::size_t j = newline + 1;
    while (j < raw_.size() && (raw_[j] == ' ' || raw_[j] == '\t' || raw_[j] == '>')) ++j;
    Piece piece{Piece::Kind::standalone, std::string(raw_.substr(i, j - i)), next_id(), "fmt", "xlf:lb",
                hard ? "\xe2\x86\xb5" : " "};
    piece.can_delete = !hard;
    add(std::move(piece));
    return j;
  }

  std::size_t code_span(std::size_t i) {
    std::size_t run = 0;
    while (i + run < raw_.size() && raw_[i + run] == '`') ++run;
    for (std::size_t j = i + run; j < raw_.size();) {
      if (raw_[j] != '`') {
        ++j;
        continue;
      }
      std::size_t closing = 0;
      while (j + closing < raw_.size() && raw_[j + closing] == '`') ++closing;
      if (closing == run) {
        const std::string data(raw_.substr(i, j + run - i));
        add({Piece::Kind::standalone, data, next_id(), "other", "", data});
        return j + run;
      }
      j += closing;
    }
    return text(i, run);
  }

  // Inline HTML (`<br>`, `<span ...>`) and autolinks (`<https://...>`): one placeholder.
  std::size_t html(std::size_t i) {
    if (i + 1 >= raw_.size()) return text(i, 1);
    const char next = raw_[i + 1];
    if (!std::isalpha(static_cast<unsigned char>(next)) && next != '/' && next != '!' && next != '?') return text(i, 1);
    for (std::size_t j = i + 1; j < raw_.size(); ++j) {
      if (raw_[j] == '<' || raw_[j] == '\n') break;
      if (raw_[j] == '>') {
        const std::string data(raw_.substr(i, j + 1 - i));
        const bool autolink = data.find(':') != std::string::npos && data.find(' ') == std::string::npos;
        add({Piece::Kind::standalone, data, next_id(), autolink ? "link" : "other", "", data});
        return j + 1;
      }
    }
    return text(i, 1);
  }

  // `[text](address)` or `![alt](address)`: a paired code around the text, which stays
  // translatable. Reference links (`[text][ref]`) stay text.
  std::size_t link(std::size_t i) {
    const std::size_t start = raw_[i] == '!' ? i + 2 : i + 1;
    const std::size_t limit = open_.empty() || !open_.back().link ? raw_.size() : open_.back().close_at;
    std::size_t close = std::string_view::npos;
    int depth = 0;
    for (std::size_t j = start; j < limit; ++j) {
      if (raw_[j] == '\\') {
        ++j;
      } else if (raw_[j] == '[') {
        ++depth;
      } else if (raw_[j] == ']') {
        if (depth == 0) {
          close = j;
          break;
        }
        --depth;
      }
    }
    if (close == std::string_view::npos || close + 1 >= limit || raw_[close + 1] != '(') return text(i, start - i);
    std::size_t end = std::string_view::npos;
    depth = 0;
    for (std::size_t j = close + 2; j < limit; ++j) {
      if (raw_[j] == '\\') {
        ++j;
      } else if (raw_[j] == '(') {
        ++depth;
      } else if (raw_[j] == ')') {
        if (depth == 0) {
          end = j + 1;
          break;
        }
        --depth;
      }
    }
    if (end == std::string_view::npos) return text(i, start - i);
    const bool image = raw_[i] == '!';
    open_.push_back({pieces_.size(), "", true, close, end});
    add({Piece::Kind::open, std::string(raw_.substr(i, start - i)), next_id(), image ? "image" : "link", "", ""});
    return start;
  }

  std::size_t close_link() {
    while (!open_.back().link) revert(open_.back().piece), open_.pop_back();
    const Open link = open_.back();
    open_.pop_back();
    const Piece& opening = pieces_[link.piece];
    add({Piece::Kind::close, std::string(raw_.substr(link.close_at, link.end - link.close_at)), opening.id,
         opening.type, "", ""});
    return link.end;
  }

  // Delimiter runs in the spirit of CommonMark's flanking rules, simplified: a run opens
  // when followed by a non-space, closes the innermost open run of the same delimiter when
  // preceded by a non-space; `_` never opens or closes inside a word. Anything unmatched
  // stays text, so a misreading only changes what the translator sees, never the bytes.
  std::size_t emphasis(std::size_t i) {
    const char c = raw_[i];
    std::size_t run = 0;
    while (i + run < raw_.size() && raw_[i + run] == c) ++run;
    if ((c == '~' && run != 2) || run > 2) return text(i, run);
    const std::string delimiter(raw_.substr(i, run));
    const char before = i == 0 ? ' ' : raw_[i - 1];
    const char after = i + run < raw_.size() ? raw_[i + run] : ' ';
    const bool can_close = !is_space(before) && !(c == '_' && is_word(after));
    const bool can_open = !is_space(after) && !(c == '_' && is_word(before));
    if (can_close && !open_.empty() && !open_.back().link && open_.back().delimiter == delimiter) {
      const Piece& opening = pieces_[open_.back().piece];
      add({Piece::Kind::close, delimiter, opening.id, opening.type, opening.sub_type, ""});
      open_.pop_back();
      return i + run;
    }
    if (!can_open) return text(i, run);
    open_.push_back({pieces_.size(), delimiter});
    add({Piece::Kind::open, delimiter, next_id(), "fmt", c == '~' ? "" : run == 2 ? "xlf:b" : "xlf:i", ""});
    return i + run;
  }

  void revert(std::size_t piece) { pieces_[piece] = {Piece::Kind::text, pieces_[piece].text}; }

  void add(Piece piece) { pieces_.push_back(std::move(piece)); }
  std::string next_id() { return std::to_string(++ids_); }

  // Adjacent texts merged; code ids renumbered 1, 2, ... in order (reverted openers left gaps).
  Content finish() {
    Content out;
    std::map<std::string, std::string> renamed;
    for (auto& piece : pieces_) {
      if (piece.kind == Piece::Kind::text) {
        if (!out.empty() && out.back().kind == Piece::Kind::text) {
          out.back().text += piece.text;
          continue;
        }
      } else if (piece.kind == Piece::Kind::close) {
        piece.id = renamed[piece.id];
      } else {
        piece.id = renamed[piece.id] = std::to_string(renamed.size() + 1);
      }
      out.push_back(std::move(piece));
    }
    return out;
  }

  std::string_view raw_;
  Content pieces_;
  std::vector<Open> open_;
  int ids_ = 0;
};

}  // namespace

Content tokenize_markdown(std::string_view raw) { return Tokenizer(raw).run(); }

Content plain_content(std::string_view text) {
  if (text.empty()) return {};
  return {Piece{Piece::Kind::text, std::string(text)}};
}

std::string serialize(const Content& content) {
  std::string out;
  for (const auto& piece : content) out += piece.text;
  return out;
}

std::string visible_text(const Content& content) {
  std::string out;
  for (const auto& piece : content)
    if (piece.kind == Piece::Kind::text) out += piece.text;
  return out;
}

bool is_blank(const Content& content) {
  for (const auto& piece : content)
    if (piece.kind == Piece::Kind::text)
      for (char c : piece.text)
        if (!is_space(c)) return false;
  return true;
}

}  // namespace coursepack::xliff
