// JSON (RFC 8259) for files fiscgen writes itself; the reader is strict and small, not fast.

#include "batch/json.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "base/utf8.hpp"

namespace fiscgen::batch::json {
namespace {

const Value null_value;
const std::string empty_string;

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  Value document() {
    Value value = read_value(0);
    skip_space();
    if (at_ < text_.size()) fail("unexpected text after the value");
    return value;
  }

 private:
  // Deep nesting is never legitimate in our files; the limit keeps a bad file off the stack.
  static constexpr int max_depth = 64;

  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error("byte " + std::to_string(at_) + ": " + what);
  }
  void skip_space() {
    while (at_ < text_.size() &&
           (text_[at_] == ' ' || text_[at_] == '\n' || text_[at_] == '\r' || text_[at_] == '\t'))
      ++at_;
  }
  bool consume(std::string_view word) {
    if (text_.substr(at_, word.size()) != word) return false;
    at_ += word.size();
    return true;
  }
  void expect(char c) {
    skip_space();
    if (at_ >= text_.size() || text_[at_] != c) fail(std::string("expected '") + c + "'");
    ++at_;
  }

  Value read_value(int depth) {
    if (depth > max_depth) fail("nested too deeply");
    skip_space();
    if (at_ >= text_.size()) fail("expected a value");
    const char c = text_[at_];
    if (c == '{') return read_object(depth);
    if (c == '[') return read_array(depth);
    if (c == '"') return Value(read_string());
    if (consume("true")) return Value(true);
    if (consume("false")) return Value(false);
    if (consume("null")) return Value();
    return Value(read_number());
  }

  Value read_object(int depth) {
    Value object = Value::object();
    ++at_;
    skip_space();
    if (consume("}")) return object;
    for (;;) {
      skip_space();
      if (at_ >= text_.size() || text_[at_] != '"') fail("expected a member name");
      std::string key = read_string();
      expect(':');
      object.set(key, read_value(depth + 1));
      skip_space();
      if (consume("}")) return object;
      expect(',');
    }
  }

  Value read_array(int depth) {
    Value array = Value::array();
    ++at_;
    skip_space();
    if (consume("]")) return array;
    for (;;) {
      array.push(read_value(depth + 1));
      skip_space();
      if (consume("]")) return array;
      expect(',');
    }
  }

  unsigned read_hex4() {
    if (at_ + 4 > text_.size()) fail("short \\u escape");
    unsigned code = 0;
    for (int i = 0; i < 4; ++i) {
      const char h = text_[at_++];
      code <<= 4;
      if (h >= '0' && h <= '9')
        code |= static_cast<unsigned>(h - '0');
      else if (h >= 'a' && h <= 'f')
        code |= static_cast<unsigned>(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F')
        code |= static_cast<unsigned>(h - 'A' + 10);
      else
        fail("bad \\u escape");
    }
    return code;
  }

  std::string read_string() {
    ++at_;  // the opening quote
    std::string out;
    for (;;) {
      if (at_ >= text_.size()) fail("unterminated string");
      const char c = text_[at_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) fail("control character in a string");
      if (c != '\\') {
        out += c;
        continue;
      }
      if (at_ >= text_.size()) fail("unterminated string");
      switch (const char e = text_[at_++]) {
        case '"':
        case '\\':
        case '/':
          out += e;
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          unsigned code = read_hex4();
          if (code >= 0xD800 && code < 0xDC00 && consume("\\u")) {
            const unsigned low = read_hex4();
            if (low < 0xDC00 || low > 0xDFFF) fail("unpaired surrogate");
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          } else if (code >= 0xD800 && code < 0xE000) {
            fail("unpaired surrogate");
          }
          utf8::append(out, static_cast<char32_t>(code));
          break;
        }
        default:
          fail("bad escape");
      }
    }
  }

  double read_number() {
    const std::size_t start = at_;
    if (at_ < text_.size() && text_[at_] == '-') ++at_;
    while (at_ < text_.size() &&
           std::string_view("0123456789.eE+-").find(text_[at_]) != std::string_view::npos)
      ++at_;
    if (at_ == start) fail("expected a value");
    const std::string number(text_.substr(start, at_ - start));
    std::size_t used = 0;
    double value = 0;
    try {
      value = std::stod(number, &used);
    } catch (const std::exception&) {
      at_ = start;
      fail("bad number");
    }
    if (used != number.size()) fail("bad number");
    return value;
  }

  std::string_view text_;
  std::size_t at_ = 0;
};

void newline(std::string& out, int indent, int depth) {
  if (indent <= 0) return;
  out += '\n';
  out.append(static_cast<std::size_t>(indent * depth), ' ');
}

}  // namespace

const std::string& Value::as_string() const {
  return kind_ == Kind::string ? string_ : empty_string;
}

const Value& Value::operator[](const std::string& key) const {
  if (kind_ != Kind::object) return null_value;
  const auto found = members_.find(key);
  return found == members_.end() ? null_value : found->second;
}

Value& Value::push(Value value) {
  kind_ = Kind::array;
  items_.push_back(std::move(value));
  return items_.back();
}

Value& Value::set(const std::string& key, Value value) {
  kind_ = Kind::object;
  return members_[key] = std::move(value);
}

std::string quote(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escape[8];
          std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(c));
          out += escape;
        } else {
          out += c;  // UTF-8 passes through
        }
    }
  }
  return out + "\"";
}

void Value::dump_to(std::string& out, int indent, int depth) const {
  switch (kind_) {
    case Kind::null:
      out += "null";
      break;
    case Kind::boolean:
      out += boolean_ ? "true" : "false";
      break;
    case Kind::number: {
      if (!std::isfinite(number_)) {
        out += "null";
      } else if (number_ == std::floor(number_) && std::fabs(number_) < 1e15) {
        out += std::to_string(static_cast<long long>(number_));
      } else {
        char text[32];  // the shortest text that reads back as the same double
        const auto end = std::to_chars(text, text + sizeof text, number_).ptr;
        out.append(text, end);
      }
      break;
    }
    case Kind::string:
      out += quote(string_);
      break;
    case Kind::array: {
      out += '[';
      for (std::size_t i = 0; i < items_.size(); ++i) {
        if (i) out += ',';
        newline(out, indent, depth + 1);
        items_[i].dump_to(out, indent, depth + 1);
      }
      if (!items_.empty()) newline(out, indent, depth);
      out += ']';
      break;
    }
    case Kind::object: {
      out += '{';
      bool first = true;
      for (const auto& [key, value] : members_) {
        if (!first) out += ',';
        first = false;
        newline(out, indent, depth + 1);
        out += quote(key);
        out += indent > 0 ? ": " : ":";
        value.dump_to(out, indent, depth + 1);
      }
      if (!members_.empty()) newline(out, indent, depth);
      out += '}';
      break;
    }
  }
}

std::string Value::dump(int indent) const {
  std::string out;
  dump_to(out, indent, 0);
  if (indent > 0) out += '\n';
  return out;
}

Value parse(std::string_view text) {
  return Reader(text).document();
}

}  // namespace fiscgen::batch::json
