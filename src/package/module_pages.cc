#include "coursepack/package/module_pages.h"

#include "coursepack/core/digcomp.h"
#include "coursepack/core/module_plan.h"
#include "coursepack/core/typography.h"
#include "coursepack/package/course_info_html.h"
#include "coursepack/package/embedded_files.h"
#include "coursepack/package/html.h"
#include "coursepack/package/packaged_plan.h"
#include "coursepack/package/ui_strings.h"

namespace coursepack {
namespace {

const std::string& in(const LanguageMap& map, const std::string& language) {
  static const std::string empty;
  auto it = map.find(language);
  return it == map.end() ? empty : it->second;
}

// Keeps "</" out of inline script blocks: the HTML parser would end the block there.
std::string script_safe(std::string text) {
  for (auto at = text.find("</"); at != std::string::npos; at = text.find("</", at + 3)) text.replace(at, 2, "<\\/");
  return text;
}

// Keys the player script needs at run time; the rest are rendered into the page here.
constexpr const char* kScriptStrings[] = {
    "pretest_title", "posttest_title", "answer_all",     "score_line",    "all_required",
    "some_required", "none_required", "lesson_of",    "required",       "viewed",        "lessons_left",
    "posttest_ready", "passed",       "failed",        "correct",        "incorrect",     "points_one", "points_other",
    "standalone",  "runtime_failed", "progress_reset", "start_pretest", "launch_refused", "queue_waiting_one",
    "queue_waiting_other",
    // Attempts, review and the LMS's modes (screens.js builds those parts).
    "take_posttest", "rules_pass", "rules_attempts_any", "rules_attempts_one", "rules_attempts_other", "rules_pretest",
    "rules_feedback", "confirm_submit", "confirm_yes", "confirm_no", "attempt_of", "attempt_n", "retake", "retake_note",
    "attempts_spent", "practice_result", "review_title", "covered_by", "correct_answer", "mode_browse", "mode_review",
    "mode_no_credit",
    // Orientation, robust start, results chart (navigation.js, main.js, chart.js).
    "step_left_one", "step_left_other", "step_none_left", "step_home", "step_pretest_left", "step_posttest",
    "step_done", "screen_home", "screen_results", "screen_final", "unsupported", "storage_failed", "lms_refused",
    "chart_title", "chart_lessons", "chart_pass", "chart_lesson_line", "pretest_score", "posttest_score",
    // The course-level path (course_path.js).
    "required_all", "required_none", "module_passed", "module_failed", "rules_course", "chart_modules",
    "chart_threshold",
};

// The steps of a module as the step indicator names them, in order (navigation.js marks
// the current one).
constexpr const char* kSteps[] = {"home", "pretest", "lessons", "posttest", "results"};

// One page per module: every screen of the player (home, quiz, results, lessons, final)
// is rendered here as plain HTML; the player's scripts only show one screen at a time and
// fill in the numbers. Without JavaScript the page still reads as a complete document.
class ModulePage {
 public:
  // `course_path`: `module` is the whole course as one module (whole_course_module), and the
  // page runs the course-level path: headings per module, the course plan, module tables.
  ModulePage(const Course& course, const Module& module, const std::string& language, const std::string& prefix,
             bool course_path = false)
      : course_(course), module_(module), language_(language), strings_(UiStrings::for_language(language)),
        course_path_(course_path) {
    for (char c : prefix)
      if (c == '/') root_ += "../";
  }

  std::string render() const {
    std::string body = steps();
    for (const std::string& screen : screens()) body += screen;
    body += data();
    // One pass over page.html: the body (course text) is copied, never read as template.
    return fill_slots(embedded_file("page.html"),
                      {{"lang", escape_html(language_)},
                       {"page_title", text(module_.title)},
                       {"root", root_},
                       {"skip_to_content", ui("skip_to_content")},
                       {"noscript", ui("noscript")},
                       {"course_title", text(course_.title)},
                       {"body", body}},
                      "{{", "}}");
  }

 private:
  std::string text(const LanguageMap& map) const { return escape_html(in(map, language_)); }
  std::string ui(std::string_view key, const std::map<std::string, std::string>& values = {}) const {
    return escape_html(typeset(strings_.get(key, values), language_));
  }
  // Strings of the lesson renderer (templates/strings), typeset for the page's language.
  std::string rendering_label(const std::string& key) const { return typeset(strings_.get(key), language_); }
  static std::string screen_open(const char* id) {
    return std::string("<section id=\"screen-") + id + "\" class=\"screen\" aria-labelledby=\"" + id + "-title\">\n";
  }

