#include "coursepack/core/xapi_statements.h"

#include "coursepack/core/json_writer.h"

namespace coursepack::xapi {
namespace {

const char* quiz_name(QuizKind kind) { return kind == QuizKind::pretest ? "pretest" : "posttest"; }
const char* phase_name(QuizKind kind) { return kind == QuizKind::pretest ? "pre" : "post"; }

class StatementWriter {
 public:
  StatementWriter(const PlayerSession& session, const StatementInputs& inputs)
      : s_(session),
        plan_(session.plan()),
        in_(inputs),
        module_id_(inputs.activity_id.empty() ? module_activity(session.plan()) : inputs.activity_id) {
    // A course plan's lessons and questions sit in their modules, as in the module packages.
    for (int p = 0; p < static_cast<int>(plan_.parts.size()); ++p) part_ids_.push_back(part_activity(plan_, p));
    out_.begin_array();
  }

  std::string finish() {
    out_.end_array();
    return out_.text();
  }

  void event(const Event& e) {
    switch (e.kind) {
      case Event::Kind::initialized:
        begin(kInitialized, "initialized");
        module_object();
        context({}, true);
        end();
        return;
      case Event::Kind::lesson_opened:
      case Event::Kind::lesson_viewed:
        begin(e.kind == Event::Kind::lesson_opened ? kExperienced : kCompleted,
              e.kind == Event::Kind::lesson_opened ? "experienced" : "completed");
        activity(lesson_activity(plan_, e.index), kLessonType, "lesson:" + std::to_string(e.index));
        if (e.kind == Event::Kind::lesson_viewed) out_.key("result").begin_object().key("completion").value(true).end_object();
        context(plan_.is_course() ? part_ids_[static_cast<std::size_t>(plan_.part_of_lesson(e.index))] : std::string(),
                false);
        end();
        return;
      case Event::Kind::quiz_submitted: quiz(static_cast<QuizKind>(e.index), e.seconds, e.attempt); return;
      case Event::Kind::module_completed: {
        begin(kCompleted, "completed");
        module_object();
        out_.key("result").begin_object();
        score(s_.posttest_score());
        out_.key("success").value(s_.passed()).key("completion").value(true);
        out_.key("duration").value(iso_duration(e.seconds));
        out_.end_object();
        context({}, true);
        end();
        // Each module of a course plan completed as a module package completes it, with its
        // part's score, inside the course: the cohort report reads both alike.
        const auto scores = part_scores(plan_, s_.state().posttest);
        for (std::size_t p = 0; p < part_ids_.size(); ++p) {
          begin(kCompleted, "completed");
          activity(part_ids_[p], kModuleType, "module:" + std::to_string(p));
          out_.key("result").begin_object();
          score(scores[p]);
          out_.key("success").value(coursepack::passed(scores[p], s_.mastery_score())).key("completion").value(true);
          out_.end_object();
          context(module_id(), false);
          end();
        }
        return;
      }
      case Event::Kind::terminated:
        begin(kTerminated, "terminated");
        module_object();
        out_.key("result").begin_object().key("duration").value(iso_duration(e.seconds)).end_object();
        context({}, true);
        end();
        return;
    }
  }

 private:
  void begin(std::string_view verb, const char* display) {
    out_.begin_object();
    out_.key("id").value(next_id());
    out_.key("actor").raw(in_.actor_json);
    out_.key("verb").begin_object().key("id").value(verb);
    out_.key("display").begin_object().key("en-US").value(display).end_object().end_object();
  }

  void end() {
    out_.key("timestamp").value(in_.timestamp);
    out_.end_object();
  }

  std::string next_id() { return used_ < in_.ids.size() ? in_.ids[used_++] : std::string(); }

  void language_map(const std::string& key) {
    out_.begin_object();
    if (auto it = plan_.texts.find(key); it != plan_.texts.end())
      for (const auto& [language, text] : it->second) out_.key(language).value(text);
    out_.end_object();
  }

  void activity(const std::string& id, std::string_view type, const std::string& name_key) {
    out_.key("object").begin_object().key("objectType").value("Activity").key("id").value(id);
    out_.key("definition").begin_object().key("type").value(type);
    out_.key("name");
    language_map(name_key);
    out_.end_object().end_object();
  }

  // The LMS names the activity it launched, so the module's statements are about that id
  // (that is how the LMS finds them). What is inside the module keeps the package's own
  // ids: the same lessons and questions, whichever LMS launched them.
  const std::string& module_id() const { return module_id_; }
  void module_object() {
    if (plan_.is_course()) activity(module_id(), kCourseType, "course");
    else activity(module_id(), kModuleType, "module");
  }

