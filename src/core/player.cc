#include "coursepack/core/player.h"

#include "coursepack/core/json_writer.h"

#include "coursepack/core/scorm12_data.h"

namespace coursepack {
namespace {

const char* phase_name(Phase phase) {
  switch (phase) {
    case Phase::home: return "home";
    case Phase::pretest: return "pretest";
    case Phase::results: return "results";
    case Phase::lessons: return "lessons";
    case Phase::posttest: return "posttest";
    case Phase::finished: return "finished";
  }
  return "home";
}

void write_score_value(JsonWriter& out, const QuizScore& score) {
  out.begin_object();
  out.key("correct").value(score.correct).key("total").value(score.total).key("percent").value(score.percent);
  out.end_object();
}

void write_score(JsonWriter& out, const char* name, const QuizScore& score) {
  out.key(name);
  write_score_value(out, score);
}

const char* lesson_mode_name(LessonMode mode) {
  switch (mode) {
    case LessonMode::normal: return "normal";
    case LessonMode::browse: return "browse";
    case LessonMode::review: return "review";
  }
  return "normal";
}

// A course plan's modules: where each sits in the lists, its pre-test score, its score in
// the last post-test attempt (once one is in and none is open), and the cmi.objectives the
// SCORM store writes (score -1: none yet). Nothing for a module plan.
void write_parts(JsonWriter& out, const PlayerSession& s) {
  const ModulePlan& plan = s.plan();
  if (!plan.is_course()) return;
  const bool finished = s.state().phase == Phase::finished;
  const auto pre = part_scores(plan, s.state().pretest), post = part_scores(plan, s.state().posttest);
  out.key("parts").begin_array();
  for (std::size_t p = 0; p < plan.parts.size(); ++p) {
    const PlanPart& part = plan.parts[p];
    out.begin_object().key("module").value(part.module_id);
    out.key("first_lesson").value(part.first_lesson).key("lesson_count").value(part.lesson_count);
    out.key("first_question").value(part.first_question).key("question_count").value(part.question_count);
    write_score(out, "pretest_score", pre[p]);
    write_score(out, "posttest_score", finished ? post[p] : QuizScore{0, post[p].total, 0});
    out.key("gain").value(finished ? post[p].percent - pre[p].percent : 0);
    out.key("passed").value(finished && passed(post[p], s.mastery_score()));
    out.end_object();
  }
  out.end_array();
  out.key("objectives").begin_array();
  for (const auto& objective : scorm12::objectives(s)) {
    out.begin_object().key("id").value(objective.id).key("score").value(objective.score_raw.value_or(-1));
    out.key("status").value(objective.status).end_object();
  }
  out.end_array();
}

}  // namespace

Player::Player(const std::string& plan_text) {
  ModulePlanResult result = decode_plan(plan_text);
  if (!result.error.empty()) {
    error_ = result.error;
    return;
  }
  LearnerState state = LearnerState::start(result.plan, 0);
  session_.emplace(std::move(result.plan), std::move(state));
}

std::string Player::restore(const std::string& suspend_data, std::uint32_t fresh_seed) {
  if (!session_) return error_;
  const double mastery = session_->mastery_score();
  const LessonMode mode = session_->lesson_mode();
  const bool credit = session_->credit();
  ModulePlan plan = session_->plan();  // emplace() destroys the old session first
  DecodedState decoded = decode_state(plan, suspend_data, fresh_seed);
  session_.emplace(std::move(plan), std::move(decoded.state));
  session_->set_mastery_score(mastery);
  session_->set_lms_mode(mode, credit);
  events_.assign(1, {xapi::Event::Kind::initialized});
  session_start_ = quiz_start_ = session_->state().seconds;
  return decoded.error;
}

void Player::set_mastery_score(const std::string& lms_value) {
  if (!session_) return;
  if (auto mastery = scorm12::parse_mastery_score(lms_value)) session_->set_mastery_score(*mastery);
}

void Player::set_lms_mode(const std::string& lesson_mode, const std::string& credit) {
  if (session_) session_->set_lms_mode(scorm12::parse_lesson_mode(lesson_mode), scorm12::parse_credit(credit));
}

std::string Player::start_pretest() {
  if (!session_) return error_;
  quiz_start_ = session_->state().seconds;
  return session_->start_pretest();
}

std::string Player::answer(int question, int choice) { return session_ ? session_->answer(question, choice) : error_; }

std::string Player::submit() {
  if (!session_) return error_;
  const bool pretest = session_->state().phase == Phase::pretest;
  std::string refusal = session_->submit();
  if (!refusal.empty()) return refusal;
  const std::uint32_t now = session_->state().seconds;
  const int attempt = pretest ? 0 : session_->attempts();
  events_.push_back({xapi::Event::Kind::quiz_submitted, static_cast<int>(pretest ? QuizKind::pretest : QuizKind::posttest),
                     now - quiz_start_, attempt});
  // The module is completed once, by the first attempt (cmi5: at most one "completed").
  if (attempt == 1) events_.push_back({xapi::Event::Kind::module_completed, 0, now});
  return {};
}

std::string Player::record_lesson(int index, const std::string& refusal, bool was_viewed) {
  if (!refusal.empty()) return refusal;
  events_.push_back({xapi::Event::Kind::lesson_opened, index});
  if (!was_viewed) events_.push_back({xapi::Event::Kind::lesson_viewed, index});
  return {};
}

std::string Player::continue_to_lessons() {
  if (!session_) return error_;
  const auto viewed = session_->state().viewed;
  std::string refusal = session_->continue_to_lessons();
  const int index = session_->state().lesson;
  return record_lesson(index, refusal, refusal.empty() && viewed[static_cast<std::size_t>(index)]);
}

std::string Player::open_lesson(int index) {
  if (!session_) return error_;
  const bool was_viewed = index >= 0 && index < static_cast<int>(session_->state().viewed.size()) &&
                          session_->state().viewed[static_cast<std::size_t>(index)];
  return record_lesson(index, session_->open_lesson(index), was_viewed);
}

std::string Player::start_posttest() {
  if (!session_) return error_;
  quiz_start_ = session_->state().seconds;
  return session_->start_posttest();
}
void Player::add_seconds(std::uint32_t seconds) {
  if (session_) session_->add_seconds(seconds);
}

std::string Player::suspend_data() const { return session_ ? encode_state(session_->plan(), session_->state()) : ""; }

std::string Player::view() const {
  JsonWriter out;
  out.begin_object();
  if (!session_) {
    out.key("error").value(error_).end_object();
    return out.text();
  }
  const PlayerSession& s = *session_;
  const LearnerState& state = s.state();
  out.key("phase").value(phase_name(state.phase));
  out.key("lesson").value(state.lesson);
  out.key("pretest").values(state.pretest);
  out.key("posttest").values(state.posttest);
  out.key("viewed").values(state.viewed);
  out.key("mandatory").values(s.mandatory());
  out.key("lessons_left").value(s.lessons_left());
  out.key("posttest_allowed").value(s.posttest_allowed());
  write_score(out, "pretest_score", s.pretest_score());
  write_score(out, "posttest_score", s.posttest_score());
  out.key("gain").value(s.posttest_score().percent - s.pretest_score().percent);
  out.key("mastery_score").value(s.mastery_score());
  out.key("finished").value(s.finished());
  out.key("passed").value(s.passed());
  out.key("status").value(scorm12::lesson_status(s));
  out.key("exit").value(scorm12::exit_value(s));
  out.key("last_score");
  write_score_value(out, s.last_score());
  // What the LMS may record: a score only for a graded, submitted attempt; progress
  // (suspend_data, location) not in browse or review, where the LMS keeps no attempt.
  out.key("report_score").value(s.graded() && s.attempts() > 0);
  out.key("save_progress").value(s.lesson_mode() == LessonMode::normal);
  out.key("graded").value(s.graded());
  out.key("lesson_mode").value(lesson_mode_name(s.lesson_mode()));
  out.key("credit").value(s.credit());
  out.key("attempts").value(s.attempts());
  out.key("max_attempts").value(s.max_attempts());
  out.key("retake_allowed").value(s.retake_allowed());
  out.key("result_final").value(s.result_final());
  out.key("answers_revealed").value(s.answers_revealed());
  out.key("submit_counts").value(s.submit_counts());
  const Answers& open_answers = state.phase == Phase::pretest ? state.pretest : state.posttest;
  int unanswered = 0;
  for (int answer : open_answers) unanswered += answer == kNoAnswer ? 1 : 0;
  out.key("unanswered").value(unanswered);
  out.key("question_lessons").begin_array();
  for (const auto& question : s.plan().questions) out.values(question.lessons);
  out.end_array();
  // The last attempt per question, once one is in and none is open.
  // The pre-test's per question too, for the before/after chart by lesson: the pre-test
  // results already named the lessons of the questions missed, so this tells nothing new.
  std::vector<bool> right, pretest_right;
  std::vector<int> correct;
  if (state.phase == Phase::finished)
    for (std::size_t q = 0; q < s.plan().questions.size(); ++q) {
      right.push_back(state.posttest[q] == s.plan().questions[q].correct);
      pretest_right.push_back(state.pretest[q] == s.plan().questions[q].correct);
      correct.push_back(s.answers_revealed() ? s.plan().questions[q].correct : -1);
    }
  out.key("review_right").values(right);
  out.key("pretest_right").values(pretest_right);
  out.key("review_correct").values(correct);
  out.key("location").value(scorm12::lesson_location(s));
  out.key("seconds").value(state.seconds);
  out.key("posttest_order").begin_array();
  for (int q = 0; q < static_cast<int>(s.plan().questions.size()); ++q) out.values(s.choice_order(QuizKind::posttest, q));
  out.end_array();
  write_parts(out, s);
  out.end_object();
  return out.text();
}

std::string Player::interactions(int kind, std::uint32_t time_of_day_seconds) const {
  JsonWriter out;
  out.begin_array();
  if (session_)
    for (const auto& i : scorm12::interactions(*session_, kind == 0 ? QuizKind::pretest : QuizKind::posttest,
                                               time_of_day_seconds)) {
      out.begin_object();
      out.key("id").value(i.id).key("type").value(i.type).key("student_response").value(i.student_response);
      out.key("correct_pattern").value(i.correct_pattern).key("result").value(i.result);
      out.key("objectives").begin_array();
      for (const auto& objective : i.objectives) out.value(objective);
      out.end_array().key("time").value(i.time);
      out.end_object();
    }
  out.end_array();
  return out.text();
}

void Player::terminate() {
  if (session_) events_.push_back({xapi::Event::Kind::terminated, 0, session_->state().seconds - session_start_});
}

int Player::pending_statements() const {
  return session_ ? static_cast<int>(xapi::statement_count(*session_, events_)) : 0;
}

void Player::set_launch(const std::string& activity_id, const std::string& grouping, const std::string& platform) {
  activity_id_ = activity_id;
  grouping_ = grouping;
  platform_ = platform;
}

std::string Player::take_statements(const std::string& actor_json, const std::string& registration,
                                    const std::string& timestamp, const std::string& ids) {
  if (!session_) return "[]";
  xapi::StatementInputs inputs{actor_json, registration, timestamp, session_->plan().language, {},
                               activity_id_, grouping_, platform_};
  for (std::size_t start = 0; start < ids.size();) {
    const auto comma = std::min(ids.find(',', start), ids.size());
    inputs.ids.push_back(ids.substr(start, comma - start));
    start = comma + 1;
  }
  std::string json = xapi::statements_json(*session_, events_, inputs);
  events_.clear();
  return json;
}

std::string Player::session_time(double centiseconds) {
  return scorm12::timespan(centiseconds > 0 ? static_cast<std::uint64_t>(centiseconds) : 0);
}

}  // namespace coursepack
