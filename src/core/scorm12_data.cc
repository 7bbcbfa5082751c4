#include "coursepack/core/scorm12_data.h"


namespace coursepack::scorm12 {

LessonMode parse_lesson_mode(std::string_view text) {
  if (text == "browse") return LessonMode::browse;
  if (text == "review") return LessonMode::review;
  return LessonMode::normal;
}

bool parse_credit(std::string_view text) { return text != "no-credit"; }

std::string_view lesson_status(const PlayerSession& session) {
  if (session.lesson_mode() == LessonMode::browse) return kBrowsed;
  if (session.lesson_mode() == LessonMode::review) return {};
  if (!session.graded() || session.attempts() == 0) return kIncomplete;
  return session.passed() ? kPassed : kFailed;
}

std::string_view exit_value(const PlayerSession& session) {
  return session.graded() && session.result_final() ? std::string_view() : std::string_view("suspend");
}

std::string interaction_id(QuizKind kind, int attempt, const std::string& question_id) {
  if (kind == QuizKind::pretest) return "pre_" + question_id;
  return (attempt >= 2 ? "post" + std::to_string(attempt) + "_" : std::string("post_")) + question_id;
}

std::string lesson_location(const PlayerSession& session) {
  switch (session.state().phase) {
    case Phase::home: return "home";
    case Phase::pretest: return "pretest";
    case Phase::results: return "results";
    case Phase::lessons: return "lesson-" + std::to_string(session.state().lesson + 1);
    case Phase::posttest: return "posttest";
    case Phase::finished: return "finished";
  }
  return "home";
}

namespace {

// Zero-padded decimal; snprintf would pull printf into the browser runtime.
void append_padded(std::string& out, std::uint64_t value, int width) {
  std::string digits = std::to_string(value);
  if (static_cast<int>(digits.size()) < width) out.append(static_cast<std::size_t>(width) - digits.size(), '0');
  out += digits;
}

}  // namespace

std::string timespan(std::uint64_t centiseconds) {
  constexpr std::uint64_t kMax = 9999ull * 360000 + 59 * 6000 + 59 * 100 + 99;
  if (centiseconds > kMax) centiseconds = kMax;
  std::string out;
  append_padded(out, centiseconds / 360000, 4);
  out += ':';
  append_padded(out, centiseconds / 6000 % 60, 2);
  out += ':';
  append_padded(out, centiseconds / 100 % 60, 2);
  out += '.';
  append_padded(out, centiseconds % 100, 2);
  return out;
}

std::string time_of_day(std::uint32_t seconds) {
  seconds %= 86400;
  std::string out;
  append_padded(out, seconds / 3600, 2);
  out += ':';
  append_padded(out, seconds / 60 % 60, 2);
  out += ':';
  append_padded(out, seconds % 60, 2);
  return out;
}

std::optional<double> parse_mastery_score(std::string_view text) {
  if (text.empty() || text.size() > 12) return std::nullopt;
  double value = 0, scale = 0;
  for (char c : text) {
    if (c == '.' && scale == 0) {
      scale = 1;
    } else if (c >= '0' && c <= '9') {
      if (scale == 0) {
        value = value * 10 + (c - '0');
      } else {
        scale /= 10;
        value += (c - '0') * scale;
      }
    } else {
      return std::nullopt;
    }
  }
  if (value < 0 || value > 100) return std::nullopt;
  return value;
}

std::vector<Interaction> interactions(const PlayerSession& session, QuizKind kind, std::uint32_t time_of_day_seconds) {
  const ModulePlan& plan = session.plan();
  const Answers& answers = kind == QuizKind::pretest ? session.state().pretest : session.state().posttest;
  std::vector<Interaction> out;
  if (!session.graded()) return out;
  for (std::size_t i = 0; i < plan.questions.size() && i < answers.size(); ++i) {
    const PlanQuestion& question = plan.questions[i];
    if (answers[i] == kNoAnswer) continue;
    Interaction interaction;
    const int index = static_cast<int>(i);
    interaction.id = interaction_id(kind, session.attempts(),
                                    plan.is_course() ? plan.module_of_question(index) + "_" + question.id : question.id);
    if (plan.is_course()) interaction.objectives.push_back(plan.module_of_question(index));
    interaction.student_response = std::string(1, static_cast<char>('a' + answers[i]));
    interaction.correct_pattern = std::string(1, static_cast<char>('a' + question.correct));
    interaction.result = answers[i] == question.correct ? "correct" : "wrong";
    for (const int lesson : question.lessons) interaction.objectives.push_back(plan.lessons[static_cast<std::size_t>(lesson)]);
    interaction.time = time_of_day(time_of_day_seconds);
    out.push_back(std::move(interaction));
  }
  return out;
}

std::vector<Objective> objectives(const PlayerSession& session) {
  const ModulePlan& plan = session.plan();
  std::vector<Objective> out;
  const Phase phase = session.state().phase;
  if (!session.graded() || (session.attempts() > 0 && phase != Phase::finished)) return out;
  const bool posttest = phase == Phase::finished;
  const auto scores = part_scores(plan, posttest ? session.state().posttest : session.state().pretest);
  for (std::size_t p = 0; p < plan.parts.size(); ++p) {
    Objective objective{plan.parts[p].module_id, std::nullopt, kIncomplete};
    if (phase >= Phase::results) objective.score_raw = scores[p].percent;
    if (posttest) objective.status = passed(scores[p], session.mastery_score()) ? kPassed : kFailed;
    out.push_back(std::move(objective));
  }
  return out;
}

}  // namespace coursepack::scorm12
