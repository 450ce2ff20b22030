// PairProof: which words of a face get from HarfBuzz exactly the kerning of their pairs.

#include "fonts/pair_proof.hpp"

#include <hb-ot.h>

#include <cstdint>
#include <iterator>
#include <optional>
#include <vector>

#include "fonts/hb_handles.hpp"

namespace fiscgen::fonts::detail {
namespace {

constexpr hb_tag_t gpos_tag = HB_OT_TAG_GPOS;
// GPOS lookup types.
constexpr unsigned pair_positioning = 2, mark_to_base = 4, mark_to_mark = 6,
                   extension_positioning = 9;
// LookupFlag bits IgnoreBaseGlyphs, IgnoreLigatures, IgnoreMarks; HarfBuzz's glyph properties
// use the same bits for base, ligature and mark glyphs (a glyph is skipped when they meet).
constexpr unsigned ignore_flags = 0x0E;
constexpr unsigned base_props = 0x02, ligature_props = 0x04, mark_props = 0x08;

// Big-endian reads from a table, bounds-checked: nothing past its end is ever read.
class Table {
 public:
  explicit Table(hb_blob_t* blob) {
    data_ = reinterpret_cast<const std::uint8_t*>(hb_blob_get_data(blob, &length_));
  }
  std::optional<unsigned> u16(std::uint64_t at) const {
    if (!data_ || at + 2 > length_) return std::nullopt;
    return unsigned{data_[at]} << 8 | data_[at + 1];
  }
  std::optional<std::uint64_t> u32(std::uint64_t at) const {
    const auto hi = u16(at), lo = u16(at + 2);
    if (!hi || !lo) return std::nullopt;
    return std::uint64_t{*hi} << 16 | *lo;
  }
  /// Reads the u16 `offset` bytes into a record: a record's key, for search_records().
  auto field(unsigned offset) const {
    return [this, offset](std::uint64_t record) { return u16(record + offset); };
  }

