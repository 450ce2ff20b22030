// The little JSON the batch cache and report need: a value tree, a writer and a strict reader.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace fiscgen::batch::json {

/// A JSON value. Numbers are doubles; objects keep their keys sorted, so output is stable.
class Value {
 public:
  enum class Kind { null, boolean, number, string, array, object };

  Value() = default;
  Value(bool b) : kind_(Kind::boolean), boolean_(b) {}
  Value(double n) : kind_(Kind::number), number_(n) {}
  Value(int n) : kind_(Kind::number), number_(n) {}
  Value(std::string s) : kind_(Kind::string), string_(std::move(s)) {}
  Value(const char* s) : kind_(Kind::string), string_(s) {}
  static Value array() {
    Value v;
    v.kind_ = Kind::array;
    return v;
  }
  static Value object() {
    Value v;
    v.kind_ = Kind::object;
    return v;
  }

  Kind kind() const { return kind_; }
  bool is(Kind kind) const { return kind_ == kind; }
  /// Accessors return a neutral value (false, 0, "", empty) for the wrong kind: the cache
  /// treats anything unexpected as "not cached" rather than failing.
  bool as_bool() const { return kind_ == Kind::boolean && boolean_; }
  double as_number() const { return kind_ == Kind::number ? number_ : 0; }
  const std::string& as_string() const;
  const std::vector<Value>& items() const { return items_; }
  const std::map<std::string, Value>& members() const { return members_; }
  /// The member `key`, or null when absent (or this is not an object).
  const Value& operator[](const std::string& key) const;

  Value& push(Value value);                         // array: append
  Value& set(const std::string& key, Value value);  // object: add or replace
  void erase(const std::string& key) { members_.erase(key); }

  /// Serialises; `indent` > 0 pretty-prints with that many spaces per level.
  std::string dump(int indent = 0) const;

 private:
  void dump_to(std::string& out, int indent, int depth) const;
  Kind kind_ = Kind::null;
  bool boolean_ = false;
  double number_ = 0;
  std::string string_;
  std::vector<Value> items_;
  std::map<std::string, Value> members_;
};

/// Parses `text`; throws std::runtime_error with the byte offset on malformed input.
Value parse(std::string_view text);

/// `text` as a JSON string literal, quotes included.
std::string quote(std::string_view text);

}  // namespace fiscgen::batch::json
