// Web addresses written in running text, found so that the PDF can make them links.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace fiscgen::doc {

/// A web address in a text: bytes [begin, end) and the URI a link to it opens.
struct FoundUrl {
  std::size_t begin = 0, end = 0;
  std::string uri;  // the text itself; "http://" before an address written from "www."
};

/// The addresses in `text` starting with "http://", "https://" or "www." at the start of a
/// word, each running to the next space or quotation mark, less the punctuation that ends the
/// sentence around it (".", ",", ";", ":", "!", "?", closing quotes, and a ")" or "]" the
/// address does not open). A scheme or "www." with nothing after it is no address.
std::vector<FoundUrl> find_urls(std::string_view text);

}  // namespace fiscgen::doc
