#include "layout/context.hpp"

namespace fiscgen::layout::detail {

FontCache::FontCache(fonts::FontSet& fonts) : fonts_(fonts) {}

int FontCache::first_pick(fonts::Face face, char32_t cp) {
  if (cp >= bmp_size) return fonts_.pick(face, cp);
  auto& slot = picks_[static_cast<std::size_t>(face) * bmp_size + cp];
  slot = static_cast<std::int8_t>(fonts_.pick(face, cp));
  return slot;
}

int FontCache::first_advance(int font, char32_t cp) {
  if (cp >= bmp_size) return fonts_.font(font).advance(cp);
  if (advances_.size() <= static_cast<std::size_t>(font))
    advances_.resize(static_cast<std::size_t>(font) + 1);
  auto& slot = advances_[static_cast<std::size_t>(font)][cp];
  slot = fonts_.font(font).advance(cp);
  return slot;
}

std::span<const int> FontCache::kerning(int font, std::u32string_view word) {
  const auto index = static_cast<std::size_t>(font);
  while (kerning_.size() <= index) kerning_.emplace_back(&kerning_arena_);
  auto& words = kerning_[index];
  auto found = words.find(word);
  if (found == words.end()) {
    const auto adjustments = fonts_.font(font).kerning(word);
    found = words
                .emplace(std::piecewise_construct, std::forward_as_tuple(word),
                         std::forward_as_tuple(adjustments.begin(), adjustments.end()))
                .first;
  }
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
