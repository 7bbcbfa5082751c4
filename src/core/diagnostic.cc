#include "coursepack/core/diagnostic.h"

#include <algorithm>
#include <limits>

namespace coursepack {

namespace {

void append_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      static constexpr char hex[] = "0123456789ABCDEF";
      out += "\\u00";
      out += hex[byte >> 4];
      out += hex[byte & 0xF];
    } else {
      out += c;
    }
  }
}

}  // namespace

std::string Diagnostic::to_string() const {
  if (omitted > 0) return file + ": " + omitted_message(omitted);
  std::string line = file + ':' + std::to_string(position.line) + ':' +
                     std::to_string(position.column) + ": ";
  if (!pointer.empty()) {
    // A pointer holds keys, which may be megabytes long: cut as quoted values are.
    const std::string cut = quote_for_message(pointer);
    line += std::string_view(cut).substr(1, cut.size() - 2);
    line += ": ";
  }
  if (severity == Severity::warning) line += "warning[" + code + "]: ";
  append_escaped(line, message);
  return line;
}

void keep_diagnostic(std::vector<Diagnostic>& out, Diagnostic diagnostic) {
  if (out.size() < max_kept_diagnostics) {
    out.push_back(std::move(diagnostic));
    return;
  }
  if (out.back().omitted == 0) {
    // Last in its file whatever the sort: the largest position there is.
    constexpr int end = std::numeric_limits<int>::max();
    // Errors and warnings are kept in separate lists (course_reader.h), so one severity.
    out.push_back({diagnostic.file, {end, end}, "", "", diagnostic.severity, diagnostic.code});
  }
  ++out.back().omitted;
}

std::string omitted_message(std::size_t omitted) {
  return "... and " + std::to_string(omitted) + " more " + (omitted == 1 ? "problem" : "problems") +
         " not listed (only the first " + std::to_string(max_kept_diagnostics) + " of a file are)";
}

std::size_t count_diagnostics(const std::vector<Diagnostic>& diagnostics, Severity severity) {
  std::size_t count = 0;
  for (const auto& d : diagnostics)
    if (d.severity == severity) count += d.problems();
  return count;
}

void DiagnosticSink::at_value(std::string_view pointer, std::string message) {
  keep_diagnostic(out_, {file_, index_.value_position(pointer), std::string(pointer), std::move(message)});
}

void DiagnosticSink::at_key(std::string_view pointer, std::string message) {
  keep_diagnostic(out_, {file_, index_.key_position(pointer), std::string(pointer), std::move(message)});
}

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const auto& a, const auto& b) {
    if (a.file != b.file) return a.file < b.file;
    return a.position < b.position;
  });
}

std::string quote_for_message(std::string_view text, std::size_t max_bytes) {
  bool cut = false;
  if (text.size() > max_bytes) {
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    text = text.substr(0, end);
    cut = true;
  }
  std::string out = "\"";
  append_escaped(out, text);
  return out + (cut ? "…\"" : "\"");
}

std::string pointer_join(std::string_view parent, std::string_view token) {
  std::string out(parent);
  out += '/';
  for (char c : token) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

std::string pointer_join(std::string_view parent, std::size_t index) {
  return std::string(parent) + '/' + std::to_string(index);
}

}  // namespace coursepack