 private:
  const std::uint8_t* data_ = nullptr;
  unsigned length_ = 0;
};

struct Subtable {
  unsigned type;
  std::uint64_t at;
};
struct Lookup {
  unsigned flag;
  std::vector<Subtable> subtables;  // an extension's resolved to the subtable it points to
};

// GPOS lookup `index`, or nothing where the bytes are not what the format says. HarfBuzz has
// no public call for a lookup's type, flag or subtables, so they come from the table itself.
std::optional<Lookup> read_lookup(const Table& gpos, unsigned index) {
  const auto major = gpos.u16(0), list_offset = gpos.u16(8);
  if (major != 1u || !list_offset) return std::nullopt;
  const std::uint64_t list = *list_offset;
  const auto count = gpos.u16(list);
  if (!count || index >= *count) return std::nullopt;
  const auto lookup_offset = gpos.u16(list + 2 + 2ull * index);
  if (!lookup_offset) return std::nullopt;
  const std::uint64_t at = list + *lookup_offset;
  const auto type = gpos.u16(at), flag = gpos.u16(at + 2), subtables = gpos.u16(at + 4);
  if (!type || !flag || !subtables) return std::nullopt;
  Lookup lookup{*flag, {}};
  for (unsigned i = 0; i < *subtables; ++i) {
    const auto offset = gpos.u16(at + 6 + 2ull * i);
    if (!offset) return std::nullopt;
    Subtable subtable{*type, at + *offset};
    if (subtable.type == extension_positioning) {
      const auto format = gpos.u16(subtable.at), inner = gpos.u16(subtable.at + 2);
      const auto inner_offset = gpos.u32(subtable.at + 4);
      if (format != 1u || !inner || !inner_offset || *inner == extension_positioning)
        return std::nullopt;
      subtable = {*inner, subtable.at + *inner_offset};
    }
    lookup.subtables.push_back(subtable);
  }
  return lookup;
}

// Whether every subtable is pair positioning with an empty second value format: it moves the
// first glyph of a pair only, and leaves the next match to start at the second glyph (PairSet
// and PairPosFormat2 apply; a HarfBuzz built with HB_SPLIT_KERN would split such a kern between
// both glyphs: Debian's is not, and the test comparing with whole words would fail).
bool moves_first_of_pair(const Table& gpos, const Lookup& lookup) {
  for (const Subtable& subtable : lookup.subtables) {
    const auto format = gpos.u16(subtable.at), value_format2 = gpos.u16(subtable.at + 6);
    const bool pair_format = format && (*format == 1u || *format == 2u);  // listed, or by class
    if (subtable.type != pair_positioning || !pair_format || value_format2 != 0u) return false;
  }
  return true;
}

// ValueRecord fields (ValueFormat bits): XPlacement, YPlacement, XAdvance, then device tables.
constexpr unsigned x_placement = 0x1, y_placement = 0x2, x_advance = 0x4, value_fields = 0xFF;

unsigned value_length(unsigned value_format) {
  return 2 * static_cast<unsigned>(__builtin_popcount(value_format & value_fields));
}

// What a search of a table found: the glyph (and its index or class), not the glyph, or bytes
// that are not what the format says.
enum class Found { yes, no, unreadable };
struct Search {
  Found found;
  unsigned value = 0;
};

// Binary search of `count` records of `size` bytes from `at`, sorted by the ranges
// [first(record), last(record)] they hold, for `glyph` (HarfBuzz's hb_bsearch over the same).
template <typename First, typename Last>
Search search_records(unsigned count, std::uint64_t at, unsigned size, hb_codepoint_t glyph,
                      First first, Last last) {
  unsigned low = 0, high = count;
  while (low < high) {
    const unsigned middle = low + (high - low) / 2;
    const std::uint64_t record = at + std::uint64_t{size} * middle;
    const auto start = first(record), end = last(record);
    if (!start || !end) return {Found::unreadable};
    if (glyph < *start) {
      high = middle;
    } else if (glyph > *end) {
      low = middle + 1;
    } else {
      return {Found::yes, middle};
    }
  }
  return {Found::no};
}

// `glyph`'s index in the Coverage table at `at` (Coverage::get_coverage).
Search coverage_index(const Table& table, std::uint64_t at, hb_codepoint_t glyph) {
  const auto format = table.u16(at), count = table.u16(at + 2);
  if (!format || !count) return {Found::unreadable};
  if (*format == 1) return search_records(*count, at + 4, 2, glyph, table.field(0), table.field(0));
  if (*format != 2) return {Found::unreadable};
  Search range = search_records(*count, at + 4, 6, glyph, table.field(0), table.field(2));
  if (range.found != Found::yes) return range;
  const std::uint64_t record = at + 4 + 6ull * range.value;
  const auto start = table.u16(record), index = table.u16(record + 4);
  if (!start || !index) return {Found::unreadable};
  return {Found::yes, *index + (glyph - *start)};
}

// `glyph`'s class in the ClassDef table at `at`; class 0 for a glyph it does not list, and for
// a null offset (ClassDef::get_class).
Search class_of(const Table& table, std::uint64_t base, std::optional<unsigned> offset,
                hb_codepoint_t glyph) {
  if (!offset) return {Found::unreadable};
  if (*offset == 0) return {Found::yes, 0};
  const std::uint64_t at = base + *offset;
  const auto format = table.u16(at);
  if (format == 1u) {
    const auto start = table.u16(at + 2), count = table.u16(at + 4);
    if (!start || !count) return {Found::unreadable};
    if (glyph < *start || glyph - *start >= *count) return {Found::yes, 0};
    const auto klass = table.u16(at + 6 + 2ull * (glyph - *start));
    return klass ? Search{Found::yes, *klass} : Search{Found::unreadable};
  }
  const auto count = table.u16(at + 2);
  if (format != 2u || !count) return {Found::unreadable};
  const Search range = search_records(*count, at + 4, 6, glyph, table.field(0), table.field(2));
  if (range.found != Found::yes) return {range.found == Found::no ? Found::yes : range.found, 0};
  const auto klass = table.u16(at + 4 + 6ull * range.value + 4);
  return klass ? Search{Found::yes, *klass} : Search{Found::unreadable};
}

// The XAdvance of the ValueRecord at `at` of `format`, added to `units`; nothing else in it
// moves the advance (placements move the glyph; device tables apply only at a set size).
bool add_x_advance(const Table& table, std::uint64_t at, unsigned format, int& units) {
  if ((format & x_advance) == 0) return true;
  const auto value = table.u16(at + value_length(format & (x_placement | y_placement)));
  if (!value) return false;
  units += static_cast<std::int16_t>(*value);
  return true;
}

// Applies one pair subtable to (first, second) as HarfBuzz does: Found::yes when it matches,
// and then its XAdvance is added to `units` (PairPosFormat1::apply, PairPosFormat2::apply).
Found apply_pair(const Table& table, const PairProof::PairSubtable& subtable, hb_codepoint_t first,
                 hb_codepoint_t second, int& units) {
  const std::uint64_t at = subtable.at;
  const auto coverage = table.u16(at + 2);
  if (!coverage) return Found::unreadable;
  if (*coverage == 0) return Found::no;  // a null Coverage covers nothing
  const Search covered = coverage_index(table, at + *coverage, first);
  if (covered.found != Found::yes) return covered.found;
  const unsigned record_length = subtable.value_length1 + subtable.value_length2;
  if (subtable.format == 1) {
    const auto sets = table.u16(at + 8);
    if (!sets) return Found::unreadable;
    if (covered.value >= *sets) return Found::no;  // HarfBuzz reads a null PairSet
    const auto set_offset = table.u16(at + 10 + 2ull * covered.value);
    if (!set_offset) return Found::unreadable;
    if (*set_offset == 0) return Found::no;
    const std::uint64_t set = at + *set_offset;
    const auto count = table.u16(set);
    if (!count) return Found::unreadable;
    const Search pair =
        search_records(*count, set + 2, 2 + record_length, second, table.field(0), table.field(0));
    if (pair.found != Found::yes) return pair.found;
    const std::uint64_t record = set + 2 + std::uint64_t{2 + record_length} * pair.value;
    return add_x_advance(table, record + 2, subtable.value_format1, units) ? Found::yes
                                                                           : Found::unreadable;
  }
  const Search class1 = class_of(table, at, table.u16(at + 8), first);
  const Search class2 = class_of(table, at, table.u16(at + 10), second);
  const auto class1_count = table.u16(at + 12), class2_count = table.u16(at + 14);
  if (class1.found != Found::yes || class2.found != Found::yes || !class1_count || !class2_count)
    return Found::unreadable;
  if (class1.value >= *class1_count || class2.value >= *class2_count) return Found::no;
  const std::uint64_t record =
      at + 16 +
      std::uint64_t{record_length} * (std::uint64_t{class1.value} * *class2_count + class2.value);
  return add_x_advance(table, record, subtable.value_format1, units) ? Found::yes
                                                                     : Found::unreadable;
}

// A pair lookup's subtables as pair_units() reads them (moves_first_of_pair has read their
// formats).
std::vector<PairProof::PairSubtable> pair_subtables(const Table& gpos, const Lookup& lookup) {
  std::vector<PairProof::PairSubtable> subtables;
  for (const Subtable& subtable : lookup.subtables) {
    const unsigned format = gpos.u16(subtable.at).value_or(0),
                   value_format1 = gpos.u16(subtable.at + 4).value_or(0),
                   value_format2 = gpos.u16(subtable.at + 6).value_or(0);
    subtables.push_back({subtable.at, format, value_format1, value_length(value_format1),
                         value_length(value_format2)});
  }
  return subtables;
}

// Adds a Coverage table's glyphs to `glyphs`; false if it cannot be read.
bool add_coverage(const Table& gpos, std::uint64_t at, hb_set_t* glyphs) {
  const auto format = gpos.u16(at), count = gpos.u16(at + 2);
  if (!format || !count || (*format != 1 && *format != 2)) return false;
  for (unsigned i = 0; i < *count; ++i) {
    if (*format == 1) {
      const auto glyph = gpos.u16(at + 4 + 2ull * i);
      if (!glyph) return false;
      hb_set_add(glyphs, *glyph);
    } else {
      const auto first = gpos.u16(at + 4 + 6ull * i), last = gpos.u16(at + 6 + 6ull * i);
      if (!first || !last) return false;
      if (*first <= *last) hb_set_add_range(glyphs, *first, *last);
    }
  }
  return true;
}

// For a lookup of mark attachments only (mark to base, ligature or mark): adds the glyphs it
// acts at, those of the mark coverage; the base it attaches to keeps its advance. False for any
// other lookup, or one that cannot be read.
bool add_marks_attached(const Table& gpos, const Lookup& lookup, hb_set_t* glyphs) {
  for (const Subtable& subtable : lookup.subtables) {
    const auto format = gpos.u16(subtable.at), coverage = gpos.u16(subtable.at + 2);
    if (subtable.type < mark_to_base || subtable.type > mark_to_mark || format != 1u || !coverage ||
        !add_coverage(gpos, subtable.at + *coverage, glyphs))
      return false;
  }
  return true;
}

// Whether the face's GPOS has a kern feature for the plan's script and language, found the way
// HarfBuzz's map builder finds it (hb-ot-map.cc): then HarfBuzz ignores a legacy kern table.
bool has_gpos_kern(hb_face_t* face, const hb_segment_properties_t& props) {
  unsigned script_count = HB_OT_MAX_TAGS_PER_SCRIPT, language_count = HB_OT_MAX_TAGS_PER_LANGUAGE;
  hb_tag_t script_tags[HB_OT_MAX_TAGS_PER_SCRIPT], language_tags[HB_OT_MAX_TAGS_PER_LANGUAGE];
  hb_ot_tags_from_script_and_language(props.script, props.language, &script_count, script_tags,
                                      &language_count, language_tags);
  unsigned script_index = 0, language_index = 0, feature_index = 0;
  hb_tag_t chosen = 0;
  hb_ot_layout_table_select_script(face, gpos_tag, script_count, script_tags, &script_index,
                                   &chosen);
  hb_ot_layout_script_select_language(face, gpos_tag, script_index, language_count, language_tags,
                                      &language_index);
  return hb_ot_layout_language_find_feature(face, gpos_tag, script_index, language_index,
                                            HB_TAG('k', 'e', 'r', 'n'), &feature_index);
}

// Whether HarfBuzz positions with this face's GPOS alone (hb_ot_shape_plan_t::init0): the AAT
// tables (kerx, trak; morx or mort substitute instead of GSUB) are refused, and a legacy kern
// table is used unless GPOS has a kern feature for the plan.
bool positions_by_gpos_alone(hb_face_t* face, const hb_segment_properties_t& props) {
  static constexpr hb_tag_t aat[] = {HB_TAG('k', 'e', 'r', 'x'), HB_TAG('m', 'o', 'r', 'x'),
                                     HB_TAG('m', 'o', 'r', 't'), HB_TAG('t', 'r', 'a', 'k')};
  const auto has_table = [&](hb_tag_t tag) {
    const BlobPtr table(hb_face_reference_table(face, tag));
    return hb_blob_get_length(table.get()) > 0;
  };
  for (const hb_tag_t tag : aat)
    if (has_table(tag)) return false;
  if (!hb_ot_layout_has_positioning(face)) return false;
  return !has_table(HB_TAG('k', 'e', 'r', 'n')) || has_gpos_kern(face, props);
}

template <typename Each>
void for_each_lookup(hb_shape_plan_t* plan, hb_tag_t table, Each each) {
  const SetPtr lookups(hb_set_create());
  hb_ot_shape_plan_collect_lookups(plan, table, lookups.get());
  hb_codepoint_t index = HB_SET_VALUE_INVALID;
  while (hb_set_next(lookups.get(), &index)) each(index);
}

// Characters HarfBuzz treats apart from their glyph even with no lookup: it sets fraction
// features around a fraction slash (U+2215 in later versions too), merges the clusters of
// regional indicator pairs, emoji modifiers and halfwidth sound marks into their base
// (hb_set_unicode_props), and hides default ignorables and zeroes marks (categories below).
bool shaped_apart(char32_t cp) {
  return cp == 0x2044 || cp == 0x2215 || (cp >= 0x1F1E6 && cp <= 0x1F1FF) ||
         (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xFF9E && cp <= 0xFF9F);
}

bool plain_category(hb_unicode_general_category_t category) {
  switch (category) {
    case HB_UNICODE_GENERAL_CATEGORY_CONTROL:
    case HB_UNICODE_GENERAL_CATEGORY_FORMAT:  // the default ignorables of Latin and Common
    case HB_UNICODE_GENERAL_CATEGORY_UNASSIGNED:
    case HB_UNICODE_GENERAL_CATEGORY_PRIVATE_USE:
    case HB_UNICODE_GENERAL_CATEGORY_SURROGATE:
    case HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_LINE_SEPARATOR:
    case HB_UNICODE_GENERAL_CATEGORY_PARAGRAPH_SEPARATOR:
      return false;
    default:
      return true;
  }
}

}  // namespace

hb_script_t hb_script_of(PlanScript plan) {
  return plan == PlanScript::latin ? HB_SCRIPT_LATIN : HB_SCRIPT_INVALID;
}

bool plan_of(const char32_t* text, std::size_t length, PlanScript& plan) {
  hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();
  for (std::size_t i = 0; i < length; ++i) {
    const hb_script_t script = hb_unicode_script(unicode, text[i]);
    if (script == HB_SCRIPT_COMMON || script == HB_SCRIPT_INHERITED || script == HB_SCRIPT_UNKNOWN)
      continue;
    plan = PlanScript::latin;
    return script == HB_SCRIPT_LATIN;
  }
  plan = PlanScript::common;
  return true;
}

PairProof::PairProof(hb_font_t* font, PlanScript script)
    : font_(font), face_(hb_font_get_face(font)) {
  hb_face_t* face = face_;
  hb_segment_properties_t props = HB_SEGMENT_PROPERTIES_DEFAULT;
  props.direction = HB_DIRECTION_LTR;
  props.script = hb_script_of(script);
  props.language = hb_language_get_default();  // what the word's buffer guesses
  if (!positions_by_gpos_alone(face, props)) return;
  // The plan hb_shape makes for the word (it asks the same cache, keyed by these).
  const PlanPtr plan(hb_shape_plan_create_cached(face, &props, shaping_features,
                                                 std::size(shaping_features), nullptr));
  refused_ = hb_set_create();
  // Any substitution makes the word's kerning zeros: a glyph a GSUB lookup may act on is refused.
  for_each_lookup(plan.get(), HB_OT_TAG_GSUB, [&](unsigned index) {
    hb_ot_layout_lookup_collect_glyphs(face, HB_OT_TAG_GSUB, index, nullptr, refused_, nullptr,
                                       nullptr);
  });
  const BlobPtr blob(hb_face_reference_table(face, gpos_tag));
  const Table gpos(blob.get());
  // A lookup acts only at a glyph of its (first) coverage; HarfBuzz's collect_glyphs gives a
  // superset (with a mark attachment's bases, which it does not move, hence the marks alone).
  for_each_lookup(plan.get(), gpos_tag, [&](unsigned index) {
    const auto lookup = read_lookup(gpos, index);
    if (lookup && moves_first_of_pair(gpos, *lookup)) {
      skipped_props_ |= lookup->flag & ignore_flags;
      pair_lookups_.push_back(pair_subtables(gpos, *lookup));
    } else if (!lookup || !add_marks_attached(gpos, *lookup, refused_))
      hb_ot_layout_lookup_collect_glyphs(face, gpos_tag, index, nullptr, refused_, nullptr,
                                         nullptr);
  });
  gdef_classes_ = hb_ot_layout_has_glyph_classes(face);
  gpos_ = hb_blob_reference(blob.get());
  usable_ = hb_set_allocation_successful(refused_);
  decided_ = std::make_unique<std::atomic<std::uint8_t>[]>(decided_below);  // zeros
}

PairProof::~PairProof() {
  hb_set_destroy(refused_);
  hb_blob_destroy(gpos_);
}

std::optional<int> PairProof::pair_units(hb_codepoint_t first, hb_codepoint_t second) const {
  const Table gpos(gpos_);
  int units = 0;
  for (const auto& subtables : pair_lookups_)
    for (const PairSubtable& subtable : subtables) {
      const Found applied = apply_pair(gpos, subtable, first, second, units);
      if (applied == Found::unreadable) return std::nullopt;
      if (applied == Found::yes) break;  // a lookup applies its first subtable that matches
    }
  return units;
}

bool PairProof::allows(char32_t code_point) const {
  if (!usable_) return false;
  if (code_point >= decided_below) return decide(code_point);
  // Relaxed: every thread decides the same, so a race only decides twice.
  std::atomic<std::uint8_t>& known = decided_[code_point];
  const std::uint8_t verdict = known.load(std::memory_order_relaxed);
  if (verdict != 0) return verdict == 2;
  const bool allowed = decide(code_point);
  known.store(allowed ? 2 : 1, std::memory_order_relaxed);
  return allowed;
}

bool PairProof::decide(char32_t code_point) const {
  hb_codepoint_t glyph = 0;
  if (!hb_font_get_nominal_glyph(font_, code_point, &glyph) || glyph == 0 ||
      shaped_apart(code_point))
    return false;
  hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();
  const hb_script_t script = hb_unicode_script(unicode, code_point);
  if (script != HB_SCRIPT_LATIN && script != HB_SCRIPT_COMMON) return false;
  if (!plain_category(hb_unicode_general_category(unicode, code_point))) return false;
  if (hb_set_has(refused_, glyph)) return false;
  // HarfBuzz's glyph properties: from GDEF's classes, else base for every non-mark.
  unsigned props = base_props;
  if (gdef_classes_) {
    switch (hb_ot_layout_get_glyph_class(face_, glyph)) {
      case HB_OT_LAYOUT_GLYPH_CLASS_BASE_GLYPH:
        props = base_props;
        break;
      case HB_OT_LAYOUT_GLYPH_CLASS_LIGATURE:
        props = ligature_props;
        break;
      case HB_OT_LAYOUT_GLYPH_CLASS_MARK:
        props = mark_props;
        break;
      default:
        props = 0;
    }
  }
  // A mark's advance is zeroed; a glyph a pair lookup skips pairs its neighbours.
  return props != mark_props && (props & skipped_props_) == 0;
}

}  // namespace fiscgen::fonts::detail
