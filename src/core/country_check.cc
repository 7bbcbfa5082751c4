#include "coursepack/core/country_check.h"

#include <algorithm>

#include "coursepack/core/diagnostic.h"
#include "coursepack/core/language_tag.h"
#include "coursepack/core/lesson_variants.h"

namespace coursepack {
namespace {

bool adapted(const std::string& marked, const std::vector<std::string>& adapted_for, const std::string& country) {
  return marked.empty() || marked == country ||
         std::find(adapted_for.begin(), adapted_for.end(), country) != adapted_for.end();
}

// A region variant that gives the lesson a file of its own rewrote it for its country.
bool own_file(const Lesson& lesson, const std::string& tag, const std::vector<std::string>& languages) {
  const std::string base = fallback_language(tag, languages);
  if (base.empty()) return false;
  const auto mine = lesson.file.find(tag), theirs = lesson.file.find(base);
  return mine != lesson.file.end() && theirs != lesson.file.end() && mine->second != theirs->second;
}

}  // namespace

std::vector<CountryFinding> passages_for_another_country(const Course& course, const std::string& tag,
                                                         const std::string& country) {
  std::vector<CountryFinding> out;
  for (std::size_t m = 0; m < course.modules.size(); ++m) {
    const Module& module = course.modules[m];
    const std::string module_pointer = pointer_join("/modules", m);
    for (std::size_t l = 0; l < module.lessons.size(); ++l) {
      const Lesson& lesson = module.lessons[l];
      if (!adapted(lesson.country, lesson.adapted_for, country) && !own_file(lesson, tag, course.languages))
        out.push_back({"course.json", pointer_join(module_pointer + "/lessons", l), 0, lesson.country,
                       "lesson " + lesson.id});
      const auto file = lesson.file.find(tag);
      const auto markdown = lesson.markdown.find(tag);
      if (file == lesson.file.end() || markdown == lesson.markdown.end()) continue;
      for (const auto& passage : find_lesson_markers(markdown->second).passages)
        if (passage.country != country)
          out.push_back({file->second, "", passage.line, passage.country, "passage of lesson " + lesson.id});
    }
    for (std::size_t q = 0; q < module.quiz.size(); ++q) {
      const Question& question = module.quiz[q];
      if (!adapted(question.country, question.adapted_for, country))
        out.push_back({"course.json", pointer_join(module_pointer + "/quiz", q), 0, question.country,
                       "question " + module.id + "/" + question.id});
    }
  }
  return out;
}

}  // namespace coursepack
