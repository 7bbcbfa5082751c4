// coursepack simulate: the statements of synthetic learners playing a course through the
// real learning path, seeded and reproducible (src/report/simulation.cc; docs/report.md).

#include <chrono>
#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "arguments.h"
#include "commands.h"
#include "course_loading.h"
#include "coursepack/package/ui_strings.h"
#include "coursepack/report/cohort.h"
#include "coursepack/report/simulation.h"
#include "progress.h"
#include "staged_file.h"

namespace coursepack::cli {
namespace {

// The plans as the packager builds them, with the quiz names the player's statements carry.
std::vector<ModulePlan> plans_of(const std::vector<Course>& courses) {
  std::vector<ModulePlan> plans;
  for (const auto& course : courses)
    for (const auto& module : course.modules) {
      ModulePlan plan = make_module_plan(course, module);
      for (const auto& language : course.languages) {
        const UiStrings labels = UiStrings::for_language(language);
        const auto title = module.title.count(language) ? module.title.at(language) : module.title.begin()->second;
        plan.texts["pretest"][language] = labels.get("pretest_title") + " – " + title;
        plan.texts["posttest"][language] = labels.get("posttest_title") + " – " + title;
      }
      plans.push_back(std::move(plan));
    }
  return plans;
}

}  // namespace

int run_simulate(int argc, char** argv) {
  CLI::App app{"Write the xAPI statements of synthetic learners taking every module of a course, through the "
               "player's own learning path: for tests, benchmarks, and to see what `coursepack report` shows.\n"
               "The same seed gives the same file, byte for byte. Learners are in groups (cohort, partner, "
               "country, language) carried in each statement's context.",
               "coursepack simulate"};
  std::string course_path, output, language, profiles, start;
  std::int64_t learners = 0;
  std::uint64_t seed = 0;
  bool quiet = false, json = false;
  app.add_option("COURSE", course_path, "A course folder, or a catalog (every module of every course)")->required();
  app.add_option("-n,--learners", learners, "How many learners")->required()->check(CLI::Range(std::int64_t{1}, std::int64_t{100'000'000}));
  app.add_option("-s,--seed", seed, "Seed of the random choices")->required();
  app.add_option("-o,--output", output, "JSON lines file to write, or - for standard output")->required();
  app.add_option("-l,--lang", language, "Language of every learner (default: French in France, else English)");
  app.add_option("-p,--profiles", profiles,
                 "Weights of the profiles, e.g. knows=1,guesses=1,learns=2,drops=1 (default "
                 "knows=20,guesses=15,learns=50,drops=15)");
  app.add_option("--start", start, "When the first cohort starts (default 2026-09-07T08:00:00Z)");
  app.add_flag("-q,--quiet", quiet, "No progress line");
  app.add_flag("--json", json, "Print a summary as JSON on standard output (needs -o FILE)");
  if (int code = parse_arguments(app, argc, argv); code >= 0) return code;
  if (json && output == "-") {
    std::cerr << "coursepack simulate: --json prints on standard output: write the statements to a file with -o FILE\n";
    return 2;
  }

  report::SimulationOptions options;
  options.seed = seed;
  if (!profiles.empty())
    if (auto error = report::parse_profile_weights(profiles, options.weights); !error.empty()) {
      std::cerr << "coursepack simulate: --profiles: " << error << "\n";
      return 2;
    }
  if (!start.empty()) {
    const auto parsed = report::parse_timestamp(start.size() == 10 ? start + "T00:00:00Z" : start);
    if (!parsed) {
      std::cerr << "coursepack simulate: --start: \"" << start << "\" is not a date (2026-09-07 or 2026-09-07T08:00:00Z)\n";
      return 2;
    }
    options.start_ms = *parsed;
  }

  const LoadedCourses loaded = load_courses({course_path});
  if (!loaded.diagnostics.empty() || loaded.courses.empty()) {
    print_diagnostics(loaded.diagnostics);
    if (loaded.courses.empty()) std::cerr << "coursepack simulate: no course found in " << course_path << "\n";
    return 1;
  }
  for (const auto& course : loaded.courses)
    for (const auto& tag : course.languages)
      if (std::find(options.languages.begin(), options.languages.end(), tag) == options.languages.end())
        options.languages.push_back(tag);
  if (!language.empty() && std::find(options.languages.begin(), options.languages.end(), language) == options.languages.end()) {
    std::cerr << "coursepack simulate: --lang " << language << ": the course has no such language (";
    for (std::size_t i = 0; i < options.languages.size(); ++i) std::cerr << (i ? ", " : "") << options.languages[i];
    std::cerr << ")\n";
    return 2;
  }
  options.language = language;
  const report::Simulator simulator(plans_of(loaded.courses), options);

  std::optional<StagedFile> file;
  std::FILE* out = stdout;
  if (output != "-") {
    file.emplace(output);
    if (auto error = file->open(0644); !error.empty()) {
      std::cerr << "coursepack simulate: " << error << "\n";
      return 1;
    }
  } else {
    std::setvbuf(stdout, nullptr, _IOFBF, 1 << 20);
  }
  const auto begin = std::chrono::steady_clock::now();
  Progress progress("coursepack simulate", quiet);
  std::array<std::int64_t, 4> profile_counts{};
  std::int64_t statements = 0;
  std::string buffer;
  for (std::int64_t i = 0; i < learners; ++i) {
    ++profile_counts[static_cast<std::size_t>(simulator.learner(i).profile)];
    statements += simulator.play(i, [&](std::string_view line) {
      buffer.assign(line);
      buffer += '\n';
      if (file) file->write(buffer);
      else std::fwrite(buffer.data(), 1, buffer.size(), out);
    });
    progress.update("playing", i + 1, "learners", static_cast<double>(i + 1) / static_cast<double>(learners));
  }
  progress.clear();
  if (file) {
    if (auto error = file->commit(); !error.empty()) {
      std::cerr << "coursepack simulate: " << error << "\n";
      return 1;
    }
  } else if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::cerr << "coursepack simulate: cannot write to standard output\n";
    return 1;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
  if (json) {
    nlohmann::ordered_json summary{{"learners", learners}, {"statements", statements}, {"seed", seed}, {"output", output}};
    for (std::size_t p = 0; p < profile_counts.size(); ++p)
      summary["profiles"][std::string(report::kProfileNames[p])] = profile_counts[p];
    summary["seconds"] = std::round(seconds * 100) / 100;
    std::cout << json_text(summary) << "\n";
  } else if (progress.shown()) {
    std::cerr << "coursepack simulate: " << Progress::grouped(learners) << " learners, " << Progress::grouped(statements)
              << " statements" << (output == "-" ? "" : " in " + output) << " (" << Progress::clock(seconds) << ")\n";
  }
  return 0;
}

}  // namespace coursepack::cli
