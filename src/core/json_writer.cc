#include "coursepack/core/json_writer.h"

namespace coursepack {

void JsonWriter::separate() {
  if (!first_) out_ += ',';
  first_ = false;
}

JsonWriter& JsonWriter::begin_object() {
  separate();
  out_ += '{';
  first_ = true;
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  out_ += '}';
  first_ = false;
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  separate();
  out_ += '[';
  first_ = true;
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  out_ += ']';
  first_ = false;
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  value(name);
  out_ += ':';
  first_ = true;  // the value follows without a comma
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  separate();
  out_ += '"';
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out_ += '\\';
      out_ += c;
    } else if (byte < 0x20) {
      constexpr char hex[] = "0123456789abcdef";
      out_ += "\\u00";
      out_ += hex[byte >> 4];
      out_ += hex[byte & 15];
    } else {
      out_ += c;
    }
  }
  out_ += '"';
  return *this;
}

JsonWriter& JsonWriter::value(long long number) {
  separate();
  out_ += std::to_string(number);
  return *this;
}

JsonWriter& JsonWriter::value(double number) {
  const long long hundredths = static_cast<long long>(number * 100 + (number < 0 ? -0.5 : 0.5));
  separate();
  if (hundredths < 0) out_ += '-';
  const long long magnitude = hundredths < 0 ? -hundredths : hundredths;
  out_ += std::to_string(magnitude / 100);
  if (magnitude % 100) {
    out_ += '.';
    out_ += static_cast<char>('0' + magnitude % 100 / 10);
    if (magnitude % 10) out_ += static_cast<char>('0' + magnitude % 10);
  }
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  separate();
  out_ += flag ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  separate();
  out_ += json;
  return *this;
}

JsonWriter& JsonWriter::values(const std::vector<int>& numbers) {
  begin_array();
  for (int n : numbers) value(n);
  return end_array();
}

JsonWriter& JsonWriter::values(const std::vector<bool>& flags) {
  begin_array();
  for (bool flag : flags) value(flag);
  return end_array();
}

}  // namespace coursepack
