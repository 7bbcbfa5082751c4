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

std::optional<JsonLimitExceeded> find_over_limits(std::string_view text, std::size_t max_values) {
  // Containers' kinds by depth (bit set: object), to tell a key from a value after a comma.
  std::uint64_t objects = 0;
  int depth = 0;
  std::size_t values = 0;
  bool expect_value = true;  // the next token starts a value (not a key, not a closing bracket)
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (expect_value && c != ']' && c != '}' && c != ',' && c != ':') {
      if (++values > max_values)
        return JsonLimitExceeded{i, "holds more than " + std::to_string(max_values) +
                                        " values (objects, arrays, strings, numbers, true, false, null)"};
      expect_value = false;
    }
    switch (c) {
      case '"':  // a string: a value or a key, counted above when a value
        for (++i; i < text.size() && text[i] != '"'; ++i)
          if (text[i] == '\\') ++i;
        break;
      case '[':
      case '{':
        if (++depth > max_json_depth)
          return JsonLimitExceeded{i, "nested deeper than " + std::to_string(max_json_depth) +
                                          " levels of arrays and objects"};
        if (depth >= 1 && c == '{')
          objects |= std::uint64_t{1} << (depth - 1);
        else if (depth >= 1)
          objects &= ~(std::uint64_t{1} << (depth - 1));
        expect_value = c == '[';
        break;
      case ']':
      case '}':
        --depth;
        expect_value = false;
        break;
      case ':': expect_value = true; break;
      case ',': expect_value = depth <= 0 || !(objects >> (depth - 1) & 1); break;
      default: break;  // the rest of a number or a literal
    }
  }
  return std::nullopt;
}

