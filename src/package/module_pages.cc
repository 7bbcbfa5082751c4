#include "coursepack/package/module_pages.h"

#include "coursepack/core/digcomp.h"
#include "coursepack/package/embedded_files.h"
#include "coursepack/package/html.h"
#include "coursepack/package/ui_strings.h"

namespace coursepack {
namespace {

std::string_view template_file(std::string_view name) {
  std::size_t count = 0;
  const EmbeddedFile* files = embedded_files(count);
  for (std::size_t i = 0; i < count; ++i)
    if (files[i].name == name) return files[i].content;
  return {};
}

// Replaces each {{name}} of the page shell; values are inserted as given (callers escape).
std::string fill_page(const std::map<std::string, std::string>& values) {
  std::string page(template_file("page.html"));
  for (const auto& [name, value] : values) {
    const std::string slot = "{{" + name + "}}";
    for (auto at = page.find(slot); at != std::string::npos; at = page.find(slot, at + value.size()))
      page.replace(at, slot.size(), value);
  }
  return page;
}

const std::string& in(const LanguageMap& map, const std::string& language) {
  static const std::string empty;
  auto it = map.find(language);
  return it == map.end() ? empty : it->second;
}

char choice_letter(std::size_t index) { return static_cast<char>('a' + index); }

class ModulePages {
 public:
  ModulePages(const Course& course, const Module& module, const std::string& language, const std::string& prefix)
      : course_(course), module_(module), language_(language), prefix_(prefix),
        strings_(UiStrings::for_language(language)) {
    for (char c : prefix)
      if (c == '/') root_ += "../";
  }

  void render(PackageFiles& files) {
    files[prefix_ + "index.html"] = page(in(module_.title, language_), root_, home_body());
    for (std::size_t i = 0; i < module_.lessons.size(); ++i) {
      const Lesson& lesson = module_.lessons[i];
      files[prefix_ + "lessons/" + lesson.id + ".html"] =
          page(in(lesson.title, language_) + " – " + in(module_.title, language_), root_ + "../", lesson_body(i));
    }
  }

 private:
  std::string text(const LanguageMap& map) const { return escape_html(in(map, language_)); }
  std::string ui(std::string_view key, const std::map<std::string, std::string>& values = {}) const {
    return escape_html(strings_.get(key, values));
  }

  std::string page(const std::string& title, const std::string& root, const std::string& body) const {
    return fill_page({{"lang", escape_html(language_)},
                      {"page_title", escape_html(title)},
                      {"root", root},
                      {"skip_to_content", ui("skip_to_content")},
                      {"course_title", text(course_.title)},
                      {"body", body}});
  }

  std::string home_body() const {
    std::string html = "<h1>" + text(module_.title) + "</h1>\n";
    if (!module_.description.empty()) html += "<p>" + text(module_.description) + "</p>\n";

    html += "<dl class=\"facts\">\n";
    html += "<dt>" + ui("audience") + "</dt><dd>" + text(course_.audience) + "</dd>\n";
    if (module_.minutes() > 0)
      html += "<dt>" + ui("duration") + "</dt><dd>" + ui("minutes", {{"n", std::to_string(module_.minutes())}}) +
              "</dd>\n";
    html += "<dt>" + ui("level") + "</dt><dd>" + ui("eqf", {{"n", std::to_string(course_.eqf_level)}}) + "</dd>\n";
    html += "</dl>\n";

    if (!module_.outcomes.empty()) {
      html += "<section aria-labelledby=\"outcomes-title\">\n<h2 id=\"outcomes-title\">" + ui("outcomes") +
              "</h2>\n<ul>\n";
      for (const auto& outcome_id : module_.outcomes) {
        const Outcome* outcome = course_.find_outcome(outcome_id);
        html += "<li>" + text(outcome->text);
        if (const auto* competence = find_digcomp(outcome->digcomp))
          html += " <span class=\"digcomp\">(" +
                  ui("digcomp", {{"id", std::string(competence->id)},
                                 {"name", std::string(digcomp_name(*competence, language_))}}) +
                  ")</span>";
        html += "</li>\n";
      }
      html += "</ul>\n</section>\n";
    }

    html += "<section aria-labelledby=\"lessons-title\">\n<h2 id=\"lessons-title\">" + ui("lessons") +
            "</h2>\n<ol class=\"lesson-list\">\n";
    for (const auto& lesson : module_.lessons) {
      html += "<li><a href=\"lessons/" + escape_html(lesson.id) + ".html\">" + text(lesson.title) + "</a>";
      if (lesson.minutes > 0) html += " (" + ui("minutes", {{"n", std::to_string(lesson.minutes)}}) + ")";
      html += "</li>\n";
    }
    html += "</ol>\n</section>\n";

    if (!module_.quiz.empty()) html += quiz();
    return html;
  }

