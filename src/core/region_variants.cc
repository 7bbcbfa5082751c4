#include "region_variants.h"

#include "coursepack/core/language_tag.h"
#include "coursepack/core/lesson_variants.h"

namespace coursepack {
namespace {

using nlohmann::json;

bool is_language_map(const json& value, const std::vector<std::string>& languages) {
  if (!value.is_object() || value.empty()) return false;
  for (const auto& [key, item] : value.items())
    if (!item.is_string() || std::find(languages.begin(), languages.end(), key) == languages.end()) return false;
  return true;
}

struct Inheritor {
  const std::map<std::string, std::string>& inheriting;
  const std::map<std::string, std::string>& lesson_texts;
  std::vector<std::string> languages;

  void walk(json& value, const std::string& name) {
    if (is_language_map(value, languages)) {
      for (const auto& [tag, base] : inheriting) {
        if (value.contains(tag) || !value.contains(base)) continue;
        const std::string inherited = value[base].get<std::string>();
        const std::string own = name == "file" ? variant_file_path(inherited, base, tag) : "";
        value[tag] = !own.empty() && lesson_texts.contains(own) ? own : inherited;
      }
      return;
    }
    if (value.is_object())
      for (auto& [key, item] : value.items()) walk(item, key);
    else if (value.is_array())
      for (auto& item : value) walk(item, name);
  }
};

}  // namespace

std::map<std::string, std::string> inheriting_languages(const std::vector<std::string>& languages) {
  std::map<std::string, std::string> out;
  for (const auto& language : languages)
    if (std::string base = fallback_language(language, languages); !base.empty()) out.emplace(language, base);
  return out;
}

void inherit_region_texts(json& document, const std::map<std::string, std::string>& inheriting,
                          const std::map<std::string, std::string>& lesson_texts) {
  if (inheriting.empty()) return;
  Inheritor inheritor{inheriting, lesson_texts, {}};
  for (const auto& language : document["languages"]) inheritor.languages.push_back(language.get<std::string>());
  inheritor.walk(document, "");
}

void check_country_marks(const json& document, const std::map<std::string, std::string>& lesson_texts,
                         const std::string& folder, DiagnosticSink& sink, std::vector<Diagnostic>& out) {
  for (const auto& [path, text] : lesson_texts)
    for (const auto& problem : find_lesson_markers(text).problems)
      keep_diagnostic(out, {folder + path, {problem.line, problem.column}, "", problem.message});
  const json& modules = document["modules"];
  for (std::size_t m = 0; m < modules.size(); ++m)
    for (const char* list : {"lessons", "quiz"}) {
      const json& items = modules[m][list];
      for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].contains("adapted_for") && !items[i].contains("country"))
          sink.at_value(pointer_join(pointer_join(pointer_join("/modules", m) + "/" + list, i), "adapted_for"),
                        "adapted_for needs a \"country\": the country this text was written for");
    }
}

}  // namespace coursepack
