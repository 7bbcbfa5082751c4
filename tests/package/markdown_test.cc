#include <chrono>

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
  CHECK(render_markdown("# Title\n\nSome **bold** and a [link](#part).\n") ==
        "<p>Some <strong>bold</strong> and a <a href=\"#part\">link</a>.</p>\n");
  CHECK(render_markdown("## Part\n\n- one\n- two\n") == "<h3>Part</h3>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n");
}

TEST_CASE("section headings sit one level below the lesson title (an h2)") {
  struct Case {
    const char* markdown;
    const char* html;
  };
  const Case cases[] = {
      {"# Title\n\n## A\n\n### B\n", "<h3>A</h3>\n<h4>B</h4>\n"},
      {"# A\n\ntext\n\n# B\n\n## C\n", "<p>text</p>\n<h3>B</h3>\n<h4>C</h4>\n"},  // only a leading h1 goes
      {"### A\n\n#### B\n", "<h3>A</h3>\n<h4>B</h4>\n"},
      {"## A\n\n###### F\n", "<h3>A</h3>\n<h6>F</h6>\n"},  // h7 does not exist
  };
  for (const auto& c : cases) {
    INFO(c.markdown);
    CHECK(render_markdown(c.markdown) == c.html);
  }
}

TEST_CASE("a GFM table renders inside a focusable, labelled region") {
  MarkdownOptions options;
  options.table_label = "Table";
  CHECK(render_markdown("| Size | Guesses |\n|---|--:|\n| 8 | 10^14 |\n", options) ==
        "<div class=\"table-region\" tabindex=\"0\" role=\"region\" aria-label=\"Table\">\n<table>\n<thead>\n<tr>\n"
        "<th>Size</th>\n<th align=\"right\">Guesses</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>8</td>\n"
        "<td align=\"right\">10^14</td>\n</tr>\n</tbody>\n</table>\n</div>\n");
}

TEST_CASE("a code block scrolls inside a focusable, labelled region; its text is not typeset") {
  MarkdownOptions options;
  options.language = "fr";
  options.code_label = "Code";
  CHECK(render_markdown("```\nl'été : \"x\" ?\n```\n\nEt `l'été : ?` puis l'été : oui\n", options) ==
        "<div class=\"code-region\" tabindex=\"0\" role=\"region\" aria-label=\"Code\">\n<pre><code>"
        "l'été : &quot;x&quot; ?\n</code></pre>\n</div>\n<p>Et <code>l'été : ?</code> puis l’été\u00A0: oui</p>\n");
}

TEST_CASE("external links open a new window, say so, and keep neither opener nor referrer") {
  MarkdownOptions options;
  options.new_window_note = "(opens in a new window)";
  CHECK(render_markdown("See [the CNIL](https://www.cnil.fr/fr?a=1&b=2 \"CNIL\").\n", options) ==
        "<p>See <a href=\"https://www.cnil.fr/fr?a=1&amp;b=2\" title=\"CNIL\" target=\"_blank\" "
        "rel=\"noopener noreferrer\">the CNIL<span class=\"visually-hidden\"> (opens in a new window)</span></a>.</p>\n");
  // Other links stay in the page: a fragment, an e-mail address.
  CHECK(render_markdown("[a](#x) [b](mailto:dpo@example.org)\n", options) ==
        "<p><a href=\"#x\">a</a> <a href=\"mailto:dpo@example.org\">b</a></p>\n");
  CHECK(render_markdown("[odd](https://example.org/a b\"<)\n", options).find("href=\"https://example.org/a%20b%22%3C\"") ==
        std::string::npos);  // not a link in CommonMark: stays text, nothing unescaped
}

TEST_CASE("a link safe mode would empty is rendered as its text, never as href=\"\"") {
  const char* cases[] = {"[click **here**](javascript:alert(1))", "[click **here**](VBScript:x)",
                         "[click **here**](data:text/html,x)", "[click **here**](file:///etc/passwd)",
                         "[click **here**]()"};
  for (const char* markdown : cases) {
    INFO(markdown);
    CHECK(render_markdown(markdown) == "<p>click <strong>here</strong></p>\n");
  }
}

TEST_CASE("a paragraph flooded with brackets renders in linear time, as text") {
  // 292 KB of "![[]()" took cmark-gfm 15 s; escaped, the brackets are text.
  std::string flood;
  for (int i = 0; i < 48700; ++i) flood += "![[]()";
  const auto started = std::chrono::steady_clock::now();
  const std::string html = render_markdown("[a link](https://example.org)\n\n" + flood + "\n");
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(3));
  CHECK(html.starts_with("<p><a href=\"https://example.org\""));  // other paragraphs are untouched
  CHECK(html.find("<p>![[]()![[]()") != std::string::npos);
  CHECK(find_media(flood).empty());
}

TEST_CASE("raw HTML vanishes, country markers included, leaving no comment behind") {
  CHECK(render_markdown("Before.\n\n<!-- country: FR -->\n\nIn France.\n\n<!-- /country -->\n\nAfter <b>x</b>.\n") ==
        "<p>Before.</p>\n<p>In France.</p>\n<p>After x.</p>\n");
}

TEST_CASE("local images and files point into the package's media folder") {
  MarkdownOptions options;
  options.lesson_file = "lessons/en/length.md";
  CHECK(render_markdown("![A lock](images/lock.png) [the guide](../../files/guide%20v2.pdf)\n", options) ==
        "<p><img src=\"media/lessons/en/images/lock.png\" alt=\"A lock\" /> "
        "<a href=\"media/files/guide%20v2.pdf\">the guide</a></p>\n");
}

TEST_CASE("French lessons carry no-break spaces in text, never in code, URLs or attributes") {
  MarkdownOptions options;
  options.language = "fr";
  options.new_window_note = "(s’ouvre dans une nouvelle fenêtre)";
  const std::string html = render_markdown(
      "Qu'est-ce que la *CNIL* ? Voir « [le guide](https://cnil.fr/a?b=1) » : 40 % des 10 000 "
      "\"associations\" !\n\n![L'image : un schéma](img.png)\n",
      options);
  CHECK(html ==
        "<p>Qu’est-ce que la <em>CNIL</em>\u202F? Voir «\u202F<a href=\"https://cnil.fr/a?b=1\" target=\"_blank\" "
        "rel=\"noopener noreferrer\">le guide<span class=\"visually-hidden\"> (s’ouvre dans une nouvelle "
        "fenêtre)</span></a>\u202F»\u00A0: 40\u00A0% des 10\u00A0000 «\u202Fassociations\u202F»\u202F!</p>\n"
        "<p><img src=\"media/img.png\" alt=\"L’image : un schéma\" /></p>\n");  // cmark's smart quotes only
}

TEST_CASE("media references are found where they are written, in characters") {
  const auto found = find_media("# Titre\n\nÉté : ![Un schéma](a.png) et ![](b.png \"t\")\n\n- [guide](https://x.org)\n");
  REQUIRE(found.size() == 3);
  CHECK(found[0].url == "a.png");
  CHECK(found[0].position == TextPosition{3, 7});
  CHECK(found[0].image);
  CHECK(found[0].has_alt);
  CHECK(found[1].url == "b.png");
  CHECK(found[1].position == TextPosition{3, 30});
  CHECK_FALSE(found[1].has_alt);
  CHECK(found[2].url == "https://x.org");
  CHECK(found[2].position == TextPosition{5, 3});
  CHECK_FALSE(found[2].image);
}

TEST_CASE("text is escaped for HTML") {
  CHECK(escape_html("<a href=\"x\">Tom & Jerry's</a>") ==
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
}

}  // namespace
}  // namespace coursepack
