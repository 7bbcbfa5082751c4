#include "coursepack/core/json_index.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "coursepack/core/diagnostic.h"
#include "coursepack/core/utf8.h"

namespace coursepack {

namespace {

void advance(TextPosition& position, char c) {
  const auto byte = static_cast<unsigned char>(c);
  if (byte == '\n') {
    ++position.line;
    position.column = 1;
  } else if ((byte & 0xC0) != 0x80) {  // continuation bytes belong to the previous column
    ++position.column;
  }
}

// nlohmann/json skips a UTF-8 byte order mark, and editors do not show it: it is no column.
std::size_t bom_size(std::string_view text) { return text.starts_with("\xEF\xBB\xBF") ? 3 : 0; }

}  // namespace

TextPosition position_of_offset(std::string_view text, std::size_t offset) {
  TextPosition position;
  if (offset > text.size()) offset = text.size();
  for (std::size_t i = std::min(bom_size(text), offset); i < offset; ++i) advance(position, text[i]);
  return position;
}

std::optional<std::size_t> find_too_deep(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return std::nullopt;
}

// A tolerant recursive-descent scan that records where values and keys start. It does
// not build values and does not judge numbers finely: nlohmann/json is the parser of
// record; this only has to agree on structure and on keys. It recurses once per level of
// nesting, so it stops, as on an error, past max_json_depth.
class JsonScanner {
 public:
  JsonScanner(std::string_view text, JsonIndex& index) : text_(text), index_(index) {}

  void run() {
    pos_ = counted_ = bom_size(text_);
    skip_space();
    if (!value("")) return;
    skip_space();
    if (pos_ < text_.size()) fail("");
  }

 private:
  struct Failed {};

  TextPosition here() {
    // Incremental: positions are requested in increasing order.
    for (; counted_ < pos_; ++counted_) advance(position_, text_[counted_]);
    return position_;
  }

  bool fail(const std::string& pointer) {
    if (!failed_) index_.error_pointer_ = pointer;
    failed_ = true;
    return false;
  }

  void skip_space() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r'))
      ++pos_;
  }

  bool value(const std::string& pointer) {
    if (pos_ >= text_.size()) return fail(pointer);
    index_.values_.emplace(pointer, here());
    switch (text_[pos_]) {
      case '{':
      case '[': {
        if (depth_ == max_json_depth) return fail(pointer);
        ++depth_;
        const bool read = text_[pos_] == '{' ? object(pointer) : array(pointer);
        --depth_;
        return read;
      }
      case '"': {
        std::string ignored;
        return string(ignored) || fail(pointer);
      }
      default: return scalar() || fail(pointer);
    }
  }

  bool object(const std::string& pointer) {
    ++pos_;
    skip_space();
    std::map<std::string, TextPosition> seen;
    if (pos_ < text_.size() && text_[pos_] == '}') {
      ++pos_;
      return true;
    }
    while (true) {
      skip_space();
      if (pos_ >= text_.size() || text_[pos_] != '"') return fail(pointer);
      const TextPosition key_at = here();
      std::string key;
      if (!string(key)) return fail(pointer);
      const std::string member = pointer_join(pointer, key);
      if (auto [it, fresh] = seen.emplace(key, key_at); !fresh)
        index_.duplicates_.push_back({member, it->second, key_at});
      else
        index_.keys_.emplace(member, key_at);
      skip_space();
      if (pos_ >= text_.size() || text_[pos_] != ':') return fail(member);
      ++pos_;
      skip_space();
      // On a duplicate key the index keeps the first value's position: that is the
      // one users look for, nlohmann keeps the later value.
      if (!value(member)) return false;
      skip_space();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == '}') {
        ++pos_;
        return true;
      }
      return fail(member);  // what follows this member is wrong: name the member
    }
  }

  bool array(const std::string& pointer) {
    ++pos_;
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == ']') {
      ++pos_;
      return true;
    }
    for (std::size_t i = 0;; ++i) {
      skip_space();
      if (!value(pointer_join(pointer, i))) return false;
      skip_space();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == ']') {
        ++pos_;
        return true;
      }
      return fail(pointer_join(pointer, i));
    }
  }

  // Reads a string token, decoding escapes as nlohmann does, so that keys match its
  // decoding ("\u0069d" is "id": a duplicate of "id", and found at its place).
  bool string(std::string& out) {
    ++pos_;
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (c == '"') return true;
      if (c == '\\') {
        if (pos_ >= text_.size()) return false;
        const char e = text_[pos_++];
        switch (e) {
          case 'n': out += '\n'; break;
          case 't': out += '\t'; break;
          case 'r': out += '\r'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'u': {
            auto code = hex4();
            if (!code) return false;
            if (*code >= 0xD800 && *code <= 0xDBFF && text_.substr(pos_, 2) == "\\u") {
              pos_ += 2;
              const auto low = hex4();
              if (!low || *low < 0xDC00 || *low > 0xDFFF) return false;
              code = 0x10000 + ((*code - 0xD800) << 10) + (*low - 0xDC00);
            }
            append_utf8(out, static_cast<char32_t>(*code));
            break;
          }
          default: out += e;
        }
      } else if (static_cast<unsigned char>(c) < 0x20) {
        return false;
      } else {
        out += c;
      }
    }
    return false;
  }

  std::optional<std::uint32_t> hex4() {
    if (text_.size() - pos_ < 4) return std::nullopt;
    std::uint32_t code = 0;
    for (int i = 0; i < 4; ++i) {
      const char h = text_[pos_++];
      code <<= 4;
      if (h >= '0' && h <= '9')
        code |= static_cast<std::uint32_t>(h - '0');
      else if (h >= 'a' && h <= 'f')
        code |= static_cast<std::uint32_t>(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F')
        code |= static_cast<std::uint32_t>(h - 'A' + 10);
      else
        return std::nullopt;
    }
    return code;
  }

  bool scalar() {
    const std::size_t start = pos_;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-' || c == '+' || c == '.' ||
          c == 'E')
        ++pos_;
      else
        break;
    }
    const std::string_view token = text_.substr(start, pos_ - start);
    if (token == "true" || token == "false" || token == "null") return true;
    return !token.empty() && (token[0] == '-' || (token[0] >= '0' && token[0] <= '9'));
  }

  std::string_view text_;
  JsonIndex& index_;
  std::size_t pos_ = 0;
  std::size_t counted_ = 0;
  TextPosition position_;
  bool failed_ = false;
  int depth_ = 0;
};

JsonIndex JsonIndex::scan(std::string_view text) {
  JsonIndex index;
  JsonScanner(text, index).run();
  return index;
}

TextPosition JsonIndex::value_position(std::string_view pointer) const {
  std::string_view p = pointer;
  while (true) {
    if (auto it = values_.find(p); it != values_.end()) return it->second;
    if (p.empty()) return {};
    p = p.substr(0, p.rfind('/'));
  }
}

TextPosition JsonIndex::key_position(std::string_view pointer) const {
  if (auto it = keys_.find(pointer); it != keys_.end()) return it->second;
  return value_position(pointer);
}

std::string JsonIndex::value_before(TextPosition position) const {
  std::string best;
  TextPosition best_start{0, 0};
  for (const auto& [pointer, start] : values_)
    if (start <= position && (start > best_start || (start == best_start && pointer.size() > best.size()))) {
      best = pointer;
      best_start = start;
    }
  return best;
}

}  // namespace coursepack
