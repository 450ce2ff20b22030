#include "layout/context.hpp"

namespace fiscgen::layout::detail {

FontCache::FontCache(fonts::FontSet& fonts) : fonts_(fonts) {}

const std::vector<int>& FontCache::kerning(int font, std::u32string_view word) {
  if (kerning_.size() <= static_cast<std::size_t>(font))
    kerning_.resize(static_cast<std::size_t>(font) + 1);
  auto& words = kerning_[static_cast<std::size_t>(font)];
  auto found = words.find(word);
  if (found == words.end())
    found = words.emplace(std::u32string(word), fonts_.font(font).kerning(word)).first;
  return found->second;
}

Context::Context(const doc::Document& document, const rules::Profile& profile,
                 fonts::FontSet& fonts, Warnings& warnings)
    : document(document),
      profile(profile),
      cache(fonts),
      warnings(warnings),
      locale(document.meta.locale.empty() ? "en_US" : document.meta.locale) {}

}  // namespace fiscgen::layout::detail
