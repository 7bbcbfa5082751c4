#pragma once
// imsmanifest.xml for SCORM 1.2, one SCO per module, or one for the course-level path.

#include <string>
#include <vector>

#include "coursepack/core/course.h"
#include "coursepack/package/module_pages.h"

namespace coursepack {

/// One SCO of the manifest: a module and where its launch page is.
struct ScormItem {
  const Module* module;  // null: the course-level path (every module in one SCO)
  std::string launch;  // e.g. "index.html" or "2-1/index.html"
};

/// The manifest for `items` in `language`, listing every file of `files` in the
/// resource of the item whose folder holds it (shared root files go to every resource).
/// The adlcp: prefix is written literally: Moodle matches the prefix, not the namespace.
std::string scorm12_manifest(const Course& course, const std::vector<ScormItem>& items,
                             const std::string& language, const PackageFiles& files);

/// The SCORM 1.2 schema files the manifest's schemaLocation names, added at the root.
void add_scorm12_schemas(PackageFiles& files);

}  // namespace coursepack
