// Markdown rendering: a lesson file's text in, safe HTML out (src/package/markdown.cc).

#include "coursepack/package/html.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)coursepack::render_markdown(coursepack::fuzz::as_text(data, size));
  return 0;
}