  // parent: the quiz for answers, the module for everything inside it; grouping: the
  // course (and the module, below a quiz), and the LMS's grouping activity if it gave one.
  // attempt: the post-test attempt (from 1) a statement belongs to, 0 for none.
  // `module`: a course plan's module, added to the grouping below a quiz.
  void context(const std::string& parent, bool is_module, const char* phase = nullptr, int attempt = 0,
               const std::string* module = nullptr) {
    out_.key("context").begin_object();
    if (!in_.registration.empty()) out_.key("registration").value(in_.registration);
    out_.key("contextActivities").begin_object();
    if (!is_module) {
      out_.key("parent").begin_array();
      reference(parent.empty() ? module_id() : parent);
      out_.end_array();
    }
    out_.key("grouping").begin_array();
    // A course plan's launched activity is the course itself: not twice.
    if (!parent.empty() && module_id() != plan_.iri) reference(module_id());
    if (module) reference(*module);
    reference(plan_.iri, kCourseType);
    // tincan-launch.md: the LMS's grouping activity goes into the context of every
    // statement, so that its reports can gather them. Not twice when it is one of ours.
    if (!in_.grouping.empty() && in_.grouping != plan_.iri && in_.grouping != module_id())
      reference(in_.grouping);
    out_.end_array();
    out_.end_object();
    if (!in_.platform.empty()) out_.key("platform").value(in_.platform);
    if (!in_.language.empty()) out_.key("language").value(in_.language);
    if (phase) {
      out_.key("extensions").begin_object().key(extension(plan_, "phase")).value(phase);
      if (attempt > 0) out_.key(extension(plan_, "attempt")).value(attempt);
      out_.end_object();
    }
    out_.end_object();
  }

  void reference(const std::string& id, std::string_view type = {}) {
    out_.begin_object().key("objectType").value("Activity").key("id").value(id);
    if (!type.empty()) out_.key("definition").begin_object().key("type").value(type).end_object();
    out_.end_object();
  }

  void score(const QuizScore& score) {
    out_.key("score").begin_object();
    out_.key("scaled").value(score.total ? static_cast<double>(score.correct) / score.total : 0.0);
    out_.key("raw").value(score.correct).key("min").value(0).key("max").value(score.total);
    out_.end_object();
  }

  void quiz(QuizKind kind, std::uint32_t seconds, int attempt) {
    const Answers& answers = kind == QuizKind::pretest ? s_.state().pretest : s_.state().posttest;
    for (std::size_t q = 0; q < plan_.questions.size(); ++q) {
      const PlanQuestion& question = plan_.questions[q];
      begin(kAnswered, "answered");
      out_.key("object").begin_object().key("objectType").value("Activity");
      out_.key("id").value(question_activity(plan_, static_cast<int>(q)));
      out_.key("definition").begin_object().key("type").value(kInteractionType);
      out_.key("name");
      language_map("question:" + std::to_string(q));
      out_.key("interactionType").value("choice");
      out_.key("correctResponsesPattern").begin_array().value(std::string(1, static_cast<char>('a' + question.correct))).end_array();
      out_.key("choices").begin_array();
      for (int c = 0; c < question.choices; ++c) {
        out_.begin_object().key("id").value(std::string(1, static_cast<char>('a' + c))).key("description");
        language_map("choice:" + std::to_string(q) + ":" + std::to_string(c));
        out_.end_object();
      }
      out_.end_array().end_object().end_object();
      out_.key("result").begin_object();
      if (answers[q] != kNoAnswer) out_.key("response").value(std::string(1, static_cast<char>('a' + answers[q])));
      out_.key("success").value(answers[q] == question.correct);
      out_.end_object();
      const int part = plan_.part_of_question(static_cast<int>(q));
      const std::string quiz_id = part < 0 ? quiz_activity(plan_, kind) : part_ids_[static_cast<std::size_t>(part)] + "/" + quiz_name(kind);
      // Below a module's quiz, the grouping names the module: a course plan's launched
      // activity is the course, so the module comes in as the parent's parent here.
      context(quiz_id, false, phase_name(kind), attempt, part < 0 ? nullptr : &part_ids_[static_cast<std::size_t>(part)]);
      end();
    }
    if (!plan_.is_course()) {
      const QuizScore quiz_score = kind == QuizKind::pretest ? s_.pretest_score() : s_.posttest_score();
      quiz_result(kind, quiz_score, quiz_activity(plan_, kind), plan_.texts.contains(quiz_name(kind)) ? quiz_name(kind) : "module",
                  {0, static_cast<int>(plan_.lessons.size())}, s_.posttest_score().percent - s_.pretest_score().percent,
                  seconds, attempt, nullptr);
      return;
    }
    // The course's one quiz is each module's quiz, reported on the activity the module
    // package uses with the module's own score: per-module reports merge.
    const auto scores = part_scores(plan_, answers);
    const auto pre = part_scores(plan_, s_.state().pretest), post = part_scores(plan_, s_.state().posttest);
    for (std::size_t p = 0; p < plan_.parts.size(); ++p) {
      const std::string index = std::to_string(p);
      const std::string name = quiz_name(kind) + (":" + index);
      quiz_result(kind, scores[p], part_ids_[p] + "/" + quiz_name(kind), plan_.texts.contains(name) ? name : "module:" + index,
                  {plan_.parts[p].first_lesson, plan_.parts[p].lesson_count}, post[p].percent - pre[p].percent, seconds,
                  attempt, &part_ids_[p]);
    }
  }