  // Every screen of the page, in order. A new screen (an About page, live sessions) is one
  // more entry: a <section id="screen-NAME" class="screen">, hidden until the script shows
  // it (player.css), and shown by screens.js for the name the player asks for.
  std::vector<std::string> screens() const { return {home(), quiz(), results(), lessons(), final_screen()}; }

  // The step indicator: where the learner is and what is left. As built it marks the home
  // step, which is the screen shown at first paint; navigation.js moves the mark.
  std::string steps() const {
    std::string html = "<nav class=\"steps\" aria-label=\"" + ui("steps_label") + "\">\n<ol>\n";
    for (const char* step : kSteps)
      html += std::string("<li data-step=\"") + step + "\"" + (step == kSteps[0] ? " aria-current=\"step\"" : "") +
              ">" + ui(std::string("step_name_") + step) + "</li>\n";
    return html + "</ol>\n<p id=\"steps-left\">" + ui("step_home") + "</p>\n</nav>\n";
  }

  std::string start_button() const {
    return "<p class=\"actions\"><button type=\"button\" class=\"primary\" data-action=\"start\">" +
           ui("start_pretest") + "</button></p>\n";
  }

  std::string home() const {
    std::string html = screen_open("home");
    html += "<h1 id=\"home-title\" tabindex=\"-1\">" + text(module_.title) + "</h1>\n";
    if (!module_.description.empty()) html += "<p class=\"lead\">" + text(module_.description) + "</p>\n";
    // The start button in the first screenful too: on a phone the end of the page is far.
    html += start_button();
    html += "<dl class=\"facts\">\n<dt>" + ui("audience") + "</dt><dd>" + text(course_.audience) + "</dd>\n";
    if (module_.minutes() > 0)
      html += "<dt>" + ui("duration") + "</dt><dd>" + ui("minutes", {{"n", std::to_string(module_.minutes())}}) +
              "</dd>\n";
    html += "<dt>" + ui("level") + "</dt><dd>" + ui("eqf", {{"n", std::to_string(course_.eqf_level)}}) +
            "</dd>\n</dl>\n" + language_notice();
    if (!module_.outcomes.empty()) {
      html += "<h2>" + ui("outcomes") + "</h2>\n<ul>\n";
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
      html += "</ul>\n";
    }
    html += "<div class=\"panel\">\n<h2>" + ui("how_it_works") + "</h2>\n<p>" + ui("how_it_works_text") +
            "</p>\n</div>\n";
    html += "<h2>" + ui("lessons") + "</h2>\n";
    for (std::size_t i = 0; i < module_.lessons.size(); ++i) {
      const Lesson& lesson = module_.lessons[i];
      // The course-level path: a heading and a list per module, numbered through the course.
      const Module* starting = module_at(i, &Module::lessons);
      if (starting)
        html += std::string(i > 0 ? "</ol>\n" : "") + "<h3 class=\"home-module\">" + text(starting->title) + "</h3>\n";
      if (i == 0 || starting)
        html += "<ol class=\"lesson-list\"" + (i > 0 ? " start=\"" + std::to_string(i + 1) + "\"" : std::string()) + ">\n";
      // A link in browse and review modes, where any lesson opens at once (screens.js).
      html += "<li data-lesson=\"" + std::to_string(i) + "\"><span class=\"lesson-name\">" + text(lesson.title) +
              "</span>";
      if (lesson.minutes > 0) html += " (" + ui("minutes", {{"n", std::to_string(lesson.minutes)}}) + ")";
      html += "</li>\n";
    }
    html += "</ol>\n" + start_button();
    // Below the action: the live sessions next to this module (when, what to prepare) and
    // the course's credits, which a learner looks up rather than reads first.
    html += live_sessions_html(course_, module_, language_, 2);
    html += about_screen_html(course_, language_, 2);
    return html + "</section>\n";
  }

  // "Language: français · also in English, slovenčina": each language named in itself (its
  // strings file's language_name), the others marked with their lang. Only the names are
  // embedded, never another language's strings.
  std::string language_notice() const {
    const auto name_of = [](const std::string& language) {
      return escape_html(UiStrings::for_language(language).get("language_name"));
    };
    std::string others;
    for (const auto& language : course_.languages) {
      if (language == language_ || in(module_.title, language).empty()) continue;
      others += std::string(others.empty() ? "" : ", ") + "<span lang=\"" + escape_html(language) + "\">" +
                name_of(language) + "</span>";
    }
    std::string line = fill_slots(ui("language_notice"), {{"language", name_of(language_)}}, "{", "}");
    if (!others.empty()) line += " · " + fill_slots(ui("language_also"), {{"languages", others}}, "{", "}");
    return "<p class=\"language-notice\">" + line + "</p>\n";
  }

