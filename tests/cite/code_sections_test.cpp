// A state's code cited by title, chapter or article, and Id. naming another section of the code
// cited just before it: an authority of its own, as the table of authorities lists it.
#include <doctest/doctest.h>
#include <pugixml.hpp>

#include <string>

#include "cite/cite.hpp"
#include "shipped_reader.hpp"

using namespace fiscgen;
using fiscgen::cite_tests::reader;

namespace {

const std::string section = "\xC2\xA7\xC2\xA0";  // "§" and the no-break space keys hold

// Each citation's text and the key of the authority it names.
std::vector<std::pair<std::string, std::string>> keys(const std::string& text) {
  Warnings warnings;
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& c : reader().find(text, {"opinion.txt", 1, 1}, warnings))
    out.emplace_back(c.text, c.key);
  CHECK(warnings.empty());
  return out;
}

}  // namespace

TEST_CASE("an Id. naming another section of a state's code names that section of it") {
  const auto found = keys(
      "The Legislature later excluded actions brought solely in the public interest from the "
      "special motion to strike. Cal. Civ. Proc. Code § 425.16(b)(1) (West 2004). See id. § "
      "425.17(b). The exclusion does not reach a suit against a newspaper. Id. § 425.17(d)(2). "
      "Nor does it change the fee provision. Id. § 425.16(c)(1). Id.");
  REQUIRE(found.size() == 5);
  CHECK(found[0].second == "Cal. Civ. Proc. Code " + section + "425.16");  // subsections apart
  CHECK(found[1].second == "Cal. Civ. Proc. Code " + section + "425.17");
  CHECK(found[2].second == "Cal. Civ. Proc. Code " + section + "425.17");
  CHECK(found[3].second == "Cal. Civ. Proc. Code " + section + "425.16");
  CHECK(found[4].second == "Cal. Civ. Proc. Code " + section + "425.16");  // the last one named
}

TEST_CASE("an Id. keeps the title, chapter or article its code's section stands in") {
  const auto found = keys(
      "Massachusetts forbids the secret recording of an oral communication. Mass. Gen. Laws "
      "ch. 272, § 99(C)(1) (2018); id. § 99(B)(4). Its consumer statute is a chapter of its "
      "own. Mass. Gen. Laws ch. 93A, § 2. Oklahoma is cited by title. Okla. Stat. tit. 21, § "
      "1 (2021). Id. §§ 2-3. Maine's criminal code too: Me. Rev. Stat. Ann. tit. 17-A, § 207 "
      "(2019); id. § 208. Texas cites its code of criminal procedure by article. Tex. Code "
      "Crim. Proc. Ann. art. 18.20, § 1 (West 2015). Id. § 2. Tex. Code Crim. Proc. Ann. art. "
      "38.23 (West 2005).");
  REQUIRE(found.size() == 10);
  CHECK(found[0].second == "Mass. Gen. Laws ch. 272, " + section + "99");
  CHECK(found[1].second == found[0].second);  // one section: one authority
  CHECK(found[2].second == "Mass. Gen. Laws ch. 93A, " + section + "2");
  CHECK(found[3].second == "Okla. Stat. tit. 21, " + section + "1");
  CHECK(found[4].first == "Id. §§ 2-3");
  CHECK(found[4].second ==
        "Okla. Stat. tit. 21, \xC2\xA7\xC2\xA7\xC2\xA0"
        "2\xE2\x80\x93"
        "3");
  CHECK(found[5].second == "Me. Rev. Stat. Ann. tit. 17-A, " + section + "207");
  CHECK(found[6].second == "Me. Rev. Stat. Ann. tit. 17-A, " + section + "208");
  CHECK(found[7].second == "Tex. Code Crim. Proc. Ann. art. 18.20, " + section + "1");
  CHECK(found[8].second == "Tex. Code Crim. Proc. Ann. art. 18.20, " + section + "2");
  CHECK(found[9].second == "Tex. Code Crim. Proc. Ann. art. 38.23");  // the article the section
}

