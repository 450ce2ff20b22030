#include <doctest/doctest.h>

#include <cstdio>

#include <filesystem>

#include "input/input.hpp"

using namespace fiscgen;
using namespace fiscgen::input;

namespace {

std::string error_of(std::string_view text) {
  Matter matter;
  try {
    read_text(matter, "m.xml", text);
  } catch (const Error& e) {
    return e.describe();
  }
  return "no error";
}

}  // namespace

TEST_CASE("a well-formed input is read, with its kind and mixed-content spaces") {
  Matter matter;
  read_text(matter, "m.xml",
            "<?xml version=\"1.0\"?>\n<letter locale=\"en_US\">\n"
            "  <body>a <em>b</em> c</body>\n</letter>\n");
  CHECK(matter.kind == "letter");
  CHECK(matter.file == "m.xml");
  const auto body = matter.root().child("body");
  CHECK(std::string(body.first_child().value()) == "a ");
  CHECK(std::string(body.last_child().value()) == " c");
}

TEST_CASE("locate gives an element's '<' and a text's first character") {
  Matter matter;
  read_text(matter, "m.xml",
            "<letter>\n  <to>Attorney\n General</to>\n  <date>x</date>\n</letter>");
  CHECK(matter.locate(matter.root()).str() == "m.xml:1:1");
  CHECK(matter.locate(matter.root().child("to")).str() == "m.xml:2:3");
  CHECK(matter.locate(matter.root().child("to").first_child()).str() == "m.xml:2:7");
  CHECK(matter.locate(matter.root().child("date")).str() == "m.xml:4:3");
}

TEST_CASE("text and attributes are NFC, and located nodes keep their place") {
  Matter matter;
  read_text(matter, "m.xml", "<letter to=\"Mu\xCC\x88ller\">\n <p>Cafe\xCC\x81</p></letter>");
  CHECK(std::string(matter.root().attribute("to").value()) == "M\u00FCller");
  const auto text = matter.root().child("p").first_child();
  CHECK(std::string(text.value()) == "Caf\u00E9");
  CHECK(matter.locate(text).str() == "m.xml:2:5");
}

TEST_CASE("malformed XML is located exactly and says what was expected") {
  CHECK(error_of("<letter>\n  <p>text</q>\n</letter>") ==
        "m.xml:2:10: malformed XML: end tag </q> does not match start tag <p>; expected </p>");
  CHECK(error_of("<letter>\n<p>x</p>") ==
        "m.xml:2:9: malformed XML: the file ends inside <letter>; expected </letter>");
  CHECK(error_of("<letter>\n  <p a=1>x</p></letter>") ==
        "m.xml:2:8: malformed XML: bad attribute: expected name=\"value\"");
  CHECK(error_of("") ==
        "m.xml:1:1: malformed XML: no root element: expected one such as "
        "<motion> or <letter>");
  CHECK(error_of("<a>x</a>\n<b/>").find("m.xml:2:1: a second root element <b>") == 0);
  CHECK(error_of("<a>x</a>\njunk") == "m.xml:2:1: text after the root element <a>");
  CHECK(error_of("<a>\n <b x=\"1\" x=\"2\"/></a>") ==
        "m.xml:2:2: malformed XML: attribute x appears twice; expected it once");
  CHECK(error_of("<a>\n\n  </b>") ==
        "m.xml:3:3: malformed XML: end tag </b> does not match start tag <a>; expected </a>");
  CHECK(error_of("</a>") == "m.xml:1:1: malformed XML: end tag </a> has no start tag");
}

TEST_CASE("a DOCTYPE is refused before anything is read from it") {
  CHECK(error_of("<?xml version=\"1.0\"?>\n<!DOCTYPE letter SYSTEM \"file:///etc/passwd\">\n"
                 "<letter>&xxe;</letter>") ==
        "m.xml:2:1: DOCTYPE is not allowed: fiscgen reads no DTDs or external entities");
  CHECK(error_of("<!doctype letter [<!ENTITY a \"b\">]><letter/>").find("m.xml:1:1: DOCTYPE") == 0);
}

TEST_CASE("entities other than the five predefined are refused") {
  CHECK(error_of("<letter>\n  <p>&sect; 1861</p>\n</letter>")
            .find("m.xml:2:6: unknown entity &sect;: fiscgen reads no DTDs") == 0);
  CHECK(error_of("<letter to=\"&nbsp;\"/>").find("m.xml:1:13: unknown entity &nbsp;") == 0);
  CHECK(error_of("<letter>AT&T</letter>") ==
        "m.xml:1:11: a bare '&' is not allowed in XML: write it as &amp;");
  CHECK(error_of("<letter>&#1;</letter>").find("&#1; names a character XML does not allow") !=
        std::string::npos);
  // The predefined five, numeric references, and '&' in comments and CDATA are fine.
  Matter matter;
  read_text(matter, "m.xml",
            "<letter a=\"&quot;&apos;\"><!-- & --><p>&amp;&lt;&gt;&#167;&#xA7;<![CDATA[&x;]]></p>"
            "</letter>");
  CHECK(std::string(matter.root().child("p").child_value()) == "&<>\u00A7\u00A7");
}

TEST_CASE("invalid UTF-8 and control characters are located") {
  CHECK(error_of("<letter>\n  <p>caf\xE9</p></letter>") ==
        "m.xml:2:9: invalid UTF-8 (byte 0xE9): save the file as UTF-8");
  CHECK(error_of("<letter>\n  <p>a\x07</p></letter>") ==
        "m.xml:2:6: control character U+0007 at byte 1 is not allowed in text");
  CHECK(error_of("<letter>\n  <p x=\"&#x85;\"/></letter>") ==
        "m.xml:2:3: attribute x: control character U+0085 at byte 0 is not allowed in text");
}