  std::string quiz() const {
    std::string html = screen_open("quiz");
    html += "<h1 id=\"quiz-title\" tabindex=\"-1\">" + ui("pretest_title") + "</h1>\n";
    html += "<p>" + ui("quiz_intro", {{"n", std::to_string(module_.quiz.size())}}) + "</p>\n";
    html += "<form id=\"quiz-form\" novalidate>\n";
    for (std::size_t q = 0; q < module_.quiz.size(); ++q) {
      const Question& question = module_.quiz[q];
      const std::string name = "q" + std::to_string(q + 1);
      if (const Module* starting = module_at(q, &Module::quiz))
        html += "<h2 class=\"quiz-module\">" + text(starting->title) + "</h2>\n";
      html += "<fieldset data-question=\"" + std::to_string(q) + "\">\n<legend>" +
              ui("question", {{"n", std::to_string(q + 1)}}) + ". " + text(question.prompt) +
              "</legend>\n<div class=\"choices\">\n";
      for (std::size_t c = 0; c < question.choices.size(); ++c) {
        const std::string id = name + "-" + static_cast<char>('a' + c);
        html += "<div class=\"choice\" data-choice=\"" + std::to_string(c) + "\"><input type=\"radio\" name=\"" +
                name + "\" id=\"" + id + "\" value=\"" + std::to_string(c) + "\"><label for=\"" + id + "\">" +
                text(question.choices[c].text) + "</label></div>\n";
      }
      html += "</div>\n<p class=\"verdict\" hidden></p>\n";
      if (!question.feedback.empty()) html += "<p class=\"feedback\" hidden>" + text(question.feedback) + "</p>\n";
      html += "</fieldset>\n";
    }
    html += "<p class=\"actions\"><button type=\"submit\" class=\"primary\">" + ui("submit_answers") +
            "</button></p>\n</form>\n</section>\n";
    return html;
  }

  std::string results() const {
    std::string html = screen_open("results");
    html += "<h1 id=\"results-title\" tabindex=\"-1\">" + ui("results_title") + "</h1>\n";
    html += "<p id=\"results-score\"></p>\n<p id=\"results-explain\"></p>\n";
    // The course-level path: the score and required lessons per module (course_path.js
    // fills the cells and groups the lessons), in place of the one list.
    if (course_path_)
      html += module_table("results-modules", "modules_table", {"pretest_score", "required_lessons"}) +
              "<figure id=\"results-chart\" hidden></figure>\n";
    html += "<ul id=\"results-lessons\"></ul>\n";
    html += "<p class=\"actions\"><button type=\"button\" class=\"primary\" data-action=\"lessons\">" +
            ui("go_to_lessons") + "</button></p>\n</section>\n";
    return html;
  }

