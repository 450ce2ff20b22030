#include "pdf/text_object.hpp"

#include <hpdf_pages.h>

#include <charconv>
#include <cmath>

#include "base/utf8.hpp"
#include "pdf/haru.hpp"

namespace fiscgen::pdf {
namespace {

/// Thousandths of a point for Td, hundredths of a thousandth of the font size for TJ numbers:
/// well below what any reader can show, and short to write and to compress.
constexpr long long td_scale = 1000, tj_scale = 100;

/// `value` in units of 1/`scale`, rounded.
long long scaled(double value, long long scale) {
  return std::llround(value * static_cast<double>(scale));
}

/// Appends `units` / `scale` (a power of ten) as the shortest decimal that reads back as it:
/// no trailing zeros, no "-0". Written by hand, not with printf: no locale, and a motion writes
/// a thousand of them.
void append_decimal(std::string& out, long long units, long long scale) {
  // Gathered in a buffer and appended once (a string per number was a fifth of show()).
  char text[48];
  char* end = text;
  if (units < 0) *end++ = '-';
  const unsigned long long magnitude = units < 0 ? 0ULL - static_cast<unsigned long long>(units)
                                                 : static_cast<unsigned long long>(units);
  end = std::to_chars(end, text + sizeof text, magnitude / static_cast<unsigned long long>(scale))
            .ptr;
  unsigned long long fraction = magnitude % static_cast<unsigned long long>(scale);
  if (fraction != 0) {
    *end++ = '.';
    for (auto digit = static_cast<unsigned long long>(scale) / 10; fraction != 0; digit /= 10) {
      *end++ = static_cast<char>('0' + fraction / digit);
      fraction %= digit;
    }
  }
  out.append(text, static_cast<std::size_t>(end - text));
}

}  // namespace

TextObject::TextObject(HPDF_Page page) : page_(page) {}

void TextObject::show(const layout::TextRun& run, HPDF_Font font) {
  const HPDF_UINT width = haru::text_width(font, run.text);
  if (width == 0) return;
  if (!placed_ || run.y != line_y_) {
    end_array();
    const long long dx = scaled(run.x - origin_x_, td_scale);
    const long long dy = scaled(run.y - origin_y_, td_scale);
    append_decimal(pending_, dx, td_scale);
    pending_ += ' ';
    append_decimal(pending_, dy, td_scale);
    pending_ += " Td\n";
    origin_x_ += static_cast<double>(dx) / td_scale;
    origin_y_ += static_cast<double>(dy) / td_scale;
    pen_x_ = origin_x_;
    line_y_ = run.y;
    placed_ = true;
  }
  if (!in_array_) {
    pending_ += '[';
    in_array_ = true;
  }
  // A TJ number moves the pen left by its value in thousandths of the font size.
  const long long shift = scaled((pen_x_ - run.x) * 1000 / run.size, tj_scale);
  if (shift != 0) {
    append_decimal(pending_, shift, tj_scale);
    pen_x_ -= static_cast<double>(shift) / tj_scale * run.size / 1000;
  }
  // The 2-byte codes of the fonts' UTF-8 encoding are the (BMP) code points themselves, written
  // as a literal string: half the bytes of a hex string, so half the bytes to deflate. A reader
  // would take a bare CR for a LF and parentheses for the string's end: those are escaped.
  // Written in place: at most 4 bytes per byte of UTF-8 (two escaped code bytes for each one).
  const std::size_t start = pending_.size();
  pending_.resize(start + 2 + 4 * run.text.size());
  char* out = pending_.data() + start;
  *out++ = '(';
  const auto put = [&out](unsigned byte) {
    if (byte == '(' || byte == ')' || byte == '\\') {
      *out++ = '\\';
    } else if (byte == '\r') {
      *out++ = '\\';
      byte = 'r';
    }
    *out++ = static_cast<char>(byte);
  };
  for (std::size_t at = 0; at < run.text.size();) {
    char32_t cp = 0;
    if (!utf8::next_code_point(run.text, at, cp)) continue;  // collect_fonts refused it
    put(cp >> 8 & 0xFF);
    put(cp & 0xFF);
  }
  *out++ = ')';
  pending_.resize(static_cast<std::size_t>(out - pending_.data()));
  pen_x_ += static_cast<double>(width) * run.size / 1000;
}

void TextObject::end_array() {
  if (in_array_) pending_ += "]TJ\n";
  in_array_ = false;
  if (pending_.empty()) return;
  // A failed write is recorded in the document's error state, which the caller checks.
  auto* attr = static_cast<HPDF_PageAttr>(page_->attr);
  HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(pending_.data()),
                    static_cast<HPDF_UINT>(pending_.size()));
  pending_.clear();
}

}  // namespace fiscgen::pdf
