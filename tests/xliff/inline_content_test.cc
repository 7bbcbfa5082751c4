#include "coursepack/xliff/inline_content.h"

#include <catch2/catch.hpp>

namespace coursepack::xliff {
namespace {

// The pieces in a compact form: text as is, codes as {open id}, {close id}, {ph id}.
std::string shape(const Content& content) {
  std::string out;
  for (const auto& piece : content) {
    switch (piece.kind) {
      case Piece::Kind::text: out += piece.text; break;
      case Piece::Kind::open: out += "{" + piece.id + " " + piece.text + "}"; break;
      case Piece::Kind::close: out += "{/" + piece.id + " " + piece.text + "}"; break;
      case Piece::Kind::standalone: out += "{ph" + piece.id + " " + piece.text + "}"; break;
    }
  }
  return out;
}

TEST_CASE("Markdown inline syntax becomes codes, text stays text") {
  struct Case {
    const char* markdown;
    const char* shape;
  };
  const Case cases[] = {
      {"plain text", "plain text"},
      {"a **bold** word", "a {1 **}bold{/1 **} word"},
      {"an *italic* and _other_", "an {1 *}italic{/1 *} and {2 _}other{/2 _}"},
      {"see [the guide](https://x.eu/a?b=1) now", "see {1 [}the guide{/1 ](https://x.eu/a?b=1)} now"},
      {"![a chart](images/c.png)", "{1 ![}a chart{/1 ](images/c.png)}"},
      {"**[bold link](u)**", "{1 **}{2 [}bold link{/2 ](u)}{/1 **}"},
      {"run `make all` first", "run {ph1 `make all`} first"},
      {"a <br> b and <https://cnil.fr>", "a {ph1 <br>} b and {ph2 <https://cnil.fr>}"},
      {"~~gone~~", "{1 ~~}gone{/1 ~~}"},
      // A soft break takes the next line's indentation with it; a hard one its spaces.
      {"one\n  two", "one{ph1 \n  }two"},
      {"one  \ntwo", "one{ph1   \n}two"},
      // Not emphasis: spaced stars, underscores inside words, an unmatched delimiter.
      {"2 * 3 * 4", "2 * 3 * 4"},
      {"snake_case_name", "snake_case_name"},
      {"a *dangling star", "a *dangling star"},
      {"a [reference][ref] link", "a [reference][ref] link"},
      {"escaped \\*star\\*", "escaped \\*star\\*"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.markdown);
    const Content content = tokenize_markdown(c.markdown);
    CHECK(shape(content) == c.shape);
    CHECK(serialize(content) == c.markdown);
  }
}

TEST_CASE("Only soft line breaks may be left out of a target") {
  const Content content = tokenize_markdown("**a**\nb  \nc");
  REQUIRE(content.size() == 7);
  CHECK_FALSE(content[0].can_delete);
  CHECK(content[3].sub_type == "xlf:lb");
  CHECK(content[3].can_delete);
  CHECK_FALSE(content[5].can_delete);
}

TEST_CASE("Serialising any text gives it back, byte for byte") {
  const char* texts[] = {"**unclosed", "a ** b **", "[x](", "![](", "`", "``a` b", "<", "<a", "\\", "a\\\nb",
                         "*a **b* c**", "[a *b](c* d)", "_a_b_", "\n\n", " \t", "\xc3\xa9t\xc3\xa9 _x_"};
  for (const char* text : texts) {
    CAPTURE(text);
    CHECK(serialize(tokenize_markdown(text)) == text);
  }
}

}  // namespace
}  // namespace coursepack::xliff