  std::string lessons() const {
    std::string html = screen_open("lessons");
    html += "<h1 id=\"lessons-title\" class=\"visually-hidden\">" + ui("lessons") + "</h1>\n";
    // The menu: a side column on wide screens, a closed disclosure above the lesson text on
    // phones (navigation.js opens it on wide screens).
    html += "<nav class=\"lesson-nav\" aria-labelledby=\"lesson-menu-title\">\n<details id=\"lesson-menu-box\" open>\n"
            "<summary><h2 id=\"lesson-menu-title\">" +
            ui("lessons") + "</h2></summary>\n" + (course_path_ ? "<div id=\"lesson-menu\">\n" : "<ol id=\"lesson-menu\">\n");
    for (std::size_t i = 0; i < module_.lessons.size(); ++i) {
      // The course-level path groups the menu by module: a heading and a list each.
      if (const Module* starting = module_at(i, &Module::lessons))
        html += std::string(i > 0 ? "</ol>\n" : "") + "<h3 class=\"menu-module\">" + text(starting->title) +
                "</h3>\n<ol>\n";
      html += "<li><a href=\"#lesson-" + escape_html(module_.lessons[i].id) + "\" data-lesson=\"" +
              std::to_string(i) + "\">" + text(module_.lessons[i].title) + "</a> <span class=\"tags\"></span></li>\n";
    }
    html += course_path_ ? "</ol>\n</div>\n" : "</ol>\n";
    html += "<p id=\"posttest-gate\"></p>\n<p class=\"actions\"><button type=\"button\" "
            "class=\"primary\" data-action=\"posttest\">" +
            ui("take_posttest") + "</button></p>\n</details>\n</nav>\n<div class=\"lesson-pane\">\n";
    for (std::size_t i = 0; i < module_.lessons.size(); ++i) {
      const Lesson& lesson = module_.lessons[i];
      const std::string id = "lesson-" + escape_html(lesson.id);
      html += "<article id=\"" + id + "\" class=\"lesson\" data-lesson=\"" + std::to_string(i) +
              "\" aria-labelledby=\"" + id + "-title\">\n";
      // In the course-level path: the module, then the place in it.
      const auto [in_module, first, count] = lesson_place(i);
      html += "<p class=\"progress\">" + (in_module ? text(in_module->title) + " · " : std::string()) +
              ui("lesson_of", {{"n", std::to_string(i - first + 1)}, {"total", std::to_string(count)}}) +
              " <span class=\"tags\"></span></p>\n";
      html += "<h2 id=\"" + id + "-title\" class=\"lesson-title\" tabindex=\"-1\">" + text(lesson.title) + "</h2>\n";
      const auto file = lesson.file.find(language_);
      html += render_markdown(in(lesson.markdown, language_),
                              {language_, file == lesson.file.end() ? "" : file->second, rendering_label("new_window"),
                               rendering_label("table_region"), rendering_label("code_region")});
      html += "<nav class=\"pager\" aria-label=\"" + ui("lessons") + "\">";
      if (i > 0)
        html += "<button type=\"button\" data-action=\"open\" data-lesson=\"" + std::to_string(i - 1) + "\">" +
                ui("previous") + "</button>";
      if (i + 1 < module_.lessons.size())
        html += "<button type=\"button\" data-action=\"open\" data-lesson=\"" + std::to_string(i + 1) + "\">" +
                ui("next") + "</button>";
      // The way on at the end of the lesson too, shown once the post-test is open.
      html += "<button type=\"button\" class=\"primary\" data-action=\"posttest-end\" hidden>" + ui("take_posttest") +
              "</button>";
      html += "</nav>\n</article>\n";
    }
    return html + "</div>\n</section>\n";
  }

  std::string final_screen() const {
    std::string html = screen_open("final");
    html += "<h1 id=\"final-title\" tabindex=\"-1\">" + ui("final_title") + "</h1>\n";
    // chart.js draws the comparison here; the table stays as its accessible alternative.
    html += "<p id=\"final-status\"></p>\n<figure id=\"final-chart\" hidden></figure>\n<table class=\"scores\">\n"
            "<caption>" +
            ui("chart_table") + "</caption>\n<tbody>\n";
    html += "<tr><th scope=\"row\">" + ui("pretest_score") + "</th><td id=\"final-pre\"></td></tr>\n";
    html += "<tr><th scope=\"row\">" + ui("posttest_score") + "</th><td id=\"final-post\"></td></tr>\n";
    html += "<tr><th scope=\"row\">" + ui("gain") + "</th><td id=\"final-gain\"></td></tr>\n</tbody>\n</table>\n";
    if (course_path_)
      html += module_table("final-modules", "final_modules", {"pretest_score", "posttest_score", "gain", "module_result"});
    html += "<p class=\"actions\"><button type=\"button\" data-action=\"review\">" + ui("review_lessons") +
            "</button></p>\n</section>\n";
    return html;
  }

  // The module plan for the runtime and the strings the script needs, as inert blocks.
  std::string data() const {
    std::string strings = "{";
    const auto add = [&](const std::string& key) {
      if (strings.size() > 1) strings += ',';
      strings += "\"" + key + "\":\"" + json_escape(typeset(strings_.get(key), language_)) + "\"";
    };
    for (const std::string key : kScriptStrings) {
      add(key);
      // A count's other CLDR forms, those this language writes (Polish points_few, points_many).
      if (!key.ends_with("_other")) continue;
      for (const char* form : {"_zero", "_two", "_few", "_many"}) {
        const std::string name = key.substr(0, key.size() - 6) + form;
        if (strings_.get(name) != name) add(name);
      }
    }
    strings += "}";
    // The plan with its quiz names, as moodle sync replays it (packaged_plan.h).
    const ModulePlan plan = course_path_ ? packaged_course_plan(course_, language_) : packaged_plan(course_, module_, language_);
    std::string html = "<script type=\"text/plain\" id=\"coursepack-plan\">" + script_safe(encode_plan(plan)) +
                       "</script>\n";
    html += "<script type=\"application/json\" id=\"coursepack-strings\">" + script_safe(strings) + "</script>\n";
    html += "<script src=\"" + root_ + "coursepack-runtime.js\"></script>\n";
    for (const char* script : kPlayerScripts) html += "<script src=\"" + root_ + script + "\"></script>\n";
    return html;
  }

