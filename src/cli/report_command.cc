// coursepack report: statements in, report.csv and report.html out (docs/report.md).
// Statements are read once, as a stream; what is kept grows with learners × modules.

#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "arguments.h"
#include "commands.h"
#include "course_loading.h"
#include "coursepack/lrs/statement_reader.h"
#include "coursepack/lrs/lrs_client.h"
#include "coursepack/report/attendance.h"
#include "coursepack/report/certification.h"
#include "coursepack/report/cohort.h"
#include "coursepack/report/groups_file.h"
#include "coursepack/report/report_writers.h"
#include "coursepack/report/summary.h"
#include "lrs_connection.h"
#include "progress.h"
#include "staged_file.h"

namespace coursepack::cli {
namespace {

constexpr std::size_t kMaxProblemsShown = 20;

std::string in_language(const LanguageMap& text, const std::string& language, std::string& used) {
  if (text.empty()) return {};
  auto it = text.find(language);
  if (it == text.end()) it = text.begin();
  used = it->first;
  return it->second;
}

// What the course sources say of each module, titles in `language` where they have it.
std::vector<report::ModuleInfo> modules_of(const std::vector<Course>& courses, const std::string& language) {
  std::vector<report::ModuleInfo> modules;
  for (const auto& course : courses) {
    const std::string preferred = language.empty() ? course.languages.front() : language;
    for (const auto& module : course.modules) {
      report::ModuleInfo info;
      info.activity = course.iri + "/modules/" + module.id;
      info.id = module.id;
      info.title = in_language(module.title, preferred, info.title_language);
      for (const auto& question : module.quiz) {
        std::string unused;
        info.questions.push_back(question.id);
        info.question_titles.push_back(in_language(question.prompt, info.title_language, unused));
      }
      for (const auto& lesson : module.lessons) {
        std::string unused;
        info.lessons.push_back(lesson.id);
        info.lesson_titles.push_back(in_language(lesson.title, info.title_language, unused));
      }
      modules.push_back(std::move(info));
    }
  }
  return modules;
}

std::vector<report::SessionInfo> sessions_of(const std::vector<Course>& courses, const std::string& language) {
  std::vector<report::SessionInfo> sessions;
  for (const auto& course : courses) {
    const std::string preferred = language.empty() ? course.languages.front() : language;
    for (const auto& session : course.live_sessions) {
      report::SessionInfo info{report::session_activity(course.iri, session.id), session.id, "", ""};
      info.title = in_language(session.title, preferred, info.title_language);
      sessions.push_back(std::move(info));
    }
  }
  return sessions;
}

std::vector<report::CertificationRule> rules_of(const std::vector<Course>& courses, const std::string& language) {
  std::vector<report::CertificationRule> rules;
  for (const auto& course : courses) {
    if (!course.certification) continue;
    report::CertificationRule rule;
    rule.course = course.id;
    rule.iri = course.iri;
    rule.min_sessions_attended = course.certification->min_sessions_attended;
    rule.all_modules_passed = course.certification->all_modules_passed;
    rule.text = in_language(course.certification->text, language.empty() ? course.languages.front() : language, rule.text_language);
    rules.push_back(std::move(rule));
  }
  return rules;
}

std::string now_text() {
  // SOURCE_DATE_EPOCH (reproducible-builds.org) makes the page reproducible too.
  std::time_t now = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) now = static_cast<std::time_t>(std::atoll(epoch));
  std::tm utc{};
  ::gmtime_r(&now, &utc);
  char text[40];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &utc);
  return text;
}

// Bytes already read from a stream, then the rest of the stream: lets the reader look at
// the start of standard input and still hand all of it to lrs::StatementReader.
class ReplayBuffer : public std::streambuf {
 public:
  ReplayBuffer(std::string head, std::streambuf* rest) : head_(std::move(head)), rest_(rest) {
    setg(head_.data(), head_.data(), head_.data() + head_.size());
  }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    const std::streamsize n = rest_->sgetn(block_, sizeof block_);
    if (n <= 0) return traits_type::eof();
    setg(block_, block_, block_ + n);
    return traits_type::to_int_type(*gptr());
  }

 private:
  std::string head_;
  std::streambuf* rest_;
  char block_[1 << 16];
};

// Statements one per line (what `lrs pull` and `simulate` write), read a block at a time:
// lrs::StatementReader reads any shape but a byte at a time through the istream, which
// took half the time of a report. Anything else goes to it.
class JsonLinesReader {
 public:
  JsonLinesReader(std::istream& in, std::string file) : in_(in), file_(std::move(file)) {}

