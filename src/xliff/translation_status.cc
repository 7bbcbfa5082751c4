#include "coursepack/xliff/translation_status.h"

namespace coursepack::xliff {
namespace {

std::string file_path(const CourseSource& course, const SourceUnit& unit) {
  if (unit.lesson == kNoLesson) return "course.json";
  return course.lessons[unit.lesson].files.at(course.source_language);
}

}  // namespace

Document export_document(const CourseSource& course, const std::string& target_language, const Record& record) {
  Document document{course.source_language, target_language, {}};
  for (const SourceUnit& unit : course.units) {
    if (document.files.empty() || document.files.back().id != unit.file_id)
      document.files.push_back({unit.file_id, file_path(course, unit), {}, {}});
    Unit out;
    out.id = unit.id;
    out.notes = unit.notes;
    out.source = unit.source;
    const Match match = match_unit(unit, record);
    if (match.entry) {
      out.target = with_source_data(match.entry->target, unit.source);
      out.state = match.kind == Match::Kind::translated ? match.entry->state : "initial";
      if (match.kind == Match::Kind::stale && match.entry->source != serialize(unit.source))
        out.notes.push_back({"stale", "The source changed since this was translated. Old source: " +
                                          visible_text(tokenize_markdown(match.entry->source))});
    }
    Content probe = out.source;
    bool preserve = normalize_space(probe);
    if (out.target) {
      probe = *out.target;
      preserve = preserve || normalize_space(probe);
    }
    out.preserve_space = preserve;
    document.files.back().units.push_back(std::move(out));
  }
  return document;
}

LanguageStatus language_status(const CourseSource& course, const std::string& language, const Record* record,
                               const std::string& inherits_from) {
  LanguageStatus status;
  status.language = language;
  status.inherits_from = inherits_from;
  status.tracked = record != nullptr;
  for (const SourceUnit& unit : course.units) {
    const std::string path = file_path(course, unit);
    if (status.files.empty() || status.files.back().path != path) status.files.push_back({path});
    FileStatus& file = status.files.back();
    const Match::Kind kind = record ? match_unit(unit, *record).kind : Match::Kind::missing;
    int FileStatus::*count = kind == Match::Kind::translated ? &FileStatus::translated
                             : kind == Match::Kind::stale    ? &FileStatus::stale
                             : inherits_from.empty()         ? &FileStatus::missing
                                                             : &FileStatus::inherited;
    ++(file.*count);
  }
  for (const auto& file : status.files) {
    status.translated += file.translated;
    status.stale += file.stale;
    status.missing += file.missing;
    status.inherited += file.inherited;
  }
  return status;
}

std::string status_line(const LanguageStatus& status) {
  const std::string variant = status.inherits_from.empty() ? "" : "region variant of " + status.inherits_from + ", ";
  if (!status.tracked)
    return status.language + ": " + variant + "written by hand (no translations/" + status.language +
           ".json): not tracked" +
           (variant.empty() ? "" : "; what it does not give is inherited from " + status.inherits_from);
  const int total = status.translated + status.stale + status.missing + status.inherited;
  if (!variant.empty())
    return status.language + ": " + variant + std::to_string(status.translated) + " translated, " +
           std::to_string(status.stale) + " stale, " + std::to_string(status.inherited) + " inherited from " +
           status.inherits_from + " (of " + std::to_string(total) + " units)";
  return status.language + ": " + std::to_string(status.translated) + " translated, " + std::to_string(status.stale) +
         " stale, " + std::to_string(status.missing) + " missing (of " + std::to_string(total) + " units)";
}

}  // namespace coursepack::xliff