namespace {

// Reads the string token starting at text[pos] (a quote), decoding escapes as nlohmann
// does, so that keys match its decoding ("\u0069d" is "id": a duplicate of "id", and found
// at its place). Leaves pos after the closing quote; false on a malformed string.
bool read_string(std::string_view text, std::size_t& pos, std::string& out) {
  auto hex4 = [&]() -> std::optional<std::uint32_t> {
    if (text.size() - pos < 4) return std::nullopt;
    std::uint32_t code = 0;
    for (int i = 0; i < 4; ++i) {
      const char h = text[pos++];
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
  };
  ++pos;
  while (pos < text.size()) {
    const char c = text[pos++];
    if (c == '"') return true;
    if (c == '\\') {
      if (pos >= text.size()) return false;
      const char e = text[pos++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
          auto code = hex4();
          if (!code) return false;
          if (*code >= 0xD800 && *code <= 0xDBFF && text.substr(pos, 2) == "\\u") {
            pos += 2;
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

std::uint64_t key_hash(std::string_view key) {  // FNV-1a, 64 bits
  std::uint64_t hash = 14695981039346656037ull;
  for (char c : key) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

// A pointer token back to the key or index it names ("~1" is "/", "~0" is "~").
std::string unescape_token(std::string_view token) {
  std::string out;
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
      out += token[i + 1] == '0' ? '~' : '/';
      ++i;
    } else {
      out += token[i];
    }
  }
  return out;
}

// An array index as pointer_join writes it: decimal, no sign, no leading zero.
std::optional<std::size_t> array_index(std::string_view token) {
  if (token.empty() || token.size() > 10 || (token.size() > 1 && token[0] == '0')) return std::nullopt;
  std::size_t value = 0;
  for (char c : token) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::size_t>(c - '0');
  }
  return value;
}

}  // namespace

// A tolerant recursive-descent scan that records where values and keys start. It does
// not build values and does not judge numbers finely: nlohmann/json is the parser of
// record; this only has to agree on structure and on keys. It recurses once per level of
// nesting, so it stops, as on an error, past max_json_depth.
class JsonScanner {
 public:
  JsonScanner(std::string_view text, JsonIndex& index) : text_(text), index_(index) {}

  void run() {
    pos_ = counted_ = bom_size(text_);
    if (text_.size() >= JsonIndex::kNone) {  // offsets are 32 bits; sources are at most 16 MB
      fail("");
      return;
    }
    skip_space();
    if (!value("", nullptr)) return;
    skip_space();
    if (pos_ < text_.size()) fail("");
  }

 private:
  using Node = JsonIndex::Node;

  // The key of the member being read, for the value's node.
  struct Member {
    TextPosition position;
    std::uint32_t offset;
    std::uint64_t hash;
  };

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

  bool value(const std::string& pointer, const Member* member) {
    if (pos_ >= text_.size()) return fail(pointer);
    Node node;
    node.value = node.key = here();
    if (member) {
      node.key = member->position;
      node.key_offset = member->offset;
      node.key_hash = member->hash;
    }
    node.object = text_[pos_] == '{';
    const auto self = static_cast<std::uint32_t>(index_.nodes_.size());
    index_.nodes_.push_back(node);
    switch (text_[pos_]) {
      case '{':
      case '[': {
        if (depth_ == max_json_depth) return fail(pointer);
        ++depth_;
        std::vector<std::uint32_t> children;
        const bool read = text_[pos_] == '{' ? object(pointer, children) : array(pointer, children);
        close(self, pointer, children);
        --depth_;
        return read;
      }
      case '"': {
        std::string ignored;
        return read_string(text_, pos_, ignored) || fail(pointer);
      }
      default: return scalar() || fail(pointer);
    }
  }

  // Appends the children of container `self` to the index, an object's sorted by key, and
  // records the keys that appear twice (also when the object was cut short by an error).
  void close(std::uint32_t self, const std::string& pointer, std::vector<std::uint32_t>& children) {
    auto& nodes = index_.nodes_;
    if (nodes[self].object) {
      std::sort(children.begin(), children.end(), [&](std::uint32_t a, std::uint32_t b) {
        return nodes[a].key_hash != nodes[b].key_hash ? nodes[a].key_hash < nodes[b].key_hash : a < b;
      });
      for (std::size_t i = 1; i < children.size(); ++i) {
        const Node& again = nodes[children[i]];
        for (std::size_t j = i; j-- > 0 && nodes[children[j]].key_hash == again.key_hash;) {
          const Node& first = nodes[children[j]];
          const std::string key = index_.key_of(again);
          if (index_.key_of(first) != key) continue;  // a hash collision, not the same key
          // Keep looking for an earlier one: the first occurrence is the one named.
          std::size_t earliest = j;
          for (std::size_t k = j; k-- > 0 && nodes[children[k]].key_hash == again.key_hash;)
            if (index_.key_of(nodes[children[k]]) == key) earliest = k;
          index_.duplicates_.push_back({pointer_join(pointer, key), nodes[children[earliest]].key, again.key});
          break;
        }
      }
    }
    nodes[self].first_child = static_cast<std::uint32_t>(index_.children_.size());
    nodes[self].child_count = static_cast<std::uint32_t>(children.size());
    index_.children_.insert(index_.children_.end(), children.begin(), children.end());
  }

  bool object(const std::string& pointer, std::vector<std::uint32_t>& children) {
    ++pos_;
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == '}') {
      ++pos_;
      return true;
    }
    while (true) {
      skip_space();
      if (pos_ >= text_.size() || text_[pos_] != '"') return fail(pointer);
      Member member{here(), static_cast<std::uint32_t>(pos_), 0};
      std::string key;
      if (!read_string(text_, pos_, key)) return fail(pointer);
      member.hash = key_hash(key);
      const std::string member_pointer = pointer_join(pointer, key);
      skip_space();
      if (pos_ >= text_.size() || text_[pos_] != ':') return fail(member_pointer);
      ++pos_;
      skip_space();
      const auto node = static_cast<std::uint32_t>(index_.nodes_.size());
      const bool read = value(member_pointer, &member);
      if (index_.nodes_.size() > node) children.push_back(node);
      if (!read) return false;
      skip_space();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == '}') {
        ++pos_;
        return true;
      }
      return fail(member_pointer);  // what follows this member is wrong: name the member
    }
  }

  bool array(const std::string& pointer, std::vector<std::uint32_t>& children) {
    ++pos_;
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == ']') {
      ++pos_;
      return true;
    }
    for (std::size_t i = 0;; ++i) {
      skip_space();
      const auto node = static_cast<std::uint32_t>(index_.nodes_.size());
      const bool read = value(pointer_join(pointer, i), nullptr);
      if (index_.nodes_.size() > node) children.push_back(node);
      if (!read) return false;
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
  static_assert(sizeof(Node) + sizeof(std::uint32_t) <= bytes_per_value);
  JsonIndex index;
  index.text_ = text;
  JsonScanner(text, index).run();
  // Found as each object closed, inner ones first: back into document order.
  std::stable_sort(index.duplicates_.begin(), index.duplicates_.end(),
                   [](const DuplicateKey& a, const DuplicateKey& b) { return a.again < b.again; });
  return index;
}

std::string JsonIndex::key_of(const Node& node) const {
  std::string key;
  std::size_t pos = node.key_offset;
  read_string(text_, pos, key);
  return key;
}

std::uint32_t JsonIndex::find(std::string_view pointer, bool& exact) const {
  exact = false;
  if (nodes_.empty()) return kNone;
  // Every node the pointer so far names: more than one only under a duplicate key, where
  // the first in document order is the one named (as nlohmann's keeps the last, a message
  // must point at where a reader looks first).
  std::vector<std::uint32_t> named{0};
  while (!pointer.empty()) {
    if (pointer[0] != '/') return named.front();
    const std::size_t end = std::min(pointer.find('/', 1), pointer.size());
    const std::string token = unescape_token(pointer.substr(1, end - 1));
    pointer.remove_prefix(end);
    std::vector<std::uint32_t> next;
    for (std::uint32_t at : named) {
      const Node& node = nodes_[at];
      const auto first = children_.begin() + node.first_child;
      const auto last = first + node.child_count;
      if (node.object) {
        const std::uint64_t hash = key_hash(token);
        auto it = std::lower_bound(first, last, hash, [&](std::uint32_t child, std::uint64_t h) {
          return nodes_[child].key_hash < h;
        });
        for (; it != last && nodes_[*it].key_hash == hash; ++it)
          if (key_of(nodes_[*it]) == token) next.push_back(*it);
      } else if (auto index = array_index(token); index && *index < node.child_count) {
        next.push_back(first[static_cast<std::ptrdiff_t>(*index)]);
      }
    }
    if (next.empty()) return *std::min_element(named.begin(), named.end());
    named = std::move(next);
  }
  exact = true;
  return *std::min_element(named.begin(), named.end());
}

TextPosition JsonIndex::value_position(std::string_view pointer) const {
  bool exact = false;
  const std::uint32_t node = find(pointer, exact);
  return node == kNone ? TextPosition{} : nodes_[node].value;
}

TextPosition JsonIndex::key_position(std::string_view pointer) const {
  bool exact = false;
  const std::uint32_t node = find(pointer, exact);
  if (node == kNone) return {};
  return exact ? nodes_[node].key : nodes_[node].value;
}

std::string JsonIndex::value_before(TextPosition position) const {
  // Nodes are in document order: the last one starting at or before `position`.
  const auto after = std::upper_bound(nodes_.begin(), nodes_.end(), position,
                                      [](TextPosition p, const Node& node) { return p < node.value; });
  if (after == nodes_.begin()) return "";
  const auto target = static_cast<std::uint32_t>(after - nodes_.begin() - 1);
  // Down from the document: at each container, the child whose subtree holds the target
  // (the last child starting at or before it).
  std::string pointer;
  std::uint32_t at = 0;
  while (at != target) {
    const Node& node = nodes_[at];
    const auto first = children_.begin() + node.first_child;
    std::uint32_t best = kNone;
    std::size_t best_index = 0;
    for (std::size_t i = 0; i < node.child_count; ++i) {
      const std::uint32_t child = first[static_cast<std::ptrdiff_t>(i)];
      if (child <= target && (best == kNone || child > best)) {
        best = child;
        best_index = i;
      }
    }
    if (best == kNone) break;  // a container cut short by an error
    pointer = node.object ? pointer_join(pointer, key_of(nodes_[best])) : pointer_join(pointer, best_index);
    at = best;
  }
  return pointer;
}

}  // namespace coursepack
