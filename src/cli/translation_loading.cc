#include "translation_loading.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "course_loading.h"
#include "coursepack/core/language_tag.h"
#include "coursepack/package/course_folder.h"

namespace coursepack::cli {

std::optional<std::string> read_file_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::optional<TranslationCourse> load_for_translation(const std::string& folder, const std::string& source_language) {
  const CourseLocation location{folder, (std::filesystem::path(folder) / "course.json").string()};
  CourseReadResult read = load_course(location);
  if (!read.course) {
    print_diagnostics(read.diagnostics);
    std::cerr << location.display << ": fix these problems first: translation needs a valid course\n";
    return std::nullopt;
  }
  const std::string source = source_language.empty() ? read.course->languages.front() : source_language;
  const std::optional<std::string> json = read_file_text(location.folder / "course.json");
  xliff::CourseSourceResult result = xliff::course_source(
      json.value_or(""), source,
      [&](const std::string& path) { return read_file_text(location.folder / path); });
  if (!result.source) {
    std::cerr << location.display << ": " << result.error << "\n";
    return std::nullopt;
  }
  return TranslationCourse{location.folder, folder, std::move(*result.source), std::move(*read.course)};
}

RecordRead read_record(const TranslationCourse& course, const std::string& language) {
  RecordRead out;
  const std::filesystem::path path = course.folder / xliff::record_path(language);
  const std::optional<std::string> text = read_file_text(path);
  if (!text) return out;
  std::string error;
  out.record = xliff::parse_record(*text, error);
  if (!out.record) out.error = path.string() + ": " + error;
  return out;
}

std::vector<xliff::LanguageStatus> course_status(const TranslationCourse& course) {
  std::vector<xliff::LanguageStatus> out;
  for (const auto& language : course.source.languages) {
    if (language == course.source.source_language) continue;
    RecordRead read = read_record(course, language);
    if (!read.error.empty()) std::cerr << read.error << "\n";
    out.push_back(xliff::language_status(course.source, language, read.record ? &*read.record : nullptr,
                                         fallback_language(language, course.source.languages)));
  }
  return out;
}

std::vector<IncompleteLanguage> incomplete_languages(const std::filesystem::path& folder) {
  std::vector<IncompleteLanguage> out;
  std::error_code error;
  if (!std::filesystem::is_directory(folder / "translations", error)) return out;
  const std::optional<TranslationCourse> course = load_for_translation(folder.string(), "");
  if (!course) return out;
  for (const auto& status : course_status(*course))
    if (!status.complete()) out.push_back({status.language, xliff::status_line(status)});
  return out;
}

}  // namespace coursepack::cli
