#include "coursepack/core/markdown_limits.h"

namespace coursepack {

std::vector<BracketFlood> find_bracket_floods(std::string_view markdown, std::size_t limit) {
  std::vector<BracketFlood> floods;
  std::size_t paragraph = 0, brackets = 0, line = 0;
  const auto close = [&](std::size_t end) {
    if (brackets > limit) floods.push_back({paragraph, end});
    brackets = 0;
  };
  while (line < markdown.size()) {
    std::size_t end = markdown.find('\n', line);
    end = end == std::string_view::npos ? markdown.size() : end + 1;
    const std::string_view text = markdown.substr(line, end - line);
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
      close(line);
      paragraph = end;
    } else {
      for (char c : text) brackets += c == '[';
    }
    line = end;
  }
  close(markdown.size());
  return floods;
}

}  // namespace coursepack
