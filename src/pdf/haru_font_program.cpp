// The embedded font program of a TrueType font definition, written as libharu 2.3's
// HPDF_TTFontDef_SaveFontData writes it, from the font's bytes in memory at once. libharu reads
// and writes it through its streams four bytes at a time (0.95M instructions of a letter's
// 27M). Reaches into libhpdf-dev 2.3.0's semi-internal hpdf_fontdef.h, like haru_internals.cpp.

#include <hpdf.h>
#include <hpdf_fontdef.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "fonts/fonts.hpp"
#include "pdf/haru.hpp"

namespace fiscgen::pdf::haru {
namespace {

/// The tables libharu writes, in its order.
constexpr const auto& required_tags = fonts::embedded_tables;

/// Big-endian output, and copies from the source that fail (nullopt) where libharu's read would
/// run past the end of the font.
class Writer {
 public:
  explicit Writer(const HPDF_BYTE* source, std::size_t source_size)
      : source_(source), source_size_(source_size) {}
  std::vector<HPDF_BYTE> bytes;

  /// An empty writer reading the same source.
  Writer sibling() const { return Writer(source_, source_size_); }

  void u16(std::uint32_t value) {
    bytes.push_back(static_cast<HPDF_BYTE>(value >> 8));
    bytes.push_back(static_cast<HPDF_BYTE>(value));
  }
  void u32(std::uint32_t value) {
    u16(value >> 16);
    u16(value & 0xFFFF);
  }
  void raw(const void* data, std::size_t size) {
    const auto* from = static_cast<const HPDF_BYTE*>(data);
    bytes.insert(bytes.end(), from, from + size);
  }
  bool copy(std::size_t offset, std::size_t size) {
    if (offset > source_size_ || size > source_size_ - offset) return false;
    raw(source_ + offset, size);
    return true;
  }

