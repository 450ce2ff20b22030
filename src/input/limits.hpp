// Bounds on what an input may ask of fiscgen: each far above any real filing or letter, and
// each refused with a clear error instead of running out of memory, stack or time.
#pragma once

#include <cstddef>
#include <string>

namespace fiscgen::input {

/// Bytes of an input or CSV file. The longest FISC filings are a few hundred kilobytes of XML;
/// 16 MiB is ~2,000 pages of dense text, and keeps parse, NFC copies and layout in memory.
inline constexpr std::size_t max_input_bytes = std::size_t{16} << 20;

/// Elements open at once. Reading, merging and the document tree walk elements recursively
/// (ours and some of pugixml's), so depth is stack: 200 is ~20 times a deeply nested list.
inline constexpr std::size_t max_nesting_depth = 200;

/// Bytes of one text node or attribute value. One paragraph is laid out as a whole
/// (optimal-fit line breaking); 1 MiB is ~400 pages of a single paragraph.
inline constexpr std::size_t max_value_bytes = std::size_t{1} << 20;

/// Attributes on one element. The richest element of the vocabulary has six; a thousand is
/// far past any real one, and keeps per-element work small for every later stage.
inline constexpr std::size_t max_attributes = 1000;

/// "the file is N bytes; fiscgen reads at most …": the message for a file over max_input_bytes.
std::string too_big(std::size_t bytes);

}  // namespace fiscgen::input
