#pragma once
// Language-aware typography applied at build time to every text a learner reads: course and
// quiz texts, and the text nodes of lessons (never code, URLs or attribute values, which
// the caller keeps out). Pure: UTF-8 in, UTF-8 out.

#include <span>
#include <string>
#include <string_view>

#include "coursepack/core/course.h"

namespace coursepack {

/// One rule of a language's table. `apply` rewrites a text held as code points; `context`
/// is the code point that precedes the text in the document (0 at a block's start), so a
/// text node that starts with a quote knows whether it opens or closes.
struct TypographyRule {
  const char* name;     // e.g. "space-before-colon"; also the row name in docs/course-format.md
  const char* example;  // what it does, "a : b -> a\u00A0: b"
  void (*apply)(std::u32string& text, char32_t context);
};

/// The rules for `language`, chosen by its primary subtag ("fr-BE" uses French), in the
/// order they run; empty for a language without a table (its texts are left as written).
std::span<const TypographyRule> typography_rules(std::string_view language);

/// `text` with the rules of `language` applied. Invalid UTF-8 is returned unchanged (the
/// validator already refused it in sources; this only guards other callers).
std::string typeset(std::string_view text, std::string_view language, char32_t context = 0);

/// The last code point of `text` (0 when empty or invalid): the context of the next text.
char32_t last_code_point(std::string_view text);

/// A copy of `course` whose texts in every language (titles, descriptions, audience,
/// outcomes, live sessions and their plans, trainers' bios, credits, certification, lesson
/// titles, quiz prompts, choices and feedback) are typeset. Lesson Markdown is left alone: the renderer typesets its text
/// nodes, where code and URLs are told apart.
Course typeset_course(const Course& course);

}  // namespace coursepack
