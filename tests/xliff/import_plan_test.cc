#include "coursepack/xliff/import_plan.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include "coursepack/xliff/translation_status.h"

namespace coursepack::xliff {
namespace {

using Files = std::map<std::string, std::string>;

// samples/example in memory: course.json and its lessons.
Files example() {
  Files files;
  for (const char* path : {"course.json", "lessons/en/length.md", "lessons/en/managers.md", "lessons/fr/length.md",
                           "lessons/fr/managers.md"}) {
    std::ifstream in(std::string(COURSEPACK_SOURCE_DIR) + "/samples/example/" + path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    files[path] = text.str();
  }
  return files;
}

CourseSource source_of(const Files& files) {
  CourseSourceResult result = course_source(files.at("course.json"), "en", [&](const std::string& path) {
    auto it = files.find(path);
    return it == files.end() ? std::nullopt : std::optional<std::string>(it->second);
  });
  REQUIRE(result.source);
  return std::move(*result.source);
}

// Every unit's target: its source with each text run marked, codes kept.
Document translated(Document document) {
  for (auto& file : document.files)
    for (auto& unit : file.units) {
      unit.target = unit.source;
      for (auto& piece : *unit.target)
        if (piece.kind == Piece::Kind::text) piece.text = "[sk]" + piece.text;
      unit.state = "translated";
    }
  return document;
}

std::optional<Record> record_in(const Files& files) {
  auto it = files.find("translations/sk.json");
  if (it == files.end()) return std::nullopt;
  std::string error;
  return parse_record(it->second, error);
}

// samples/example after importing a Slovak translation of course.json alone (no lesson).
struct PartialImport {
  CourseSource before;   // the course the document was exported from
  Files files;           // after the import
  Record record;         // translations/sk.json as the import left it
  std::size_t imported;  // units the document translated
};

PartialImport import_course_json_only() {
  Files files = example();
  CourseSource course = source_of(files);
  Document document = translated(export_document(course, "sk", {}));
  document.files.resize(1);  // course.json only
  const ImportPlan plan = plan_import(course, document, std::nullopt);
  REQUIRE(plan.errors.empty());
  for (const auto& [path, content] : plan.files) files[path] = content;
  std::optional<Record> record = record_in(files);
  REQUIRE(record);
  return {std::move(course), std::move(files), std::move(*record), document.files[0].units.size()};
}

TEST_CASE("Into the source language, targets equal to the sources change no byte") {
  const Files files = example();
  const CourseSource course = source_of(files);
  Document document = export_document(course, "en", {});
  for (auto& file : document.files)
    for (auto& unit : file.units) unit.target = unit.source;
  const ImportPlan plan = plan_import(course, document, std::nullopt);
  REQUIRE(plan.errors.empty());
  CHECK(plan.files.size() == 3);  // course.json and two lessons; no record for the source
  for (const auto& [path, content] : plan.files) CHECK(content == files.at(path));
}

TEST_CASE("A new language, then a changed paragraph marks exactly its unit stale") {
  Files files = example();
  const CourseSource course = source_of(files);
  const ImportPlan plan = plan_import(course, translated(export_document(course, "sk", {})), std::nullopt);
  REQUIRE(plan.errors.empty());
  for (const auto& [path, content] : plan.files) files[path] = content;
  CHECK(files.at("lessons/sk/length.md").starts_with("# [sk]Length beats complexity\n\n[sk]Every extra character"));
  CHECK(files.at("course.json").find(R"("languages": ["en", "fr", "sk"])") != std::string::npos);

  const CourseSource imported = source_of(files);
  const std::optional<Record> record = record_in(files);
  REQUIRE(record);
  const LanguageStatus before = language_status(imported, "sk", &*record);
  CHECK(before.translated == static_cast<int>(imported.units.size()));
  CHECK(before.stale + before.missing == 0);

  std::string& lesson = files.at("lessons/en/length.md");
  lesson.replace(lesson.find("four ordinary words"), 19, "five ordinary words");
  const CourseSource edited = source_of(files);
  const LanguageStatus after = language_status(edited, "sk", &*record);
  CHECK(after.stale == 1);
  CHECK(after.missing == 0);
  CHECK(after.translated == before.translated - 1);

  const Document again = export_document(edited, "sk", *record);
  int stale = 0;
  for (const auto& file : again.files)
    for (const auto& unit : file.units) {
      REQUIRE(unit.target);
      if (unit.state != "initial") continue;
      ++stale;
      CHECK(visible_text(*unit.target).starts_with("[sk]Every extra character"));
      CHECK(unit.notes.back().category == "stale");
      CHECK(unit.notes.back().text.find("passphrase of four ordinary words") != std::string::npos);
    }
  CHECK(stale == 1);
}

TEST_CASE("A partial import keeps earlier translations and falls back to the source for the rest") {
  const PartialImport partial = import_course_json_only();
  CHECK(partial.files.at("lessons/sk/length.md") == partial.files.at("lessons/en/length.md"));
  const LanguageStatus status = language_status(source_of(partial.files), "sk", &partial.record);
  CHECK(status.translated == static_cast<int>(partial.imported));
  CHECK(status.missing == static_cast<int>(partial.before.units.size() - partial.imported));
}

TEST_CASE("A target whose codes differ from its source is refused, located") {
  const CourseSource course = source_of(example());
  Document document = translated(export_document(course, "sk", {}));
  Unit* bold = nullptr;
  for (auto& file : document.files)
    for (auto& unit : file.units)
      if (serialize(unit.source).find("**longer**") != std::string::npos) bold = &unit;
  REQUIRE(bold);
  bold->target = plain_content("no codes left");
  bold->target_position = {12, 9};
  const ImportPlan plan = plan_import(course, document, std::nullopt);
  CHECK(plan.errors == std::vector<std::string>{"12:9: file example.lesson.length, unit " + bold->id +
                                                ": missing code <pc id=\"2\"> (bold): keep every code of the source in the target"});
  CHECK(plan.files.empty());
}


TEST_CASE("A region variant's units without a translation are inherited, not missing") {
  const PartialImport partial = import_course_json_only();
  // Read as a variant of "en" (as "en-IE" would be), the rest falls back to English.
  const LanguageStatus status = language_status(source_of(partial.files), "sk", &partial.record, "en");
  const int rest = static_cast<int>(partial.before.units.size() - partial.imported);
  CHECK(status.missing == 0);
  CHECK(status.inherited == rest);
  CHECK(status.complete());
  CHECK(status_line(status) == "sk: region variant of en, " + std::to_string(status.translated) + " translated, 0 stale, " +
                                   std::to_string(rest) + " inherited from en (of " +
                                   std::to_string(partial.before.units.size()) + " units)");
}

TEST_CASE("A variant block is no unit, and import carries it into the new language's file") {
  Files files = example();
  std::string& lesson = files.at("lessons/en/length.md");
  const std::size_t units_before = source_of(files).units.size();
  lesson += "\n<!-- country: GB -->\n\nThe NCSC says so.\n\n<!-- /country -->\n\n<!-- variant: sk -->\n\n"
            "Tak hovorí NBÚ.\n\n<!-- /variant -->\n";
  const CourseSource course = source_of(files);
  CHECK(course.units.size() == units_before + 1);  // the passage, not its variant
  for (const auto& unit : course.units) CHECK(visible_text(unit.source).find("NBÚ") == std::string::npos);
  const ImportPlan plan = plan_import(course, translated(export_document(course, "sk", {})), std::nullopt);
  REQUIRE(plan.errors.empty());
  const std::string& written = plan.files.at("lessons/sk/length.md");
  CHECK(written.find("[sk]The NCSC says so.") != std::string::npos);
  CHECK(written.ends_with("<!-- variant: sk -->\n\nTak hovorí NBÚ.\n\n<!-- /variant -->\n"));
}

}  // namespace
}  // namespace coursepack::xliff
