#pragma once
// A pugixml document as text: the manifests are written through pugixml's writer sink
// into memory, then zipped with the rest of the package.

#include <string>

#include <pugixml.hpp>

namespace coursepack {

inline std::string xml_text(const pugi::xml_document& doc) {
  struct StringWriter : pugi::xml_writer {
    std::string out;
    void write(const void* data, std::size_t size) override { out.append(static_cast<const char*>(data), size); }
  } writer;
  doc.save(writer, "  ", pugi::format_default, pugi::encoding_utf8);
  return writer.out;
}

}  // namespace coursepack
