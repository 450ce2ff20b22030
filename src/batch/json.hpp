// JSON through nlohmann-json (Debian's nlohmann-json3-dev): the batch cache, the report and
// `fiscgen cite --json`. Objects keep their keys sorted (nlohmann::json's std::map), so the
// same value always gives the same text.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace fiscgen::batch::json {

using Value = nlohmann::json;

/// `value` as text, `indent` spaces per level (-1: one line). Text that is not UTF-8 (a file
/// name may hold any byte but '/' and NUL) is written with U+FFFD in its place: the file stays
/// valid JSON, where nlohmann-json would otherwise refuse to write it.
inline std::string dump(const Value& value, int indent = -1) {
  return value.dump(indent, ' ', false, Value::error_handler_t::replace);
}

/// `text` as a JSON string literal, quotes included.
inline std::string quote(std::string_view text) {
  return dump(Value(text));
}

}  // namespace fiscgen::batch::json
