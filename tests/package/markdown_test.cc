#include <catch2/catch.hpp>

#include "coursepack/package/html.h"

namespace coursepack {
namespace {

// Lesson text is authored by people we do not control and reaches learners' browsers
// inside an LMS session: nothing in it may run.
TEST_CASE("markdown cannot smuggle script into a page") {
  const char* attacks[] = {
      "<script>alert(1)</script>",
      "Text <script>alert(1)</script> inline",
      "<img src=x onerror=alert(1)>",
      "<a href=\"#\" onclick=\"alert(1)\">x</a>",
      "[click](javascript:alert(1))",
      "[click](JaVaScRiPt:alert(1))",
      "[click](vbscript:msgbox(1))",
      "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
      "![x](javascript:alert(1))",
      "<javascript:alert(1)>",
      "<iframe src=\"https://example.org\"></iframe>",
      "<svg onload=alert(1)>",
  };
  for (const char* markdown : attacks) {
    INFO(markdown);
    std::string html = render_markdown(markdown);
    for (auto& c : html) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<iframe") == std::string::npos);
    CHECK(html.find("<img src=\"x\"") == std::string::npos);
    CHECK(html.find("<svg") == std::string::npos);
    CHECK(html.find("onerror=") == std::string::npos);
    CHECK(html.find("onclick=") == std::string::npos);
    CHECK(html.find("href=\"javascript:") == std::string::npos);
    CHECK(html.find("href=\"vbscript:") == std::string::npos);
    CHECK(html.find("href=\"data:") == std::string::npos);
    CHECK(html.find("src=\"javascript:") == std::string::npos);
  }
}

TEST_CASE("ordinary markdown renders, the leading title is left to the page") {
  CHECK(render_markdown("# Title\n\nSome **bold** and a [link](https://example.org).\n") ==
        "<p>Some <strong>bold</strong> and a <a href=\"https://example.org\">link</a>.</p>\n");
  CHECK(render_markdown("## Part\n\n- one\n- two\n") == "<h2>Part</h2>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n");
}

TEST_CASE("text is escaped for HTML") {
  CHECK(escape_html("<a href=\"x\">Tom & Jerry's</a>") ==
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
}

}  // namespace
}  // namespace coursepack