TEST_CASE("an Id. of a decimal section, a range of them, or California's Id. with a comma") {
  Warnings warnings;
  const auto found = reader().find(
      "Washington's older statute grants immunity for a communication to a government agency. "
      "Wash. Rev. Code § 4.24.510 (2010). Its newer one was held invalid. Id. § 4.24.525. The "
      "California provisions read together. (Cal. Civ. Proc. Code § 425.16.) (Id., § 425.18.) "
      "Id. §§ 425.17-425.18.",
      {"opinion.txt", 1, 1}, warnings);
  REQUIRE(found.size() == 5);
  CHECK(found[1].normalised == "Id. " + section + "4.24.525");
  CHECK(found[1].key == "Wash. Rev. Code " + section + "4.24.525");
  CHECK(found[3].text == "Id., § 425.18");
  CHECK(found[3].normalised == "Id. " + section + "425.18");  // Bluebook form: no comma
  CHECK(found[3].key == "Cal. Civ. Proc. Code " + section + "425.18");
  CHECK(found[4].normalised ==
        "Id. \xC2\xA7\xC2\xA7\xC2\xA0"
        "425.17\xE2\x80\x93"
        "425.18");
  CHECK(found[4].key ==
        "Cal. Civ. Proc. Code \xC2\xA7\xC2\xA7\xC2\xA0"
        "425.17\xE2\x80\x93"
        "425.18");
}

TEST_CASE("an Id. of another section of the United States Code names that section") {
  const auto found = keys(
      "An application must state the facts relied on. 50 U.S.C. § 1804(a)(3). The judge "
      "enters the order on those findings. Id. § 1805(a). The findings may be reviewed. Id. "
      "§ 1805(a)(2). The Attorney General may authorize emergency surveillance. Id. § 1805(e). "
      "Physical searches follow their own sections. Id. §§ 1821-1829. Id. § 1824.");
  REQUIRE(found.size() == 6);
  CHECK(found[0].second == "50 U.S.C. " + section + "1804");
  CHECK(found[1].second == "50 U.S.C. " + section + "1805");
  CHECK(found[2].second == "50 U.S.C. " + section + "1805");
  CHECK(found[3].second == "50 U.S.C. " + section + "1805");
  CHECK(found[4].second ==
        "50 U.S.C. \xC2\xA7\xC2\xA7\xC2\xA0"
        "1821\xE2\x80\x93"
        "1829");
  CHECK(found[5].second == "50 U.S.C. " + section + "1824");
}

TEST_CASE("an Id. of a case or a treatise keeps its authority whatever section it names") {
  const auto found = keys(
      "Minimization is treated at length. David S. Kris & J. Douglas Wilson, National "
      "Security Investigations & Prosecutions § 9:12 (2d ed. 2012). Id. § 9:13.");
  REQUIRE(found.size() == 2);
  CHECK(found[1].second == found[0].second);
}

TEST_CASE("the table of authorities lists the section an Id. names apart from the one before") {
  const std::string text =
      "<document><paragraph>The motion lies. <cite>Cal. Civ. Proc. Code § 425.16(b)(1)</cite>. "
      "The exemption does not apply. <cite>Id. § 425.17(b)</cite>. Fees follow. <cite>Id. § "
      "425.16(c)(1)</cite>.</paragraph></document>";
  pugi::xml_document xml;
  REQUIRE(xml.load_string(text.c_str()));
  auto document = doc::from_xml(xml.document_element(), LineIndex("brief.xml", text));
  Warnings warnings;
  cite::annotate(document, reader(), {}, warnings);
  CHECK(warnings.empty());
  REQUIRE(document.authorities.size() == 2);
  CHECK(doc::plain_text(document.authorities[0].entry) ==
        "Cal. Civ. Proc. Code " + section + "425.16");
  CHECK(doc::plain_text(document.authorities[1].entry) ==
        "Cal. Civ. Proc. Code " + section + "425.17");
  CHECK(document.authorities[1].category == doc::AuthorityCategory::statutes);
  const auto tree = doc::to_xml(document);
  CHECK(tree.find("authority=\"Cal. Civ. Proc. Code " + section + "425.17\"") != std::string::npos);
}
