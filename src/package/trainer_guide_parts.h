#pragma once
// Internal to the trainer guide: the context its sections share, and the sessions
// section (trainer_guide_sessions.cc), which is the longest.

#include <map>
#include <string>
#include <string_view>

#include "coursepack/core/course.h"
#include "coursepack/package/ui_strings.h"

namespace coursepack::guide {

struct Context {
  const Course& course;  // typeset
  std::string language;
  UiStrings strings;

  /// The interface string `key`, filled, typeset and escaped.
  std::string label(std::string_view key, const std::map<std::string, std::string>& values = {}) const;
  /// `text` in the guide's language, escaped.
  std::string text(const LanguageMap& map) const;
  /// "12 min", typeset and escaped.
  std::string minutes(int n) const;
};

/// "Lesson title (2-1-3)" for a lesson id, escaped; the id alone if no lesson has it.
std::string lesson_reference(const Context& context, const std::string& lesson_id);

/// Every live session, each on a page of its own when printed.
std::string sessions_section(const Context& context);

/// What a learner needs for the certificate, as list items (sessions, modules, attempts).
std::string certification_rules(const Context& context);

}  // namespace coursepack::guide
