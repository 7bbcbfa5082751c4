#pragma once
// The files a lesson references (images, and local files it links to, such as a PDF): where
// they are in the course folder, and the located errors when one cannot be packaged.
// Finding the references needs a Markdown parser, which the core does not link: the
// package library finds them (find_media in coursepack/package/html.h) and passes them here.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "coursepack/core/course_reader.h"
#include "coursepack/core/diagnostic.h"

namespace coursepack {

/// One image or link of a lesson, as the Markdown wrote it.
struct MediaReference {
  std::string url;        // as written (entities decoded), e.g. "images/chart.png"
  TextPosition position;  // of the `![` or `[` in the lesson file; columns count characters
  bool image = false;
  bool has_alt = false;   // images: the description between the brackets is not blank
};

/// Where a reference points. `local` is false for a URL with a scheme ("https:",
/// "mailto:"), a network path ("//host") or a fragment ("#part"): those are left as written.
struct MediaPath {
  bool local = false;
  std::string path;   // local: relative to the course folder, normalized ("lessons/en/a.png")
  std::string error;  // local and refused: absolute, or climbing out of the course folder
};

/// Resolves `url` against the folder of `lesson_file` (a course-relative path). The query
/// and fragment are dropped and percent-escapes decoded before looking at the path.
MediaPath resolve_media(std::string_view lesson_file, std::string_view url);

/// Checks the references of the lesson file `lesson_file` (course-relative), reported as
/// `display_file` (e.g. "samples/x/lessons/en/a.md"): an image without alt text, a local file
/// that is missing, not a file, or outside the course folder are errors appended to `out`.
/// Each local file that passes is read into `media`, keyed by its course-relative path.
void check_lesson_media(const std::string& display_file, std::string_view lesson_file,
                        const std::vector<MediaReference>& references, const SourceFiles& files,
                        std::vector<Diagnostic>& out, std::map<std::string, std::string>& media);

}  // namespace coursepack
