#include "coursepack/xliff/import_plan.h"

#include <algorithm>
#include <regex>
#include <set>

#include "coursepack/xliff/course_texts.h"

namespace coursepack::xliff {
namespace {

// BCP 47 as courses use it: a language subtag, then region or other subtags (fr, fr-BE, pt-PT).
bool is_language_tag(const std::string& tag) {
  static const std::regex kTag("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
  return std::regex_match(tag, kTag);
}

bool is_state(const std::string& state) {
  return state.empty() || state == "initial" || state == "translated" || state == "reviewed" || state == "final";
}

// How a message names a code: its XML, and what it stands for in the source.
std::string describe(const Piece& code) {
  const std::string xml = code.kind == Piece::Kind::standalone ? "<ph id=\"" + code.id + "\"/>" : "<pc id=\"" + code.id + "\">";
  std::string what;
  if (code.sub_type == "xlf:b") what = "bold";
  else if (code.sub_type == "xlf:i") what = "italic";
  else if (code.sub_type == "xlf:lb") what = "line break";
  else if (code.type == "link") what = "link";
  else if (code.type == "image") what = "image";
  else if (code.type == "fmt") what = "strikethrough";
  else what = code.text;
  return xml + " (" + what + ")";
}

std::string key_of(const std::string& id) {
  const std::size_t dash = id.rfind('-');
  return dash == std::string::npos ? id : id.substr(0, dash);
}

class Planner {
 public:
  Planner(const CourseSource& course, const Document& document, const std::optional<Record>& record)
      : course_(course), document_(document), record_(record), language_(document.target_language) {}

  ImportPlan run() {
    check_languages();
    for (const SourceUnit& unit : course_.units) {
      by_id_[unit.file_id][unit.id] = &unit;
      by_key_[unit.file_id][unit.key] = &unit;
    }
    std::set<std::string> files_seen;
    for (const File& file : document_.files) {
      if (!files_seen.insert(file.id).second) {
        error(file.position, "file \"" + file.id + "\" appears twice");
        continue;
      }
      if (check_file(file))
        for (const Unit& unit : file.units) check_unit(file, unit);
    }
    check_hand_written();
    if (!plan_.errors.empty()) return std::move(plan_);
    write();
    return std::move(plan_);
  }

 private:
  void check_languages() {
    if (document_.source_language != course_.source_language)
      error(document_.position, "the source language is \"" + document_.source_language + "\", the course's is \"" +
                                    course_.source_language + "\": this file was exported from another source");
    if (!is_language_tag(language_))
      error(document_.position, "trgLang \"" + language_ + "\" is not a language tag such as fr, sk or pt-PT");
  }

  bool check_file(const File& file) {
    const std::string prefix = course_.id + ".";
    if (!file.id.starts_with(prefix)) {
      error(file.position, "file \"" + file.id + "\" is from course \"" + file.id.substr(0, file.id.find('.')) +
                               "\", not \"" + course_.id + "\"");
      return false;
    }
    if (!by_id_.contains(file.id)) {
      error(file.position, "file \"" + file.id + "\": course \"" + course_.id +
                               "\" has no such part (a lesson removed or renamed since the export?)");
      return false;
    }
    return true;
  }

  void check_unit(const File& file, const Unit& unit) {
    const std::string where = "file " + file.id + ", unit " + unit.id + ": ";
    const TextPosition at = unit.target ? unit.target_position : unit.position;
    const auto& units = by_id_[file.id];
    const auto found = units.find(unit.id);
    if (found == units.end()) {
      const auto& keys = by_key_[file.id];
      if (auto moved = keys.find(key_of(unit.id)); moved != keys.end())
        error(unit.position, where + "its source text changed since this file was exported (the unit is now \"" +
                                 moved->second->id + "\"): export again, the new file carries the translation as stale");
      else
        error(unit.position, where + "unknown unit id: no such text in course \"" + course_.id + "\"");
      return;
    }
    if (!seen_.insert(found->second).second) {
      error(unit.position, where + "appears twice");
      return;
    }
    if (!unit.target) return;
    if (!is_state(unit.state)) {
      error(unit.position, where + "state \"" + unit.state + "\" is not an XLIFF 2.0 state (initial, translated, reviewed, final)");
      return;
    }
    if (is_blank(*unit.target)) {
      if (unit.state == "final") error(at, where + "the target is empty but marked final");
      else ++empty_;
      return;
    }
    if (check_codes(found->second->source, *unit.target, at, where)) targets_[found->second] = &unit;
  }

  bool check_codes(const Content& source, const Content& target, TextPosition at, const std::string& where) {
    const std::size_t before = plan_.errors.size();
    std::set<std::pair<Piece::Kind, std::string>> seen;
    for (std::size_t i = 0; i < target.size(); ++i) {
      const Piece& piece = target[i];
      if (piece.kind == Piece::Kind::text || piece.kind == Piece::Kind::close) continue;
      const auto in_source = std::find_if(source.begin(), source.end(),
                                          [&](const Piece& s) { return s.kind == piece.kind && s.id == piece.id; });
      const std::string xml = piece.kind == Piece::Kind::open ? "<pc id=\"" + piece.id + "\">" : "<ph id=\"" + piece.id + "\"/>";
      if (in_source == source.end()) {
        error(at, where + "extra code " + xml + ": the source has no such code");
      } else if (!seen.insert({piece.kind, piece.id}).second) {
        error(at, where + "code " + describe(*in_source) + " appears twice");
      } else if (in_source->sub_type == "xlf:lb" && (i == 0 || i + 1 == target.size())) {
        error(at, where + "code " + describe(*in_source) + " is moved to the " + (i == 0 ? "start" : "end") +
                      " of the target: a line break must stay between words");
      }
    }
    for (const Piece& code : source)
      if ((code.kind == Piece::Kind::open || code.kind == Piece::Kind::standalone) && !code.can_delete &&
          !seen.contains({code.kind, code.id}))
        error(at, where + "missing code " + describe(code) + ": keep every code of the source in the target");
    return plan_.errors.size() == before;
  }

  // A language the course has but no record tracks was written by hand: import replaces
  // it whole, so it must not leave a unit to fall back to the source language.
  void check_hand_written() {
    if (record_ || std::find(course_.languages.begin(), course_.languages.end(), language_) == course_.languages.end())
      return;
    std::size_t missing = 0;
    const SourceUnit* first = nullptr;
    for (const SourceUnit& unit : course_.units)
      if (!targets_.contains(&unit) && missing++ == 0) first = &unit;
    if (missing > 0)
      error(document_.position, "\"" + language_ + "\" is written by hand in this course (no " + record_path(language_) +
                                    "): importing replaces it, so every unit needs a target; " + std::to_string(missing) +
                                    " have none (the first: file " + first->file_id + ", unit " + first->id + ")");
  }

  // The translation of each unit now: the imported target, else the record's (current or
  // stale), else the source text.
  std::string text_of(const SourceUnit& unit, Record& next, int& fallbacks) {
    if (auto it = targets_.find(&unit); it != targets_.end()) {
      Content stripped = it->second->target.value();
      for (auto& piece : stripped)
        if (piece.kind != Piece::Kind::text) piece = {piece.kind, "", piece.id};
      next.files[unit.file_id][unit.id] = {serialize(unit.source), std::move(stripped),
                                           it->second->state.empty() ? "translated" : it->second->state};
      return serialize(with_source_data(*it->second->target, unit.source));
    }
    if (record_) {
      const Match match = match_unit(unit, *record_);
      if (match.entry) {
        next.files[unit.file_id][match.id] = *match.entry;
        return serialize(with_source_data(match.entry->target, unit.source));
      }
    }
    ++fallbacks;
    return serialize(unit.source);
  }

  void write() {
    Record next;
    next.source_language = course_.source_language;
    int fallbacks = 0;
    std::map<std::string, std::string> texts, files;
    std::vector<std::vector<std::string>> blocks(course_.lessons.size());
    for (std::size_t i = 0; i < course_.lessons.size(); ++i) blocks[i].resize(course_.lessons[i].blocks.size());
    for (const SourceUnit& unit : course_.units) {
      std::string text = text_of(unit, next, fallbacks);
      if (unit.lesson == kNoLesson) texts[unit.pointer] = std::move(text);
      else blocks[unit.lesson][unit.block] = std::move(text);
    }
    for (std::size_t i = 0; i < course_.lessons.size(); ++i) {
      const LessonSource& lesson = course_.lessons[i];
      const std::string path = course_.lesson_path(lesson, language_);
      plan_.files[path] = replace_blocks(lesson.markdown, lesson.blocks, blocks[i]);
      if (!lesson.files.contains(language_)) files[lesson.file_pointer] = path;
    }
    plan_.files["course.json"] = set_language(course_.json_text, language_, texts, files);
    if (language_ != course_.source_language) plan_.files[record_path(language_)] = write_record(next);

    plan_.report.push_back(std::to_string(targets_.size()) + " targets imported into \"" + language_ + "\" (" +
                           std::to_string(course_.units.size()) + " units in the course)");
    if (empty_ > 0) plan_.report.push_back(std::to_string(empty_) + " empty targets left untranslated");
    if (fallbacks > 0)
      plan_.report.push_back(std::to_string(fallbacks) + " units have no translation: they show the source language (" +
                             course_.source_language + ") until translated; `coursepack status` lists them");
  }

  void error(TextPosition at, const std::string& message) {
    plan_.errors.push_back(std::to_string(at.line) + ":" + std::to_string(at.column) + ": " + message);
  }

  const CourseSource& course_;
  const Document& document_;
  const std::optional<Record>& record_;
  const std::string& language_;
  ImportPlan plan_;
  std::map<std::string, std::map<std::string, const SourceUnit*>> by_id_, by_key_;
  std::set<const SourceUnit*> seen_;
  std::map<const SourceUnit*, const Unit*> targets_;
  int empty_ = 0;
};

}  // namespace

ImportPlan plan_import(const CourseSource& course, const Document& document, const std::optional<Record>& record) {
  return Planner(course, document, record).run();
}

}  // namespace coursepack::xliff
