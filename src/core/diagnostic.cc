#include "coursepack/core/diagnostic.h"

#include <algorithm>

namespace coursepack {

std::string Diagnostic::to_string() const {
  std::string line = file + ':' + std::to_string(position.line) + ':' +
                     std::to_string(position.column) + ": ";
  if (!pointer.empty()) line += pointer + ": ";
  if (severity == Severity::warning) line += "warning[" + code + "]: ";
  return line + message;
}

void DiagnosticSink::at_value(std::string_view pointer, std::string message) {
  out_.push_back({file_, index_.value_position(pointer), std::string(pointer), std::move(message)});
}

void DiagnosticSink::at_key(std::string_view pointer, std::string message) {
  out_.push_back({file_, index_.key_position(pointer), std::string(pointer), std::move(message)});
}

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const auto& a, const auto& b) {
    if (a.file != b.file) return a.file < b.file;
    return a.position < b.position;
  });
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
