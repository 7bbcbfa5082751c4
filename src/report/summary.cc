#include "coursepack/report/summary.h"

#include <algorithm>
#include <bit>
#include <map>

namespace coursepack::report {
namespace {

// Accumulates Scores over learner-module records.
struct ScoreSums {
  Funnel funnel;
  MeanAccumulator pre, post, gain;

  void add(const LearnerModule& r) {
    if (!r.started) return;
    ++funnel.started;
    if (r.has_pretest()) {
      ++funnel.pretest;
      pre.add(r.pre_percent());
    }
    if (r.lessons_done()) ++funnel.lessons;
    if (r.has_posttest()) {
      ++funnel.posttest;
      post.add(r.post_percent());
      if (r.passed) ++funnel.passed;
    }
    if (r.has_pretest() && r.has_posttest()) gain.add(r.post_percent() - r.pre_percent());
  }

  Scores scores() const { return {funnel, mean_interval(pre), mean_interval(post), mean_interval(gain)}; }
};

std::uint64_t all_bits(int count) {
  return count >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << count) - 1;
}

std::size_t histogram_bin(int correct, int total, int bins) {
  if (total <= 0) return 0;
  if (total == bins) return static_cast<std::size_t>(correct);
  // A result from another version of the quiz: the nearest bin by share.
  return static_cast<std::size_t>((correct * bins + total / 2) / total);
}

}  // namespace

CohortSummary summarize(const Cohort& cohort, const ReportOptions& options) {
  CohortSummary out;
  out.options = options;
  out.learners = static_cast<std::int64_t>(cohort.learners().size());
  const auto& modules = cohort.modules();

  for (std::size_t m = 0; m < modules.size(); ++m) {
    const ModuleInfo& info = modules[m];
    ModuleSummary summary;
    summary.module = static_cast<int>(m);
    const int questions = static_cast<int>(std::min<std::size_t>(info.questions.size(), kMaxItems));
    const int lessons = static_cast<int>(std::min<std::size_t>(info.lessons.size(), kMaxItems));
    summary.questions = static_cast<int>(info.questions.size());
    for (const auto& learner : cohort.learners())
      if (m < learner.modules.size() && learner.modules[m].has_pretest())
        summary.questions = std::max<int>(summary.questions, learner.modules[m].pre_total);
    summary.pre_histogram.assign(static_cast<std::size_t>(summary.questions) + 1, 0);
    summary.post_histogram.assign(static_cast<std::size_t>(summary.questions) + 1, 0);
    summary.question_items.resize(static_cast<std::size_t>(questions));
    for (int q = 0; q < questions; ++q) {
      summary.question_items[q].id = info.questions[q];
      summary.question_items[q].title = q < static_cast<int>(info.question_titles.size()) ? info.question_titles[q] : info.questions[q];
    }
    summary.lessons.resize(static_cast<std::size_t>(lessons));
    for (int l = 0; l < lessons; ++l) {
      summary.lessons[l].id = info.lessons[l];
      summary.lessons[l].title = l < static_cast<int>(info.lesson_titles.size()) ? info.lesson_titles[l] : info.lessons[l];
    }

    ScoreSums sums;
    std::vector<CorrelationAccumulator> pre_r(static_cast<std::size_t>(questions)), post_r(static_cast<std::size_t>(questions));
    std::vector<std::uint32_t> seconds;
    const std::uint64_t every_question = all_bits(questions);
    for (const auto& learner : cohort.learners()) {
      if (m >= learner.modules.size()) continue;
      const LearnerModule& r = learner.modules[m];
      if (!r.started) continue;
      sums.add(r);
      if (r.has_pretest()) ++summary.pre_histogram[histogram_bin(r.pre_correct, r.pre_total, summary.questions)];
      if (r.has_posttest()) {
        ++summary.post_histogram[histogram_bin(r.post_correct, r.post_total, summary.questions)];
        seconds.push_back(r.seconds());
      }
      const bool pre_complete = questions > 0 && (r.pre_answered & every_question) == every_question;
      const bool post_complete = questions > 0 && (r.post_answered & every_question) == every_question;
      const int pre_total = std::popcount(r.pre_right & every_question);
      const int post_total = std::popcount(r.post_right & every_question);
      for (int q = 0; q < questions; ++q) {
        const std::uint64_t bit = std::uint64_t{1} << q;
        QuestionSummary& item = summary.question_items[q];
        const bool pre_right = r.pre_right & bit, post_right = r.post_right & bit;
        if (r.pre_answered & bit) {
          ++item.pre_answered;
          item.pre_right += pre_right;
        }
        if (r.post_answered & bit) {
          ++item.post_answered;
          item.post_right += post_right;
        }
        if (pre_complete) pre_r[q].add(pre_right, pre_total - pre_right);
        if (post_complete) post_r[q].add(post_right, post_total - post_right);
      }
      for (int l = 0; l < lessons; ++l) {
        const std::uint64_t bit = std::uint64_t{1} << l;
        LessonSummary& lesson = summary.lessons[l];
        if (r.required & bit) {
          ++lesson.required;
          if (r.viewed & bit) ++lesson.required_viewed;
        }
        if (r.viewed & bit) ++lesson.viewed;
      }
    }
    summary.scores = sums.scores();
    for (int q = 0; q < questions; ++q) {
      QuestionSummary& item = summary.question_items[q];
      item.pre_discrimination = pre_r[q].correlation();
      item.post_discrimination = post_r[q].correlation();
      item.pre_complete = pre_r[q].count();
      item.post_complete = post_r[q].count();
      item.easy_before = item.pre_answered >= options.min_group &&
                         static_cast<double>(item.pre_right) >= options.easy_share * static_cast<double>(item.pre_answered);
      item.weak_discrimination = item.pre_complete >= options.min_group && item.pre_discrimination &&
                                 *item.pre_discrimination < options.weak_discrimination;
    }
    if (!seconds.empty()) {
      const auto middle = seconds.begin() + static_cast<std::ptrdiff_t>(seconds.size() / 2);
      std::nth_element(seconds.begin(), middle, seconds.end());
      summary.median_seconds = *middle;
    }
    out.modules.push_back(std::move(summary));
  }

  for (int d = 0; d < 4; ++d) {
    const auto dimension = static_cast<Dimension>(d);
    if (cohort.group_values(dimension).size() < 2) continue;  // no learner has a known value
    std::map<std::string, std::pair<std::int64_t, std::vector<ScoreSums>>> groups;
    for (const auto& learner : cohort.learners()) {
      auto& [count, sums] = groups[cohort.group_of(learner, dimension)];
      ++count;
      sums.resize(modules.size());
      for (std::size_t m = 0; m < learner.modules.size(); ++m) sums[m].add(learner.modules[m]);
    }
    for (auto& [value, group] : groups) {
      GroupSummary summary{dimension, value, group.first, {}};
      for (const auto& sums : group.second) summary.modules.push_back(sums.scores());
      out.groups.push_back(std::move(summary));
    }
  }
  return out;
}

}  // namespace coursepack::report
