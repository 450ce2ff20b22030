#include "base/error.hpp"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

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

TEST_CASE("columns stay right far along one long line, across the index's checkpoints") {
  // A file written on one line, as generated XML often is: 3,000 characters of 1, 2 and 3 bytes.
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "a§€";
  text += "\nb";
  const LineIndex lines("one.xml", text);
  for (std::size_t character = 0; character < 3000; character += 7) {
    const std::size_t offset = character / 3 * 6 + (character % 3 == 0   ? 0
                                                    : character % 3 == 1 ? 1
                                                                         : 3);
    CHECK(lines.locate(static_cast<std::ptrdiff_t>(offset)).column ==
          static_cast<int>(character) + 1);
  }
  CHECK(lines.locate(6000).str() == "one.xml:1:3001");  // the newline
  CHECK(lines.locate(6001).str() == "one.xml:2:1");
  CHECK(lines.locate(6002).str() == "one.xml:2:2");  // one past the end
  CHECK(lines.locate(99999).str() == "one.xml:2:2");
}

TEST_CASE("columns are right on lines shorter and longer than a checkpoint's span, anywhere") {
  // Lines of 1 to 600 characters of 1, 2 and 3 bytes, so that short lines (counted from their
  // start) and long ones (counted by checkpoints) begin and end at every alignment.
  const std::string pieces[] = {"a", "§", "€"};
  std::string text;
  std::vector<std::pair<int, int>> expected;  // by byte offset: line, column (0 within one)
  int line = 1;
  for (int length = 1; length <= 600; length += 37) {
    for (int column = 1; column <= length; ++column) {
      const auto& piece = pieces[static_cast<std::size_t>(column + length) % 3];
      for (std::size_t byte = 0; byte < piece.size(); ++byte)
        expected.emplace_back(line, byte == 0 ? column : 0);
      text += piece;
    }
    expected.emplace_back(line, length + 1);  // the newline
    text += '\n';
    ++line;
  }
  const LineIndex lines("lines.xml", text);
  for (std::size_t offset = 0; offset < text.size(); ++offset) {
    if (expected[offset].second == 0) continue;  // inside a character: no column of its own
    const auto found = lines.locate(static_cast<std::ptrdiff_t>(offset));
    CHECK(found.line == expected[offset].first);
    CHECK(found.column == expected[offset].second);
  }
}

TEST_CASE("printable: controls, bidirectional controls and bad bytes become visible escapes") {
  CHECK(printable("a\x1B[2Jb\x07") == "a\\x1B[2Jb\\x07");
  CHECK(printable("line\nnext\ttab\r") == "line\\x0Anext\\x09tab\\x0D");
  CHECK(printable("\xC2\x85 \xE2\x80\xAE evil") == "\\x85 \\u202E evil");  // NEL, RLO
  CHECK(printable("caf\xE9 \xC0\xAF") == "caf\\xE9 \\xC0\\xAF");           // Latin-1, overlong
  CHECK(printable("§ é € 𝔄 “quoted”") == "§ é € 𝔄 “quoted”");
  CHECK(printable("\x7F") == "\\x7F");
}

TEST_CASE("shorten_quotes: a quoted excerpt is at most 60 characters") {
  const std::string long_value(200, 'x');
  CHECK(shorten_quotes("\"" + long_value + "\" points to no earlier citation") ==
        "\"" + std::string(60, 'x') + "…\" points to no earlier citation");
  CHECK(shorten_quotes("short \"ab\" and \"cd\": kept") == "short \"ab\" and \"cd\": kept");
  // Characters, not bytes; a quotation mark inside the value does not end it.
  std::string e;
  for (int i = 0; i < 100; ++i) e += "é";
  std::string sixty;
  for (int i = 0; i < 60; ++i) sixty += "é";
  CHECK(shorten_quotes("\"" + e + "\" x") == "\"" + sixty + "…\" x");
  CHECK(shorten_quotes("the XPath \"a[@x=\"1\"]\" cannot be read") ==
        "the XPath \"a[@x=\"1\"]\" cannot be read");
}
