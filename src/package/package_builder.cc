#include "coursepack/package/package_builder.h"

#include <algorithm>

#include "coursepack/core/lesson_media.h"
#include "coursepack/core/typography.h"
#include "coursepack/package/html.h"
#include "coursepack/package/module_pages.h"
#include "coursepack/package/scorm12_manifest.h"
#include "coursepack/package/tincan_manifest.h"
#include "coursepack/package/zip_archive.h"

namespace coursepack {
namespace {

// The images and files the module's lessons reference in `language`, where its page
// (in `prefix`) finds them; the manifest then lists them with the module's files.
void add_module_media(const Course& course, const Module& module, const std::string& language,
                      const std::string& prefix, PackageFiles& files) {
  for (const auto& lesson : module.lessons) {
    const auto file = lesson.file.find(language);
    const auto text = lesson.markdown.find(language);
    if (file == lesson.file.end() || text == lesson.markdown.end()) continue;
    for (const auto& reference : find_media(text->second)) {
      const MediaPath media = resolve_media(file->second, reference.url);
      if (!media.local || !media.error.empty()) continue;
      if (const auto content = course.media.find(media.path); content != course.media.end())
        files[prefix + media_package_path(media.path)] = content->second;
    }
  }
}

// Names and zips a package. `module_id` is empty for a whole-course package.
BuiltPackage zip_package(const Course& course, const std::string& module_id, const std::string& language,
                         PackageFormat format, const PackageFiles& files, std::string& error) {
  BuiltPackage package;
  package.course_id = course.id;
  package.module_id = module_id;
  package.language = language;
  package.format = format_name(format);
  package.file_name =
      course.id + "_" + (module_id.empty() ? "" : module_id + "_") + language + "_" + package.format + ".zip";
  ZipResult zip = make_zip(files);
  if (!zip.error.empty()) error = package.file_name + ": " + zip.error;
  package.bytes = std::move(zip.bytes);
  return package;
}

BuiltPackage scorm12_package(const Course& course, const std::vector<const Module*>& modules,
                             const std::string& language, bool whole_course, std::string& error) {
  PackageFiles files;
  add_player_files(files);
  add_scorm12_schemas(files);
  std::vector<ScormItem> items;
  for (const Module* module : modules) {
    // A whole-course package keeps each module in its own folder.
    const std::string prefix = whole_course ? module->id + "/" : "";
    render_module_pages(course, *module, language, prefix, files);
    add_module_media(course, *module, language, prefix, files);
    items.push_back({module, prefix + "index.html"});
  }
  files["imsmanifest.xml"] = scorm12_manifest(course, items, language, files);
  return zip_package(course, whole_course ? "" : modules.front()->id, language, PackageFormat::scorm12, files, error);
}

// TinCan launch: tincan.xml at the root and the same player, which reads the launch
// parameters instead of looking for a SCORM API.
BuiltPackage xapi_package(const Course& course, const Module& module, const std::string& language,
                          std::string& error) {
  PackageFiles files;
  add_player_files(files);
  render_module_pages(course, module, language, "", files);
  add_module_media(course, module, language, "", files);
  files["tincan.xml"] = tincan_manifest(course, module, language, "index.html");
  return zip_package(course, module.id, language, PackageFormat::xapi, files, error);
}

}  // namespace

std::string format_name(PackageFormat format) {
  switch (format) {
    case PackageFormat::scorm12: return "scorm12";
    case PackageFormat::xapi: return "xapi";
  }
  return "";
}

std::optional<PackageFormat> format_from_name(std::string_view name) {
  for (PackageFormat format : {PackageFormat::scorm12, PackageFormat::xapi})
    if (format_name(format) == name) return format;
  return std::nullopt;
}

BuildResult build_course_packages(const Course& source, const BuildOptions& options) {
  // Every text a learner reads is typeset once here; lessons are typeset as they render.
  const Course course = typeset_course(source);
  BuildResult result;
  std::vector<std::string> languages;
  if (options.languages.empty()) {
    languages = course.languages;
  } else {
    for (const auto& language : options.languages) {
      if (std::find(course.languages.begin(), course.languages.end(), language) != course.languages.end())
        languages.push_back(language);
    }
    if (languages.empty()) return result;  // this course has none of the asked languages
  }

  for (PackageFormat format : options.formats) {
    for (const auto& language : languages) {
      for (const auto& module : course.modules) {
        result.packages.push_back(format == PackageFormat::xapi
                                      ? xapi_package(course, module, language, result.error)
                                      : scorm12_package(course, {&module}, language, false, result.error));
        if (!result.error.empty()) return {{}, result.error};
      }
      // TinCan allows one launchable activity per package: whole-course packages are SCORM.
      if (options.per_course && format == PackageFormat::scorm12) {
        std::vector<const Module*> modules;
        for (const auto& module : course.modules) modules.push_back(&module);
        result.packages.push_back(scorm12_package(course, modules, language, true, result.error));
        if (!result.error.empty()) return {{}, result.error};
      }
    }
  }
  return result;
}

}  // namespace coursepack
