#pragma once
// What the player needs to know of one module to score and guide a learner: ids, the
// shape of the quiz and the answer key, the thresholds. Built from the Course at package
// time, shipped as text inside the package, read back by the runtime. (Plain lines, not
// JSON: the runtime then needs no JSON parser, which would double its size.)

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "coursepack/core/course.h"

namespace coursepack {

struct PlanQuestion {
  std::string id;
  int choices = 0;           // 2..26
  int correct = 0;           // index of the correct choice
  std::vector<int> lessons;  // indexes of the lessons it tests
};

/// One module inside a course plan: where its lessons and questions sit in the plan's lists.
/// The course's pre-test threshold and mastery score apply to each part (a module cannot
/// override them in the course format).
struct PlanPart {
  std::string module_id;
  int first_lesson = 0, lesson_count = 0, first_question = 0, question_count = 0;

  bool operator==(const PlanPart&) const = default;
};

struct ModulePlan {
  std::string course_id;
  std::string module_id;  // empty in a course plan
  std::string iri;       // the course's base IRI: activity ids are built under it
  std::string language;  // the package's language (xAPI context.language); set by the packager
  std::vector<std::string> lessons;  // lesson ids, in order
  std::vector<PlanQuestion> questions;
  int pretest_threshold = 0;  // percent
  int mastery_score = 0;      // percent
  int max_attempts = 0;       // post-test attempts allowed; 0: retake until passed
  /// Texts for xAPI activity definitions, by key then language. Keys: "course",
  /// "module", "lesson:<i>", "question:<i>", "choice:<q>:<c>" (indexes from 0), and
  /// "pretest"/"posttest" (added by the packager, which knows the interface strings).
  std::map<std::string, LanguageMap> texts;
  /// A course plan (the course-level path): one part per module, in order, covering the
  /// lessons and questions exactly. Empty for a module plan. In a course plan the "module"
  /// text is absent; "module:<part>" holds each module's title.
  std::vector<PlanPart> parts;

  bool is_course() const { return !parts.empty(); }
  /// The part holding lesson `lesson` (question `question`); -1 in a module plan.
  int part_of_lesson(int lesson) const;
  int part_of_question(int question) const;
  /// The module id of a lesson or question: its part's in a course plan, else module_id.
  const std::string& module_of_lesson(int lesson) const;
  const std::string& module_of_question(int question) const;

  /// A 32-bit digest of everything a saved state depends on (ids, counts, keys): saved
  /// progress from another module, or from before the quiz changed, is refused.
  std::uint32_t fingerprint() const;
};

/// The plan of `module`, a module of `course` (validated, so every reference resolves).
ModulePlan make_module_plan(const Course& course, const Module& module);

/// The plan of the course-level path: every module's lessons and questions in course order
/// (one pre-test, the lessons, one post-test), one part per module. Question ids stay as
/// authored (they repeat across modules); a question's module is its part's.
ModulePlan make_course_plan(const Course& course);

/// The plan as lines of space-separated words:
///   coursepack-plan 1
///   course <id>
///   module <id>
///   thresholds <pretest threshold> <mastery score>
///   lessons <id> <id> ...
///   question <id> <choices> <correct index> <lesson index>,<lesson index>...   (one per question)
///   iri <course base IRI>
///   language <package language>
///   attempts <post-test attempts allowed>                                    (absent: 0, until passed)
///   part <module id> <first lesson> <lesson count> <first question> <question count>  (course plans, in order)
///   text <key> <language> <text>                                            (any number)
/// Every id, the IRI, the language and each text are escaped: \\ \n, \s for a space (but
/// in the text, the last field), \xHH for "<" and any other control character. A plan line
/// therefore never holds a raw control character, whatever the course source held, and
/// decode_plan refuses one that does (and a second iri or language line), and parts that
/// overlap, leave a gap, go past the lists, or hold a question testing another part's lesson.
std::string encode_plan(const ModulePlan& plan);

struct ModulePlanResult {
  ModulePlan plan;
  std::string error;  // empty on success
};

/// Reads what encode_plan wrote; anything else gives an error, never a throw.
ModulePlanResult decode_plan(std::string_view text);

}  // namespace coursepack
