#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "arguments.h"
#include "commands.h"
#include "staged_file.h"
#include "translation_loading.h"
#include "coursepack/xliff/import_plan.h"
#include "coursepack/xliff/xliff_document.h"

namespace coursepack::cli {
namespace {

namespace fs = std::filesystem;

// Writes every file or none: each goes to a staged copy first, and the copies are renamed
// into place only once all of them are written.
std::string write_all(const std::vector<std::pair<fs::path, std::string>>& files) {
  std::vector<std::unique_ptr<StagedFile>> staged;
  for (const auto& [path, content] : files) {
    std::error_code ignored;
    fs::create_directories(path.parent_path(), ignored);
    staged.push_back(std::make_unique<StagedFile>(path.string()));
    if (std::string error = staged.back()->open(0644); !error.empty()) return error;
    staged.back()->write(content);
  }
  for (auto& file : staged)
    if (std::string error = file->commit(); !error.empty()) return error;
  return {};
}

int run_export(const std::string& folder, const std::string& from, const std::string& to, const std::string& output) {
  const std::optional<TranslationCourse> course = load_for_translation(folder, from);
  if (!course) return 1;
  const RecordRead read = read_record(*course, to);
  if (!read.error.empty()) {
    std::cerr << read.error << "\n";
    return 1;
  }
  const xliff::Document document =
      xliff::export_document(course->source, to, read.record.value_or(xliff::Record{}));
  if (std::string error = write_all({{output, xliff::write_xliff(document)}}); !error.empty()) {
    std::cerr << "coursepack xliff export: " << error << "\n";
    return 1;
  }
  const xliff::LanguageStatus status =
      xliff::language_status(course->source, to, read.record ? &*read.record : nullptr);
  std::cout << output << ": " << course->source.units.size() << " units of " << course->source.id << ", "
            << course->source.source_language << " -> " << to << ": " << status.translated << " translated, "
            << status.stale << " stale, " << status.missing << " to translate\n";
  return 0;
}

int run_import(const std::string& file, const std::string& folder, bool dry_run) {
  const std::optional<std::string> text = read_file_text(file);
  if (!text) {
    std::cerr << file << ": cannot read\n";
    return 1;
  }
  const xliff::ReadResult read = xliff::read_xliff(*text);
  for (const auto& error : read.errors) std::cerr << file << ":" << error << "\n";
  if (!read.document) {
    std::cerr << "coursepack xliff import: nothing written\n";
    return 1;
  }
  // The file's source language when the course has it; otherwise the course's own, and
  // the import plan reports the difference, located in the file.
  std::optional<TranslationCourse> course = load_for_translation(folder, "");
  if (!course) return 1;
  const auto& languages = course->source.languages;
  const std::string& from = read.document->source_language;
  if (from != course->source.source_language && std::find(languages.begin(), languages.end(), from) != languages.end())
    course = load_for_translation(folder, from);
  if (!course) return 1;
  const RecordRead record = read_record(*course, read.document->target_language);
  if (!record.error.empty()) {
    std::cerr << record.error << "\n";
    return 1;
  }
  const xliff::ImportPlan plan = xliff::plan_import(course->source, *read.document, record.record);
  for (const auto& error : plan.errors) std::cerr << file << ":" << error << "\n";
  if (!plan.errors.empty()) {
    std::cerr << "coursepack xliff import: nothing written: " << plan.errors.size()
              << (plan.errors.size() == 1 ? " problem" : " problems") << " found\n";
    return 1;
  }
  std::vector<std::pair<fs::path, std::string>> changed;
  for (const auto& [path, content] : plan.files)
    if (read_file_text(course->folder / path) != content) changed.emplace_back(course->folder / path, content);
  for (const auto& line : read.assumptions) std::cout << file << ": assumed: " << line << "\n";
  for (const auto& line : plan.report) std::cout << file << ": " << line << "\n";
  if (!dry_run)
    if (std::string error = write_all(changed); !error.empty()) {
      std::cerr << "coursepack xliff import: " << error << "\n";
      return 1;
    }
  for (const auto& [path, content] : changed)
    std::cout << (dry_run ? "would write " : "wrote ") << path.string() << "\n";
  if (changed.empty()) std::cout << "nothing changed\n";
  return 0;
}

}  // namespace

int run_xliff(int argc, char** argv) {
  CLI::App app{"Hand a course to translators and take their work back, as XLIFF 2.0 (docs/translating.md).\n"
               "Exit code: 0 done, 1 bad input (nothing written), 2 usage error.",
               "coursepack xliff"};
  app.require_subcommand(1);
  std::string folder, from, to, output, file;
  bool dry_run = false;
  CLI::App* export_app = app.add_subcommand("export", "Write every text of a course as XLIFF 2.0 units");
  export_app->add_option("COURSE", folder, "Course folder (holding course.json)")->required();
  export_app->add_option("--to", to, "Target language, e.g. sk or fr-BE")->required();
  export_app->add_option("--from", from, "Source language (default: the course's first language)");
  export_app->add_option("-o,--output", output, "The XLIFF file to write")->required();
  CLI::App* import_app = app.add_subcommand("import", "Write an XLIFF 2.0 file's targets into the course, all or nothing");
  import_app->add_option("FILE", file, "The translated XLIFF file")->required();
  import_app->add_option("--course", folder, "Course folder (holding course.json)")->required();
  import_app->add_flag("--dry-run", dry_run, "Check the file and say what would be written, write nothing");
  if (int code = parse_arguments(app, argc, argv); code >= 0) return code;
  if (export_app->parsed()) return run_export(folder, from, to, output);
  return run_import(file, folder, dry_run);
}

}  // namespace coursepack::cli
