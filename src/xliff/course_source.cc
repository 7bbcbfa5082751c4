#include "coursepack/xliff/course_source.h"

#include <algorithm>

#include "coursepack/core/lesson_variants.h"
#include "coursepack/core/sha256.h"
#include "coursepack/xliff/course_texts.h"

namespace coursepack::xliff {
namespace {

using Json = nlohmann::ordered_json;

SourceUnit make_unit(std::string file_id, std::string key, Content source) {
  SourceUnit unit;
  unit.file_id = std::move(file_id);
  unit.key = std::move(key);
  unit.hash = short_hash(serialize(source));
  unit.id = unit.key + "-" + unit.hash;
  unit.source = std::move(source);
  return unit;
}

std::string block_limit(const std::string& kind) {
  if (kind == "heading") return "a heading of the lesson: keep it short";
  if (kind == "table cell") return "a table cell: keep it short, the table must fit a phone's width";
  return "";
}

}  // namespace

std::string short_hash(std::string_view text) { return sha256_hex(text).substr(0, 8); }

std::string CourseSource::lesson_path(const LessonSource& lesson, const std::string& language) const {
  if (auto it = lesson.files.find(language); it != lesson.files.end()) return it->second;
  const std::string& path = lesson.files.at(source_language);
  const std::string folder = "/" + source_language + "/";
  if (const std::size_t at = path.find(folder); at != std::string::npos)
    return path.substr(0, at) + "/" + language + "/" + path.substr(at + folder.size());
  if (path.starts_with(source_language + "/")) return language + path.substr(source_language.size());
  return "lessons/" + language + "/" + path.substr(path.rfind('/') + 1);
}

CourseSourceResult course_source(const std::string& json_text, const std::string& source_language,
                                 const ReadFile& read) {
  CourseSourceResult result;
  CourseSource course;
  course.json = Json::parse(json_text, nullptr, false);
  if (course.json.is_discarded() || !course.json.is_object()) {
    result.error = "course.json is not valid JSON";
    return result;
  }
  course.json_text = json_text;
  course.id = course.json.value("id", "");
  course.languages = course.json.value("languages", std::vector<std::string>{});
  course.source_language = source_language;
  if (std::find(course.languages.begin(), course.languages.end(), source_language) == course.languages.end()) {
    result.error = "the course has no language \"" + source_language + "\"";
    return result;
  }
  for (auto& text : course_texts(course.json, course.languages, source_language)) {
    SourceUnit unit = make_unit(course.course_file_id(), text.key, plain_content(text.text));
    unit.notes.push_back({"location", text.where + " (course.json " + text.pointer + ")"});
    if (!text.limit.empty()) unit.notes.push_back({"limit", text.limit});
    unit.pointer = text.pointer;
    course.units.push_back(std::move(unit));
  }
  const Json& modules = course.json.at("modules");
  for (std::size_t m = 0; m < modules.size(); ++m) {
    const Json& lessons = modules[m].at("lessons");
    for (std::size_t l = 0; l < lessons.size(); ++l) {
      LessonSource lesson;
      lesson.id = lessons[l].at("id").get<std::string>();
      lesson.file_pointer = "/modules/" + std::to_string(m) + "/lessons/" + std::to_string(l) + "/file";
      lesson.files = lessons[l].at("file").get<std::map<std::string, std::string>>();
      const std::string& path = lesson.files.at(source_language);
      std::optional<std::string> markdown = read(path);
      if (!markdown) {
        result.error = path + ": cannot read the lesson file";
        return result;
      }
      lesson.markdown = std::move(*markdown);
      lesson.blocks = lesson_blocks(lesson.markdown);
      // A variant block is written for one language tag (fr-BE): not a text to translate.
      // Its bytes stay outside every unit, so import carries it into each language's file.
      // Not a structured binding: clang 14 (the fuzz build) cannot capture one.
      for (const auto& range : variant_ranges(lesson.markdown))
        std::erase_if(lesson.blocks, [&](const LessonBlock& block) {
          return block.begin >= range.first && block.begin < range.second;
        });
      const std::string title = lessons[l].at("title").value(source_language, "");
      for (std::size_t b = 0; b < lesson.blocks.size(); ++b) {
        const LessonBlock& block = lesson.blocks[b];
        const std::string raw = lesson.markdown.substr(block.begin, block.end - block.begin);
        SourceUnit unit = make_unit(course.id + ".lesson." + lesson.id, "b" + std::to_string(b + 1), tokenize_markdown(raw));
        unit.notes.push_back({"location", "Lesson " + lesson.id + " \"" + title + "\", " + block.kind + " (" + path + ":" +
                                              std::to_string(block.line) + ":" + std::to_string(block.column) + ")"});
        if (std::string limit = block_limit(block.kind); !limit.empty()) unit.notes.push_back({"limit", limit});
        unit.lesson = course.lessons.size();
        unit.block = b;
        course.units.push_back(std::move(unit));
      }
      course.lessons.push_back(std::move(lesson));
    }
  }
  result.source = std::move(course);
  return result;
}

}  // namespace coursepack::xliff