  static std::string json_escape(const std::string& text) {
    std::string out;
    for (char c : text) {
      if (c == '"' || c == '\\') out += '\\';
      if (c == '\n') {
        out += "\\n";
      } else if (c == '<') {
        out += "\\u003c";  // no "</script" or "<!--" inside the script block
      } else {
        out += c;
      }
    }
    return out;
  }

  // In the course-level path, the module of the course whose first lesson (or question,
  // with &Module::quiz) is item `index` of the whole; null elsewhere and in a module page.
  template <typename Item>
  const Module* module_at(std::size_t index, std::vector<Item> Module::*items) const {
    if (!course_path_) return nullptr;
    std::size_t first = 0;
    for (const auto& module : course_.modules) {
      if (first == index && !(module.*items).empty()) return &module;
      first += (module.*items).size();
    }
    return nullptr;
  }

  struct LessonPlace {
    const Module* module;  // null in a module page
    std::size_t first, count;
  };
  // Lesson `index`'s module and where that module's lessons start and how many it has.
  LessonPlace lesson_place(std::size_t index) const {
    std::size_t first = 0;
    if (course_path_)
      for (const auto& module : course_.modules) {
        if (index < first + module.lessons.size()) return {&module, first, module.lessons.size()};
        first += module.lessons.size();
      }
    return {nullptr, 0, module_.lessons.size()};
  }

  // A table with a row per module and `columns` (interface string keys) after the module's
  // name; the cells are empty, course_path.js fills them (data-part: the module's index).
  std::string module_table(const char* id, const char* caption, std::initializer_list<const char*> columns) const {
    std::string html = std::string("<table class=\"scores modules\" id=\"") + id + "\">\n<caption>" + ui(caption) +
                       "</caption>\n<thead>\n<tr><th scope=\"col\">" + ui("module") + "</th>";
    for (const char* column : columns) html += "<th scope=\"col\">" + ui(column) + "</th>";
    html += "</tr>\n</thead>\n<tbody>\n";
    for (std::size_t p = 0; p < course_.modules.size(); ++p) {
      html += "<tr data-part=\"" + std::to_string(p) + "\"><th scope=\"row\">" + text(course_.modules[p].title) + "</th>";
      for (std::size_t c = 0; c < columns.size(); ++c) html += "<td></td>";
      html += "</tr>\n";
    }
    return html + "</tbody>\n</table>\n";
  }

  const Course& course_;
  const Module& module_;
  const std::string& language_;
  UiStrings strings_;
  std::string root_;
  bool course_path_ = false;
};

}  // namespace

void render_module_pages(const Course& course, const Module& module, const std::string& language,
                         const std::string& prefix, PackageFiles& files) {
  files[prefix + "index.html"] = ModulePage(course, module, language, prefix).render();
}

Module whole_course_module(const Course& course) {
  Module whole;
  whole.id = course.id;
  whole.title = course.title;
  whole.description = course.description;
  for (const auto& outcome : course.outcomes) whole.outcomes.push_back(outcome.id);
  for (const auto& module : course.modules) {
    whole.lessons.insert(whole.lessons.end(), module.lessons.begin(), module.lessons.end());
    whole.quiz.insert(whole.quiz.end(), module.quiz.begin(), module.quiz.end());
  }
  whole.attempts = course.assessment.attempts;
  return whole;
}

void render_course_page(const Course& course, const std::string& language, PackageFiles& files) {
  const Module whole = whole_course_module(course);
  files["index.html"] = ModulePage(course, whole, language, "", /*course_path=*/true).render();
}

bool is_shared_player_file(const std::string& path) {
  return path.find('/') == std::string::npos || path.starts_with("player/");
}

void add_player_files(PackageFiles& files) {
  for (const char* name : {"player.css", "coursepack-runtime.js"}) files[name] = std::string(embedded_file(name));
  for (const char* name : kPlayerScripts) files[name] = std::string(embedded_file(name));
}

}  // namespace coursepack
