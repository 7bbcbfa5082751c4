#pragma once
// HTML fragments about the course around its modules: the About screen (licence,
// authors, funding, contact) and the live sessions near a module (when, mode, what to
// prepare). The player shows them; the trainer guide reuses the pieces. Texts are used as
// given: pass a typeset course (typeset_course), as build_course_packages does. Every
// text is escaped; nothing here fails.

#include <string>

#include "coursepack/core/course.h"
#include "coursepack/package/ui_strings.h"

namespace coursepack {

/// The About screen's content in `language`: a heading at `heading_level` (2..5), the
/// course title, the licence linked to its deed or SPDX page (new window,
/// rel="noopener noreferrer"), copyright, authors, the funding disclaimer and the contact.
/// Only the course title when the course has no credits.
std::string about_screen_html(const Course& course, const std::string& language, int heading_level = 2);

/// The live sessions just before `module` (after the previous module, or at the start for
/// the first) and just after it, each with when it falls, its mode and length, and what
/// learners prepare. Empty when no session is next to the module.
std::string live_sessions_html(const Course& course, const Module& module, const std::string& language,
                               int heading_level = 2);

/// "At the start, before module “T”" or "After module “T”": when `session` falls; typeset
/// plain text (escape it).
std::string session_when_text(const Course& course, const LiveSession& session, const std::string& language,
                              const UiStrings& strings);
/// "In person", "Online", "In person or online"; typeset plain text.
std::string session_mode_text(SessionMode mode, const std::string& language, const UiStrings& strings);
/// The licence of `license_id`, linked to its page when it has one; escaped HTML.
std::string license_html(const std::string& license_id, const UiStrings& strings);
/// "Name, organisation (role)" per author, as list items; escaped HTML.
std::string authors_html(const Course& course, const std::string& language);
/// The contact: name, e-mail as a mailto: link, address as a link; escaped HTML, "" if none.
std::string contact_html(const Contact& contact, const UiStrings& strings);

/// `text[language]`, or "" when the map lacks it.
const std::string& in_language(const LanguageMap& text, const std::string& language);

}  // namespace coursepack
