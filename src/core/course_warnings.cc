#include "coursepack/core/course_warnings.h"

#include <algorithm>
#include <array>

#include "coursepack/core/course_coverage.h"
#include "coursepack/core/diagnostic.h"
#include "coursepack/core/item_writing.h"
#include "coursepack/core/source_padding.h"

namespace coursepack {
namespace {

using nlohmann::json;

// The checks, as docs/course-format.md lists them (a test compares the two).
constexpr std::array kChecks{
    WarningCheck{"key-longest", true,
                 "in one language, the correct choice is the single longest in most of a module's questions "
                 "(more than half, and at least 2)"},
    WarningCheck{"few-choices", true, "a question has fewer than 4 choices"},
    WarningCheck{"choice-repeated", true, "two choices of a question have the same words in one language"},
    WarningCheck{"absolute-word", true,
                 "in one language, absolute words (\"always\", \"jamais\"...) appear in wrong choices and not in "
                 "the correct one"},
    WarningCheck{"stem-clue", true,
                 "in one language, the correct choice repeats a distinctive word of the prompt that no other "
                 "choice has"},
    WarningCheck{"choice-lengths", true,
                 "in one language, the longest choice is more than 2.5 times the shortest and 10 characters "
                 "longer or more"},
    WarningCheck{"lesson-untested", true, "no question of its module tests a lesson"},
    WarningCheck{"lesson-minutes", true,
                 "lesson minutes (when any lesson gives them) do not add up to workload.online_minutes"},
    WarningCheck{"source-padding", true,
                 "course.json or a lesson file is over 64 KiB and more than 4 times its content (each run of "
                 "whitespace counted once)"},
    WarningCheck{"allow-unused", false, "an allow entry silences nothing where it stands"},
};

std::string in_quotes(std::string_view text) { return '"' + std::string(text) + '"'; }

void add_allows(const json& object, const std::string& scope, std::vector<Allow>& out) {
  const auto list = object.find("allow");
  if (list == object.end() || !list->is_array()) return;
  for (std::size_t i = 0; i < list->size(); ++i)
    out.push_back({(*list)[i].value("check", ""), scope, pointer_join(scope + "/allow", i)});
}

bool inside(const std::string& pointer, const std::string& scope) {
  return pointer.starts_with(scope) && (pointer.size() == scope.size() || pointer[scope.size()] == '/');
}

void add_prefixed(std::vector<Finding>& out, std::vector<Finding> findings, const std::string& prefix) {
  for (auto& finding : findings) {
    finding.pointer = prefix + finding.pointer;
    out.push_back(std::move(finding));
  }
}

std::string padding_message(const std::string& what, std::string_view text, const Padding& padding) {
  const TextPosition run = position_of_offset(text, padding.longest_run_offset);
  return what + " is " + std::to_string(padding.bytes) + " bytes for " + std::to_string(padding.content_bytes) +
         " bytes of content (each run of whitespace counted once): padded with whitespace, the longest run (" +
         std::to_string(padding.longest_run_length) + " characters) at line " + std::to_string(run.line) +
         ", column " + std::to_string(run.column);
}

}  // namespace

std::span<const WarningCheck> warning_checks() { return kChecks; }

const WarningCheck* find_warning_check(std::string_view code) {
  for (const auto& check : kChecks)
    if (check.code == code) return &check;
  return nullptr;
}

std::vector<Allow> read_allows(const nlohmann::json& document) {
  std::vector<Allow> out;
  if (!document.is_object()) return out;
  add_allows(document, "", out);
  const auto modules = document.find("modules");
  if (modules == document.end() || !modules->is_array()) return out;
  for (std::size_t m = 0; m < modules->size(); ++m) {
    const json& module = (*modules)[m];
    if (!module.is_object()) continue;
    const std::string scope = pointer_join("/modules", m);
    add_allows(module, scope, out);
    for (const char* key : {"lessons", "quiz"}) {
      const auto list = module.find(key);
      if (list == module.end() || !list->is_array()) continue;
      for (std::size_t i = 0; i < list->size(); ++i)
        if ((*list)[i].is_object()) add_allows((*list)[i], pointer_join(scope + "/" + key, i), out);
    }
  }
  return out;
}

void apply_allows(std::vector<Finding>& findings, const std::vector<Allow>& allows) {
  std::vector<bool> used(allows.size(), false);
  std::erase_if(findings, [&](const Finding& finding) {
    bool silenced = false;
    for (std::size_t i = 0; i < allows.size(); ++i)
      if (allows[i].check == finding.code && inside(finding.pointer, allows[i].scope)) silenced = used[i] = true;
    return silenced;
  });
  for (std::size_t i = 0; i < allows.size(); ++i)
    if (!used[i])
      findings.push_back({"allow-unused", allows[i].pointer,
                          "silences " + in_quotes(allows[i].check) + ", but nothing here triggers it; remove the entry"});
}

std::vector<Finding> find_warnings(const Course& course, const nlohmann::json& document,
                                   std::string_view course_json, const JsonIndex& index) {
  std::vector<Finding> out;
  for (std::size_t m = 0; m < course.modules.size(); ++m) {
    const Module& module = course.modules[m];
    const std::string prefix = pointer_join("/modules", m);
    add_prefixed(out, check_keys(module, course.languages), prefix);
    add_prefixed(out, check_untested_lessons(module), prefix);
    for (std::size_t q = 0; q < module.quiz.size(); ++q)
      add_prefixed(out, check_question(module.quiz[q], course.languages), pointer_join(prefix + "/quiz", q));
    for (std::size_t l = 0; l < module.lessons.size(); ++l)
      for (const auto& [language, markdown] : module.lessons[l].markdown)
        if (const auto padding = find_padding(markdown))
          out.push_back({"source-padding", pointer_join(pointer_join(prefix + "/lessons", l) + "/file", language),
                         padding_message("lesson file " + in_quotes(module.lessons[l].file.at(language)), markdown,
                                         *padding)});
  }
  add_prefixed(out, check_lesson_minutes(course), "");
  if (const auto padding = find_padding(course_json)) {
    const std::string at = index.value_before(position_of_offset(course_json, padding->longest_run_offset));
    out.push_back({"source-padding", at, padding_message("this file", course_json, *padding)});
  }
  apply_allows(out, read_allows(document));
  return out;
}

}  // namespace coursepack
