#include "layout/context.hpp"

#include <memory>
#include <string>
#include <unordered_map>

namespace fiscgen::layout::detail {

namespace {

// What one thread keeps of the fonts' kerning, across the documents it lays out: a batch worker
// that renders thousands of different documents starts again past this many words per font.
constexpr std::size_t max_kept_words = std::size_t{1} << 16;
// Stores kept per thread: a batch worker keeps its fonts (a few) for the whole batch.
constexpr std::size_t max_kept_fonts = 32;

// The FontCaches alive on this thread: a store is only dropped when none holds its words.
thread_local int live_caches = 0;

}  // namespace

/// What one font answered. The words and their kerning are taken from one
/// arena: each costs no allocation of its own and no freeing (three of each per word were a
/// third of the cache's cost).
struct FontCache::FontStore {
  std::pmr::monotonic_buffer_resource arena;
  Kernings words{&arena};
  Advances advances;
};

FontCache::Stores& FontCache::stores() {
  thread_local Stores stores;
  return stores;
}

FontCache::FontCache(fonts::FontSet& fonts) : fonts_(fonts) {
  // Between documents no cache holds a word of the stores: those grown too large start again.
  if (live_caches == 0) {
    std::erase_if(stores(),
                  [](const auto& entry) { return entry.second->words.size() > max_kept_words; });
    // Fonts made again for each render (--watch) leave stores no cache will ask for.
    if (stores().size() > max_kept_fonts) stores().clear();
  }
  ++live_caches;
}

FontCache::~FontCache() {
  --live_caches;
}

FontCache::FontStore& FontCache::store_of(const fonts::Font& font) {
  auto& store = stores()[font.serial()];
  if (!store) store = std::make_unique<FontStore>();
  return *store;
}

int FontCache::first_pick(fonts::Face face, char32_t cp) {
  if (cp >= bmp_size) return fonts_.pick(face, cp);
  auto& slot = picks_[static_cast<std::size_t>(face) * bmp_size + cp];
  slot = static_cast<std::int8_t>(fonts_.pick(face, cp));
  return slot;
}

int FontCache::first_advance(int font, char32_t cp) {
  if (cp >= bmp_size) return fonts_.font(font).advance(cp);
  const auto index = static_cast<std::size_t>(font);
  if (advances_.size() <= index) advances_.resize(index + 1, nullptr);
  const fonts::Font& asked = fonts_.font(font);
  if (!advances_[index]) advances_[index] = &store_of(asked).advances;
  auto& slot = (*advances_[index])[cp];
  if (slot == unasked_advance) slot = asked.advance(cp);
  return slot;
}

std::span<const int> FontCache::kerning(int font, std::u32string_view word) {
  const auto index = static_cast<std::size_t>(font);
  if (kerning_.size() <= index) kerning_.resize(index + 1, nullptr);
  if (!kerning_[index]) kerning_[index] = &store_of(fonts_.font(font)).words;
  auto& words = *kerning_[index];
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