  /// Reads the first block; true when the input is JSON lines (its first line is one
  /// whole JSON object). Otherwise head() holds what was read, for the other reader.
  bool sniff() {
    fill();
    std::size_t at = buffer_.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    while (at < buffer_.size() && (buffer_[at] == ' ' || buffer_[at] == '\t' || buffer_[at] == '\r' || buffer_[at] == '\n')) ++at;
    if (at >= buffer_.size() || buffer_[at] != '{') return false;
    const auto end = buffer_.find('\n', at);
    if (end == std::string::npos && !eof_) return false;
    const auto first = nlohmann::json::parse(line_of(at, end == std::string::npos ? buffer_.size() : end), nullptr, false);
    if (!first.is_object()) return false;
    if (buffer_.starts_with("\xEF\xBB\xBF")) start_ = 3;
    return true;
  }
  std::string head() { return std::move(buffer_); }

  std::optional<lrs::ReadStatement> next(std::vector<Diagnostic>& problems) {
    for (;;) {
      auto end = buffer_.find('\n', start_);
      while (end == std::string::npos && !eof_) {
        fill();
        end = buffer_.find('\n', start_);
      }
      if (start_ >= buffer_.size() && eof_) return std::nullopt;
      if (end == std::string::npos) end = buffer_.size();
      const std::string_view line = line_of(start_, end);
      start_ = end + 1;
      ++line_;
      std::size_t indent = 0;
      while (indent < line.size() && (line[indent] == ' ' || line[indent] == '\t')) ++indent;
      if (indent == line.size()) continue;  // a blank line
      const TextPosition at{line_, static_cast<int>(indent) + 1};
      const std::string pointer = "/" + std::to_string(count_++);
      if (line.size() > lrs::kMaxStatementBytes) {
        problems.push_back(problem(at, pointer, "a statement larger than " + std::to_string(lrs::kMaxStatementBytes >> 20) + " MB"));
        continue;
      }
      if (too_deep(line)) {
        problems.push_back(problem(at, pointer, "nested more than " + std::to_string(lrs::kMaxStatementDepth) + " levels deep"));
        continue;
      }
      auto statement = nlohmann::json::parse(line, nullptr, false);
      if (statement.is_discarded()) {
        problems.push_back(problem(at, pointer, "not a JSON statement"));
        continue;
      }
      return lrs::ReadStatement{std::move(statement), at, pointer};
    }
  }

  /// How far into the input (bytes), for progress.
  std::uint64_t consumed() const { return consumed_ - (buffer_.size() - std::min(start_, buffer_.size())); }

 private:
  void fill() {
    if (start_ > 0) {  // keep only the unread part
      buffer_.erase(0, std::min(start_, buffer_.size()));
      start_ = 0;
    }
    const std::size_t old = buffer_.size();
    buffer_.resize(old + (1 << 20));
    in_.read(buffer_.data() + old, 1 << 20);
    const auto n = static_cast<std::size_t>(in_.gcount());
    buffer_.resize(old + n);
    consumed_ += n;
    if (n == 0 || !in_) eof_ = true;
  }

  std::string_view line_of(std::size_t from, std::size_t to) const {
    std::string_view line(buffer_.data() + from, to - from);
    if (line.ends_with('\r')) line.remove_suffix(1);
    return line;
  }

  static bool too_deep(std::string_view text) {
    int depth = 0;
    bool in_string = false, escaped = false;
    for (char c : text) {
      if (in_string) {
        if (escaped) escaped = false;
        else if (c == '\\') escaped = true;
        else if (c == '"') in_string = false;
      } else if (c == '"') {
        in_string = true;
      } else if (c == '{' || c == '[') {
        if (++depth > lrs::kMaxStatementDepth) return true;
      } else if (c == '}' || c == ']') {
        --depth;
      }
    }
    return false;
  }

  Diagnostic problem(TextPosition at, const std::string& pointer, std::string message) const {
    Diagnostic d;
    d.file = file_;
    d.position = at;
    d.pointer = pointer;
    d.message = std::move(message);
    return d;
  }

  std::istream& in_;
  std::string file_;
  std::string buffer_;
  std::size_t start_ = 0;  // first unread byte of buffer_
  bool eof_ = false;
  int line_ = 0;
  std::size_t count_ = 0;
  std::uint64_t consumed_ = 0;
};

