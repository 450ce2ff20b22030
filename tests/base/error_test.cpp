#include "base/error.hpp"

#include <doctest/doctest.h>

using namespace fiscgen;

TEST_CASE("offsets map to 1-based lines and columns counted in characters") {
  const LineIndex lines("m.xml", "ab\n§é x\n\nlast");
  CHECK(lines.locate(0).str() == "m.xml:1:1");
  CHECK(lines.locate(2).str() == "m.xml:1:3");
  CHECK(lines.locate(3).str() == "m.xml:2:1");
  // "§" and "é" are two bytes each: byte 7 is the space, the third character.
  CHECK(lines.locate(7).str() == "m.xml:2:3");
  CHECK(lines.locate(11).str() == "m.xml:4:1");
  CHECK(lines.locate(-1).str() == "m.xml");
}

TEST_CASE("errors describe themselves as file:line:col: message") {
  CHECK(Error({"a.xml", 3, 9}, "expected </p>").describe() == "a.xml:3:9: expected </p>");
  CHECK(Error("no file").describe() == "no file");
  Warnings w;
  w.add({"a.xml", 1, 2}, "drawn from DejaVu Serif");
  CHECK(w.list().at(0).describe() == "a.xml:1:2: drawn from DejaVu Serif");
}
