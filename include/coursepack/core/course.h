#pragma once
// The course model: what a validated course.json and its lessons hold.

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace coursepack {

/// Text by language tag ("fr" -> "...").
using LanguageMap = std::map<std::string, std::string>;

struct Outcome {
  std::string id;
  LanguageMap text;
  std::string digcomp;  // DigComp 2.2 competence id, e.g. "2.4"
};

// What a live session is for and where it happens: the seed's three sessions (launch,
// practice, final) and any other. Names as in course.json.
enum class SessionKind { launch, practice, final, other };
enum class SessionMode { in_person, online, either };

struct AgendaItem {
  int minutes = 0;
  LanguageMap title;
  LanguageMap description;  // may be empty
};

struct Activity {
  std::string kind;  // ice_breaker, expert_input, qa, challenge, tool, scenario, round_table, assessment
  LanguageMap title;
  LanguageMap instructions;
  std::vector<std::string> lessons;  // lesson ids of the course it draws on
  int minutes = 0;                   // 0: not given
  std::vector<LanguageMap> roles;    // scenario roles
  std::vector<LanguageMap> debrief;  // debrief questions
};

struct LiveSession {
  std::string id;
  LanguageMap title;
  LanguageMap description;  // may be empty
  int minutes = 0;
  std::string after_module;  // empty: before the first module
  SessionKind kind = SessionKind::other;
  SessionMode mode = SessionMode::either;
  std::vector<AgendaItem> agenda;  // minutes add up to `minutes` when given
  LanguageMap preparation;         // what learners prepare; may be empty
  std::vector<Activity> activities;
  std::vector<LanguageMap> materials;
};

struct Author {
  std::string name;
  std::string organisation;  // may be empty
  LanguageMap role;          // may be empty
};

struct Contact {
  std::string name, email, url;  // each may be empty, not all three
};

struct Credits {
  std::string license;    // SPDX id from licenses.h
  std::vector<Author> authors;
  std::string copyright;  // may be empty, e.g. "2026 SETS partnership"
  LanguageMap funding;    // funding disclaimer; may be empty
  Contact contact;
};

struct Certification {
  int min_sessions_attended = 0;
  bool all_modules_passed = false;
  LanguageMap text;  // the rule as learners and trainers read it
};

struct Trainer {
  std::string name;
  LanguageMap bio;  // may be empty
};

struct Lesson {
  std::string id;
  LanguageMap title;
  // A region variant without a file of its own ("fr-BE") has its base language's path.
  std::map<std::string, std::string> file;      // language -> path relative to the course
  // The file as a reader in that language sees it: country passages replaced by their
  // variants for the language (lesson_variants.h), line numbers unchanged.
  std::map<std::string, std::string> markdown;  // language -> file content (valid UTF-8)
  int minutes = 0;                              // 0: not given
  std::string country;                          // written for one country ("FR"), or ""
  std::vector<std::string> adapted_for;         // countries whose partners adapted it
};

struct Choice {
  LanguageMap text;
  bool correct = false;
};

struct Question {
  std::string id;
  std::vector<std::string> tests;  // lesson ids of the same module
  LanguageMap prompt;
  std::vector<Choice> choices;     // exactly one correct
  LanguageMap feedback;            // may be empty
  std::string country;             // tests one country's rules ("FR"), or ""
  std::vector<std::string> adapted_for;

  /// Position of the correct choice (validation guarantees there is one).
  std::size_t correct_choice() const;
};

struct Module {
  std::string id;
  LanguageMap title;
  LanguageMap description;  // may be empty
  std::vector<std::string> outcomes;
  std::vector<Lesson> lessons;
  std::vector<Question> quiz;
  int attempts = -1;  // post-test attempts allowed; -1: the course's assessment.attempts

  int minutes() const;  // sum of the lessons' minutes
};

struct Workload {
  int online_minutes = 0;
  int self_study_minutes = 0;
  int live_minutes = 0;
};

struct Assessment {
  int questions_per_module = 0;
  int pretest_threshold = 0;  // percent
  int mastery_score = 0;      // percent
  int attempts = 0;           // post-test attempts allowed; 0: retake until passed
};

struct Course {
  std::string id;
  std::string iri;  // no trailing slash
  // First: the source language. A region variant ("fr-BE") whose base language ("fr") is
  // also listed inherits every text it does not give: its language maps are complete.
  std::vector<std::string> languages;
  LanguageMap title;
  LanguageMap description;
  LanguageMap audience;
  int eqf_level = 0;
  int duration_minutes = 0;
  Workload workload;
  std::vector<Outcome> outcomes;
  std::vector<LiveSession> live_sessions;
  std::vector<Trainer> trainers;
  std::optional<Credits> credits;
  std::optional<Certification> certification;
  Assessment assessment;
  std::vector<Module> modules;
  std::map<std::string, std::string> media;  // course-relative path -> content of each file lessons reference

  const Outcome* find_outcome(const std::string& outcome_id) const;
  /// The lesson with `lesson_id` in any module, or nullptr.
  const Lesson* find_lesson(const std::string& lesson_id) const;
};

}  // namespace coursepack