TEST_CASE("plain ASCII is left as it is, and the characters around it are still checked") {
  // The bytes at the edges of what needs no normalising: tab, line ends, space, '~', DEL and
  // the C0 controls, in text and in attributes.
  Matter matter;
  read_text(matter, "m.xml",
            "<letter a=\" ~\t\" b=\"O'Brien &amp; Ana G\xC3\xB3mez\">\n"
            "  <p>\t ~ Nguye\xCC\x82\xCC\x83n Va\xCC\x86n An\r\n</p><q>O'Brien</q></letter>");
  // XML's attribute-value normalisation makes the tab a space.
  CHECK(std::string(matter.root().attribute("a").value()) == " ~ ");
  CHECK(std::string(matter.root().attribute("b").value()) == "O'Brien & Ana G\u00F3mez");
  CHECK(std::string(matter.root().child_value("p")) == "\t ~ Nguy\u1EC5n V\u0103n An\n");
  CHECK(std::string(matter.root().child_value("q")) == "O'Brien");
  CHECK(matter.locate(matter.root().child("q").first_child()).str() == "m.xml:3:8");
  CHECK(error_of("<letter>\n  <p>ab\x7F</p></letter>") ==
        "m.xml:2:6: control character U+007F at byte 2 is not allowed in text");
  CHECK(error_of("<letter>\n  <p>\x1F</p></letter>") ==
        "m.xml:2:6: control character U+001F at byte 0 is not allowed in text");
  CHECK(error_of("<letter>\n  <p x=\"a&#x7F;\"/></letter>") ==
        "m.xml:2:3: attribute x: control character U+007F at byte 1 is not allowed in text");
  CHECK(error_of("<letter>\n  <p x=\"\xC3\"/></letter>") ==
        "m.xml:2:9: invalid UTF-8 (byte 0xC3): save the file as UTF-8");
}

TEST_CASE("a control character or a letter beyond ASCII is seen at every place of a long text") {
  // Texts are looked at eight bytes at a time: the odd byte at each place of two words, and in
  // the bytes after the last whole word.
  const std::string plain = "The Court finds: ";  // 17 bytes
  for (std::size_t at = 0; at <= plain.size(); ++at) {
    CAPTURE(at);
    const std::string before = plain.substr(0, at), after = plain.substr(at);
    for (const char control : {'\x7F', '\x1F', '\x01'}) {
      char code[8];
      std::snprintf(code, sizeof code, "%04X", static_cast<unsigned>(control));
      CHECK(error_of("<letter><p>" + before + control + after + "</p></letter>") ==
            "m.xml:1:12: control character U+" + std::string(code) + " at byte " +
                std::to_string(at) + " is not allowed in text");
    }
    Matter matter;
    // "e" and a combining circumflex: NFC makes them one letter, wherever they stand.
    read_text(matter, "m.xml", "<letter><p>" + before + "e\xCC\x82" + after + "</p></letter>");
    CHECK(std::string(matter.root().child_value("p")) == before + "\u00EA" + after);
  }
}

TEST_CASE("references are checked wherever they stand among long text and many elements") {
  // The scan skips text to the next '<' or '&': one far past many elements, one right after a
  // tag, one in an attribute after text, and text after the root are all still found.
  std::string many = "<letter>\n";
  for (int i = 0; i < 200; ++i)
    many += "  <p>Nguyễn Văn An &amp; O'Brien, para " + std::to_string(i) + "</p>\n";
  CHECK(error_of(many + "  <p>AT&T</p>\n</letter>") ==
        "m.xml:202:8: a bare '&' is not allowed in XML: write it as &amp;");
  CHECK(error_of(many + "<p>&nbsp;x</p></letter>").find("m.xml:202:4: unknown entity &nbsp;") == 0);
  CHECK(error_of(many + "<p x=\"a &amp; b &c\">t</p></letter>") ==
        "m.xml:202:17: a bare '&' is not allowed in XML: write it as &amp;");
  CHECK(error_of(many + "</letter>\ntrailing") ==
        "m.xml:203:1: text after the root element <letter>");
  Matter matter;
  read_text(matter, "m.xml", many + "<p>&#167; &lt;&gt; 王小明</p></letter>");
  CHECK(std::string(matter.root().last_child().child_value()) == "\u00A7 <> 王小明");
}

TEST_CASE("a NUL byte is located where it is, not where pugixml stopped") {
  // pugixml ends the text at a NUL: this was "8:1: the file ends inside a tag".
  std::string text = "<letter>\n<a/>\n<a/>\n<a/>\n<a/>\n<p>x";
  text += '\0';
  text += "y</p>\n</letter>\n\n";
  CHECK(error_of(text) ==
        "m.xml:6:5: a NUL byte (U+0000), which XML does not allow anywhere: is this a text "
        "file?");
}

TEST_CASE("a byte-order mark does not shift columns") {
  CHECK(error_of("\xEF\xBB\xBF<a>&foo;</a>").find("m.xml:1:4: unknown entity") == 0);
}

TEST_CASE("read() names a file it cannot read, and reads one handed in through Sources") {
  Matter matter;
  Sources sources(DataPaths{});
  CHECK_THROWS_WITH_AS(read(matter, sources, "/nonexistent/matter.xml"),
                       "cannot read /nonexistent/matter.xml: No such file or directory", Error);
  sources.provide("matter.xml", "<motion><date>2013-07-16</date></motion>\n");
  read(matter, sources, "matter.xml", {"date=2014-01-02"}, "fr_CA");
  CHECK(matter.kind == "motion");
  CHECK(std::string(matter.root().child("date").child_value()) == "2014-01-02");
  CHECK(std::string(matter.root().attribute("locale").value()) == "fr_CA");
}
