// Font (HarfBuzz metrics, coverage and hb-subset) and FontSet (the eight fonts of a document).

#include "fonts/fonts.hpp"

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <deque>
#include <iterator>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "base/utf8.hpp"
#include "fonts/hb_handles.hpp"
#include "fonts/pair_proof.hpp"

namespace fiscgen::fonts {
namespace {

using detail::BlobPtr;
using detail::BufferPtr;
using detail::FacePtr;
using detail::FontPtr;
using SubsetInputPtr =
    std::unique_ptr<hb_subset_input_t,
                    detail::HbDeleter<hb_subset_input_t, hb_subset_input_destroy>>;

constexpr hb_tag_t glyf_tag = HB_TAG('g', 'l', 'y', 'f');
constexpr hb_tag_t hhea_tag = HB_TAG('h', 'h', 'e', 'a');

// One name-table string (UTF-8), or "" if the font has none with this id.
std::string name_string(hb_face_t* face, hb_ot_name_id_t id) {
  const unsigned length = hb_ot_name_get_utf8(face, id, HB_LANGUAGE_INVALID, nullptr, nullptr);
  if (length == 0) return {};
  std::string text(length + 1, '\0');
  unsigned size = length + 1;
  hb_ot_name_get_utf8(face, id, HB_LANGUAGE_INVALID, &size, text.data());
  text.resize(size);
  return text;
}

// Big-endian signed 16-bit value at `offset` of a table blob.
int read_int16(hb_blob_t* blob, unsigned offset) {
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob, &length);
  if (!data || offset + 2 > length) return 0;
  const auto hi = static_cast<unsigned char>(data[offset]);
  const auto lo = static_cast<unsigned char>(data[offset + 1]);
  return static_cast<std::int16_t>(static_cast<std::uint16_t>((hi << 8) | lo));
}

// The pairs' kerning kept for one font, in thousandths of an em, by plan. Pairs of printable
// ASCII (most of a filing's) are kept in a table by code point, made on the plan's first pair:
// finding one there costs a few instructions where the hash map's lookup costs 170 (4,000 of
// them in a 5-page motion). Not thread-safe: Font::Impl locks around it.
class PairCache {
 public:
  std::optional<int> find(detail::PlanScript plan, char32_t first, char32_t second) const {
    if (const auto* slot = ascii_slot(plan, first, second))
      return *slot == no_pair ? std::nullopt : std::optional<int>(*slot);
    const auto found = others_.find(key(plan, first, second));
    return found == others_.end() ? std::nullopt : std::optional<int>(found->second);
  }
  void keep(detail::PlanScript plan, char32_t first, char32_t second, int kerning) {
    if (is_ascii(first) && is_ascii(second) && kerning > no_pair &&
        kerning <= std::numeric_limits<std::int16_t>::max()) {
      auto& table = ascii_[static_cast<std::size_t>(plan)];
      if (!table) {
        table = std::make_unique<AsciiTable>();
        table->fill(no_pair);
      }
      (*table)[index(first, second)] = static_cast<std::int16_t>(kerning);
      return;
    }
    // Bounded: emptied when it holds this many pairs (a batch keeps its fonts throughout).
    if (others_.size() >= kept_others) others_.clear();
    others_.emplace(key(plan, first, second), kerning);
  }

 private:
  static constexpr char32_t ascii_first = 0x20, ascii_last = 0x7E;
  static constexpr std::size_t ascii_count = ascii_last - ascii_first + 1;
  static constexpr std::int16_t no_pair = std::numeric_limits<std::int16_t>::min();
  static constexpr std::size_t kept_others = 100000;
  using AsciiTable = std::array<std::int16_t, ascii_count * ascii_count>;

  static bool is_ascii(char32_t cp) { return cp >= ascii_first && cp <= ascii_last; }
  static std::size_t index(char32_t first, char32_t second) {
    return (first - ascii_first) * ascii_count + (second - ascii_first);
  }
  static std::uint64_t key(detail::PlanScript plan, char32_t first, char32_t second) {
    return std::uint64_t{static_cast<std::uint32_t>(plan)} << 42 | std::uint64_t{first} << 21 |
           second;
  }
  // The slot of an ASCII pair in its plan's table; null for another pair, or before the table.
  const std::int16_t* ascii_slot(detail::PlanScript plan, char32_t first, char32_t second) const {
    const auto& table = ascii_[static_cast<std::size_t>(plan)];
    if (!is_ascii(first) || !is_ascii(second)) return nullptr;
    return table ? &(*table)[index(first, second)] : &no_pair;
  }