// What reading all inputs gave, beside the cohort itself.
struct ReadTotals {
  std::int64_t statements = 0, skipped = 0;
  std::map<std::string, std::int64_t> skip_reasons;
  std::vector<Diagnostic> problems;  // the first kMaxProblemsShown
  std::size_t problem_count = 0;
  std::vector<std::string> sources;

  void problem(Diagnostic d) {
    ++problem_count;
    if (problems.size() < kMaxProblemsShown) problems.push_back(std::move(d));
  }
  void take(report::Cohort& cohort, const lrs::ReadStatement& read, const std::string& name) {
    ++statements;
    const report::AddResult result = cohort.add(read.statement);
    if (result.kind == report::AddResult::Kind::skipped) {
      ++skipped;
      ++skip_reasons[result.message];
    } else if (result.kind == report::AddResult::Kind::bad) {
      Diagnostic d;
      d.file = name;
      d.position = read.at;
      d.pointer = read.pointer + result.pointer;
      d.message = result.message;
      problem(std::move(d));
    }
  }
};

// Reads one file (or "-") into the cohort; false after an I/O error, said on stderr.
bool read_file(const std::string& file, report::Cohort& cohort, ReadTotals& totals, Progress& progress) {
  const bool standard_input = file == "-";
  const std::string name = standard_input ? "standard input" : file;
  std::ifstream stream;
  std::uintmax_t size = 0;
  std::error_code ec;
  if (!standard_input) {
    if (std::filesystem::is_directory(file, ec)) {
      std::cerr << "coursepack report: " << file << ": is a folder, not a file of statements\n";
      return false;
    }
    stream.open(file, std::ios::binary);
    if (!stream) {
      std::cerr << "coursepack report: " << file << ": cannot read\n";
      return false;
    }
    size = std::filesystem::file_size(file, ec);
    if (ec) size = 0;
  }
  std::istream& in = standard_input ? std::cin : stream;
  totals.sources.push_back(name);
  JsonLinesReader lines(in, name);
  const bool json_lines = lines.sniff();
  std::optional<ReplayBuffer> replay;
  std::optional<std::istream> replayed;
  std::optional<lrs::StatementReader> any_shape;
  if (!json_lines) {
    replay.emplace(lines.head(), in.rdbuf());
    replayed.emplace(&*replay);
    any_shape.emplace(*replayed, name);
  }
  std::vector<Diagnostic> found;
  std::int64_t index = 0;
  while (auto read = json_lines ? lines.next(found) : any_shape->next(found)) {
    totals.take(cohort, *read, name);
    for (auto& d : found) totals.problem(std::move(d));
    found.clear();
    if ((++index & 1023) == 0 && progress.shown()) {
      const double fraction = size && json_lines ? static_cast<double>(lines.consumed()) / static_cast<double>(size) : -1;
      progress.update("reading " + name, totals.statements, "statements", fraction);
    }
  }
  for (auto& d : found) totals.problem(std::move(d));
  if (in.bad()) {
    progress.clear();
    std::cerr << "coursepack report: " << file << ": read error\n";
    return false;
  }
  return true;
}

// Reads the statements of the `coursepack lrs` LRS, a page at a time (GET statements,
// then `more`): memory holds one page. The LRS leaves voided statements out itself
// (xAPI-Communication.md 2.1.4); a statement that paging returns twice counts once
// (cohort.h). False after an error, said on stderr.
bool read_lrs(const LrsOptions& options, const std::string& query, report::Cohort& cohort, ReadTotals& totals,
              Progress& progress) {
  auto connection = connect(options);
  if (!connection) return false;
  const std::string name = connection->client->endpoint_for_messages();
  totals.sources.push_back(name);
  std::set<std::string> links;
  std::string next = query;
  std::int64_t index = 0;
  while (!next.empty()) {
    const auto page = connection->client->get_statements(next);
    if (!page.error.empty()) {
      progress.clear();
      std::cerr << "coursepack report: " << page.error << "\n";
      return false;
    }
    for (const auto& text : page.statements) {
      const std::string pointer = "/" + std::to_string(index++);
      lrs::ReadStatement read{nlohmann::json::parse(text, nullptr, false), TextPosition{1, 1}, pointer};
      if (read.statement.is_discarded()) {
        Diagnostic d;
        d.file = name;
        d.position = read.at;
        d.pointer = pointer;
        d.message = "not a JSON statement";
        totals.problem(std::move(d));
        continue;
      }
      totals.take(cohort, read, name);
    }
    if (progress.shown()) progress.update("reading " + name, totals.statements, "statements");
    if (!page.more.empty() && !links.insert(page.more).second) {
      progress.clear();
      std::cerr << "coursepack report: the LRS gave the same next-page link twice (" << page.more.substr(0, 200)
                << "): stopped, nothing written\n";
      return false;
    }
    next = page.more;
  }
  return true;
}

