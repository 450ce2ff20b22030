#include "doc/urls.hpp"

#include <doctest/doctest.h>

using namespace fiscgen;

namespace {

std::vector<std::string> uris(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& url : doc::find_urls(text)) {
    CHECK(url.end <= text.size());
    out.push_back(url.uri);
  }
  return out;
}

}  // namespace

TEST_CASE("web addresses are found at the start of a word, to the next space") {
  CHECK(uris("See https://www.fisc.uscourts.gov/public-filings for the docket.") ==
        std::vector<std::string>{"https://www.fisc.uscourts.gov/public-filings"});
  CHECK(uris("http://example.org/a?b=c&d=e#f") ==
        std::vector<std::string>{"http://example.org/a?b=c&d=e#f"});
  CHECK(uris("Voir www.conseil-constitutionnel.fr et HTTPS://EXAMPLE.FR/X") ==
        std::vector<std::string>{"http://www.conseil-constitutionnel.fr", "HTTPS://EXAMPLE.FR/X"});
}

TEST_CASE("punctuation closing the sentence is not part of the address") {
  CHECK(uris("Published at https://transparency.example/reports.") ==
        std::vector<std::string>{"https://transparency.example/reports"});
  CHECK(uris("(see www.justice.example/nsd), and “https://a.example/b”;") ==
        std::vector<std::string>{"http://www.justice.example/nsd", "https://a.example/b"});
  // A bracket the address opens is its own.
  CHECK(uris("https://en.wikipedia.example/wiki/Smith_(1979)!") ==
        std::vector<std::string>{"https://en.wikipedia.example/wiki/Smith_(1979)"});
}

TEST_CASE("no address: a bare scheme, www inside a word, or an e-mail host") {
  CHECK(uris("the prefix https:// alone").empty());
  CHECK(uris("awww.example or counsel@www.example.org").empty());
  CHECK(uris("www. and http:").empty());
  CHECK(uris("").empty());
}

TEST_CASE("an address ends at a no-break space or a curly quotation mark") {
  const auto found = doc::find_urls("“www.example.org”\u00a0next");
  REQUIRE(found.size() == 1);
  CHECK(found[0].uri == "http://www.example.org");
  CHECK(found[0].begin == 3);  // after the opening quotation mark's three bytes
}
