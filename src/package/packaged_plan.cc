#include "coursepack/package/packaged_plan.h"

#include "coursepack/core/typography.h"
#include "coursepack/package/ui_strings.h"

namespace coursepack {
namespace {

// "Pre-test – <title>" and "Post-test – <title>" in every language of the course, under
// "pretest"/"posttest" followed by `suffix`. A validated course has every title in every
// language (region variants are filled from their base language by the reader).
void add_quiz_texts(ModulePlan& plan, const Course& course, const LanguageMap& titles, const std::string& suffix) {
  for (const auto& tag : course.languages) {
    const UiStrings labels = UiStrings::for_language(tag);
    const auto title = titles.find(tag);
    const std::string& shown = title != titles.end() ? title->second : titles.begin()->second;
    for (const std::string quiz : {"pretest", "posttest"})
      plan.texts[quiz + suffix][tag] = typeset(labels.get(quiz + "_title"), tag) + " – " + shown;
  }
}

}  // namespace

ModulePlan packaged_plan(const Course& course, const Module& module, const std::string& language) {
  ModulePlan plan = make_module_plan(course, module);
  plan.language = language;
  add_quiz_texts(plan, course, module.title, "");
  return plan;
}

ModulePlan packaged_course_plan(const Course& course, const std::string& language) {
  ModulePlan plan = make_course_plan(course);
  plan.language = language;
  add_quiz_texts(plan, course, course.title, "");
  for (std::size_t p = 0; p < plan.parts.size(); ++p)
    add_quiz_texts(plan, course, course.modules[p].title, ":" + std::to_string(p));
  return plan;
}

}  // namespace coursepack
