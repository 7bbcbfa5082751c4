#pragma once
// What a cohort report says, computed from a Cohort: per module the funnel, score
// distributions, mean scores and gain with their intervals, item analysis per question,
// lessons needed; the same per group. Pure; the writers only format it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "coursepack/report/cohort.h"
#include "coursepack/report/statistics.h"

namespace coursepack::report {

struct ReportOptions {
  /// Below this many learners, a figure shows counts only: no percentage, mean or chart
  /// (a share of 3 learners names them, and is mostly noise).
  int min_group = 5;
  /// A question that at least this share answers right *before* the lessons does not
  /// diagnose: the pre-test lets nearly everyone skip its lessons.
  double easy_share = 0.8;
  /// Below this point-biserial correlation a question hardly separates learners who know
  /// the module from those who do not (Ebel's rule of thumb for item discrimination).
  double weak_discrimination = 0.2;
};

/// Learners who reached each step of a module's path.
struct Funnel {
  std::int64_t started = 0;   // any statement about the module
  std::int64_t pretest = 0;   // pre-test submitted
  std::int64_t lessons = 0;   // every mandatory lesson viewed
  std::int64_t posttest = 0;  // post-test submitted
  std::int64_t passed = 0;    // post-test at or above the mastery score
};

struct QuestionSummary {
  std::string id, title;
  std::int64_t pre_answered = 0, pre_right = 0;
  std::int64_t post_answered = 0, post_right = 0;
  /// Point-biserial correlation of the question (right 1, wrong 0) with the rest of the
  /// test (right answers to the other questions), over learners who answered all
  /// questions of that test; nothing when undefined (everyone right, or below two).
  std::optional<double> pre_discrimination, post_discrimination;
  std::int64_t pre_complete = 0, post_complete = 0;  // learners those correlations cover
  bool easy_before = false;        // see ReportOptions::easy_share (needs min_group answers)
  bool weak_discrimination = false;  // see ReportOptions::weak_discrimination
};

struct LessonSummary {
  std::string id, title;
  std::int64_t required = 0;         // learners whose pre-test made it mandatory
  std::int64_t required_viewed = 0;  // ... and who viewed it
  std::int64_t viewed = 0;           // learners who viewed it, mandatory or not
};

/// Scores of a set of learners in one module: percentages 0..100, gain in points.
struct Scores {
  Funnel funnel;
  MeanInterval pre;   // learners with a pre-test
  MeanInterval post;  // learners with a post-test
  MeanInterval gain;  // learners with both: post minus pre, paired
};

struct ModuleSummary {
  int module = 0;  // index in Cohort::modules()
  Scores scores;
  int questions = 0;  // histogram bins are 0..questions right answers
  std::vector<std::int64_t> pre_histogram, post_histogram;
  std::vector<QuestionSummary> question_items;
  std::vector<LessonSummary> lessons;
  std::uint32_t median_seconds = 0;  // time spent by those who took the post-test
};

struct GroupSummary {
  Dimension dimension = Dimension::cohort;
  std::string value;  // "" for learners of unknown group
  std::int64_t learners = 0;
  std::vector<Scores> modules;  // by module index
};

struct CohortSummary {
  ReportOptions options;
  std::int64_t learners = 0;
  std::vector<ModuleSummary> modules;
  std::vector<GroupSummary> groups;  // per dimension that has a known value, values sorted

  /// Whether a figure over `n` learners may be shown as more than a count.
  bool enough(std::int64_t n) const { return n >= options.min_group; }
};

/// Computes the summary. Never fails; a module nobody started has zero counts.
CohortSummary summarize(const Cohort& cohort, const ReportOptions& options = {});

}  // namespace coursepack::report