  std::array<std::unique_ptr<AsciiTable>, detail::plan_scripts> ascii_;
  std::unordered_map<std::uint64_t, int> others_;
};

}  // namespace

struct Font::Impl {
  BlobPtr blob;
  FacePtr face;
  FontPtr font;
  unsigned upem = 1000;
  // The last subsets made, newest first: the letters of a batch mostly draw the same
  // characters, and a worker keeps its fonts for the whole batch (hb-subset was 6% of it).
  // hb-subset gives the same bytes for the same face and characters, so reusing them changes
  // nothing in any PDF.
  static constexpr std::size_t kept_subsets = 4;
  std::mutex subsets_mutex;
  std::deque<std::pair<std::set<char32_t>, std::vector<std::uint8_t>>> subsets;
  // Each word's kerning, once shaped: the same font kept for a batch's documents shapes the
  // same words again and again (2.4M of a letter's 23M instructions in a batch). Shaping is a
  // function of the font and the word alone. Bounded: emptied when it holds this many words.
  static constexpr std::size_t kept_kernings = 20000;
  std::mutex kernings_mutex;
  std::unordered_map<std::u32string, std::vector<int>> kernings;

  // Kerning by pairs (see PairProof): each plan's proof, made on the first word that needs it
  // (a render loads 3-4 fonts, some for a few characters), and each pair's kerning once read.
  struct Proof {
    std::once_flag once;
    std::unique_ptr<detail::PairProof> proof;
  };
  std::array<Proof, detail::plan_scripts> proofs;
  std::mutex pairs_mutex;
  PairCache pairs;

  hb_codepoint_t glyph(char32_t code_point) const {
    hb_codepoint_t gid = 0;
    if (!hb_font_get_nominal_glyph(font.get(), code_point, &gid)) gid = 0;
    return gid;
  }
  const detail::PairProof& proof(detail::PlanScript plan) {
    Proof& entry = proofs[static_cast<std::size_t>(plan)];
    std::call_once(entry.once,
                   [&] { entry.proof = std::make_unique<detail::PairProof>(font.get(), plan); });
    return *entry.proof;
  }
  std::optional<std::vector<int>> shape(std::u32string_view text, hb_script_t script) const;
  std::optional<std::vector<int>> pairs_of(detail::PlanScript plan, const detail::PairProof& proof,
                                           std::u32string_view text);
  // Font units rounded to thousandths of an em, the unit of PDF widths and of advance().
  int thousandths(long units) const {
    return static_cast<int>(
        std::lround(static_cast<double>(units) * 1000.0 / static_cast<double>(upem)));
  }
};

namespace {
std::atomic<std::uint64_t> fonts_made{0};
}  // namespace

Font::Font(const std::filesystem::path& file)
    : file_(file), serial_(++fonts_made), impl_(std::make_unique<Impl>()) {
  const SourceLocation where{file.string(), 0, 0};
  impl_->blob.reset(hb_blob_create_from_file_or_fail(file.c_str()));
  if (!impl_->blob) throw Error(where, "cannot read this font file");
  impl_->face.reset(hb_face_create(impl_->blob.get(), 0));
  if (hb_face_get_glyph_count(impl_->face.get()) == 0)
    throw Error(where, "not a font file HarfBuzz can read");
  // libharu embeds only TrueType outlines; a CFF (.otf) font would fail much later, at save.
  const BlobPtr glyf(hb_face_reference_table(impl_->face.get(), glyf_tag));
  if (hb_blob_get_length(glyf.get()) == 0)
    throw Error(where, "has no TrueType outlines (glyf table); the PDF writer needs a .ttf font");
  impl_->font.reset(hb_font_create(impl_->face.get()));
  impl_->upem = hb_face_get_upem(impl_->face.get());
  if (impl_->upem == 0) throw Error(where, "has no units per em in its head table");

  // libharu reads ascent and descent from hhea and truncates them to per mille; so do we, so
  // that layout and the PDF's FontDescriptor agree.
  const BlobPtr hhea(hb_face_reference_table(impl_->face.get(), hhea_tag));
  const auto upem = static_cast<std::int32_t>(impl_->upem);
  ascent_ = static_cast<std::int32_t>(read_int16(hhea.get(), 4)) * 1000 / upem;
  descent_ = static_cast<std::int32_t>(read_int16(hhea.get(), 6)) * 1000 / upem;

  // The typographic family (id 16) groups all weights; older fonts only have id 1.
  family_ = name_string(impl_->face.get(), HB_OT_NAME_ID_TYPOGRAPHIC_FAMILY);
  if (family_.empty()) family_ = name_string(impl_->face.get(), HB_OT_NAME_ID_FONT_FAMILY);
}

