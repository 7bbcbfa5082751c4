#pragma once
// A minimal JSON writer for the runtime's outputs. The browser runtime does not link
// nlohmann/json: its parser and serializer would double the size of the player.

#include <string>
#include <string_view>
#include <vector>

namespace coursepack {

class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  /// The key of the next value inside an object.
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(long long number);
  JsonWriter& value(int number) { return value(static_cast<long long>(number)); }
  JsonWriter& value(unsigned number) { return value(static_cast<long long>(number)); }
  /// Written with at most two decimals (percentages).
  JsonWriter& value(double number);
  JsonWriter& value(bool flag);
  JsonWriter& values(const std::vector<int>& numbers);
  JsonWriter& values(const std::vector<bool>& flags);
  /// Inserts `json`, already valid JSON, as the next value.
  JsonWriter& raw(std::string_view json);

  const std::string& text() const { return out_; }

 private:
  void separate();
  std::string out_;
  bool first_ = true;  // no comma before the next item
};

}  // namespace coursepack