  // The questions as a plain form: proper radio groups with labels, no scoring yet.
  std::string quiz() const {
    std::string html = "<section aria-labelledby=\"quiz-title\">\n<h2 id=\"quiz-title\">" + ui("quiz") + "</h2>\n";
    html += "<p>" + ui("quiz_intro", {{"n", std::to_string(module_.quiz.size())}}) + "</p>\n<form>\n";
    for (std::size_t q = 0; q < module_.quiz.size(); ++q) {
      const Question& question = module_.quiz[q];
      const std::string name = "q-" + escape_html(question.id);
      html += "<fieldset>\n<legend>" + ui("question", {{"n", std::to_string(q + 1)}}) + ". " +
              text(question.prompt) + "</legend>\n";
      for (std::size_t c = 0; c < question.choices.size(); ++c) {
        const std::string id = name + "-" + choice_letter(c);
        html += "<div class=\"choice\"><input type=\"radio\" name=\"" + name + "\" id=\"" + id + "\" value=\"" +
                choice_letter(c) + "\"><label for=\"" + id + "\">" + text(question.choices[c].text) +
                "</label></div>\n";
      }
      html += "</fieldset>\n";
    }
    return html + "</form>\n</section>\n";
  }

  std::string lesson_body(std::size_t index) const {
    const Lesson& lesson = module_.lessons[index];
    const std::size_t total = module_.lessons.size();
    std::string html = "<p><a href=\"../index.html\">" + ui("back_to_module") + "</a></p>\n";
    html += "<p class=\"progress\">" +
            ui("lesson_of", {{"n", std::to_string(index + 1)}, {"total", std::to_string(total)}}) + "</p>\n";
    html += "<h1>" + text(lesson.title) + "</h1>\n<article>\n" + render_markdown(in(lesson.markdown, language_)) +
            "</article>\n";
    html += "<nav class=\"pager\" aria-label=\"" + ui("lessons") + "\">\n";
    if (index > 0) {
      const Lesson& previous = module_.lessons[index - 1];
      html += "<a rel=\"prev\" href=\"" + escape_html(previous.id) + ".html\">" +
              ui("previous", {{"title", in(previous.title, language_)}}) + "</a>\n";
    }
    if (index + 1 < total) {
      const Lesson& next = module_.lessons[index + 1];
      html += "<a rel=\"next\" href=\"" + escape_html(next.id) + ".html\">" +
              ui("next", {{"title", in(next.title, language_)}}) + "</a>\n";
    }
    return html + "</nav>\n";
  }

  const Course& course_;
  const Module& module_;
  const std::string& language_;
  std::string prefix_;
  std::string root_;
  UiStrings strings_;
};

}  // namespace

void render_module_pages(const Course& course, const Module& module, const std::string& language,
                         const std::string& prefix, PackageFiles& files) {
  ModulePages(course, module, language, prefix).render(files);
}

void add_player_files(PackageFiles& files) { files["player.css"] = std::string(template_file("player.css")); }

}  // namespace coursepack
