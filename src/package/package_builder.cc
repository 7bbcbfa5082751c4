#include "coursepack/package/package_builder.h"

#include <cmark-gfm-core-extensions.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

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

// One module's SCO, or (`module` null) the course-level path: one SCO, one page running
// every module's pre-test, lessons and post-test (render_course_page).
PackageFiles scorm12_files(const Course& course, const Module* module, const std::string& language) {
  PackageFiles files;
  add_player_files(files);
  add_scorm12_schemas(files);
  if (module) {
    render_module_pages(course, *module, language, "", files);
    add_module_media(course, *module, language, "", files);
  } else {
    render_course_page(course, language, files);
    for (const auto& each : course.modules) add_module_media(course, each, language, "", files);
  }
  files["imsmanifest.xml"] = scorm12_manifest(course, {{module, "index.html"}}, language, files);
  return files;
}

// TinCan launch: tincan.xml at the root and the same player, which reads the launch
// parameters instead of looking for a SCORM API.
PackageFiles xapi_files(const Course& course, const Module& module, const std::string& language) {
  PackageFiles files;
  add_player_files(files);
  render_module_pages(course, module, language, "", files);
  add_module_media(course, module, language, "", files);
  files["tincan.xml"] = tincan_manifest(course, module, language, "index.html");
  return files;
}

// The files of the package `name` of `course` (typeset), ready to zip.
PackageFiles package_files(const Course& course, const PackageName& name) {
  const Module* module = nullptr;
  for (const auto& each : course.modules)
    if (each.id == name.module_id) module = &each;
  if (name.format == format_name(PackageFormat::xapi)) return xapi_files(course, *module, name.language);
  return scorm12_files(course, module, name.language);
}

// What every package shares, compressed once per build (SharedEntries).
PackageFiles shared_files() {
  PackageFiles files;
  add_player_files(files);
  add_scorm12_schemas(files);
  return files;
}

BuiltPackage make_package(const Course& course, const PackageName& name, ZipMaker& zip, std::string& error) {
  BuiltPackage package{name.file_name, name.course_id, name.module_id, name.language, name.format, {}, 0};
  ZipResult result = zip.make(package_files(course, name));
  if (!result.error.empty()) error = package.file_name + ": " + result.error;
  package.size = result.bytes.size();
  package.bytes = std::move(result.bytes);
  return package;
}

std::vector<std::string> format_names(const BuildOptions& options) {
  std::vector<std::string> names;
  for (PackageFormat format : options.formats) names.push_back(format_name(format));
  return names;
}

// One course of a catalog build: typeset by the first worker that needs it, freed when
// its last package is made, so that at most about `jobs` courses are held typeset.
struct CourseSlot {
  std::once_flag typeset_once;
  std::unique_ptr<Course> typeset;
  std::string error;  // the course could not be loaded again
  std::atomic<std::size_t> remaining{0};
};

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

std::vector<PackageName> plan_packages(const Course& course, const BuildOptions& options) {
  return course_package_names(course, options.languages, format_names(options), options.per_course);
}

std::string package_name_clash_message(const std::vector<PackageName>& names) {
  const auto clashes = find_package_name_clashes(names);
  if (clashes.empty()) return {};
  const PackageName& first = names[clashes.front().first];
  const PackageName& second = names[clashes.front().second];
  return "two packages would both be named " + second.file_name + ": " + describe_package(first) + " and " +
         describe_package(second) + "; rename a course or module id";
}

BuildResult build_course_packages(const Course& source, const BuildOptions& options) {
  // Every text a learner reads is typeset once here; lessons are typeset as they render.
  const Course course = typeset_course(source);
  const SharedEntries shared(shared_files());
  ZipMaker zip(&shared);
  BuildResult result;
  for (const auto& name : plan_packages(course, options)) {
    result.packages.push_back(make_package(course, name, zip, result.error));
    if (!result.error.empty()) return {{}, result.error};
  }
  return result;
}

BuildResult build_catalog(const std::vector<Course>& courses, const BuildOptions& options, unsigned jobs,
                          const PackageSink& sink) {
  std::vector<std::vector<PackageName>> plans;
  for (const auto& course : courses) plans.push_back(plan_packages(course, options));
  const CourseLoader load = [&](std::size_t index, std::string&) { return std::optional<Course>(courses[index]); };
  return build_catalog(plans, options, load, jobs, sink);
}

BuildResult build_catalog(const std::vector<std::vector<PackageName>>& plans, const BuildOptions& options,
                          const CourseLoader& load, unsigned jobs, const PackageSink& sink) {
  struct Job {
    std::size_t course;
    const PackageName* name;
  };
  std::vector<Job> plan;
  std::vector<PackageName> names;
  auto slots = std::make_unique<CourseSlot[]>(plans.size());
  for (std::size_t c = 0; c < plans.size(); ++c)
    for (const auto& name : plans[c]) {
      names.push_back(name);
      plan.push_back({c, &name});
      ++slots[c].remaining;
    }
  if (auto clash = package_name_clash_message(names); !clash.empty()) return {{}, clash};

  const SharedEntries shared(shared_files());
  // cmark-gfm registers its extensions in a global list, unguarded: once, before any worker.
  cmark_gfm_core_extensions_ensure_registered();
  std::vector<BuiltPackage> built(plan.size());
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex error_mutex;
  std::string first_error;
  std::size_t first_error_at = plan.size();
  // Workers take the packages in plan order; the lowest failing one is reported, so that
  // the message does not depend on the number of threads.
  const auto work = [&] {
    ZipMaker zip(&shared);
    for (std::size_t i; !failed && (i = next++) < plan.size();) {
      const Job& job = plan[i];
      CourseSlot& slot = slots[job.course];
      std::call_once(slot.typeset_once, [&] {
        std::optional<Course> course = load(job.course, slot.error);
        if (!course) return;
        std::vector<std::string> planned, loaded;
        for (const auto& name : plans[job.course]) planned.push_back(name.file_name);
        for (const auto& name : plan_packages(*course, options)) loaded.push_back(name.file_name);
        if (planned != loaded) slot.error = "course " + plans[job.course].front().course_id + " changed during the build";
        else slot.typeset = std::make_unique<Course>(typeset_course(*course));
      });
      std::string error = slot.error;
      BuiltPackage package = slot.typeset ? make_package(*slot.typeset, *job.name, zip, error) : BuiltPackage{};
      if (--slot.remaining == 0) slot.typeset.reset();
      BuiltPackage listed{package.file_name, package.course_id, package.module_id, package.language, package.format, {},
                          package.size};
      if (error.empty()) error = sink(std::move(package));
      if (!error.empty()) {
        std::lock_guard lock(error_mutex);
        if (i < first_error_at) first_error_at = i, first_error = error;
        failed = true;
        continue;
      }
      built[i] = std::move(listed);
    }
  };
  std::vector<std::jthread> workers;
  for (unsigned t = 1; t < std::max(1u, jobs); ++t) workers.emplace_back(work);
  work();
  workers.clear();  // joins
  if (failed) return {{}, first_error};
  return {std::move(built), {}};
}

}  // namespace coursepack