Font::~Font() = default;

bool Font::has_glyph(char32_t code_point) const {
  return impl_->glyph(code_point) != 0;
}

int Font::advance(char32_t code_point) const {
  // Exactly libharu's /W computation: (uint)advance_width * 1000 / units_per_em, truncated.
  // A missing glyph advances like .notdef (glyph 0), as in libharu.
  const hb_position_t units =
      hb_font_get_glyph_h_advance(impl_->font.get(), impl_->glyph(code_point));
  return static_cast<int>(static_cast<std::uint32_t>(units) * 1000u / impl_->upem);
}

std::vector<int> Font::kerning(std::u32string_view text) const {
  if (text.size() < 2) return std::vector<int>(text.size(), 0);
  // From pairs without the words kept: as cheap as finding the word, and nothing to store.
  if (auto adjustments = pair_kerning(text)) return *std::move(adjustments);
  const std::u32string key(text);
  {
    const std::lock_guard lock(impl_->kernings_mutex);
    if (const auto found = impl_->kernings.find(key); found != impl_->kernings.end())
      return found->second;
  }
  auto adjustments = shaped_kerning(text);
  const std::lock_guard lock(impl_->kernings_mutex);
  if (impl_->kernings.size() >= Impl::kept_kernings) impl_->kernings.clear();
  impl_->kernings.emplace(key, adjustments);
  return adjustments;
}

std::vector<int> Font::shaped_kerning(std::u32string_view text) const {
  auto adjustments = impl_->shape(text, HB_SCRIPT_INVALID);
  return adjustments ? *std::move(adjustments) : std::vector<int>(text.size(), 0);
}

std::optional<std::vector<int>> Font::pair_kerning(std::u32string_view text) const {
  detail::PlanScript plan{};
  if (!detail::plan_of(text.data(), text.size(), plan)) return std::nullopt;
  const detail::PairProof& proof = impl_->proof(plan);
  if (!proof.usable()) return std::nullopt;
  for (const char32_t cp : text)
    if (!proof.allows(cp)) return std::nullopt;
  return impl_->pairs_of(plan, proof, text);
}

// Each code point's kerning is its pair's, kept per font. A pair not yet kept is read from the
// plan's pair subtables (PairProof::pair_units), which the proof makes exactly what shaping the
// pair gives, at a tenth of the cost of shaping it.
std::optional<std::vector<int>> Font::Impl::pairs_of(detail::PlanScript plan,
                                                     const detail::PairProof& proof,
                                                     std::u32string_view text) {
  std::vector<int> adjustments(text.size(), 0);
  std::vector<std::size_t> missing;  // pairs not kept yet, by their first code point
  {
    const std::lock_guard lock(pairs_mutex);
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
      if (const auto kept = pairs.find(plan, text[i], text[i + 1]))
        adjustments[i] = *kept;
      else
        missing.push_back(i);
    }
  }
  if (missing.empty()) return adjustments;
  // Missing pairs are mostly neighbours: each glyph is looked up once for both its pairs.
  std::size_t glyph_at = text.size();
  hb_codepoint_t next_glyph = 0;
  for (const std::size_t i : missing) {
    const hb_codepoint_t first = i == glyph_at ? next_glyph : glyph(text[i]);
    next_glyph = glyph(text[i + 1]);
    glyph_at = i + 1;
    const auto units = proof.pair_units(first, next_glyph);
    if (!units) return std::nullopt;  // a table it cannot read: the whole word is shaped
    adjustments[i] = thousandths(*units);
  }
  const std::lock_guard lock(pairs_mutex);
  for (const std::size_t i : missing) pairs.keep(plan, text[i], text[i + 1], adjustments[i]);
  return adjustments;
}