  struct LessonRange {
    int first, count;
  };

  // passed or failed on a quiz activity: the score, and the lessons the pre-test made
  // mandatory (within `lessons`) or the post-test's gain.
  void quiz_result(QuizKind kind, const QuizScore& quiz_score, const std::string& quiz_id, const std::string& name_key,
                   LessonRange lessons, int gain, std::uint32_t seconds, int attempt, const std::string* module) {
    const bool success = coursepack::passed(quiz_score, s_.mastery_score());
    begin(success ? kPassed : kFailed, success ? "passed" : "failed");
    activity(quiz_id, kAssessmentType, name_key);
    out_.key("result").begin_object();
    score(quiz_score);
    out_.key("success").value(success).key("completion").value(true);
    out_.key("duration").value(iso_duration(seconds));
    out_.key("extensions").begin_object();
    if (kind == QuizKind::pretest) {
      out_.key(extension(plan_, "recommended-lessons")).begin_array();
      const auto required = s_.mandatory();
      for (int i = lessons.first; i < lessons.first + lessons.count; ++i)
        if (required[static_cast<std::size_t>(i)]) out_.value(lesson_activity(plan_, i));
      out_.end_array();
    } else {
      out_.key(extension(plan_, "gain")).value(gain);
    }
    out_.end_object().end_object();
    context(module ? *module : std::string(), false, phase_name(kind), attempt);
    end();
  }

  const PlayerSession& s_;
  const ModulePlan& plan_;
  const StatementInputs& in_;
  const std::string module_id_;
  std::vector<std::string> part_ids_;  // a course plan's module activities, by part
  JsonWriter out_;
  std::size_t used_ = 0;
};

}  // namespace

std::string module_activity(const ModulePlan& plan) {
  return plan.is_course() ? plan.iri : plan.iri + "/modules/" + plan.module_id;
}
std::string part_activity(const ModulePlan& plan, int part) {
  return plan.iri + "/modules/" + plan.parts[static_cast<std::size_t>(part)].module_id;
}
std::string lesson_activity(const ModulePlan& plan, int lesson) {
  return plan.iri + "/modules/" + plan.module_of_lesson(lesson) + "/lessons/" + plan.lessons[static_cast<std::size_t>(lesson)];
}
std::string quiz_activity(const ModulePlan& plan, QuizKind kind) { return module_activity(plan) + "/" + quiz_name(kind); }
std::string question_activity(const ModulePlan& plan, int question) {
  return plan.iri + "/modules/" + plan.module_of_question(question) + "/questions/" +
         plan.questions[static_cast<std::size_t>(question)].id;
}
std::string extension(const ModulePlan& plan, std::string_view name) {
  return plan.iri + "/extensions/" + std::string(name);
}

std::string iso_duration(std::uint32_t seconds) {
  std::string out = "PT";
  if (seconds >= 3600) out += std::to_string(seconds / 3600) + "H";
  if (seconds % 3600 >= 60) out += std::to_string(seconds % 3600 / 60) + "M";
  if (seconds % 60 || seconds == 0) out += std::to_string(seconds % 60) + "S";
  return out;
}

std::size_t statement_count(const PlayerSession& session, const std::vector<Event>& events) {
  std::size_t count = 0;
  const ModulePlan& plan = session.plan();
  // A course plan: one quiz result per module, one "completed" per module with the course's.
  const std::size_t results = plan.is_course() ? plan.parts.size() : 1;
  for (const auto& e : events)
    count += e.kind == Event::Kind::quiz_submitted     ? plan.questions.size() + results
             : e.kind == Event::Kind::module_completed ? 1 + plan.parts.size()
                                                       : 1;
  return count;
}

std::string statements_json(const PlayerSession& session, const std::vector<Event>& events,
                            const StatementInputs& inputs) {
  StatementWriter writer(session, inputs);
  for (const auto& e : events) writer.event(e);
  return writer.finish();
}

}  // namespace coursepack::xapi
