// report.html: one page that prints on A4 and reads without script, styles or images
// from anywhere else. Charts are inline SVG next to a table of the same numbers (the
// text alternative), and every chart or percentage over fewer than min_group learners
// is left out on purpose.

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "coursepack/core/html_escape.h"
#include "coursepack/report/report_writers.h"

namespace coursepack::report {
namespace {

// Colours chosen for contrast on white (WCAG 2.1 1.4.3 text 4.5:1, 1.4.11 graphics 3:1):
// #1b1b1b 17:1, #555 7.5:1, pre-test #6b6b6b 5.3:1, post-test #1a5293 8:1, flags #8a1c1c 8.6:1.
constexpr std::string_view kStyle = R"(
:root { color: #1b1b1b; background: #fff; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
body { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.8rem; margin: 0.5rem 0; }
h2 { font-size: 1.4rem; margin: 2rem 0 0.5rem; border-bottom: 2px solid #1a5293; padding-bottom: 0.2rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.4rem; }
a { color: #1a5293; }
p.note, .muted { color: #555; }
.notice { border-left: 4px solid #8a1c1c; padding: 0.3rem 0.8rem; background: #fbf3f3; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
caption { text-align: left; font-weight: 600; padding: 0.2rem 0; }
th, td { border: 1px solid #bbb; padding: 0.25rem 0.5rem; vertical-align: top; }
th { background: #eef2f7; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.flag { color: #8a1c1c; font-weight: 600; }
figure { margin: 0.5rem 0 1rem; }
figcaption { font-size: 0.9rem; color: #555; }
svg { max-width: 100%; height: auto; }
svg text { font: 12px system-ui, sans-serif; fill: #1b1b1b; }
.key { display: inline-block; width: 0.9em; height: 0.9em; vertical-align: -0.1em; margin: 0 0.3em 0 0.8em; }
.pre { background: #6b6b6b; } .post { background: #1a5293; }
nav ul { columns: 2; }
@page { size: A4; margin: 15mm; }
@media print {
  :root { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  nav { display: none; }
  section.module, section.group { break-before: page; }
  figure, table, .keep { break-inside: avoid; }
  table { font-size: 8.5pt; }
  th, td { padding: 0.15rem 0.3rem; }
  td.n { white-space: normal; }
  h2, h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
)";

std::string fixed(double value, int decimals = 1) {
  char text[48];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  std::string out = text;
  if (out == "-0" || out == "-0.0" || out == "-0.00") out.erase(0, 1);
  return out;
}

std::string signed_fixed(double value, int decimals = 1) {
  std::string text = fixed(value, decimals);
  return text[0] == '-' || text == fixed(0, decimals) ? text : "+" + text;
}

std::string count(std::int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string share(std::int64_t part, std::int64_t whole) {
  return whole > 0 ? fixed(100.0 * static_cast<double>(part) / static_cast<double>(whole), 0) + "%" : "–";
}

std::string duration(std::uint32_t seconds) {
  if (seconds < 60) return std::to_string(seconds) + " s";
  if (seconds < 3600) return std::to_string(seconds / 60) + " min";
  return std::to_string(seconds / 3600) + " h " + std::to_string(seconds % 3600 / 60) + " min";
}

class Page {
 public:
  Page(const Cohort& cohort, const CohortSummary& summary, const PageInputs& inputs, const Sink& sink)
      : cohort_(cohort), s_(summary), in_(inputs), sink_(sink) {}

  void write() {
    out_ += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out_ += "<title>" + escape_html(in_.title) + "</title>\n<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
    header();
    contents();
    out_ += "<main>\n";
    overview();
    flush();
    certification();
    flush();
    for (const auto& module : s_.modules) {
      module_section(module);
      flush();
    }
    groups();
    reading_notes();
    out_ += "</main>\n</body>\n</html>\n";
    flush();
  }

 private:
  void flush() {
    sink_(out_);
    out_.clear();
  }

  bool enough(std::int64_t n) const { return s_.enough(n); }
  std::string min_group() const { return std::to_string(s_.options.min_group); }

  // A module's name, marked with its language when it is not the page's.
  std::string module_name(int index) const {
    const ModuleInfo& info = cohort_.modules()[static_cast<std::size_t>(index)];
    std::string title = escape_html(info.title);
    if (!info.title_language.empty() && info.title_language != "en")
      title = "<span lang=\"" + escape_html(info.title_language) + "\">" + title + "</span>";
    return info.title == info.id ? title : escape_html(info.id) + " " + title;
  }
  std::string item_title(int module, const std::string& text) const {
    const ModuleInfo& info = cohort_.modules()[static_cast<std::size_t>(module)];
    if (!info.title_language.empty() && info.title_language != "en")
      return "<span lang=\"" + escape_html(info.title_language) + "\">" + escape_html(text) + "</span>";
    return escape_html(text);
  }

  std::string mean_text(const MeanInterval& m) const {
    return enough(m.n) ? fixed(m.mean) + "%" : "–";
  }
  std::string gain_text(const MeanInterval& m) const {
    if (!enough(m.n)) return "–";
    return signed_fixed(m.mean) + "<br><span class=\"muted\">" + signed_fixed(m.low) + " to " + signed_fixed(m.high) + "</span>";
  }

  void small_notice(std::int64_t n, const std::string& what) {
    out_ += "<p class=\"notice\">" + what + ": " + count(n) + " learner" + (n == 1 ? "" : "s") +
            ", fewer than " + min_group() +
            ". Only counts are shown: a percentage or a chart of so few learners would single them out, "
            "and would mostly show chance.</p>\n";
  }

  void header() {
    out_ += "<header>\n<h1>" + escape_html(in_.title) + "</h1>\n<p>";
    out_ += count(s_.learners) + " learner" + (s_.learners == 1 ? "" : "s") + " in " + count(static_cast<std::int64_t>(s_.modules.size())) +
            " module" + (s_.modules.size() == 1 ? "" : "s") + ", from " + count(in_.statements) + " xAPI statement" +
            (in_.statements == 1 ? "" : "s");
    if (!in_.sources.empty()) {
      out_ += " read from ";
      for (std::size_t i = 0; i < in_.sources.size(); ++i)
        out_ += (i ? ", " : "") + std::string("<code>") + escape_html(in_.sources[i]) + "</code>";
    }
    out_ += ".";
    if (in_.skipped > 0)
      out_ += " " + count(in_.skipped) + " of them were left out (about other activities, voiding or voided, or repeated).";
    if (!in_.generated.empty()) out_ += " Made " + escape_html(in_.generated) + ".";
    out_ += "</p>\n<p class=\"note\">Figures over fewer than " + min_group() +
            " learners show counts only. Completion shares are of the learners who started the module; "
            "intervals are 95% confidence intervals. <a href=\"#reading\">How to read this report</a>.</p>\n</header>\n";
  }

  void contents() {
    out_ += "<nav aria-label=\"Contents\">\n<h2 id=\"contents\">Contents</h2>\n<ul>\n<li><a href=\"#overview\">Overview</a></li>\n";
    for (const auto& module : s_.modules)
      out_ += "<li><a href=\"#module-" + std::to_string(module.module) + "\">Module " + module_name(module.module) + "</a></li>\n";
    for (int d = 0; d < 4; ++d)
      if (has_dimension(static_cast<Dimension>(d)))
        out_ += "<li><a href=\"#by-" + std::string(kDimensionNames[d]) + "\">By " + std::string(kDimensionNames[d]) + "</a></li>\n";
    if (!in_.certification.empty() || !cohort_.sessions().empty())
      out_ += "<li><a href=\"#certification\">Live sessions and certification</a></li>\n";
    out_ += "<li><a href=\"#reading\">How to read this report</a></li>\n</ul>\n</nav>\n";
  }

  bool has_dimension(Dimension dimension) const {
    return std::any_of(s_.groups.begin(), s_.groups.end(), [&](const GroupSummary& g) { return g.dimension == dimension; });
  }

  void overview() {
    out_ += "<section aria-labelledby=\"overview\">\n<h2 id=\"overview\">Overview</h2>\n";
    out_ += "<table>\n<caption>Modules: learners at each step, mean scores and mean gain (95% confidence interval)</caption>\n";
    out_ += "<thead><tr><th scope=\"col\">Module</th><th scope=\"col\">Started</th><th scope=\"col\">Pre-test</th>"
            "<th scope=\"col\">Lessons done</th><th scope=\"col\">Post-test</th><th scope=\"col\">Passed</th>"
            "<th scope=\"col\">Mean pre-test</th><th scope=\"col\">Mean post-test</th><th scope=\"col\">Mean gain, points (95% CI)</th></tr></thead>\n<tbody>\n";
    std::vector<std::pair<std::string, MeanInterval>> rows;
    for (const auto& module : s_.modules) {
      const Scores& sc = module.scores;
      out_ += "<tr><th scope=\"row\"><a href=\"#module-" + std::to_string(module.module) + "\">" + module_name(module.module) + "</a></th>";
      funnel_cells(sc.funnel);
      out_ += "<td class=\"n\">" + mean_text(sc.pre) + "</td><td class=\"n\">" + mean_text(sc.post) + "</td><td class=\"n\">" +
              gain_text(sc.gain) + "</td></tr>\n";
      rows.emplace_back(cohort_.modules()[static_cast<std::size_t>(module.module)].id, sc.gain);
    }
    out_ += "</tbody>\n</table>\n";
    gain_chart(rows, "overview-gain", "Mean gain per module, in points, with its 95% confidence interval",
               "Modules of fewer than " + min_group() + " learners with both tests are left out.");
    out_ += "</section>\n";
  }

  // Started, then each step as a count and, when enough learners started, its share of them.
  void funnel_cells(const Funnel& f) {
    const std::int64_t steps[] = {f.started, f.pretest, f.lessons, f.posttest, f.passed};
    for (std::int64_t n : steps) {
      out_ += "<td class=\"n\">" + count(n);
      if (enough(f.started) && n != f.started) out_ += " (" + share(n, f.started) + ")";
      out_ += "</td>";
    }
  }

  // A dot-and-whisker chart of mean gains on a shared axis, zero marked.
  void gain_chart(const std::vector<std::pair<std::string, MeanInterval>>& rows, const std::string& id,
                  const std::string& caption, const std::string& note) {
    std::vector<std::pair<std::string, MeanInterval>> shown;
    for (const auto& row : rows)
      if (enough(row.second.n)) shown.push_back(row);
    if (shown.empty()) return;
    double low = 0, high = 10;
    for (const auto& [label, m] : shown) {
      low = std::min(low, m.low);
      high = std::max(high, m.high);
    }
    low = std::floor(low / 10) * 10;
    high = std::ceil(high / 10) * 10;
    const int left = 150, width = 420, row_height = 26, top = 10;
    const int height = top + row_height * static_cast<int>(shown.size()) + 30;
    auto x = [&](double v) { return left + (v - low) / (high - low) * width; };
    out_ += "<figure>\n<svg role=\"img\" aria-labelledby=\"" + id + "-title\" viewBox=\"0 0 " + std::to_string(left + width + 70) + " " +
            std::to_string(height) + "\" width=\"" + std::to_string(left + width + 70) + "\">\n<title id=\"" + id + "-title\">" +
            escape_html(caption) + ". The same figures are in the table above.</title>\n";
    for (double tick = low; tick <= high + 1e-9; tick += (high - low) > 100 ? 20 : 10) {
      out_ += "<line x1=\"" + fixed(x(tick)) + "\" x2=\"" + fixed(x(tick)) + "\" y1=\"" + std::to_string(top - 4) + "\" y2=\"" +
              std::to_string(height - 24) + "\" stroke=\"" + (std::fabs(tick) < 1e-9 ? "#1b1b1b" : "#d0d0d0") + "\"/>\n";
      out_ += "<text x=\"" + fixed(x(tick)) + "\" y=\"" + std::to_string(height - 8) + "\" text-anchor=\"middle\">" +
              signed_fixed(tick, 0) + "</text>\n";
    }
    for (std::size_t i = 0; i < shown.size(); ++i) {
      const auto& [label, m] = shown[i];
      const int y = top + row_height * static_cast<int>(i) + row_height / 2;
      out_ += "<text x=\"" + std::to_string(left - 8) + "\" y=\"" + std::to_string(y + 4) + "\" text-anchor=\"end\">" +
              escape_html(label) + "</text>\n";
      out_ += "<line x1=\"" + fixed(x(m.low)) + "\" x2=\"" + fixed(x(m.high)) + "\" y1=\"" + std::to_string(y) + "\" y2=\"" +
              std::to_string(y) + "\" stroke=\"#1a5293\" stroke-width=\"2\"/>\n";
      out_ += "<circle cx=\"" + fixed(x(m.mean)) + "\" cy=\"" + std::to_string(y) + "\" r=\"5\" fill=\"#1a5293\"/>\n";
      out_ += "<text x=\"" + fixed(x(m.high) + 8) + "\" y=\"" + std::to_string(y + 4) + "\">" + signed_fixed(m.mean) + "</text>\n";
    }
    out_ += "</svg>\n<figcaption>" + escape_html(caption) + ". " + escape_html(note) + "</figcaption>\n</figure>\n";
  }

  void module_section(const ModuleSummary& module) {
    const int m = module.module;
    const std::string anchor = "module-" + std::to_string(m);
    const Scores& sc = module.scores;
    const Funnel& f = sc.funnel;
    out_ += "<section class=\"module\" aria-labelledby=\"" + anchor + "\">\n<h2 id=\"" + anchor + "\">Module " + module_name(m) + "</h2>\n";
    if (f.started == 0) {
      out_ += "<p>No learner started this module.</p>\n</section>\n";
      return;
    }
    // Funnel.
    out_ += "<h3>Completion</h3>\n";
    const std::pair<const char*, std::int64_t> steps[] = {{"Started", f.started},
                                                          {"Pre-test submitted", f.pretest},
                                                          {"Mandatory lessons viewed", f.lessons},
                                                          {"Post-test submitted", f.posttest},
                                                          {"Passed", f.passed}};
    if (!enough(f.started)) small_notice(f.started, "Learners who started this module");
    out_ += "<table>\n<caption>Learners at each step of module " + escape_html(cohort_.modules()[m].id) + "</caption>\n"
            "<thead><tr><th scope=\"col\">Step</th><th scope=\"col\">Learners</th>";
    if (enough(f.started)) out_ += "<th scope=\"col\">Of those who started</th>";
    out_ += "</tr></thead>\n<tbody>\n";
    for (const auto& [label, n] : steps) {
      out_ += "<tr><th scope=\"row\">" + std::string(label) + "</th><td class=\"n\">" + count(n) + "</td>";
      if (enough(f.started)) out_ += "<td class=\"n\">" + share(n, f.started) + "</td>";
      out_ += "</tr>\n";
    }
    out_ += "</tbody>\n</table>\n";
    if (!enough(f.started)) {
      out_ += "</section>\n";
      return;
    }
    funnel_chart(anchor, steps, f.started);
    if (module.median_seconds)
      out_ += "<p>Median time spent by learners who took the post-test: " + duration(module.median_seconds) + ".</p>\n";

    // Scores.
    out_ += "<h3>Scores before and after the lessons</h3>\n";
    out_ += "<p>Mean pre-test score " + mean_text(sc.pre) + " (" + count(sc.pre.n) + " learners), mean post-test score " +
            mean_text(sc.post) + " (" + count(sc.post.n) + " learners).</p>\n";
    if (enough(sc.gain.n)) {
      out_ += "<p class=\"keep\"><strong>Mean gain: " + signed_fixed(sc.gain.mean) + " points</strong>, 95% confidence interval " +
              signed_fixed(sc.gain.low) + " to " + signed_fixed(sc.gain.high) + " points, over the " + count(sc.gain.n) +
              " learners who took both tests (standard deviation " + fixed(sc.gain.sd) + ").";
      if (sc.gain.low > 0) out_ += " The interval lies above zero: the scores rose.";
      else if (sc.gain.high < 0) out_ += " The interval lies below zero: the scores fell.";
      else out_ += " The interval includes zero: no change can be told apart from chance.";
      out_ += "</p>\n";
    } else {
      small_notice(sc.gain.n, "Learners who took both tests");
    }
    if (enough(sc.pre.n) || enough(sc.post.n)) histogram(module, anchor);

    questions(module, anchor);
    lessons(module);
    out_ += "</section>\n";
  }

  template <std::size_t N>
  void funnel_chart(const std::string& anchor, const std::pair<const char*, std::int64_t> (&steps)[N], std::int64_t started) {
    const int left = 190, width = 360, row = 26;
    const int height = row * static_cast<int>(N) + 6;
    out_ += "<figure>\n<svg role=\"img\" aria-labelledby=\"" + anchor + "-funnel\" viewBox=\"0 0 " + std::to_string(left + width + 90) + " " +
            std::to_string(height) + "\" width=\"" + std::to_string(left + width + 90) + "\">\n<title id=\"" + anchor +
            "-funnel\">Completion funnel: the share of learners who started that reached each step, as in the table above.</title>\n";
    for (std::size_t i = 0; i < N; ++i) {
      const double share_of = static_cast<double>(steps[i].second) / static_cast<double>(started);
      const int y = 3 + row * static_cast<int>(i);
      out_ += "<text x=\"" + std::to_string(left - 8) + "\" y=\"" + std::to_string(y + 16) + "\" text-anchor=\"end\">" + steps[i].first + "</text>\n";
      out_ += "<rect x=\"" + std::to_string(left) + "\" y=\"" + std::to_string(y) + "\" width=\"" + fixed(width * share_of) +
              "\" height=\"20\" fill=\"" + (i + 1 == N ? "#2d6a2f" : "#1a5293") + "\"/>\n";
      out_ += "<text x=\"" + fixed(left + width * share_of + 6) + "\" y=\"" + std::to_string(y + 16) + "\">" +
              share(steps[i].second, started) + "</text>\n";
    }
    out_ += "</svg>\n<figcaption>Completion funnel.</figcaption>\n</figure>\n";
  }

  void histogram(const ModuleSummary& module, const std::string& anchor) {
    const Scores& sc = module.scores;
    const bool show_pre = enough(sc.pre.n), show_post = enough(sc.post.n);
    const std::size_t bins = module.pre_histogram.size();
    auto percent_of = [&](std::size_t bin) {
      return module.questions > 0 ? static_cast<int>(bin * 100 / static_cast<std::size_t>(module.questions)) : 0;
    };
    auto part = [](std::int64_t n, std::int64_t whole) { return whole ? static_cast<double>(n) / static_cast<double>(whole) : 0.0; };
    double top_share = 0.1;
    for (std::size_t b = 0; b < bins; ++b) {
      if (show_pre) top_share = std::max(top_share, part(module.pre_histogram[b], sc.pre.n));
      if (show_post) top_share = std::max(top_share, part(module.post_histogram[b], sc.post.n));
    }
    top_share = std::ceil(top_share * 10) / 10;
    const int left = 40, plot_height = 160, group_width = std::max(40, 480 / static_cast<int>(bins)), bar = group_width / 2 - 4;
    const int width = left + group_width * static_cast<int>(bins) + 10, height = plot_height + 50;
    out_ += "<figure>\n<svg role=\"img\" aria-labelledby=\"" + anchor + "-scores\" viewBox=\"0 0 " + std::to_string(width) + " " +
            std::to_string(height) + "\" width=\"" + std::to_string(width) + "\">\n<title id=\"" + anchor +
            "-scores\">Distribution of pre-test and post-test scores: share of the learners who took each test, by score, "
            "as in the table below.</title>\n";
    for (int t = 0; t <= 2; ++t) {
      const double value = top_share * t / 2;
      const double y = 10 + plot_height * (1 - value / top_share);
      out_ += "<line x1=\"" + std::to_string(left) + "\" x2=\"" + std::to_string(width - 10) + "\" y1=\"" + fixed(y) + "\" y2=\"" + fixed(y) +
              "\" stroke=\"#d0d0d0\"/>\n<text x=\"" + std::to_string(left - 4) + "\" y=\"" + fixed(y + 4) + "\" text-anchor=\"end\">" +
              fixed(value * 100, 0) + "%</text>\n";
    }
    for (std::size_t b = 0; b < bins; ++b) {
      const int x = left + group_width * static_cast<int>(b) + 2;
      auto draw = [&](double value, int offset, const char* colour) {
        const double h = plot_height * value / top_share;
        out_ += "<rect x=\"" + std::to_string(x + offset) + "\" y=\"" + fixed(10 + plot_height - h) + "\" width=\"" + std::to_string(bar) +
                "\" height=\"" + fixed(h) + "\" fill=\"" + colour + "\"/>\n";
      };
      if (show_pre) draw(part(module.pre_histogram[b], sc.pre.n), 0, "#6b6b6b");
      if (show_post) draw(part(module.post_histogram[b], sc.post.n), bar + 2, "#1a5293");
      out_ += "<text x=\"" + std::to_string(x + bar) + "\" y=\"" + std::to_string(plot_height + 28) + "\" text-anchor=\"middle\">" +
              std::to_string(percent_of(b)) + "%</text>\n";
    }
    out_ += "<text x=\"" + std::to_string(left) + "\" y=\"" + std::to_string(height - 4) + "\">Score</text>\n</svg>\n";
    out_ += "<figcaption>Scores";
    if (show_pre) out_ += "<span class=\"key pre\"></span>pre-test";
    if (show_post) out_ += "<span class=\"key post\"></span>post-test";
    out_ += "</figcaption>\n</figure>\n";
    out_ += "<table>\n<caption>Learners by score</caption>\n<thead><tr><th scope=\"col\">Score</th>";
    if (show_pre) out_ += "<th scope=\"col\">Pre-test</th>";
    if (show_post) out_ += "<th scope=\"col\">Post-test</th>";
    out_ += "</tr></thead>\n<tbody>\n";
    for (std::size_t b = 0; b < bins; ++b) {
      out_ += "<tr><th scope=\"row\">" + std::to_string(percent_of(b)) + "% (" + std::to_string(b) + " of " +
              std::to_string(module.questions) + ")</th>";
      if (show_pre) out_ += "<td class=\"n\">" + count(module.pre_histogram[b]) + " (" + share(module.pre_histogram[b], sc.pre.n) + ")</td>";
      if (show_post) out_ += "<td class=\"n\">" + count(module.post_histogram[b]) + " (" + share(module.post_histogram[b], sc.post.n) + ")</td>";
      out_ += "</tr>\n";
    }
    out_ += "</tbody>\n</table>\n";
  }

  void questions(const ModuleSummary& module, const std::string& anchor) {
    if (module.question_items.empty()) return;
    out_ += "<h3 id=\"" + anchor + "-questions\">Questions</h3>\n";
    bool any_easy = false, any_weak = false;
    out_ += "<table>\n<caption>Share of right answers before and after the lessons, and discrimination "
            "(point-biserial correlation with the rest of the test)</caption>\n"
            "<thead><tr><th scope=\"col\">Question</th><th scope=\"col\">Right in the pre-test</th>"
            "<th scope=\"col\">Right in the post-test</th><th scope=\"col\">Discrimination, pre-test</th>"
            "<th scope=\"col\">Discrimination, post-test</th><th scope=\"col\">Note</th></tr></thead>\n<tbody>\n";
    for (const auto& q : module.question_items) {
      out_ += "<tr><th scope=\"row\">" + escape_html(q.id) + (q.title != q.id ? "<br><span class=\"muted\">" + item_title(module.module, q.title) + "</span>" : "") + "</th>";
      out_ += "<td class=\"n\">" + (enough(q.pre_answered) ? share(q.pre_right, q.pre_answered) + " of " + count(q.pre_answered) : count(q.pre_answered) + " answers") + "</td>";
      out_ += "<td class=\"n\">" + (enough(q.post_answered) ? share(q.post_right, q.post_answered) + " of " + count(q.post_answered) : count(q.post_answered) + " answers") + "</td>";
      auto r = [&](const std::optional<double>& value, std::int64_t n) {
        if (!enough(n)) return std::string("–");
        return value ? fixed(*value, 2) : std::string("undefined");
      };
      out_ += "<td class=\"n\">" + r(q.pre_discrimination, q.pre_complete) + "</td><td class=\"n\">" +
              r(q.post_discrimination, q.post_complete) + "</td><td>";
      if (q.easy_before) {
        out_ += "<span class=\"flag\">Does not diagnose:</span> most learners get it right before the lessons. ";
        any_easy = true;
      }
      if (q.weak_discrimination) {
        out_ += "<span class=\"flag\">Weak discrimination.</span>";
        any_weak = true;
      }
      out_ += "</td></tr>\n";
    }
    out_ += "</tbody>\n</table>\n";
    if (any_easy)
      out_ += "<p>A question at least " + fixed(s_.options.easy_share * 100, 0) +
              "% of learners answer right in the pre-test makes its lessons optional for nearly everyone: "
              "it does not tell who needs them. Consider a harder question, or plausible distractors.</p>\n";
    if (any_weak)
      out_ += "<p>Weak discrimination (below " + fixed(s_.options.weak_discrimination, 2) +
              "): learners who do well on the rest of the test are hardly more likely to get this question right. "
              "Check the key and the wording.</p>\n";
  }

  void lessons(const ModuleSummary& module) {
    if (module.lessons.empty()) return;
    out_ += "<h3>Lessons</h3>\n<table>\n<caption>Who needs which lesson: learners whose pre-test made it mandatory, "
            "and how many of them viewed it</caption>\n<thead><tr><th scope=\"col\">Lesson</th>"
            "<th scope=\"col\">Mandatory for</th><th scope=\"col\">Of them, viewed</th><th scope=\"col\">Still to view</th>"
            "<th scope=\"col\">Viewed by anyone</th></tr></thead>\n<tbody>\n";
    for (const auto& l : module.lessons) {
      out_ += "<tr><th scope=\"row\">" + escape_html(l.id) + (l.title != l.id ? " " + item_title(module.module, l.title) : "") + "</th>";
      out_ += "<td class=\"n\">" + count(l.required) + "</td><td class=\"n\">" + count(l.required_viewed) +
              (enough(l.required) ? " (" + share(l.required_viewed, l.required) + ")" : "") + "</td><td class=\"n\">" +
              count(l.required - l.required_viewed) + "</td><td class=\"n\">" + count(l.viewed) + "</td></tr>\n";
    }
    out_ += "</tbody>\n</table>\n";
  }

  void groups() {
    for (int d = 0; d < 4; ++d) {
      const auto dimension = static_cast<Dimension>(d);
      if (!has_dimension(dimension)) continue;
      const std::string name(kDimensionNames[d]);
      out_ += "<section class=\"group\" aria-labelledby=\"by-" + name + "\">\n<h2 id=\"by-" + name + "\">By " + name + "</h2>\n";
      for (const auto& modules_index : s_.modules) {
        const int m = modules_index.module;
        std::vector<std::pair<std::string, MeanInterval>> rows;
        out_ += "<table>\n<caption>Module " + module_name(m) + " by " + name + "</caption>\n<thead><tr><th scope=\"col\">" + name +
                "</th><th scope=\"col\">Started</th><th scope=\"col\">Pre-test</th><th scope=\"col\">Lessons done</th>"
                "<th scope=\"col\">Post-test</th><th scope=\"col\">Passed</th><th scope=\"col\">Mean pre-test</th>"
                "<th scope=\"col\">Mean post-test</th><th scope=\"col\">Mean gain, points (95% CI)</th></tr></thead>\n<tbody>\n";
        bool any_small = false;
        for (const auto& group : s_.groups) {
          if (group.dimension != dimension) continue;
          const Scores& sc = group.modules[static_cast<std::size_t>(m)];
          const std::string label = group.value.empty() ? "(not given)" : group.value;
          out_ += "<tr><th scope=\"row\">" + escape_html(label) + "</th>";
          funnel_cells(sc.funnel);
          out_ += "<td class=\"n\">" + mean_text(sc.pre) + "</td><td class=\"n\">" + mean_text(sc.post) + "</td><td class=\"n\">" +
                  gain_text(sc.gain) + "</td></tr>\n";
          any_small = any_small || (sc.funnel.started > 0 && !enough(sc.funnel.started)) || (sc.gain.n > 0 && !enough(sc.gain.n));
          rows.emplace_back(label, sc.gain);
        }
        out_ += "</tbody>\n</table>\n";
        if (any_small)
          out_ += "<p class=\"note\">A dash: fewer than " + min_group() +
                  " learners, so only counts are shown (privacy, and chance would dominate).</p>\n";
        gain_chart(rows, "by-" + name + "-" + std::to_string(m) + "-gain",
                   "Module " + cohort_.modules()[m].id + ": mean gain by " + name + ", in points, with its 95% confidence interval",
                   "Groups of fewer than " + min_group() + " learners with both tests are left out.");
      }
      out_ += "</section>\n";
      flush();
    }
  }

  // The per-learner list names learners on purpose (a trainer needs it before the next
  // session); the small-numbers rule applies to the shares beside it, not to the list.
  void certification() {
    if (in_.certification.empty() && cohort_.sessions().empty()) return;
    out_ += "<section aria-labelledby=\"certification\">\n<h2 id=\"certification\">Live sessions and certification</h2>\n";
    out_ += "<p class=\"note\">The lists below name each learner, whatever the size of the group: they are the trainer's "
            "working list. Shares of learners follow the small-numbers rule.</p>\n";
    session_counts();
    for (const auto& course : in_.certification) course_standing(course);
    if (in_.certification.empty()) attendance_list();
    out_ += "</section>\n";
  }

  void session_counts() {
    if (cohort_.sessions().empty()) return;
    std::vector<std::int64_t> attended(cohort_.sessions().size());
    for (const auto& learner : cohort_.learners())
      for (std::size_t s = 0; s < attended.size(); ++s) attended[s] += learner.attended >> s & 1;
    const std::int64_t learners = s_.learners;
    out_ += "<table>\n<caption>Learners who attended each live session</caption>\n<thead><tr><th scope=\"col\">Session</th>"
            "<th scope=\"col\">Attended</th><th scope=\"col\">Share of the cohort</th></tr></thead>\n<tbody>\n";
    for (std::size_t s = 0; s < attended.size(); ++s) {
      const SessionInfo& info = cohort_.sessions()[s];
      std::string title;
      if (info.title != info.id && !info.title.empty())
        title = " " + (info.title_language.empty() || info.title_language == "en"
                           ? escape_html(info.title)
                           : "<span lang=\"" + escape_html(info.title_language) + "\">" + escape_html(info.title) + "</span>");
      out_ += "<tr><th scope=\"row\">" + escape_html(info.id) + title +
              "</th><td class=\"n\">" + count(attended[s]) + "</td><td class=\"n\">" +
              (enough(learners) ? share(attended[s], learners) : "–") + "</td></tr>\n";
    }
    out_ += "</tbody>\n</table>\n";
  }

  void course_standing(const CourseCertification& course) {
    const std::string id = escape_html(course.rule.course);
    out_ += "<h3>Course " + id + "</h3>\n<p>Rule: at least " + std::to_string(course.rule.min_sessions_attended) + " of " +
            std::to_string(course.sessions.size()) + " live sessions attended" +
            (course.rule.all_modules_passed ? ", and every module passed" : "") + ".";
    if (!course.rule.text.empty())
      out_ += " <q lang=\"" + escape_html(course.rule.text_language) + "\">" + escape_html(course.rule.text) + "</q>";
    const auto total = static_cast<std::int64_t>(course.learners.size());
    out_ += "</p>\n<p>" + count(course.certified) + " certified, " + count(course.close) + " close (one session or one module away), " +
            count(total - course.certified - course.close) + " not yet, of " + count(total) + " learner" + (total == 1 ? "" : "s") +
            (enough(total) ? " (" + share(course.certified, total) + " certified)" : "") + ".</p>\n";
    if (course.learners.empty()) return;
    out_ += "<table>\n<caption>Course " + id + ": each learner, certified first, then those close</caption>\n<thead><tr>"
            "<th scope=\"col\">Learner</th><th scope=\"col\">Status</th><th scope=\"col\">Sessions attended</th>"
            "<th scope=\"col\">Modules passed</th><th scope=\"col\">Still needs</th></tr></thead>\n<tbody>\n";
    const std::size_t required = course.rule.all_modules_passed ? course.modules.size() : 0;
    for (const auto& standing : course.learners) {
      std::string sessions;
      for (int s : standing.attended) sessions += (sessions.empty() ? "" : ", ") + escape_html(cohort_.sessions()[static_cast<std::size_t>(s)].id);
      out_ += "<tr><th scope=\"row\">" + learner_label(cohort_.learners()[standing.learner]) + "</th><td" +
              (standing.close ? " class=\"flag\"" : "") + ">" + std::string(standing_name(standing)) + "</td><td>" +
              std::to_string(standing.attended.size()) + (sessions.empty() ? "" : ": " + sessions) + "</td><td class=\"n\">" +
              (required ? std::to_string(required - standing.modules_to_pass.size()) + " of " + std::to_string(required) : "–") +
              "</td><td>" + escape_html(still_needs(cohort_, standing)) + "</td></tr>\n";
    }
    out_ += "</tbody>\n</table>\n";
  }

  // Without a certification rule (no --course, or a course without one): who attended what.
  void attendance_list() {
    out_ += "<table>\n<caption>Live sessions attended by each learner</caption>\n<thead><tr><th scope=\"col\">Learner</th>"
            "<th scope=\"col\">Sessions attended</th></tr></thead>\n<tbody>\n";
    for (const auto& learner : cohort_.learners()) {
      std::string sessions;
      int n = 0;
      for (std::size_t s = 0; s < cohort_.sessions().size(); ++s)
        if (learner.attended >> s & 1) {
          sessions += (sessions.empty() ? "" : ", ") + escape_html(cohort_.sessions()[s].id);
          ++n;
        }
      out_ += "<tr><th scope=\"row\">" + learner_label(learner) + "</th><td>" + std::to_string(n) +
              (sessions.empty() ? "" : ": " + sessions) + "</td></tr>\n";
    }
    out_ += "</tbody>\n</table>\n";
  }

  static std::string learner_label(const Learner& learner) {
    return learner.name.empty() ? escape_html(learner.id)
                                : escape_html(learner.name) + "<br><span class=\"muted\">" + escape_html(learner.id) + "</span>";
  }

  void reading_notes() {
    out_ += "<section aria-labelledby=\"reading\">\n<h2 id=\"reading\">How to read this report</h2>\n<ul>\n"
            "<li><strong>Scores</strong> are the percentage of right answers. Of several attempts at a module, the pre-test is "
            "the first one submitted (the diagnosis) and the post-test the last one.</li>\n"
            "<li><strong>Gain</strong> is post-test minus pre-test, in points, for learners who took both. Its 95% confidence "
            "interval (paired t) says how far the mean could be from the mean of a much larger cohort like this one: an "
            "interval that stays above zero is a real improvement, not chance.</li>\n"
            "<li><strong>Completion</strong>: started (any activity in the module), pre-test submitted, every lesson the "
            "pre-test made mandatory viewed, post-test submitted, passed (post-test at or above the mastery score).</li>\n"
            "<li><strong>Discrimination</strong> is the point-biserial correlation between a question (right or wrong) and "
            "the learner's score on the other questions of the same test. Near 0 or negative: the question does not "
            "separate learners who know the module from those who do not. Above 0.3 is good.</li>\n"
            "<li><strong>Does not diagnose</strong>: at least " + fixed(s_.options.easy_share * 100, 0) +
            "% of learners answer it right before the lessons, so the pre-test seldom sends anyone to its lessons.</li>\n"
            "<li><strong>Small groups</strong>: below " + min_group() +
            " learners a figure shows counts only, never a percentage, a mean or a chart.</li>\n</ul>\n</section>\n";
  }

  const Cohort& cohort_;
  const CohortSummary& s_;
  const PageInputs& in_;
  const Sink& sink_;
  std::string out_;
};

}  // namespace

void write_html(const Cohort& cohort, const CohortSummary& summary, const PageInputs& inputs, const Sink& sink) {
  Page(cohort, summary, inputs, sink).write();
}

}  // namespace coursepack::report