// Kerning from HarfBuzz shaping `text` as one run, with `script` or (HB_SCRIPT_INVALID) the
// script HarfBuzz guesses; nothing when shaping does not keep one nominal glyph per code point.
std::optional<std::vector<int>> Font::Impl::shape(std::u32string_view text,
                                                  hb_script_t script) const {
  // One buffer per thread, reset for each word: creating and growing one per word was a tenth
  // of shaping's cost. hb_buffer_reset returns it to the state hb_buffer_create gives.
  thread_local const BufferPtr buffer(hb_buffer_create());
  hb_buffer_reset(buffer.get());
  const auto length = static_cast<int>(text.size());
  hb_buffer_add_utf32(buffer.get(), reinterpret_cast<const std::uint32_t*>(text.data()), length, 0,
                      length);
  hb_buffer_set_direction(buffer.get(), HB_DIRECTION_LTR);
  hb_buffer_set_script(buffer.get(), script);
  hb_buffer_guess_segment_properties(buffer.get());
  hb_shape(font.get(), buffer.get(), detail::shaping_features, std::size(detail::shaping_features));
  unsigned count = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer.get(), &count);
  const hb_glyph_position_t* position = hb_buffer_get_glyph_positions(buffer.get(), &count);
  if (count != text.size()) return std::nullopt;
  for (unsigned i = 0; i < count; ++i)
    if (info[i].cluster != i || info[i].codepoint != glyph(text[i])) return std::nullopt;
  std::vector<int> adjustments(text.size(), 0);
  for (unsigned i = 0; i + 1 < count; ++i) {
    const hb_position_t nominal = hb_font_get_glyph_h_advance(font.get(), info[i].codepoint);
    adjustments[i] = thousandths(static_cast<long>(position[i].x_advance) - nominal);
  }
  return adjustments;
}

namespace {

std::u32string decode(std::string_view utf8) {
  std::u32string text;
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    char32_t cp = 0;
    if (!fiscgen::utf8::next_code_point(utf8, pos, cp))
      cp = 0xFFFD;  // measured like what a reader shows
    text += cp;
  }
  return text;
}

// libharu 2.3 writes an embedded font's tables in a fixed order ending with 'prep', into a
// memory stream of 4,096-byte buffers, then seeks back to each table's start; when 'prep' is
// empty and the tables before it fill the buffers exactly, that seek finds no buffer and saving
// fails with HPDF_INVALID_OBJECT (0x1033) — about one font in a thousand, by its size alone.
// A one-instruction 'prep' (SVTCA[x]: the projection and freedom vectors' default, so it
// changes nothing) keeps the last table non-empty.
FacePtr with_prep_program(FacePtr subset) {
  constexpr hb_tag_t prep = HB_TAG('p', 'r', 'e', 'p');
  // hb-subset's result is a builder face, which cannot list its tables: read it back first.
  const BlobPtr bytes(hb_face_reference_blob(subset.get()));
  FacePtr face(hb_face_create(bytes.get(), 0));
  const BlobPtr existing(hb_face_reference_table(face.get(), prep));
  if (hb_blob_get_length(existing.get()) > 0) return face;
  FacePtr builder(hb_face_builder_create());
  hb_tag_t tags[64];
  unsigned start = 0, count = 64;
  while (hb_face_get_table_tags(face.get(), start, &count, tags), count > 0) {
    for (unsigned i = 0; i < count; ++i) {
      if (tags[i] == prep) continue;
      const BlobPtr table(hb_face_reference_table(face.get(), tags[i]));
      hb_face_builder_add_table(builder.get(), tags[i], table.get());
    }
    start += count;
    count = 64;
  }
  static const char svtca_x[] = {0x01};
  const BlobPtr program(
      hb_blob_create(svtca_x, sizeof svtca_x, HB_MEMORY_MODE_READONLY, nullptr, nullptr));
  hb_face_builder_add_table(builder.get(), prep, program.get());
  return builder;
}

}  // namespace

double Font::width(std::string_view utf8, double size) const {
  long long total = 0;
  for (const char32_t cp : decode(utf8)) total += advance(cp);
  return static_cast<double>(total) * size / 1000.0;
}

double Font::shaped_width(std::string_view utf8, double size) const {
  const std::u32string text = decode(utf8);
  long long total = 0;
  for (const char32_t cp : text) total += advance(cp);
  for (const int adjustment : kerning(text)) total += adjustment;
  return static_cast<double>(total) * size / 1000.0;
}

std::vector<std::uint8_t> Font::subset(const std::set<char32_t>& code_points) const {
  {
    const std::lock_guard lock(impl_->subsets_mutex);
    for (const auto& [kept, bytes] : impl_->subsets)
      if (kept == code_points) return bytes;
  }
  auto bytes = new_subset(code_points);
  const std::lock_guard lock(impl_->subsets_mutex);
  impl_->subsets.emplace_front(code_points, bytes);
  if (impl_->subsets.size() > Impl::kept_subsets) impl_->subsets.pop_back();
  return bytes;
}

