// The everyday commands a lawyer or paralegal uses besides render: forms, new, check, locales.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "tools.hpp"

namespace {

const std::filesystem::path examples = std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "examples";

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("forms lists every form and letter, and shows one form's fields") {
  const auto all = e2e::fiscgen({"forms"});
  REQUIRE(all.status == 0);
  CHECK(all.out.find("fisc/motion") != std::string::npos);
  CHECK(all.out.find("attorney-general") != std::string::npos);
  CHECK(all.out.find("A motion to the Foreign Intelligence Surveillance Court") !=
        std::string::npos);
  CHECK(all.out.find("fisc/caption") == std::string::npos);  // an include, not a form

  const auto motion = e2e::fiscgen({"forms", "fisc/motion"});
  REQUIRE(motion.status == 0);
  CHECK(motion.out.find("docket") != std::string::npos);
  CHECK(motion.out.find("required") != std::string::npos);
  CHECK(motion.out.find("(e.g. Misc. 13-04)") != std::string::npos);
  CHECK(motion.out.find("proposed-order") != std::string::npos);

  const auto unknown = e2e::fiscgen({"forms", "fisc/motoin"});
  CHECK(unknown.status == 1);
  CHECK(unknown.err.find("no form or letter \"fisc/motoin\"; known:") != std::string::npos);
}

TEST_CASE("new writes an input that, rendered unchanged, lists what is missing") {
  e2e::TempDir dir;
  const auto input = dir / "matter.xml";
  const auto made = e2e::fiscgen({"new", "motion", "-o", input.string()});
  REQUIRE_MESSAGE(made.status == 0, made.err);
  const auto text = e2e::read_file(input);
  CHECK(text.find("<motion form=\"fisc/motion\"") != std::string::npos);
  CHECK(text.find("<docket></docket>") != std::string::npos);
  CHECK(text.find("required: the docket number") != std::string::npos);

  const auto again = e2e::fiscgen({"new", "motion", "-o", input.string()});
  CHECK(again.status == 1);
  CHECK(again.err.find("--force") != std::string::npos);

  const auto rendered = e2e::fiscgen({"render", input.string(), "-o", (dir / "m.pdf").string()});
  CHECK(rendered.status == 1);
  for (const char* field : {"docket", "matter", "title", "date", "signature/attorney/name"})
    CHECK_MESSAGE(rendered.err.find(std::string("missing ") + field + ":") != std::string::npos,
                  field);
  CHECK_FALSE(std::filesystem::exists(dir / "m.pdf"));

  const auto letter = e2e::fiscgen({"new", "letter"});
  REQUIRE(letter.status == 0);
  CHECK(letter.out.find("<letter template=\"attorney-general\"") != std::string::npos);
  CHECK(e2e::fiscgen({"new", "letter", "--form", "fisc/motion"}).status == 1);
}

TEST_CASE("check reports every problem at once, where it is, and writes nothing") {
  CHECK(e2e::fiscgen({"check", (examples / "motion.xml").string()}).status == 0);
  CHECK(e2e::fiscgen({"check", (examples / "letter.xml").string()}).status == 0);

  e2e::TempDir dir;
  auto text = e2e::read_file(examples / "motion.xml");
  text = replace(text, "<movant>", "<movnat>");
  text = replace(text, "</movant>", "</movnat>");
  text = replace(text, "<date>2013-06-19</date>", "<date>2013-06-31</date>");
  const auto input = dir / "typo.xml";
  std::ofstream(input) << text;
  const auto checked = e2e::fiscgen({"check", input.string()});
  CHECK(checked.status == 1);
  CHECK(checked.err.find("missing movant:") != std::string::npos);
  CHECK(checked.err.find("2013-06-31 is not a date") != std::string::npos);
  CHECK(checked.err.find("unknown element <movnat>; did you mean <movant>?") != std::string::npos);
  CHECK(checked.err.find("typo.xml:9:3:") != std::string::npos);  // <movnat> is on line 9
  CHECK(checked.err.find("3 problems") != std::string::npos);
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path()))
    ++files;
  CHECK(files == 1);

  auto letter = replace(e2e::read_file(examples / "letter.xml"), "ref=\"attorney-general\"",
                        "ref=\"attorney-generl\"");
  std::ofstream(dir / "letter.xml") << letter;
  const auto recipient = e2e::fiscgen({"check", (dir / "letter.xml").string()});
  CHECK(recipient.status == 1);
  CHECK(recipient.err.find("no recipient \"attorney-generl\"") != std::string::npos);
  CHECK(recipient.err.find("known: attorney-general") != std::string::npos);
}

TEST_CASE("locales lists the languages fiscgen has words for") {
  const auto listed = e2e::fiscgen({"locales"});
  REQUIRE(listed.status == 0);
  CHECK(listed.out.find("en\n") != std::string::npos);
  CHECK(listed.out.find("root") == std::string::npos);
}