nlohmann::ordered_json interval_json(const report::MeanInterval& m) {
  nlohmann::ordered_json out{{"n", m.n}};
  if (m.n > 0) out["mean"] = m.mean;
  if (m.n > 1) {
    out["sd"] = m.sd;
    out["low"] = m.low;
    out["high"] = m.high;
  }
  return out;
}

nlohmann::ordered_json funnel_json(const report::Funnel& f) {
  return {{"started", f.started}, {"pretest", f.pretest}, {"lessons", f.lessons}, {"posttest", f.posttest}, {"passed", f.passed}};
}

nlohmann::ordered_json summary_json(const report::Cohort& cohort, const report::CohortSummary& summary) {
  nlohmann::ordered_json modules = nlohmann::ordered_json::array();
  for (const auto& module : summary.modules) {
    const auto& info = cohort.modules()[static_cast<std::size_t>(module.module)];
    nlohmann::ordered_json questions = nlohmann::ordered_json::array();
    for (const auto& q : module.question_items) {
      nlohmann::ordered_json item{{"id", q.id},           {"pre_answered", q.pre_answered}, {"pre_right", q.pre_right},
                                  {"post_answered", q.post_answered}, {"post_right", q.post_right},
                                  {"easy_before", q.easy_before}, {"weak_discrimination", q.weak_discrimination}};
      item["pre_discrimination"] = q.pre_discrimination ? nlohmann::ordered_json(*q.pre_discrimination) : nullptr;
      item["post_discrimination"] = q.post_discrimination ? nlohmann::ordered_json(*q.post_discrimination) : nullptr;
      questions.push_back(std::move(item));
    }
    modules.push_back({{"id", info.id},
                       {"activity", info.activity},
                       {"funnel", funnel_json(module.scores.funnel)},
                       {"pre", interval_json(module.scores.pre)},
                       {"post", interval_json(module.scores.post)},
                       {"gain", interval_json(module.scores.gain)},
                       {"pre_histogram", module.pre_histogram},
                       {"post_histogram", module.post_histogram},
                       {"median_seconds", module.median_seconds},
                       {"questions", std::move(questions)}});
  }
  nlohmann::ordered_json groups = nlohmann::ordered_json::array();
  for (const auto& group : summary.groups) {
    nlohmann::ordered_json per_module = nlohmann::ordered_json::array();
    for (std::size_t m = 0; m < group.modules.size(); ++m)
      per_module.push_back({{"id", cohort.modules()[m].id},
                            {"funnel", funnel_json(group.modules[m].funnel)},
                            {"pre", interval_json(group.modules[m].pre)},
                            {"post", interval_json(group.modules[m].post)},
                            {"gain", interval_json(group.modules[m].gain)}});
    groups.push_back({{"dimension", std::string(report::kDimensionNames[static_cast<int>(group.dimension)])},
                      {"value", group.value},
                      {"learners", group.learners},
                      {"enough", summary.enough(group.learners)},
                      {"modules", std::move(per_module)}});
  }
  return {{"learners", summary.learners}, {"min_group", summary.options.min_group}, {"modules", std::move(modules)},
          {"groups", std::move(groups)}};
}

}  // namespace

