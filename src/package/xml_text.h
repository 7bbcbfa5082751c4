#pragma once
// A pugixml document as text: the manifests are written through pugixml's writer sink
// into memory, then zipped with the rest of the package.

#include <string>

#include <pugixml.hpp>

namespace coursepack {

namespace xml_detail {

// Characters XML 1.0 has no place for (controls but tab, line feed and carriage return;
// U+FFFE, U+FFFF): pugixml would write a control as "&#1;", which XML 1.0 refuses too,
// so one in a title would make the whole manifest ill-formed and the LMS refuse the
// package. `validate` refuses them in every text; this is the second line of defence,
// each replaced by U+FFFD.
inline std::string xml_characters_only(const char* text) {
  std::string out;
  for (const char* p = text; *p; ++p) {
    const auto byte = static_cast<unsigned char>(*p);
    if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') {
      out += "\xEF\xBF\xBD";
    } else if (byte == 0xEF && static_cast<unsigned char>(p[1]) == 0xBF &&
               (static_cast<unsigned char>(p[2]) == 0xBE || static_cast<unsigned char>(p[2]) == 0xBF)) {
      out += "\xEF\xBF\xBD";
      p += 2;
    } else {
      out += *p;
    }
  }
  return out;
}

}  // namespace xml_detail

inline std::string xml_text(pugi::xml_document& doc) {
  // Iterative (pugixml's walker): a manifest's depth is small, but nothing here recurses.
  struct Cleaner : pugi::xml_tree_walker {
    bool for_each(pugi::xml_node& node) override {
      if (const auto clean = xml_detail::xml_characters_only(node.value()); clean != node.value())
        node.set_value(clean.c_str());
      for (auto attribute : node.attributes())
        if (const auto clean = xml_detail::xml_characters_only(attribute.value()); clean != attribute.value())
          attribute.set_value(clean.c_str());
      return true;
    }
  } cleaner;
  doc.traverse(cleaner);
  struct StringWriter : pugi::xml_writer {
    std::string out;
    void write(const void* data, std::size_t size) override { out.append(static_cast<const char*>(data), size); }
  } writer;
  doc.save(writer, "  ", pugi::format_default, pugi::encoding_utf8);
  return writer.out;
}

}  // namespace coursepack
