// LazyRegex: an expression compiled the first time a text may hold a match of it, and with
// only the parts (expr::part) the texts it is run on may match.
#include <algorithm>
#include <stdexcept>

#include "cite/internal.hpp"

namespace fiscgen::cite {

bool LazyRegex::may_match(std::string_view text) const {
  if (needs_.empty()) return true;
  return std::any_of(needs_.begin(), needs_.end(), [&](const std::string& literal) {
    return text.find(literal) != std::string_view::npos;
  });
}

bool LazyRegex::may_match(std::string_view text,
                          const std::function<bool(std::size_t)>& read) const {
  if (needs_.empty()) return true;
  for (const auto& literal : needs_)
    for (auto at = text.find(literal); at != std::string_view::npos;
         at = text.find(literal, at + 1))
      if (!read(at)) return true;
  return false;
}

namespace {

// The marks of expr::part: bytes no expression writes, around its literals and its expression.
constexpr char part_open = '\x02', literal_end = '\x1F', part_body = '\x03', part_close = '\x04';
constexpr std::size_t most_parts = 32;  // a bit each

}  // namespace

std::string expr::part(const std::vector<std::string>& literals, const std::string& expression) {
  std::string out(1, part_open);
  for (const auto& literal : literals) out += literal + literal_end;
  return out + part_body + expression + part_close;
}

void LazyRegex::find_parts() const {
  if (parts_) return;
  parts_.emplace();
  for (auto at = expression_.find(part_open); at != std::string::npos;
       at = expression_.find(part_open, at + 1)) {
    const auto body = expression_.find(part_body, at), close = expression_.find(part_close, at);
    if (body == std::string::npos || close == std::string::npos || body > close ||
        parts_->size() == most_parts)
      throw std::logic_error("a malformed part in an expression");
    Part part{at, close + 1, {}};
    for (auto begin = at + 1; begin < body;) {
      const auto end = expression_.find(literal_end, begin);
      if (end > body) throw std::logic_error("a malformed part in an expression");
      part.literals.push_back(expression_.substr(begin, end - begin));
      begin = end + 1;
    }
    parts_->push_back(std::move(part));
  }
}

std::string LazyRegex::written(std::uint32_t parts) const {
  std::string out;
  std::size_t done = 0;
  for (std::size_t i = 0; i < parts_->size(); ++i) {
    const Part& part = (*parts_)[i];
    out.append(expression_, done, part.begin - done);
    if (parts & (std::uint32_t{1} << i)) {
      const auto body = expression_.find(part_body, part.begin) + 1;
      out.append(expression_, body, part.end - 1 - body);
    } else {
      out += "(?!)";
    }
    done = part.end;
  }
  out.append(expression_, done, std::string::npos);
  return alternations_ ? alternations_->expand(out) : out;
}

std::uint32_t LazyRegex::all_parts() const {
  return parts_->size() == most_parts ? ~std::uint32_t{0}
                                      : (std::uint32_t{1} << parts_->size()) - 1;
}

const i18n::Regex& LazyRegex::compiled_with(std::uint32_t parts) const {
  for (const auto& [written_parts, regex] : compiled_)
    if ((written_parts & parts) == parts) return *regex;
  if (!compiled_.empty()) parts = all_parts();
  compiled_.emplace_back(parts, std::make_unique<i18n::Regex>(written(parts)));
  return *compiled_.back().second;
}

const i18n::Regex& LazyRegex::get() const {
  const std::lock_guard lock(mutex_);
  find_parts();
  return compiled_with(all_parts());
}

bool LazyRegex::has_parts() const {
  const std::lock_guard lock(mutex_);
  find_parts();
  return !parts_->empty();
}

std::uint32_t LazyRegex::parts_in(std::string_view text) const {
  const std::lock_guard lock(mutex_);
  find_parts();
  std::uint32_t parts = 0;
  for (std::size_t i = 0; i < parts_->size(); ++i) {
    const auto& literals = (*parts_)[i].literals;
    if (std::any_of(literals.begin(), literals.end(), [&](const std::string& literal) {
          return text.find(literal) != std::string_view::npos;
        }))
      parts |= std::uint32_t{1} << i;
  }
  return parts;
}

const i18n::Regex& LazyRegex::get(std::uint32_t parts) const {
  const std::lock_guard lock(mutex_);
  find_parts();
  return compiled_with(parts & all_parts());
}

}  // namespace fiscgen::cite
