// DocketRegex reads a pattern as std::regex does: the same strings match, the same patterns
// are refused.
#include <doctest/doctest.h>

#include <regex>
#include <string>
#include <vector>

#include "rules/docket.hpp"

using namespace fiscgen::rules;

TEST_CASE("a docket pattern matches what std::regex matches") {
  const std::vector<std::string> patterns{
      R"((Misc\.|BR|PR/TT) \d{2}-\d{1,4})",
      R"((1:)?\d{2}-(cv|cr|mc|mj)-\d{1,5}(-[A-Z]{2,4}| \([A-Z]{2,4}\))?|\d{2}-\d{1,5} \([A-Z]{2,4}\))",
      R"(\d{2}-\d{2,3})",
      "[[=a=]]+-[[=B=]]",
      "[[:alpha:]]+ [^[:digit:]x-z]\\w\\s\\S\\W\\D",
      "[[.hyphen.]]\\d",
      "-mc-",
      "[a-fA-F0-9]{2}\\b"};
  const std::vector<std::string> dockets{"Misc. 13-04",
                                         "BR 14-01",
                                         "PR/TT 09-1234",
                                         "Misc 13-04",
                                         "1:13-cv-01234-ABC",
                                         "13-mc-00077 (RC)",
                                         "20-02",
                                         "13-5127",
                                         "aA-b",
                                         "AAa-B",
                                         "Docket q_ 1!2",
                                         "Docket Q_\t1!",
                                         "-7",
                                         "-mc-",
                                         "ff ",
                                         "Ab",
                                         "Nguyễn 13-04",
                                         "١٣-٠٤",
                                         ""};
  for (const auto& pattern : patterns) {
    const std::regex standard(pattern);
    const auto& ours = docket_regex(pattern);
    for (const auto& docket : dockets) {
      CAPTURE(pattern);
      CAPTURE(docket);
      CHECK(std::regex_match(docket, ours) == std::regex_match(docket, standard));
      CHECK(std::regex_search(docket, ours) == std::regex_search(docket, standard));
    }
  }
}

TEST_CASE("a docket pattern std::regex refuses is refused") {
  for (const char* pattern : {"(Misc", "[[=ab=]]", "\\d{2,1}", "[z-a]", "*x"}) {
    CAPTURE(pattern);
    CHECK_THROWS_AS(std::regex{pattern}, std::regex_error);
    CHECK_THROWS_AS(docket_regex(pattern), std::regex_error);
  }
}
