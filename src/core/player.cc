#include "coursepack/core/player.h"

#include <nlohmann/json.hpp>

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

nlohmann::json score_json(const QuizScore& score) {
  return {{"correct", score.correct}, {"total", score.total}, {"percent", score.percent}};
}

}  // namespace

Player::Player(const std::string& plan_json) {
  ModulePlanResult result = module_plan_from_json(plan_json);
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
  ModulePlan plan = session_->plan();  // emplace() destroys the old session first
  DecodedState decoded = decode_state(plan, suspend_data, fresh_seed);
  session_.emplace(std::move(plan), std::move(decoded.state));
  session_->set_mastery_score(mastery);
  return decoded.error;
}

void Player::set_mastery_score(const std::string& lms_value) {
  if (!session_) return;
  if (auto mastery = scorm12::parse_mastery_score(lms_value)) session_->set_mastery_score(*mastery);
}

std::string Player::start_pretest() { return session_ ? session_->start_pretest() : error_; }
std::string Player::answer(int question, int choice) { return session_ ? session_->answer(question, choice) : error_; }
std::string Player::submit() { return session_ ? session_->submit() : error_; }
std::string Player::continue_to_lessons() { return session_ ? session_->continue_to_lessons() : error_; }
std::string Player::open_lesson(int index) { return session_ ? session_->open_lesson(index) : error_; }
std::string Player::start_posttest() { return session_ ? session_->start_posttest() : error_; }
void Player::add_seconds(std::uint32_t seconds) {
  if (session_) session_->add_seconds(seconds);
}

std::string Player::suspend_data() const { return session_ ? encode_state(session_->plan(), session_->state()) : ""; }

std::string Player::view() const {
  if (!session_) return nlohmann::json{{"error", error_}}.dump();
  const PlayerSession& s = *session_;
  const LearnerState& state = s.state();
  nlohmann::json orders = nlohmann::json::array();
  for (int q = 0; q < static_cast<int>(s.plan().questions.size()); ++q)
    orders.push_back(s.choice_order(QuizKind::posttest, q));
  nlohmann::json view = {
      {"phase", phase_name(state.phase)},
      {"lesson", state.lesson},
      {"pretest", state.pretest},
      {"posttest", state.posttest},
      {"viewed", state.viewed},
      {"mandatory", s.mandatory()},
      {"lessons_left", s.lessons_left()},
      {"posttest_allowed", s.posttest_allowed()},
      {"pretest_score", score_json(s.pretest_score())},
      {"posttest_score", score_json(s.posttest_score())},
      {"gain", s.posttest_score().percent - s.pretest_score().percent},
      {"mastery_score", s.mastery_score()},
      {"finished", s.finished()},
      {"passed", s.passed()},
      {"status", scorm12::lesson_status(s)},
      {"location", scorm12::lesson_location(s)},
      {"seconds", state.seconds},
      {"posttest_order", orders},
  };
  return view.dump();
}

std::string Player::interactions(int kind, std::uint32_t time_of_day_seconds) const {
  nlohmann::json list = nlohmann::json::array();
  if (!session_) return list.dump();
  for (const auto& i : scorm12::interactions(*session_, kind == 0 ? QuizKind::pretest : QuizKind::posttest,
                                             time_of_day_seconds))
    list.push_back({{"id", i.id},
                    {"type", i.type},
                    {"student_response", i.student_response},
                    {"correct_pattern", i.correct_pattern},
                    {"result", i.result},
                    {"objective", i.objective},
                    {"time", i.time}});
  return list.dump();
}

std::string Player::session_time(double centiseconds) {
  return scorm12::timespan(centiseconds > 0 ? static_cast<std::uint64_t>(centiseconds) : 0);
}

}  // namespace coursepack
