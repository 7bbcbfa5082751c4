#include "coursepack/core/module_plan.h"

#include <algorithm>
#include <optional>

namespace coursepack {
namespace {

// FNV-1a, 32 bits: small and identical on every platform.
class Digest {
 public:
  void add(std::string_view text) {
    for (char c : text) byte(static_cast<unsigned char>(c));
    byte(0);  // separator, so "ab"+"c" differs from "a"+"bc"
  }
  void add(int value) { add(std::to_string(value)); }
  std::uint32_t value() const { return hash_; }

 private:
  void byte(unsigned char b) {
    hash_ ^= b;
    hash_ *= 16777619u;
  }
  std::uint32_t hash_ = 2166136261u;
};

}  // namespace

std::uint32_t ModulePlan::fingerprint() const {
  Digest digest;
  digest.add(course_id);
  digest.add(module_id);
  digest.add(static_cast<int>(lessons.size()));
  for (const auto& lesson : lessons) digest.add(lesson);
  digest.add(static_cast<int>(questions.size()));
  for (const auto& question : questions) {
    digest.add(question.id);
    digest.add(question.choices);
    digest.add(question.correct);
  }
  return digest.value();
}

ModulePlan make_module_plan(const Course& course, const Module& module) {
  ModulePlan plan;
  plan.course_id = course.id;
  plan.module_id = module.id;
  for (const auto& lesson : module.lessons) plan.lessons.push_back(lesson.id);
  for (const auto& question : module.quiz) {
    PlanQuestion q;
    q.id = question.id;
    q.choices = static_cast<int>(question.choices.size());
    q.correct = static_cast<int>(question.correct_choice());
    for (const auto& tested : question.tests)
      for (std::size_t i = 0; i < module.lessons.size(); ++i)
        if (module.lessons[i].id == tested) q.lessons.push_back(static_cast<int>(i));
    plan.questions.push_back(std::move(q));
  }
  plan.pretest_threshold = course.assessment.pretest_threshold;
  plan.mastery_score = course.assessment.mastery_score;
  plan.max_attempts = module.attempts >= 0 ? module.attempts : course.assessment.attempts;
  plan.iri = course.iri;
  plan.texts["course"] = course.title;
  plan.texts["module"] = module.title;
  for (std::size_t i = 0; i < module.lessons.size(); ++i) plan.texts["lesson:" + std::to_string(i)] = module.lessons[i].title;
  for (std::size_t q = 0; q < module.quiz.size(); ++q) {
    plan.texts["question:" + std::to_string(q)] = module.quiz[q].prompt;
    for (std::size_t c = 0; c < module.quiz[q].choices.size(); ++c)
      plan.texts["choice:" + std::to_string(q) + ":" + std::to_string(c)] = module.quiz[q].choices[c].text;
  }
  return plan;
}

namespace {

// Every field is written through this escape, so that no value, whatever bytes it holds,
// can end a line or a word of the plan: a control character as \xHH (the page carrying
// the plan turns a CR into a line feed, which would start a line of the attacker's), a
// space as \s in words (ids), "<" as \x3c ("</script" and "<!--" stay out of the page).
void append_escaped(std::string& out, std::string_view value, bool words) {
  static constexpr char hex[] = "0123456789abcdef";
  for (char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == ' ' && words) {
      out += "\\s";
    } else if (byte < 0x20 || byte == 0x7F || c == '<') {
      out += "\\x";
      out += hex[byte >> 4];
      out += hex[byte & 0xF];
    } else {
      out += c;
    }
  }
}

std::string escaped(std::string_view value, bool words = true) {
  std::string out;
  append_escaped(out, value, words);
  return out;
}

}  // namespace

std::string encode_plan(const ModulePlan& plan) {
  std::string text = "coursepack-plan 1\ncourse " + escaped(plan.course_id) + "\nmodule " + escaped(plan.module_id) +
                     "\nthresholds " + std::to_string(plan.pretest_threshold) + " " +
                     std::to_string(plan.mastery_score) + "\nlessons";
  for (const auto& lesson : plan.lessons) text += " " + escaped(lesson);
  for (const auto& q : plan.questions) {
    text += "\nquestion " + escaped(q.id) + " " + std::to_string(q.choices) + " " + std::to_string(q.correct) + " ";
    for (std::size_t i = 0; i < q.lessons.size(); ++i) text += (i ? "," : "") + std::to_string(q.lessons[i]);
  }
  if (!plan.iri.empty()) text += "\niri " + escaped(plan.iri);
  if (!plan.language.empty()) text += "\nlanguage " + escaped(plan.language);
  if (plan.max_attempts > 0) text += "\nattempts " + std::to_string(plan.max_attempts);
  for (const auto& [key, map] : plan.texts)
    for (const auto& [language, words] : map) {
      text += "\ntext " + escaped(key) + " " + escaped(language) + " ";
      append_escaped(text, words, /*words=*/false);
    }
  return text + "\n";
}

namespace {

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find(separator, start), text.size());
    parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// The inverse of append_escaped; nothing when `text` is not something it wrote (a raw
