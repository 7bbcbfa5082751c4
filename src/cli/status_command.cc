#include <iostream>
#include <map>

#include <CLI/CLI.hpp>

#include "arguments.h"
#include "commands.h"
#include "coursepack/core/country_check.h"
#include "coursepack/core/json_index.h"
#include "coursepack/core/language_tag.h"
#include "json_output.h"
#include "translation_loading.h"

namespace coursepack::cli {
namespace {

// --country CC (every target language without a region) or --country TAG=CC.
struct CountryChoice {
  std::string for_all;
  std::map<std::string, std::string> by_language;
};

std::optional<CountryChoice> read_countries(const std::vector<std::string>& options,
                                            const std::vector<std::string>& languages) {
  CountryChoice choice;
  for (const auto& option : options) {
    const auto equals = option.find('=');
    const std::string language = equals == std::string::npos ? "" : option.substr(0, equals);
    const std::string country = option.substr(equals == std::string::npos ? 0 : equals + 1);
    if (std::string why = country_code_problem(country); !why.empty()) {
      std::cerr << "--country " << option << ": " << why << "\n";
      return std::nullopt;
    }
    if (language.empty()) {
      choice.for_all = country;
    } else if (std::find(languages.begin(), languages.end(), language) == languages.end()) {
      std::cerr << "--country " << option << ": the course has no language \"" << language << "\"\n";
      return std::nullopt;
    } else {
      choice.by_language[language] = country;
    }
  }
  return choice;
}

// The country `language` is published for, or why it is not known.
std::pair<std::string, std::string> country_of(const std::string& language, const CountryChoice& choice) {
  if (auto it = choice.by_language.find(language); it != choice.by_language.end()) return {it->second, ""};
  if (region_of(language).empty() && !choice.for_all.empty()) return {choice.for_all, ""};
  if (auto usual = usual_country(language)) return {*usual, ""};
  return {"", "\"" + language + "\" is spoken in several countries: give --country " + language +
                  "=XX, or use a tag with a region (" + language + "-XX)"};
}

struct Located {
  CountryFinding finding;
  TextPosition position;  // in course.json, or the line in the lesson file
};

std::vector<Located> locate(std::vector<CountryFinding> findings, const JsonIndex& index) {
  std::vector<Located> out;
  for (auto& finding : findings) {
    const TextPosition at = finding.pointer.empty() ? TextPosition{finding.line, 1}
                                                    : index.value_position(finding.pointer + "/country");
    out.push_back({std::move(finding), at});
  }
  return out;
}

std::string finding_text(const Located& located, const std::string& country, const std::string& language) {
  const CountryFinding& f = located.finding;
  if (!f.pointer.empty())
    return f.pointer + ": " + f.what + " is written for " + f.country + ", not adapted for " + country +
           " (add \"" + country + "\" to its adapted_for once it is)";
  return f.what + " is written for " + f.country + ": no <!-- variant: " + language + " --> or <!-- keep: " +
         language + " --> after it";
}

}  // namespace

int run_status(int argc, char** argv) {
  CLI::App app{"How far each language of a course is translated: per language, units translated, stale\n"
               "(the source changed since) and missing, and the files that hold them; and, per target\n"
               "country, the country-specific passages that still carry another country's content\n"
               "(docs/translating.md). Exit code: 0 every tracked language complete, 1 one is not or the\n"
               "course is invalid, 2 usage error.",
               "coursepack status"};
  std::string folder;
  std::vector<std::string> countries;
  bool json = false;
  app.add_option("COURSE", folder, "Course folder (holding course.json)")->required();
  app.add_option("--country", countries,
                 "The country a language is published for: CC for every language without a region, or\n"
                 "LANG=CC for one (sk and pl need none: their country is known; fr-BE says BE)");
  app.add_flag("--json", json, "Print the status as JSON on standard output");
  if (int code = parse_arguments(app, argc, argv); code >= 0) return code;

  const std::optional<TranslationCourse> course = load_for_translation(folder, "");
  if (!course) return 1;
  const std::optional<CountryChoice> choice = read_countries(countries, course->source.languages);
  if (!choice) return 2;
  const JsonIndex index = JsonIndex::scan(course->source.json_text);
  const std::string prefix = course->display + (course->display.ends_with('/') ? "" : "/");
  bool complete = true;
  nlohmann::ordered_json report = {{"course", course->source.id},
                                   {"source_language", course->source.source_language},
                                   {"units", course->source.units.size()},
                                   {"languages", nlohmann::ordered_json::array()}};
  if (!json)
    std::cout << course->source.id << ": source language " << course->source.source_language << ", "
              << course->source.units.size() << " units\n";
  for (const auto& status : course_status(*course)) {
    complete = complete && status.complete();
    const auto [country, unknown] = country_of(status.language, *choice);
    const std::vector<Located> passages =
        country.empty() ? std::vector<Located>{}
                        : locate(passages_for_another_country(course->model, status.language, country), index);
    if (json) {
      nlohmann::ordered_json entry = {{"language", status.language},     {"inherits_from", status.inherits_from},
                                      {"tracked", status.tracked},       {"complete", status.complete()},
                                      {"translated", status.translated}, {"stale", status.stale},
                                      {"missing", status.missing},       {"inherited", status.inherited},
                                      {"files", nlohmann::ordered_json::array()}};
      if (status.tracked)
        for (const auto& file : status.files)
          entry["files"].push_back({{"path", file.path}, {"translated", file.translated}, {"stale", file.stale},
                                    {"missing", file.missing}, {"inherited", file.inherited}});
      entry["country"] = country.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(country);
      if (!unknown.empty()) entry["country_unknown"] = unknown;
      entry["country_passages"] = nlohmann::ordered_json::array();
      for (const auto& p : passages)
        entry["country_passages"].push_back({{"file", p.finding.file},
                                             {"line", p.position.line},
                                             {"column", p.position.column},
                                             {"pointer", p.finding.pointer},
                                             {"country", p.finding.country},
                                             {"what", p.finding.what}});
      report["languages"].push_back(std::move(entry));
      continue;
    }
    std::cout << xliff::status_line(status) << "\n";
    if (status.tracked)
      for (const auto& file : status.files)
        if (file.stale + file.missing > 0)
          std::cout << "  " << file.path << ": " << file.stale << " stale, " << file.missing << " missing\n";
    if (!unknown.empty()) {
      std::cout << "  country-specific passages not checked: " << unknown << "\n";
      continue;
    }
    if (passages.empty()) {
      std::cout << "  " << country << ": no country-specific passage carries another country's content\n";
      continue;
    }
    std::cout << "  " << country << ": " << passages.size() << " country-specific passage"
              << (passages.size() == 1 ? " carries" : "s carry") << " another country's content:\n";
    for (const auto& p : passages)
      std::cout << "    " << prefix << p.finding.file << ":" << p.position.line << ":" << p.position.column << ": "
                << finding_text(p, country, status.language) << "\n";
  }
  if (json) std::cout << json_text(report, 2) << "\n";
  return complete ? 0 : 1;
}

}  // namespace coursepack::cli
