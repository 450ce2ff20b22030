// The American Law Institute's Restatements (rule 12.9.5): an authority by section, as a code is,
// with its comments and illustrations; an Id. at another section is another authority. Before
// they were read, "Id. § 652B cmt. b" after one reached back past it to an article.
#include <doctest/doctest.h>

#include <string>

#include "cite/cite.hpp"
#include "shipped_reader.hpp"

using namespace fiscgen;
using fiscgen::cite_tests::reader;

namespace {
const std::string section = "\xC2\xA7\xC2\xA0";
}

TEST_CASE("a Restatement is read by series, subject and section, its comment kept") {
  Warnings warnings;
  const auto found = reader().find(
      "Intrusion upon seclusion is a tort of its own. Restatement (Second) of Torts § 652B (Am. L. "
      "Inst. 1977). A promise may bind without consideration. See Restatement (Second) of "
      "Contracts § 90 cmt. b, illus. 3 (Am. L. Inst. 1981). Jurisdiction to prescribe has limits. "
      "Restatement (Third) of Foreign Relations Law of the United States § 402 (1987). A harm's "
      "cause is a question of fact. Restatement (Third) of Torts: Liab. for Physical & Emotional "
      "Harm § 7 cmt. a (Am. L. Inst. 2010).",
      {}, warnings);
  CHECK(warnings.empty());
  REQUIRE(found.size() == 4);
  for (const auto& c : found) {
    CHECK(c.kind == cite::Kind::secondary);
    CHECK(c.category == cite::Category::secondary);
  }
  CHECK(found[0].key == "Restatement (Second) of Torts " + section + "652B");
  CHECK(found[0].normalised ==
        "Restatement (Second) of Torts " + section + "652B (Am. L. Inst. 1977)");
  CHECK(found[1].key == "Restatement (Second) of Contracts " + section + "90");
  CHECK(found[1].text.rfind("Restatement", 0) == 0);  // the signal is not part of it
  CHECK(found[2].title == "Restatement (Third) of Foreign Relations Law of the United States");
  CHECK(found[3].title == "Restatement (Third) of Torts: Liab. for Physical & Emotional Harm");
}

TEST_CASE("Id. after a Restatement: its comment, or another section, another authority") {
  Warnings warnings;
  const auto found = reader().find(
      "Daniel J. Solove, Digital Dossiers, 75 S. Cal. L. Rev. 1083, 1086 (2002). Restatement "
      "(Second) of Torts § 652B (Am. L. Inst. 1977). Id. § 652B cmt. b. Id. cmt. c. Id. § 652D. "
      "Id. § 652D cmt. a, illus. 2.",
      {}, warnings);
  CHECK(warnings.empty());
  REQUIRE(found.size() == 6);
  const std::string b = "Restatement (Second) of Torts " + section + "652B";
  const std::string d = "Restatement (Second) of Torts " + section + "652D";
  CHECK(found[2].normalised == "Id. " + section + "652B cmt. b");
  CHECK(found[2].key == b);
  CHECK(found[3].normalised == "Id. cmt. c");
  CHECK(found[3].key == b);
  CHECK(found[4].key == d);
  CHECK(found[5].normalised == "Id. " + section + "652D cmt. a, illus. 2");
  CHECK(found[5].key == d);
}

TEST_CASE("a sentence that starts with the word Restatement is no citation") {
  Warnings warnings;
  const auto found = reader().find(
      "Restatement of the issue is unnecessary here. See 50 U.S.C. § 1861(b).", {}, warnings);
  REQUIRE(found.size() == 1);
  CHECK(found[0].kind == cite::Kind::statute);
}
