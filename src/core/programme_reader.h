#pragma once
// Reads the programme parts of course.json (live-session plans, credits, certification)
// into the model. Internal to the core: called by course_reader.cc on a document that
// passed every check, so types and vocabularies are known.

#include <nlohmann/json.hpp>

#include "coursepack/core/course.h"

namespace coursepack {

/// One item of live_sessions.
LiveSession read_live_session(const nlohmann::json& json);

/// Sets course.credits and course.certification when the document has them.
void read_credits_and_certification(const nlohmann::json& document, Course& course);

}  // namespace coursepack
