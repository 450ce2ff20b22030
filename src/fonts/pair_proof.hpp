// When a word's kerning is the sum of its pairs' kerning: a proof read from one face's tables.
// Internal to fonts/ (HarfBuzz types); Font uses it.
#pragma once

#include <hb.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace fiscgen::fonts::detail {

/// The features Font shapes with: kerning on, and nothing that substitutes (the PDF draws each
/// code point's nominal glyph, so a ligature or contextual form could not be named).
inline constexpr hb_feature_t shaping_features[] = {
    {HB_TAG('k', 'e', 'r', 'n'), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
    {HB_TAG('l', 'i', 'g', 'a'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
    {HB_TAG('c', 'l', 'i', 'g'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
    {HB_TAG('c', 'a', 'l', 't'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
};

/// The two shaping plans a word can get that the proof covers: hb_buffer_guess_segment_properties
/// gives a word the script of its first character that has one, and none (HB_SCRIPT_INVALID) to
/// a word of digits and punctuation only (Unicode script Common).
enum class PlanScript { latin = 0, common = 1 };
inline constexpr int plan_scripts = 2;

/// The script HarfBuzz shapes a word of this plan with.
hb_script_t hb_script_of(PlanScript plan);

/// Which of the proven plans `text` gets, if it gets one: its first character of a script other
/// than Common or Inherited is Latin (Latin), or it has none (Common). False otherwise.
bool plan_of(const char32_t* text, std::size_t length, PlanScript& plan);

/// For one face and one plan: which glyphs a word may hold for its kerning to be exactly the
/// kerning of each adjacent pair shaped alone (with the same plan), as HarfBuzz 6 shapes.
///
/// HarfBuzz applies a plan's GSUB lookups, then GPOS's; a lookup acts only at a glyph in its
/// coverage. A word all of whose glyphs are outside every GSUB lookup's input and every GPOS
/// lookup's other than pair positioning is only pair-positioned. A pair-positioning subtable
/// whose second value format is empty moves the first glyph only and leaves the next lookup
/// position on the second glyph (PairSet::apply), so with no glyph skipped by the lookup's flag
/// each pair (i, i+1) is matched as it is in the pair alone. Everything else HarfBuzz does
/// around the lookups touches only marks, default ignorables, fraction slashes, grapheme
/// continuations and characters the font lacks, which the proof refuses per character. AAT
/// tables (morx, mort, kerx, trak), no GPOS, or a legacy kern table that HarfBuzz applies (GPOS
/// has no kern feature for the plan) refuse the plan for the whole face.
class PairProof {
 public:
  /// Reads the plan HarfBuzz makes for `font`'s face with `script`, LTR, the default language
  /// and shaping_features. Never throws; a table it cannot read proves nothing.
  PairProof(hb_font_t* font, PlanScript script);
  ~PairProof();
  PairProof(const PairProof&) = delete;
  PairProof& operator=(const PairProof&) = delete;

  /// Whether any word may take its kerning from pairs.
  bool usable() const { return usable_; }
  /// Whether `code_point` (drawn with its nominal glyph) may be in such a word. Thread-safe.
  bool allows(char32_t code_point) const;
  /// The kerning, in font units, HarfBuzz gives `first` followed by `second` when both are
  /// glyphs of allowed code points: read from the plan's pair-positioning subtables as
  /// HarfBuzz 6 applies them (PairPosFormat1 and 2, no device tables at the default scale),
  /// which costs a few hundred instructions where shaping the pair costs several thousand.
  /// Nothing when a subtable cannot be read. Thread-safe.
  std::optional<int> pair_units(hb_codepoint_t first, hb_codepoint_t second) const;

  /// A pair-positioning subtable of the plan, as pair_units() reads it.
  struct PairSubtable {
    std::uint64_t at;        // in GPOS
    unsigned format;         // 1: pairs listed by second glyph, 2: pairs by class
    unsigned value_format1;  // the first glyph's ValueRecord fields
    unsigned value_length1;  // its length in bytes
    unsigned value_length2;  // the second glyph's, in bytes (the proof has it 0 for now)
  };

 private:
  bool decide(char32_t code_point) const;

  hb_font_t* font_;
  hb_face_t* face_;
  // allows() for the code points below this, once decided (0: not yet, 1: no, 2: yes); they
  // are most of a filing's, and deciding costs a few hundred instructions.
  static constexpr char32_t decided_below = 0x2200;
  std::unique_ptr<std::atomic<std::uint8_t>[]> decided_;
  bool usable_ = false;
  bool gdef_classes_ = false;    // glyph classes from GDEF, else HarfBuzz derives them
  unsigned skipped_props_ = 0;   // glyph classes some pair lookup skips (its IgnoreFlags)
  hb_set_t* refused_ = nullptr;  // glyphs some other lookup of the plan may act on
  hb_blob_t* gpos_ = nullptr;    // kept for pair_units()
  std::vector<std::vector<PairSubtable>> pair_lookups_;  // each pair lookup's subtables
};

}  // namespace fiscgen::fonts::detail
