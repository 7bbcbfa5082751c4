#include "coursepack/xliff/xliff_document.h"

#include <catch2/catch.hpp>

namespace coursepack::xliff {
namespace {

Document sample() {
  Unit unit;
  unit.id = "b1-0123abcd";
  unit.notes = {{"location", "Lesson 1 & \"2\""}};
  unit.source = tokenize_markdown("Un **gras** et [un lien](https://x.eu/?a=1&b=2)\nsuite");
  unit.target = tokenize_markdown("A **bold** and [a link](https://x.eu/?a=1&b=2)\nnext");
  unit.state = "translated";
  return {"fr", "sk", {{"c.lesson.l1", "lessons/fr/l1.md", {unit}}}};
}

// Codes as read carry their id, not their data (a tool may drop <originalData>).
std::string shape(const Content& content) {
  std::string out;
  for (const auto& piece : content)
    out += piece.kind == Piece::Kind::text ? piece.text
           : piece.kind == Piece::Kind::open  ? "{" + piece.id
           : piece.kind == Piece::Kind::close ? piece.id + "}"
                                              : "{ph" + piece.id + "}";
  return out;
}

TEST_CASE("What the writer writes, the reader reads") {
  const std::string xml = write_xliff(sample());
  CHECK(xml.find("<data id=\"d2e\">](https://x.eu/?a=1&amp;b=2)</data>") != std::string::npos);
  CHECK(xml.find("<source>Un <pc id=\"1\" dataRefStart=\"d1s\" dataRefEnd=\"d1e\" type=\"fmt\" subType=\"xlf:b\" "
                 "canDelete=\"no\">gras</pc> et") != std::string::npos);
  const ReadResult read = read_xliff(xml);
  REQUIRE(read.errors.empty());
  REQUIRE(read.document);
  const Unit& unit = read.document->files.at(0).units.at(0);
  CHECK(read.document->target_language == "sk");
  CHECK(unit.id == "b1-0123abcd");
  CHECK(unit.notes.at(0).text == "Lesson 1 & \"2\"");
  CHECK(unit.state == "translated");
  CHECK(shape(unit.source) == "Un {1gras1} et {2un lien2}{ph3}suite");
  CHECK(shape(*unit.target) == "A {1bold1} and {2a link2}{ph3}next");
  CHECK(read.assumptions.empty());
}

TEST_CASE("A pretty-printing tool's indentation around codes is not text") {
  // As the npm xliff library writes a target: a line break and indentation before each code.
  const ReadResult read = read_xliff(R"(<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="sk">
  <file id="c.course"><unit id="u-1"><segment>
    <source>a</source>
    <target>Un 
          <pc id="1">gras</pc> et
          <ph id="2"/>lien   long
        </target>
  </segment></unit></file></xliff>)");
  REQUIRE(read.document);
  CHECK(shape(*read.document->files[0].units[0].target) == "Un {1gras1} et{ph2}lien long");
  CHECK(read.assumptions == std::vector<std::string>{
                                "1 targets had line breaks or runs of blanks around their codes; read by XML whitespace "
                                "rules (indentation dropped, runs as one space)",
                                "1 targets carry no state; taken as translated"});
}

TEST_CASE("A file that is not UTF-8 is refused, located, before anything reads its text") {
  // Found by xliff_import_fuzz: pugixml passed the byte through and the record's JSON
  // writer threw (an uncaught exception in `xliff import`).
  CHECK(read_xliff("<xliff version=\"2.0\">\n  <file id=\"a\">caf\xE9</file></xliff>").errors ==
        std::vector<std::string>{"2:19: not UTF-8: byte 0xE9 is no UTF-8 character (save the file as UTF-8)"});
  // UTF-16 is pugixml's to convert (a byte order mark, then NUL bytes): not refused as such.
  const std::string utf16("\xFF\xFE<\0x\0/\0>\0", 10);
  const auto wide = read_xliff(utf16).errors;
  REQUIRE(wide.size() == 1);
  CHECK(wide[0].ends_with("the root element is <x>, not <xliff>: not an XLIFF file"));
}

TEST_CASE("Broken XML and unsupported codes are located") {
  CHECK(read_xliff("<xliff version=\"2.0\">\n  <file id=\"a\">\n</xliff>").errors ==
        std::vector<std::string>{"3:3: not well-formed XML: Start-end tags mismatch"});
  CHECK(read_xliff("<xliff version=\"1.2\"/>").errors ==
        std::vector<std::string>{"1:1: XLIFF version \"1.2\": coursepack reads XLIFF 2.0 only"});
  CHECK(read_xliff("<xliff version=\"2.0\" trgLang=\"sk\"><file id=\"f\"><unit id=\"u\"><segment><source>a</source>"
                   "<target>a<sc id=\"1\"/></target></segment></unit></file></xliff>")
            .errors == std::vector<std::string>{"1:97: <sc> is not supported in a segment: use <pc> and <ph> as in the source"});
}

}  // namespace
}  // namespace coursepack::xliff
