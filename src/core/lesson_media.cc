#include "coursepack/core/lesson_media.h"

#include <algorithm>

namespace coursepack {
namespace {

bool has_scheme(std::string_view url) {
  // RFC 3986, 3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
  const auto colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    const char c = url[i];
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!alpha && (i == 0 || !((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))) return false;
  }
  return true;
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
      out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

}  // namespace

MediaPath resolve_media(std::string_view lesson_file, std::string_view url) {
  MediaPath result;
  if (url.empty() || url.front() == '#' || url.starts_with("//") || has_scheme(url)) return result;
  result.local = true;
  const std::string path = percent_decoded(url.substr(0, url.find_first_of("?#")));
  if (path.empty()) {
    result.local = false;  // "?x" alone: the page itself
    return result;
  }
  if (path.front() == '/') {
    result.error = "is an absolute path; write it relative to the lesson file";
    return result;
  }
  if (path.find('\\') != std::string::npos) {
    result.error = "uses \\; separate folders with /";
    return result;
  }
  std::vector<std::string> parts;
  const std::string_view folder = lesson_file.substr(0, lesson_file.rfind('/') + 1);
  const std::string full = std::string(folder) + path;
  std::size_t start = 0;
  while (start <= full.size()) {
    const std::size_t end = std::min(full.find('/', start), full.size());
    const std::string part = full.substr(start, end - start);
    if (part == "..") {
      if (parts.empty()) {
        result.error = "is outside the course folder";
        return result;
      }
      parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = end + 1;
  }
  for (const auto& part : parts) result.path += (result.path.empty() ? "" : "/") + part;
  return result;
}

void check_lesson_media(const std::string& display_file, std::string_view lesson_file,
                        const std::vector<MediaReference>& references, const SourceFiles& files,
                        std::vector<Diagnostic>& out, std::map<std::string, std::string>& media) {
  for (const auto& reference : references) {
    const std::string what = std::string(reference.image ? "image " : "linked file ") + quoted(reference.url);
    const auto report = [&](std::string message) {
      keep_diagnostic(out, {display_file, reference.position, "", std::move(message)});
    };
    if (reference.image && !reference.has_alt)
      report(what + " has no alt text: describe it between the brackets, ![what it shows](" + reference.url + ")");
    const MediaPath resolved = resolve_media(lesson_file, reference.url);
    if (!resolved.local) continue;
    if (!resolved.error.empty()) {
      report(what + " " + resolved.error);
      continue;
    }
    if (media.contains(resolved.path)) continue;
    SourceFiles::File file = files.read(resolved.path);
    switch (file.status) {
      case SourceFiles::Status::missing: report(what + " does not exist: no file " + quoted(resolved.path)); break;
      case SourceFiles::Status::outside_course: report(what + " is a link leading outside the course folder"); break;
      case SourceFiles::Status::not_a_file: report(what + " is not a file: " + quoted(resolved.path)); break;
      case SourceFiles::Status::too_large: report(what + " is larger than 512 MB: " + quoted(resolved.path)); break;
      case SourceFiles::Status::unreadable: report(what + " cannot be read (" + file.reason + "): " + quoted(resolved.path)); break;
      case SourceFiles::Status::ok: media.emplace(resolved.path, std::move(file.content)); break;
    }
  }
}

}  // namespace coursepack
