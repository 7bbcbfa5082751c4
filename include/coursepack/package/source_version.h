#pragma once
// The source version a SCORM package carries where Moodle's web services show it: in the
// manifest identifier (mod_scorm_get_scorm_scoes gives it for every SCO; Moodle shows
// neither the manifest's `version` attribute nor its <metadata>). `coursepack moodle
// sync` reads it back to refuse attempts made on a package built from another source
// (docs/moodle.md). Header-only: the packager writes it, sync parses it, one definition.

#include <cstdint>
#include <string>
#include <string_view>

#include "coursepack/core/module_plan.h"

namespace coursepack {

/// The source version of a package: a 32-bit digest (FNV-1a) of everything replaying an
/// attempt depends on, as 8 lowercase hex digits: the plan's fingerprint
/// (ModulePlan::fingerprint(): ids, counts, answer key, parts, what the saved progress is
/// checked against) and what the learning path and scoring read besides: the lessons each
/// question tests, the pre-test threshold, the mastery score and the attempts allowed.
/// Texts and language are not in it: a corrected typo keeps the version.
inline std::string source_version(const ModulePlan& plan) {
  std::uint32_t hash = 2166136261u;
  const auto add = [&](std::int64_t value) {
    for (const char c : std::to_string(value) + ";") {
      hash ^= static_cast<unsigned char>(c);
      hash *= 16777619u;
    }
  };
  add(plan.fingerprint());
  add(plan.pretest_threshold);
  add(plan.mastery_score);
  add(plan.max_attempts);
  for (const auto& question : plan.questions) {
    add(-1);  // a separator: lessons [1][2] differ from [1,2]
    for (const int lesson : question.lessons) add(lesson);
  }
  constexpr char kDigits[] = "0123456789abcdef";
  std::string out(8, '0');
  for (int i = 7; i >= 0; --i, hash >>= 4) out[static_cast<std::size_t>(i)] = kDigits[hash & 0xf];
  return out;
}

/// The identifier of a package built before versions: "MANIFEST-<course>-<module>-<language>",
/// or "MANIFEST-<course>-<language>" for a whole-course package (`module` empty).
inline std::string manifest_name(std::string_view course, std::string_view module, std::string_view language) {
  std::string out = "MANIFEST-" + std::string(course);
  if (!module.empty()) out += "-" + std::string(module);
  return out + "-" + std::string(language);
}

/// The manifest identifier: the name above, then ".v" and the version
/// (MANIFEST-sets-1-1-1-fr.v0a1b2c3d). "." appears in no course id, module id or language
/// tag (course_schema.cc), so the version is whatever follows the last "."; the whole is
/// still an xs:ID (NCName), as the SCORM 1.2 schema requires.
inline std::string manifest_identifier(std::string_view course, std::string_view module, std::string_view language,
                                       std::string_view version) {
  return manifest_name(course, module, language) + ".v" + std::string(version);
}

/// A manifest identifier split into what names the package and its source version.
/// Packages built before versions (no ".v<8 hex>" suffix) give an empty version.
struct ManifestIdentifier {
  std::string name;     // e.g. MANIFEST-sets-1-1-1-fr
  std::string version;  // e.g. 0a1b2c3d, or "" when the package carries none
};

inline ManifestIdentifier parse_manifest_identifier(std::string_view identifier) {
  const auto dot = identifier.rfind(".v");
  if (dot == std::string_view::npos || identifier.size() - dot != 10) return {std::string(identifier), {}};
  for (char c : identifier.substr(dot + 2))
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return {std::string(identifier), {}};
  return {std::string(identifier.substr(0, dot)), std::string(identifier.substr(dot + 2))};
}

}  // namespace coursepack
