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
  // A module plan adds nothing here, so its fingerprint (and saved progress) is unchanged.
  for (const auto& part : parts) {
    digest.add(part.module_id);
    digest.add(part.first_lesson);
    digest.add(part.lesson_count);
    digest.add(part.first_question);
    digest.add(part.question_count);
  }
  return digest.value();
}

namespace {

// Appends `module`'s lessons, questions and their texts after what `plan` holds: indexes
// (lessons a question tests, text keys) count from the plan's start.
void append_module(ModulePlan& plan, const Module& module) {
  const auto first_lesson = plan.lessons.size(), first_question = plan.questions.size();
  for (const auto& lesson : module.lessons) plan.lessons.push_back(lesson.id);
  for (const auto& question : module.quiz) {
    PlanQuestion q;
    q.id = question.id;
    q.choices = static_cast<int>(question.choices.size());
    q.correct = static_cast<int>(question.correct_choice());
    for (const auto& tested : question.tests)
      for (std::size_t i = 0; i < module.lessons.size(); ++i)
        if (module.lessons[i].id == tested) q.lessons.push_back(static_cast<int>(first_lesson + i));
    plan.questions.push_back(std::move(q));
  }
  for (std::size_t i = 0; i < module.lessons.size(); ++i)
    plan.texts["lesson:" + std::to_string(first_lesson + i)] = module.lessons[i].title;
  for (std::size_t q = 0; q < module.quiz.size(); ++q) {
    const std::string index = std::to_string(first_question + q);
    plan.texts["question:" + index] = module.quiz[q].prompt;
    for (std::size_t c = 0; c < module.quiz[q].choices.size(); ++c)
      plan.texts["choice:" + index + ":" + std::to_string(c)] = module.quiz[q].choices[c].text;
  }
}

ModulePlan course_fields(const Course& course) {
  ModulePlan plan;
  plan.course_id = course.id;
  plan.pretest_threshold = course.assessment.pretest_threshold;
  plan.mastery_score = course.assessment.mastery_score;
  plan.iri = course.iri;
  plan.texts["course"] = course.title;
  return plan;
}

}  // namespace

ModulePlan make_module_plan(const Course& course, const Module& module) {
  ModulePlan plan = course_fields(course);
  plan.module_id = module.id;
  plan.max_attempts = module.attempts >= 0 ? module.attempts : course.assessment.attempts;
  plan.texts["module"] = module.title;
  append_module(plan, module);
  return plan;
}

ModulePlan make_course_plan(const Course& course) {
  ModulePlan plan = course_fields(course);
  plan.max_attempts = course.assessment.attempts;
  for (const auto& module : course.modules) {
    PlanPart part{module.id, static_cast<int>(plan.lessons.size()), static_cast<int>(module.lessons.size()),
                  static_cast<int>(plan.questions.size()), static_cast<int>(module.quiz.size())};
    plan.texts["module:" + std::to_string(plan.parts.size())] = module.title;
    plan.parts.push_back(std::move(part));
    append_module(plan, module);
  }
  return plan;
}

int ModulePlan::part_of_lesson(int lesson) const {
  for (std::size_t p = 0; p < parts.size(); ++p)
    if (lesson >= parts[p].first_lesson && lesson < parts[p].first_lesson + parts[p].lesson_count)
      return static_cast<int>(p);
  return -1;
}

int ModulePlan::part_of_question(int question) const {
  for (std::size_t p = 0; p < parts.size(); ++p)
    if (question >= parts[p].first_question && question < parts[p].first_question + parts[p].question_count)
      return static_cast<int>(p);
  return -1;
}

const std::string& ModulePlan::module_of_lesson(int lesson) const {
  const int part = part_of_lesson(lesson);
  return part < 0 ? module_id : parts[static_cast<std::size_t>(part)].module_id;
}

const std::string& ModulePlan::module_of_question(int question) const {
  const int part = part_of_question(question);
  return part < 0 ? module_id : parts[static_cast<std::size_t>(part)].module_id;
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
  for (const auto& part : plan.parts)
    text += "\npart " + escaped(part.module_id) + " " + std::to_string(part.first_lesson) + " " +
            std::to_string(part.lesson_count) + " " + std::to_string(part.first_question) + " " +
            std::to_string(part.question_count);
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

// Parts, when there are any, must cover the lessons and questions in order, each exactly
// once, and a question may only test its own module's lessons (the recommendations and the
// per-module scores depend on it).
std::string check_parts(const ModulePlan& plan) {
  if (plan.parts.empty()) return {};
  int lesson = 0, question = 0;
  for (const auto& part : plan.parts) {
    if (part.first_lesson != lesson || part.first_question != question)
      return "part " + part.module_id + " does not start where the part before it ends";
    lesson += part.lesson_count;
    question += part.question_count;
    if (lesson > static_cast<int>(plan.lessons.size()) || question > static_cast<int>(plan.questions.size()))
      return "part " + part.module_id + " goes past the lessons or questions";
    for (int q = part.first_question; q < question; ++q)
      for (int tested : plan.questions[static_cast<std::size_t>(q)].lessons)
        if (tested < part.first_lesson || tested >= lesson)
          return "question " + plan.questions[static_cast<std::size_t>(q)].id + " of part " + part.module_id +
                 " tests a lesson of another part";
  }
  if (lesson != static_cast<int>(plan.lessons.size()) || question != static_cast<int>(plan.questions.size()))
    return "the parts leave lessons or questions out";
  return {};
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
    if (lines[line].starts_with("part ")) {
      const auto parts = split(lines[line], ' ');
      PlanPart part;
      if (parts.size() != 6 || parts[1].empty() || !field(parts[1], part.module_id) ||
          !parse_int(parts[2], 0, 100000000, part.first_lesson) || !parse_int(parts[3], 1, 100000000, part.lesson_count) ||
          !parse_int(parts[4], 0, 100000000, part.first_question) ||
          !parse_int(parts[5], 0, 100000000, part.question_count))
        return fail("line " + std::to_string(line + 1) + " is not a part");
      plan.parts.push_back(std::move(part));
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
  if (auto error = check_parts(plan); !error.empty()) return fail(error);
  return result;
}

}  // namespace coursepack