 private:
  const HPDF_BYTE* source_;
  std::size_t source_size_;
};

const HPDF_TTFTable* find_table(const HPDF_TTFontDefAttr attr, const char* tag) {
  for (HPDF_UINT i = 0; i < attr->offset_tbl.num_tables; ++i)
    if (std::memcmp(attr->offset_tbl.table[i].tag, tag, 4) == 0) return &attr->offset_tbl.table[i];
  return nullptr;
}

/// libharu's WriteHeader: 'head' from the parsed fields, checkSumAdjustment zero for now (its
/// position is returned).
std::size_t write_head(const HPDF_TTFontDefAttr attr, Writer& out) {
  const HPDF_TTF_FontHeader& h = attr->header;
  out.raw(h.version_number, 4);
  out.u32(h.font_revision);
  const std::size_t check_sum_at = out.bytes.size();
  out.u32(0);
  out.u32(h.magic_number);
  out.u16(h.flags);
  out.u16(h.units_per_em);
  out.raw(h.created, 8);
  out.raw(h.modified, 8);
  for (const HPDF_INT16 value : {h.x_min, h.y_min, h.x_max, h.y_max})
    out.u16(static_cast<HPDF_UINT16>(value));
  out.u16(h.mac_style);
  out.u16(h.lowest_rec_ppem);
  for (const HPDF_INT16 value : {h.font_direction_hint, h.index_to_loc_format, h.glyph_data_format})
    out.u16(static_cast<HPDF_UINT16>(value));
  return check_sum_at;
}

/// libharu's RecreateGLYF: the glyphs used (flgs), others empty; their new 'loca' offsets.
bool write_glyf(const HPDF_TTFontDefAttr attr, Writer& out, std::vector<std::uint32_t>& offsets) {
  const bool short_offsets = attr->header.index_to_loc_format == 0;
  const std::size_t start = out.bytes.size();
  std::uint32_t saved = 0;
  for (HPDF_UINT i = 0; i < attr->num_glyphs; ++i) {
    if (attr->glyph_tbl.flgs[i] != 1) {
      offsets[i] = saved;
      continue;
    }
    // 32-bit arithmetic, as libharu's.
    std::uint32_t offset = attr->glyph_tbl.offsets[i];
    std::uint32_t length = attr->glyph_tbl.offsets[i + 1] - offset;
    offsets[i] = static_cast<std::uint32_t>(out.bytes.size() - start);
    if (short_offsets) {
      offsets[i] /= 2;
      length *= 2;
      offset *= 2;
    }
    if (!out.copy(offset + attr->glyph_tbl.base_offset, length)) return false;
    saved = static_cast<std::uint32_t>(out.bytes.size() - start);
    if (short_offsets) saved /= 2;
  }
  offsets[attr->num_glyphs] = saved;
  return true;
}

/// libharu's RecreateName: the records, the family and full names prefixed by the subset tag.
bool write_name(const HPDF_TTFontDefAttr attr, const HPDF_TTFTable& table, Writer& out) {
  const HPDF_TTF_NamingTable& names = attr->name_tbl;
  out.u16(names.format);
  out.u16(names.count);
  out.u16(names.string_offset);
  Writer strings = out.sibling();
  for (HPDF_UINT i = 0; i < names.count; ++i) {
    const HPDF_TTF_NameRecord& record = names.name_records[i];
    auto length = static_cast<std::uint32_t>(record.length);
    const auto at = static_cast<std::uint32_t>(strings.bytes.size());
    if (record.name_id == 1 || record.name_id == 4) {
      if (record.platform_id == 0 || record.platform_id == 3) {
        strings.raw(attr->tag_name2, sizeof attr->tag_name2);
        length += sizeof attr->tag_name2;
      } else {
        strings.raw(attr->tag_name, sizeof attr->tag_name);
        length += sizeof attr->tag_name;
      }
    }
    for (const std::uint32_t value :
         {std::uint32_t{record.platform_id}, std::uint32_t{record.encoding_id},
          std::uint32_t{record.language_id}, std::uint32_t{record.name_id}, length & 0xFFFF,
          at & 0xFFFF})
      out.u16(value);
    if (!strings.copy(table.offset + names.string_offset + record.offset, record.length))
      return false;
  }
  out.raw(strings.bytes.data(), strings.bytes.size());
  return true;
}

/// The sum of the big-endian words of `size` bytes from `data`, a last partial word padded
/// with zeros (a table's checksum).
std::uint32_t check_sum(const HPDF_BYTE* data, std::size_t size) {
  std::uint32_t sum = 0;
  std::size_t i = 0;
  // A word at a time: one load, byte-swapped where the machine is little-endian.
  for (; i + 4 <= size; i += 4) {
    std::uint32_t word = 0;
    std::memcpy(&word, data + i, 4);
    if constexpr (std::endian::native == std::endian::little) word = __builtin_bswap32(word);
    sum += word;
  }
  for (std::size_t k = 0; i + k < size; ++k) sum += std::uint32_t{data[i + k]} << (24 - 8 * k);
  return sum;
}

/// The tables as SaveFontData lays them out (each right after the last, unpadded), with the
/// offset and length of each; nullopt where libharu's own would fail or behave otherwise.
std::optional<std::vector<HPDF_BYTE>> font_program(HPDF_FontDef fontdef) {
  auto* attr = static_cast<HPDF_TTFontDefAttr>(fontdef->attr);
  HPDF_Stream source = attr->stream;
  // load_truetype_from_memory holds the whole font in one buffer of a memory stream.
  if (!source || source->type != HPDF_STREAM_MEMORY || HPDF_MemStream_GetBufCount(source) != 1)
    return std::nullopt;
  HPDF_UINT source_size = 0;
  const HPDF_BYTE* font = HPDF_MemStream_GetBufPtr(source, 0, &source_size);
  const HPDF_TTFTable* name_table = find_table(attr, "name");
  if (!font || !name_table) return std::nullopt;

  Writer tables(font, source_size);
  tables.bytes.reserve(source_size + 1024);  // the subset's tables, a little larger at most
  std::vector<std::uint32_t> glyph_offsets(std::size_t{attr->num_glyphs} + 1, 0);
  std::array<std::pair<std::size_t, std::size_t>, required_tags.size()> placed{};
  std::size_t check_sum_at = 0;
  for (std::size_t i = 0; i < required_tags.size(); ++i) {
    const char* tag = required_tags[i];
    const HPDF_TTFTable* table = find_table(attr, tag);
    const std::size_t begin = tables.bytes.size();
    bool ok = true;
    if (std::strcmp(tag, "head") == 0) {
      check_sum_at = write_head(attr, tables);
    } else if (std::strcmp(tag, "glyf") == 0) {
      ok = write_glyf(attr, tables, glyph_offsets);
    } else if (std::strcmp(tag, "loca") == 0) {
      for (const std::uint32_t offset : glyph_offsets)
        attr->header.index_to_loc_format == 0 ? tables.u16(offset & 0xFFFF) : tables.u32(offset);
    } else if (std::strcmp(tag, "name") == 0) {
      ok = write_name(attr, *name_table, tables);
    } else if (table) {
      ok = tables.copy(table->offset, table->length);
    }
    if (!ok) return std::nullopt;
    placed[i] = {begin, tables.bytes.size() - begin};
  }

  Writer out(font, source_size);
  out.bytes.reserve(tables.bytes.size() + 12 + 16 * required_tags.size());
  constexpr std::uint32_t directory_size = 12 + 16 * required_tags.size();
  out.u32(attr->offset_tbl.sfnt_version);
  out.u16(required_tags.size());
  out.u16(attr->offset_tbl.search_range);
  out.u16(attr->offset_tbl.entry_selector);
  out.u16(attr->offset_tbl.range_shift);
  for (std::size_t i = 0; i < required_tags.size(); ++i) {
    const auto [offset, length] = placed[i];
    out.raw(required_tags[i], 4);
    out.u32(check_sum(tables.bytes.data() + offset, length));
    out.u32(static_cast<std::uint32_t>(offset + directory_size));
    out.u32(static_cast<std::uint32_t>(length));
  }
  // checkSumAdjustment: libharu sums the tables' whole words only, without the directory.
  const std::size_t whole = tables.bytes.size() / 4 * 4;
  const std::uint32_t adjustment = 0xB1B0AFBAu - check_sum(tables.bytes.data(), whole);
  for (int k = 0; k < 4; ++k)
    tables.bytes[check_sum_at + k] = static_cast<HPDF_BYTE>(adjustment >> (24 - 8 * k));
  attr->length1 = static_cast<HPDF_UINT>(tables.bytes.size() + directory_size);
  out.raw(tables.bytes.data(), tables.bytes.size());
  return std::move(out.bytes);
}

/// What a font program is made from: the font's bytes (everything libharu parsed from them), the
/// glyphs drawn and the subset tag. Equal keys give equal programs. Views into the definition.
struct ProgramKey {
  std::span<const HPDF_BYTE> font, used;
  std::string tags;
};

/// The key of a definition load_truetype_from_memory made, or nullopt for any other.
std::optional<ProgramKey> key_of(HPDF_FontDef fontdef) {
  auto* attr = static_cast<HPDF_TTFontDefAttr>(fontdef->attr);
  HPDF_Stream source = attr->stream;
  if (!source || source->type != HPDF_STREAM_MEMORY || HPDF_MemStream_GetBufCount(source) != 1 ||
      !attr->glyph_tbl.flgs)
    return std::nullopt;
  HPDF_UINT size = 0;
  const HPDF_BYTE* font = HPDF_MemStream_GetBufPtr(source, 0, &size);
  if (!font) return std::nullopt;
  ProgramKey key{{font, size}, {attr->glyph_tbl.flgs, attr->num_glyphs}, {}};
  key.tags.append(attr->tag_name, sizeof attr->tag_name);
  key.tags.append(attr->tag_name2, sizeof attr->tag_name2);
  return key;
}

/// The last font programs made on this thread, newest first: a batch's letters mostly embed
/// the same subsets, drawing the same glyphs (making one again was 0.06M instructions a letter).
struct KeptProgram {
  std::vector<HPDF_BYTE> font, used;
  std::string tags;
  std::vector<HPDF_BYTE> program;
  HPDF_UINT length1 = 0;
  bool made_from(const ProgramKey& key) const {
    return std::ranges::equal(font, key.font) && std::ranges::equal(used, key.used) &&
           tags == key.tags;
  }
};
constexpr std::size_t kept_programs = 4;
thread_local std::deque<KeptProgram> recent_programs;

}  // namespace

HPDF_STATUS save_font_program(HPDF_FontDef fontdef, HPDF_Stream stream) {
  auto* attr = static_cast<HPDF_TTFontDefAttr>(fontdef->attr);
  const auto key = key_of(fontdef);
  if (key)
    for (const auto& kept : recent_programs)
      if (kept.made_from(*key)) {
        attr->length1 = kept.length1;
        return HPDF_Stream_Write(stream, kept.program.data(),
                                 static_cast<HPDF_UINT>(kept.program.size()));
      }
  const auto program = font_program(fontdef);
  if (!program) return HPDF_TTFontDef_SaveFontData(fontdef, stream);
  if (key) {
    recent_programs.push_front({{key->font.begin(), key->font.end()},
                                {key->used.begin(), key->used.end()},
                                key->tags,
                                *program,
                                attr->length1});
    if (recent_programs.size() > kept_programs) recent_programs.pop_back();
  }
  return HPDF_Stream_Write(stream, program->data(), static_cast<HPDF_UINT>(program->size()));
}

}  // namespace fiscgen::pdf::haru
