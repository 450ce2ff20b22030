#include <doctest/doctest.h>

#include "batch/json.hpp"

using fiscgen::batch::json::parse;
using fiscgen::batch::json::Value;

TEST_CASE("json: a value survives writing and reading back, compact or indented") {
  Value root = Value::object();
  root.set("name", "motion \"A\"\n\ttab\\ \x01 é");
  root.set("pages", 6);
  root.set("ms", 41.5);
  root.set("ok", true);
  root.set("none", Value());
  Value list = Value::array();
  list.push("a");
  list.push(Value::object());
  root.set("list", list);
  for (const int indent : {0, 2}) {
    const auto back = parse(root.dump(indent));
    CHECK(back["name"].as_string() == "motion \"A\"\n\ttab\\ \x01 é");
    CHECK(back["pages"].as_number() == 6);
    CHECK(back["ms"].as_number() == 41.5);
    CHECK(back["ok"].as_bool());
    CHECK(back["none"].is(Value::Kind::null));
    REQUIRE(back["list"].items().size() == 2);
    CHECK(back["list"].items()[0].as_string() == "a");
    CHECK(back["list"].items()[1].is(Value::Kind::object));
  }
  CHECK(root.dump() == parse(root.dump(2)).dump());
}

TEST_CASE("json: escapes, surrogate pairs and the wrong kind read as neutral values") {
  const auto value = parse(R"({"s":"\u00e9\ud83d\ude00\/","n":-1.5e2})");
  CHECK(value["s"].as_string() == "é\xF0\x9F\x98\x80/");
  CHECK(value["n"].as_number() == -150);
  CHECK(value["missing"].as_string().empty());
  CHECK(value["s"].as_number() == 0);
  CHECK(value["s"]["deeper"].is(Value::Kind::null));
}

TEST_CASE("json: malformed text is refused with the byte offset") {
  for (const char* bad :
       {"", "{", "{\"a\":}", "[1,]", "\"open", "{\"a\":1} x", "\"\\ud800\"", "\"tab\there\"", "01x",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}) {
    CAPTURE(bad);
    CHECK_THROWS_WITH_AS(parse(bad), doctest::Contains("byte "), std::runtime_error);
  }
}