// control character, a stray backslash).
std::optional<std::string> unescape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20 || byte == 0x7F) return std::nullopt;
    if (text[i] != '\\') {
      out += text[i];
      continue;
    }
    if (++i == text.size()) return std::nullopt;
    switch (text[i]) {
      case '\\': out += '\\'; break;
      case 'n': out += '\n'; break;
      case 's': out += ' '; break;
      case 'x': {
        if (text.size() - i < 3) return std::nullopt;
        const int high = hex_digit(text[i + 1]), low = hex_digit(text[i + 2]);
        if (high < 0 || low < 0) return std::nullopt;
        out += static_cast<char>(high * 16 + low);
        i += 2;
        break;
      }
      default: return std::nullopt;
    }
  }
  return out;
}

bool parse_int(std::string_view text, int min, int max, int& out) {
  if (text.empty() || text.size() > 9) return false;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  if (value < min || value > max) return false;
  out = value;
  return true;
}

}  // namespace

ModulePlanResult decode_plan(std::string_view text) {
  ModulePlanResult result;
  ModulePlan& plan = result.plan;
  const auto fail = [&](std::string message) {
    result.plan = {};
    result.error = "module plan: " + std::move(message);
    return result;
  };
  auto lines = split(text, '\n');
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  if (lines.size() < 5 || lines[0] != "coursepack-plan 1") return fail("not a coursepack plan (version 1)");
  const auto words = [&](std::size_t line, std::string_view keyword) {
    auto parts = split(lines[line], ' ');
    if (parts.empty() || parts[0] != keyword) parts.clear();
    return parts;
  };
  const auto course = words(1, "course"), module = words(2, "module"), thresholds = words(3, "thresholds"),
             lessons = words(4, "lessons");
  if (course.size() != 2 || module.size() != 2) return fail("course or module id missing");
  // Every field is read back through unescape, which refuses raw control characters.
  const auto field = [&](std::string_view escaped_text, std::string& out) {
    auto value = unescape(escaped_text);
    if (value) out = std::move(*value);
    return value.has_value();
  };
  if (!field(course[1], plan.course_id) || !field(module[1], plan.module_id))
    return fail("course or module id badly escaped");
  if (thresholds.size() != 3 || !parse_int(thresholds[1], 0, 100, plan.pretest_threshold) ||
      !parse_int(thresholds[2], 0, 100, plan.mastery_score))
    return fail("thresholds missing or out of range");
  if (lessons.size() < 2) return fail("no lessons");
  for (std::size_t i = 1; i < lessons.size(); ++i)
    if (!field(lessons[i], plan.lessons.emplace_back())) return fail("lesson id badly escaped");
  const int lesson_count = static_cast<int>(plan.lessons.size());
  for (std::size_t line = 5; line < lines.size(); ++line) {
    // iri and language once each: a second line would replace what the packager wrote.
    const auto once = [&](std::string_view value, std::string& out, const char* name) {
      if (!out.empty()) return std::string(name) + " given twice";
      return field(value, out) && !out.empty() ? std::string() : std::string(name) + " badly escaped";
    };
    if (lines[line].starts_with("iri ")) {
      if (auto error = once(lines[line].substr(4), plan.iri, "iri"); !error.empty()) return fail(error);
      continue;
    }
    if (lines[line].starts_with("language ")) {
      if (auto error = once(lines[line].substr(9), plan.language, "language"); !error.empty()) return fail(error);
      continue;
    }
    if (lines[line].starts_with("attempts ")) {
      if (!parse_int(lines[line].substr(9), 0, 1000, plan.max_attempts))
        return fail("line " + std::to_string(line + 1) + " has an attempt count out of range");
      continue;
    }
    if (lines[line].starts_with("text ")) {
      // text <key> <language> <words...>: the words may hold spaces.
      const auto rest = lines[line].substr(5);
      const auto key_end = rest.find(' ');
      const auto language_end = key_end == std::string_view::npos ? key_end : rest.find(' ', key_end + 1);
      if (language_end == std::string_view::npos) return fail("line " + std::to_string(line + 1) + " is not a text");
      std::string key, language, content;
      if (!field(rest.substr(0, key_end), key) || !field(rest.substr(key_end + 1, language_end - key_end - 1), language) ||
          !field(rest.substr(language_end + 1), content))
        return fail("line " + std::to_string(line + 1) + " is badly escaped");
      plan.texts[key][language] = std::move(content);
      continue;
    }
    const auto parts = words(line, "question");
    PlanQuestion q;
    if (parts.size() != 5 || parts[1].empty() || !parse_int(parts[2], 2, 26, q.choices) ||
        !parse_int(parts[3], 0, q.choices - 1, q.correct))
      return fail("line " + std::to_string(line + 1) + " is not a question");
    if (!field(parts[1], q.id)) return fail("line " + std::to_string(line + 1) + " is badly escaped");
    for (auto index : split(parts[4], ',')) {
      int lesson = 0;
      if (!parse_int(index, 0, lesson_count - 1, lesson)) return fail("question " + q.id + " tests a lesson out of range");
      q.lessons.push_back(lesson);
    }
    plan.questions.push_back(std::move(q));
  }
  return result;
}

}  // namespace coursepack
