#include "coursepack/core/json_writer.h"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

namespace coursepack {
namespace {

TEST_CASE("the writer produces JSON that a real parser reads back") {
  JsonWriter out;
  out.begin_object();
  out.key("text").value("quote \" backslash \\ newline \n tab \t é");
  out.key("n").value(-42).key("pct").value(72.5).key("whole").value(80.0).key("flag").value(true);
  out.key("list").values(std::vector<int>{1, -1}).key("bits").values(std::vector<bool>{true, false});
  out.key("nested").begin_array().begin_object().end_object().begin_array().end_array().end_array();
  out.end_object();
  const auto parsed = nlohmann::json::parse(out.text());
  CHECK(parsed["text"] == "quote \" backslash \\ newline \n tab \t é");
  CHECK(parsed["n"] == -42);
  CHECK(parsed["pct"] == 72.5);
  CHECK(out.text().find("\"whole\":80,") != std::string::npos);
  CHECK(parsed["list"] == nlohmann::json::array({1, -1}));
  CHECK(parsed["bits"] == nlohmann::json::array({true, false}));
  CHECK(parsed["nested"].dump() == "[{},[]]");
}

}  // namespace
}  // namespace coursepack
