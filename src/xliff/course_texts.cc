#include "coursepack/xliff/course_texts.h"

#include <algorithm>
#include <set>

#include "coursepack/core/json_index.h"

namespace coursepack::xliff {
namespace {

using Json = nlohmann::ordered_json;

std::string escape_pointer_token(std::string_view token) {
  std::string out;
  for (char c : token) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
  return out;
}

bool is_language_map(const Json& value, const std::set<std::string>& languages, const std::string& source) {
  if (!value.is_object() || !value.contains(source)) return false;
  return std::all_of(value.items().begin(), value.items().end(),
                     [&](const auto& item) { return languages.contains(item.key()) && item.value().is_string(); });
}

std::string capitalized(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

// What a translator should keep in mind, by the name of the map's key and its parent.
std::string limit_of(const std::string& key, const std::string& parent) {
  if (parent == "choices") return "a quiz choice: keep it about as long as the other choices of the question, and do not let its wording give the answer away";
  if (key == "title") return "a title, shown in menus and on buttons: keep it short (about 60 characters at most)";
  if (key == "prompt") return "a quiz question: keep it one clear question";
  if (key == "feedback") return "shown with the correct answer after the post-test";
  if (parent == "outcomes") return "a learning outcome: start with a verb the learner can show";
  return "";
}

struct Walker {
  const std::set<std::string>& languages;
  const std::string& source;
  std::vector<CourseText>& out;

  // `where` names the value for the translator: "Module 2-1, question q3, choice b".
  void walk(const Json& value, const std::string& pointer, const std::string& key, const std::string& where,
            const std::string& name, const std::string& parent, int depth) {
    if (depth > max_json_depth) return;
    if (is_language_map(value, languages, source)) {
      if (name != "file")
        out.push_back({pointer, key, value.at(source).get<std::string>(), where, limit_of(name, parent)});
      return;
    }
    if (value.is_object()) {
      for (const auto& item : value.items()) {
        const std::string& member = item.key();
        walk(item.value(), pointer + "/" + escape_pointer_token(member), key.empty() ? member : key + "." + member,
             where.empty() ? member : where + ", " + member, member, name, depth + 1);
      }
    } else if (value.is_array()) {
      for (std::size_t i = 0; i < value.size(); ++i) {
        const Json& item = value[i];
        const bool has_id = item.is_object() && item.contains("id") && item["id"].is_string();
        const std::string label = has_id ? item["id"].get<std::string>() : std::to_string(i);
        std::string singular = name.ends_with("s") ? name.substr(0, name.size() - 1) : name;
        std::replace(singular.begin(), singular.end(), '_', ' ');
        const std::string named = name == "choices" ? "choice " + std::string(1, static_cast<char>('a' + i % 26))
                                                    : singular + " " + (has_id ? label : std::to_string(i + 1));
        walk(item, pointer + "/" + std::to_string(i), key + "." + label,
             where.size() > name.size() ? where.substr(0, where.size() - name.size()) + named : named, name, parent,
             depth + 1);
      }
    }
  }
};

// Byte offset of a line and column (columns in code points, as JsonIndex counts them).
std::size_t offset_of(std::string_view text, TextPosition position) {
  std::size_t offset = 0;
  for (int line = 1; line < position.line && offset < text.size(); ++offset)
    if (text[offset] == '\n') ++line;
  for (int column = 1; column < position.column && offset < text.size(); ++column) {
    ++offset;
    while (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) ++offset;
  }
  return offset;
}

// End of the JSON string token starting at `start` (its opening quote).
std::size_t string_end(std::string_view text, std::size_t start) {
  for (std::size_t i = start + 1; i < text.size(); ++i) {
    if (text[i] == '\\') ++i;
    else if (text[i] == '"') return i + 1;
  }
  return text.size();
}

struct Edit {
  std::size_t offset, length;
  std::string text;
};

std::string json_string(const std::string& text) { return Json(text).dump(); }

class Editor {
 public:
  Editor(std::string_view text, const Json& json) : text_(text), json_(json), index_(JsonIndex::scan(text)) {}

  // Sets member `member` of the object at `pointer` to the string `value`.
  void set(const std::string& pointer, const std::string& member, const std::string& value) {
    const Json& object = json_.at(Json::json_pointer(pointer));
    const std::string member_pointer = pointer + "/" + escape_pointer_token(member);
    if (object.contains(member)) {
      if (object.at(member) == value) return;
      const std::size_t start = offset_of(text_, index_.value_position(member_pointer));
      edits_.push_back({start, string_end(text_, start) - start, json_string(value)});
      return;
    }
    append(pointer, object.items().begin() == object.items().end() ? "" : std::prev(object.end()).key(),
           json_string(member) + ": " + json_string(value));
  }

  // Appends `item` to the array at `pointer` (of strings).
  void push(const std::string& pointer, const std::string& item) {
    const Json& array = json_.at(Json::json_pointer(pointer));
    append(pointer, array.empty() ? "" : std::to_string(array.size() - 1), json_string(item));
  }

  std::string apply() {
    std::sort(edits_.begin(), edits_.end(), [](const Edit& a, const Edit& b) { return a.offset > b.offset; });
    std::string out(text_);
    for (const auto& edit : edits_) out.replace(edit.offset, edit.length, edit.text);
    return out;
  }

 private:
  // After the last member or item `last` of the container at `pointer`: a comma, then the
  // same separation the container uses between its first brace and first member.
  void append(const std::string& pointer, const std::string& last, const std::string& text) {
    const std::size_t open = offset_of(text_, index_.value_position(pointer));
    if (last.empty()) {
      edits_.push_back({open + 1, 0, text});
      return;
    }
    const std::string last_pointer = pointer + "/" + escape_pointer_token(last);
    const std::size_t last_start = offset_of(text_, index_.value_position(last_pointer));
    const std::size_t end = string_end(text_, last_start);
    const std::size_t first = offset_of(text_, index_.key_position(first_pointer(pointer)));
    std::string separator = " ";
    if (text_.substr(open, first - open).find('\n') != std::string_view::npos) {
      const std::size_t key_start = offset_of(text_, index_.key_position(last_pointer));
      const std::size_t line_start = text_.rfind('\n', key_start) + 1;
      separator = "\n" + std::string(text_.substr(line_start, key_start - line_start));
    }
    edits_.push_back({end, 0, "," + separator + text});
  }

  std::string first_pointer(const std::string& pointer) const {
    const Json& container = json_.at(Json::json_pointer(pointer));
    return pointer + "/" + (container.is_array() ? "0" : escape_pointer_token(container.items().begin().key()));
  }

  std::string_view text_;
  const Json& json_;
  JsonIndex index_;
  std::vector<Edit> edits_;
};

}  // namespace

std::vector<CourseText> course_texts(const nlohmann::ordered_json& course, const std::vector<std::string>& languages,
                                     const std::string& source_language) {
  std::vector<CourseText> out;
  const std::set<std::string> language_set(languages.begin(), languages.end());
  Walker{language_set, source_language, out}.walk(course, "", "", "", "", "", 0);
  for (auto& text : out) text.where = capitalized(text.where);
  return out;
}

std::string set_language(std::string_view json_text, const std::string& language,
                         const std::map<std::string, std::string>& texts,
                         const std::map<std::string, std::string>& files) {
  const Json json = Json::parse(json_text);
  Editor editor(json_text, json);
  const Json& languages = json.at("languages");
  if (std::find(languages.begin(), languages.end(), language) == languages.end()) editor.push("/languages", language);
  for (const auto& [pointer, text] : texts) editor.set(pointer, language, text);
  for (const auto& [pointer, path] : files) editor.set(pointer, language, path);
  return editor.apply();
}

}  // namespace coursepack::xliff
