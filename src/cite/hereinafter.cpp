// Rule 4.2(b): a citation followed by "[hereinafter NAME]" may be cited again as "NAME, supra".
// The name is the writer's, often a title's words or an author and a title with a comma between
// ("Kerr, Third-Party Doctrine"), which no pattern can foresee: the trail keeps it, and a supra
// whose words end one is widened to it.
#include <algorithm>
#include <cctype>

#include "cite/internal.hpp"

namespace fiscgen::cite {

void note_hereinafter(const Citation& c, std::string_view text, Trail& trail) {
  if (c.key.empty()) return;
  std::size_t at = c.offset + c.length;
  while (at < text.size() && space_at(text, at)) at += space_at(text, at);
  constexpr std::string_view opening = "[hereinafter ";
  if (text.compare(at, opening.size(), opening) != 0) return;
  const std::size_t close = text.find(']', at);
  if (close == std::string_view::npos || close - at > 120) return;
  std::string name = collapse_spaces(text.substr(at + opening.size(), close - at - opening.size()));
  // Quotation marks around the name are the writer's, not the name's.
  for (const std::string_view quote : {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D"}) {
    if (name.rfind(quote, 0) == 0) name.erase(0, quote.size());
    if (name.size() >= quote.size() &&
        name.compare(name.size() - quote.size(), quote.size(), quote) == 0)
      name.erase(name.size() - quote.size());
  }
  if (!name.empty()) trail.hereinafter.emplace(name, c.key);
}

bool tie_hereinafter(Citation& c, std::string_view text, Trail& trail) {
  if (c.short_form != ShortForm::supra || c.case_name.empty() || trail.hereinafter.empty())
    return false;
  // What the text holds before "supra", less the comma: the name the supra is by.
  const std::size_t supra = c.text.find("supra");
  if (supra == std::string::npos) return false;
  std::size_t end = c.offset + supra;
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == ',')) --end;
  for (const auto& [name, key] : trail.hereinafter) {
    if (name.size() > end || text.compare(end - name.size(), name.size(), name) != 0) continue;
    const std::size_t begin = end - name.size();
    if (begin > c.offset) continue;  // the reader's name is longer than this one
    if (begin > 0 && std::isalnum(static_cast<unsigned char>(text[begin - 1]))) continue;
    const std::string_view widened = text.substr(begin, c.offset - begin);
    if (widened.find('\n') != std::string_view::npos) continue;  // the column would need the line
    for (const char byte : widened)
      if ((static_cast<unsigned char>(byte) & 0xC0) != 0x80) --c.where.column;
    c.normalised = name + c.normalised.substr(std::min(c.normalised.size(), c.case_name.size()));
    c.case_name = name;
    c.text = std::string(text.substr(begin, c.offset + c.length - begin));
    c.length += c.offset - begin;
    c.offset = begin;
    c.key = key;
    if (const auto found = trail.by_key.find(key); found != trail.by_key.end())
      c.category = trail.authorities[found->second].category;
    note_reach(trail, key, c);
    return true;
  }
  return false;
}

}  // namespace fiscgen::cite