std::vector<std::uint8_t> Font::new_subset(const std::set<char32_t>& code_points) const {
  const SubsetInputPtr input(hb_subset_input_create_or_fail());
  if (!input) throw Error(SourceLocation{file_.string(), 0, 0}, "out of memory while subsetting");
  // No TrueType hinting: the instructions and their tables (fpgm, prep, cvt) were about half of
  // each subset (a 1-page letter: 27.7 KB with, 17 KB without), and PDF viewers draw outlines
  // unhinted or autohinted anyway (poppler's render is pixel-identical). libharu, which lists
  // those tables as required, writes them empty.
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);
  // Every other table dropped: the PDF holds none of them, and hb-subset followed GSUB's and
  // GPOS's lookups to add the glyphs they reach (a tenth of a letter's instructions in all),
  // though only the glyphs the text's code points name are drawn.
  hb_set_t* dropped = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  // The kept tables' tags, read from their names once (thirteen names per table per subset were
  // a tenth of this function's own work).
  static const auto kept_tags = [] {
    std::array<hb_tag_t, embedded_tables.size()> kept{};
    for (std::size_t i = 0; i < kept.size(); ++i)
      kept[i] = hb_tag_from_string(embedded_tables[i], 4);
    return kept;
  }();
  hb_tag_t tags[64];
  for (unsigned start = 0, count = 64;
       hb_face_get_table_tags(impl_->face.get(), start, &count, tags), count > 0;
       start += count, count = 64)
    for (unsigned i = 0; i < count; ++i)
      if (std::find(kept_tags.begin(), kept_tags.end(), tags[i]) == kept_tags.end())
        hb_set_add(dropped, tags[i]);
  hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
  for (const char32_t cp : code_points) hb_set_add(unicodes, cp);
  FacePtr sub(hb_subset_or_fail(impl_->face.get(), input.get()));
  if (!sub) throw Error(SourceLocation{file_.string(), 0, 0}, "hb-subset could not subset it");
  sub = with_prep_program(std::move(sub));
  const BlobPtr blob(hb_face_reference_blob(sub.get()));
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob.get(), &length);
  if (!data || length == 0)
    throw Error(SourceLocation{file_.string(), 0, 0}, "hb-subset produced an empty font");
  return std::vector<std::uint8_t>(reinterpret_cast<const std::uint8_t*>(data),
                                   reinterpret_cast<const std::uint8_t*>(data) + length);
}

std::shared_ptr<const Font> FontResolver::open(const std::filesystem::path& file) {
  return std::make_shared<const Font>(file);
}

std::filesystem::path FontResolver::find_covering(char32_t, Face) {
  return {};
}

FontSet::FontSet(FontResolver& resolver, std::string family, std::string fallback_family)
    : resolver_(resolver),
      family_(std::move(family)),
      fallback_family_(std::move(fallback_family)),
      fonts_(first_covering) {}

FontSet::~FontSet() = default;

const Font& FontSet::font(int index) {
  if (index < 0 || index >= count())
    throw Error("font index " + std::to_string(index) + " is outside 0-" +
                std::to_string(count() - 1));
  auto& slot = fonts_[static_cast<std::size_t>(index)];
  if (!slot) {  // a main or fallback face: covering fonts are loaded when found
    const bool fallback = family_of(index) == Family::fallback;
    const auto face = static_cast<Face>(index % faces);
    // The main family must be exactly what the rules ask for; the fallback may be substituted.
    slot = resolver_.open(resolver_.find(fallback ? fallback_family_ : family_, face, !fallback));
  }
  return *slot;
}

int FontSet::pick(Face face, char32_t code_point) {
  if (font(main_font(face)).has_glyph(code_point)) return main_font(face);
  if (font(fallback_font(face)).has_glyph(code_point)) return fallback_font(face);
  return covering(face, code_point);
}

int FontSet::covering(Face face, char32_t code_point) {
  // A covering font already loaded for this face serves before fontconfig is asked again.
  for (std::size_t i = 0; i < covering_.size(); ++i)
    if (covering_[i].face == face && fonts_[first_covering + i]->has_glyph(code_point))
      return static_cast<int>(first_covering + i);
  const auto file = resolver_.find_covering(code_point, face);
  if (file.empty() || count() >= max_fonts) return -1;
  for (const auto& known : covering_)
    if (known.face == face && known.file == file) return -1;  // its cmap lacks it after all
  auto opened = resolver_.open(file);
  if (!opened->has_glyph(code_point)) return -1;  // fontconfig's charset and the cmap disagree
  fonts_.push_back(std::move(opened));
  covering_.push_back({file, face});
  return count() - 1;
}

}  // namespace fiscgen::fonts