int run_report(int argc, char** argv) {
  CLI::App app{"Read xAPI statements (JSON lines or a JSON array: files, or - for standard input) once, and write "
               "FOLDER/report.csv (one row per learner and module) and FOLDER/report.html (a self-contained page: "
               "per module the completion funnel, pre- and post-test scores, the gain with its 95% confidence "
               "interval, item analysis; the same by cohort, partner, country and language).\n"
               "Nothing is written unless every statement can be read.",
               "coursepack report"};
  std::vector<std::string> inputs, course_paths;
  std::string output, groups_path, language, title = "Cohort report";
  int min_group = 5;
  bool quiet = false, json = false;
  app.add_option("INPUT", inputs, "Files of statements, or - for standard input");
  bool from_lrs = false;
  LrsOptions lrs_options;
  std::string since, until;
  app.add_flag("--lrs", from_lrs, "Read the statements from the LRS of `coursepack lrs` (besides any INPUT)");
  app.add_option("--lrs-config", lrs_options.config_file, "LRS config file (as `coursepack lrs --config`)");
  app.add_option("--since", since, "With --lrs: statements stored after this ISO 8601 time");
  app.add_option("--until", until, "With --lrs: statements stored at or before this ISO 8601 time");
  std::size_t page_size = 500;
  app.add_option("--page", page_size, "With --lrs: statements per request (default 500)")->check(CLI::Range(1, 10000));
  app.add_option("-c,--course", course_paths,
                 "Course folders or catalogs: names and order of modules, questions and lessons; statements about "
                 "other activities are left out (default: modules as the statements name them)");
  app.add_option("-g,--groups", groups_path,
                 "CSV of learners and groups: a learner column (as in report.csv) and any of cohort, partner, "
                 "country, language; it takes precedence over the statements' context");
  app.add_option("--min-group", min_group, "Fewer learners than this show counts only (default 5)")
      ->check(CLI::Range(1, 1000000));
  app.add_option("-l,--lang", language, "Language of the module, question and lesson names (default: each course's first)");
  app.add_option("--title", title, "Title of the page (default \"Cohort report\")");
  app.add_option("-o,--output", output, "Folder to write report.csv and report.html into (created if missing)")->required();
  app.add_flag("-q,--quiet", quiet, "No progress line");
  app.add_flag("--json", json, "Print a summary as JSON on standard output");
  if (int code = parse_arguments(app, argc, argv); code >= 0) return code;
  if (inputs.empty() && !from_lrs) {
    std::cerr << "coursepack report: no statements to read: give INPUT files, - for standard input, or --lrs\n";
    return 2;
  }
  if (!from_lrs && (!since.empty() || !until.empty() || !lrs_options.config_file.empty())) {
    std::cerr << "coursepack report: --since, --until and --lrs-config go with --lrs\n";
    return 2;
  }
  std::ios::sync_with_stdio(false);

  std::vector<report::ModuleInfo> known;
  std::vector<report::SessionInfo> known_sessions;
  std::vector<report::CertificationRule> rules;
  if (!course_paths.empty()) {
    const LoadedCourses loaded = load_courses(course_paths);
    if (!loaded.diagnostics.empty() || loaded.courses.empty()) {
      print_diagnostics(loaded.diagnostics);
      if (loaded.courses.empty()) std::cerr << "coursepack report: no course found in the --course paths\n";
      return 1;
    }
    known = modules_of(loaded.courses, language);
    known_sessions = sessions_of(loaded.courses, language);
    rules = rules_of(loaded.courses, language);
  }
  report::GroupsFile groups;

  if (!groups_path.empty()) {
    std::ifstream in(groups_path, std::ios::binary);
    std::error_code ec;
    if (!in || std::filesystem::is_directory(groups_path, ec)) {
      std::cerr << "coursepack report: " << groups_path << ": cannot read\n";
      return 1;
    }
    std::ostringstream text;
    text << in.rdbuf();
    groups = report::read_groups_csv(text.str(), groups_path);
    if (!groups.problems.empty()) {
      print_diagnostics(groups.problems);
      return 1;
    }
  }
  const auto make_cohort = [&] {
    auto cohort = std::make_unique<report::Cohort>(known, known_sessions);
    for (const auto& entry : groups.entries)
      for (std::size_t d = 0; d < entry.groups.size(); ++d)
        if (!entry.groups[d].empty()) cohort->set_group(entry.learner, static_cast<report::Dimension>(d), entry.groups[d]);
    return cohort;
  };

  // An output folder that cannot be made is known before reading millions of statements.
  // A folder made here is removed again if the report fails: a failed run leaves nothing.
  std::error_code ec;
  const bool made_folder = !std::filesystem::exists(output, ec);
  std::filesystem::create_directories(output, ec);
  if (ec || !std::filesystem::is_directory(output)) {
    std::cerr << "coursepack report: " << output << ": cannot make the folder" << (ec ? ": " + ec.message() : "") << "\n";
    return 1;
  }
  struct FolderGuard {
    std::string path;
    bool armed;
    ~FolderGuard() {
      std::error_code ignored;
      if (armed) std::filesystem::remove(path, ignored);  // only if still empty
    }
  } folder_guard{output, made_folder};

  Progress progress("coursepack report", quiet);
  std::string lrs_query = "limit=" + std::to_string(page_size);
  if (!since.empty()) lrs_query += "&since=" + lrs::url_encode(since);
  if (!until.empty()) lrs_query += "&until=" + lrs::url_encode(until);
  lrs_options.quiet = quiet;
  const auto read_all = [&](report::Cohort& cohort, ReadTotals& totals) {
    for (const auto& file : inputs)
      if (!read_file(file, cohort, totals, progress)) return false;
    return !from_lrs || read_lrs(lrs_options, lrs_query, cohort, totals, progress);
  };
  auto cohort_owner = make_cohort();
  ReadTotals totals;
  if (!read_all(*cohort_owner, totals)) return 1;
  // A voiding statement after the statement it voids (in a file, in any order) comes too
  // late for one pass: read again knowing every voided id. The LRS leaves voided
  // statements out itself; standard input cannot be read twice (docs/report.md).
  const bool rereadable = std::none_of(inputs.begin(), inputs.end(), [](const std::string& f) { return f == "-"; });
  if (!cohort_owner->voided_seen().empty() && rereadable && totals.problem_count == 0 && !inputs.empty()) {
    auto voided = cohort_owner->voided_seen();
    cohort_owner = make_cohort();
    cohort_owner->set_voided(std::move(voided));
    totals = ReadTotals{};
    if (!read_all(*cohort_owner, totals)) return 1;
  }
  const report::Cohort& cohort = *cohort_owner;
  const std::int64_t statements = totals.statements, skipped = totals.skipped;
  const auto& skip_reasons = totals.skip_reasons;
  const auto& problems = totals.problems;
  const std::size_t problem_count = totals.problem_count;
  const auto& sources = totals.sources;
  progress.clear();
  if (problem_count > 0) {
    print_diagnostics(problems);
    if (problem_count > problems.size())
      std::cerr << "coursepack report: ... and " << problem_count - problems.size() << " more problems\n";
    std::cerr << "coursepack report: nothing written: fix the statements above\n";
    return 1;
  }

  report::ReportOptions options;
  options.min_group = min_group;
  const report::CohortSummary summary = report::summarize(cohort, options);
  report::PageInputs page;
  page.title = title;
  page.generated = now_text();
  page.sources = sources;
  page.statements = statements;
  page.skipped = skipped;
  page.certification = report::certify(cohort, rules);

  // Both files are staged, then renamed: a failure leaves the folder as it was.
  const std::string folder = std::filesystem::path(output).string();
  StagedFile csv(folder + "/report.csv"), html(folder + "/report.html"), certification(folder + "/certification.csv");
  std::vector<StagedFile*> files{&csv, &html};
  if (!rules.empty()) files.push_back(&certification);
  for (StagedFile* file : files)
    if (auto error = file->open(0600); !error.empty()) {
      std::cerr << "coursepack report: " << error << "\n";
      return 1;
    }
  report::write_csv(cohort, [&](std::string_view bytes) { csv.write(bytes); });
  report::write_html(cohort, summary, page, [&](std::string_view bytes) { html.write(bytes); });
  if (!rules.empty())
    report::write_certification_csv(cohort, page.certification, [&](std::string_view bytes) { certification.write(bytes); });
  for (StagedFile* file : files)
    if (auto error = file->commit(); !error.empty()) {
      std::cerr << "coursepack report: " << error << "\n";
      return 1;
    }

  if (!quiet && skipped > 0 && progress.shown()) {
    std::cerr << "coursepack report: " << Progress::grouped(skipped) << " statements left out (";
    bool first = true;
    for (const auto& [reason, n] : skip_reasons) {
      std::cerr << (first ? "" : "; ") << reason << ": " << Progress::grouped(n);
      first = false;
    }
    std::cerr << ")\n";
  }
  folder_guard.armed = false;
  if (json) {
    nlohmann::ordered_json out{{"statements", statements}, {"skipped", skipped}};
    out["skipped_by_reason"] = skip_reasons;
    out["csv"] = csv.path();
    out["html"] = html.path();
    if (!rules.empty()) out["certification_csv"] = certification.path();
    nlohmann::ordered_json courses = nlohmann::ordered_json::array();
    for (const auto& course : page.certification)
      courses.push_back({{"course", course.rule.course},
                         {"learners", course.learners.size()},
                         {"certified", course.certified},
                         {"close", course.close}});
    out["certification"] = std::move(courses);
    out.update(summary_json(cohort, summary));
    std::cout << json_text(out) << "\n";
  } else if (progress.shown()) {
    std::cerr << "coursepack report: " << Progress::grouped(statements) << " statements, "
              << Progress::grouped(summary.learners) << " learners: " << csv.path() << ", " << html.path() << "\n";
  }
  return 0;
}

}  // namespace coursepack::cli
