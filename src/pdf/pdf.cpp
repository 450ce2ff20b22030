// The PDF writer: page model + fonts + info -> deterministic PDF bytes, through libharu.
//
// Order of work: (1) validate the model and collect, per font, the code points it draws;
// (2) subset each used font file once with hb-subset; (3) hash everything that determines the
// output into the /ID; (4) build the libharu document: fonts loaded from memory, pages drawn
// (each kind of shape bottom up, as layout::Stacking says: images, text, rules, then boxes on
// top, so a redaction box covers whatever it touches), links, outline, info; (5) save to
// memory. write() then replaces the output file atomically.

#include "pdf/pdf.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "base/utf8.hpp"
#include "pdf/atomic_file.hpp"
#include "pdf/content_id.hpp"
#include "pdf/exhibits.hpp"
#include "pdf/haru.hpp"
#include "pdf/page_labels.hpp"
#include "pdf/text_object.hpp"

namespace fiscgen::pdf {
namespace {

/// One embedded font: a font file and every FontSet index that draws with it (the main and
/// fallback families may resolve to the same file), with the union of their code points.
struct EmbeddedFont {
  std::vector<int> indices;
  std::set<char32_t> code_points;
  std::vector<std::uint8_t> subset;
  HPDF_Font handle = nullptr;
};

std::string where_run(std::size_t page, std::size_t run) {
  return "page " + std::to_string(page + 1) + ", text run " + std::to_string(run + 1);
}

void require_finite(std::initializer_list<double> values, const std::string& where) {
  for (const double v : values)
    if (!std::isfinite(v))
      throw Error("PDF writer: " + where + " has a coordinate that is not a number");
}

void require_utf8(std::string_view text, const std::string& what) {
  std::size_t pos = 0;
  char32_t cp = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    if (!utf8::next_code_point(text, pos, cp))
      throw Error("PDF writer: " + what + " is not valid UTF-8 (byte " + std::to_string(start + 1) +
                  ")");
  }
}

// Checks every run against what the PDF can show, and groups the code points by font file.
std::vector<EmbeddedFont> collect_fonts(const layout::PageModel& model, fonts::FontSet& fonts) {
  std::vector<std::set<char32_t>> used(static_cast<std::size_t>(fonts.count()));
  // Which BMP code points each font has drawn already (a set insertion per character was most
  // of this function's cost): the set sees each one once.
  std::vector<std::vector<bool>> seen(used.size());
  for (std::size_t p = 0; p < model.pages.size(); ++p) {
    // The watermark's runs after the page's own: its glyphs are embedded like any others.
    std::vector<const layout::TextRun*> runs;
    for (const auto& run : model.pages[p].runs) runs.push_back(&run);
    for (const auto& run : model.pages[p].watermark.runs) runs.push_back(&run);
    for (std::size_t r = 0; r < runs.size(); ++r) {
      const auto& run = *runs[r];
      // The place is spelled out only for an error: a motion has a thousand runs.
      const auto where = [&] { return where_run(p, r); };
      if (!std::isfinite(run.x) || !std::isfinite(run.y) || !std::isfinite(run.size))
        require_finite({run.x, run.y, run.size}, where());
      if (run.font < 0 || run.font >= fonts.count())
        throw Error("PDF writer: " + where() + " uses font " + std::to_string(run.font) +
                    ", outside 0-" + std::to_string(fonts.count() - 1));
      if (run.text.empty()) continue;
      const fonts::Font& font = fonts.font(run.font);
      auto& font_used = used[static_cast<std::size_t>(run.font)];
      auto& font_seen = seen[static_cast<std::size_t>(run.font)];
      if (font_seen.empty()) font_seen.resize(0x10000);
      std::size_t pos = 0;
      while (pos < run.text.size()) {
        char32_t cp = 0;
        const std::size_t start = pos;
        if (!utf8::next_code_point(run.text, pos, cp))
          throw Error("PDF writer: " + where() + " is not valid UTF-8 (byte " +
                      std::to_string(start + 1) + ")");
        // libharu's UTF-8 encoding makes 2-byte CIDs equal to the code point: BMP only.
        if (cp > 0xFFFF)
          throw Error("PDF writer: " + where() + " has " + utf8::hex(cp) +
                      ", outside the Basic Multilingual Plane, which libharu cannot write");
        // A character is looked up in the font once, when the font first uses it.
        if (font_seen[cp]) continue;
        font_seen[cp] = true;
        font_used.insert(cp);
        if (!font.has_glyph(cp))
          throw Error("PDF writer: " + where() + " has " + utf8::hex(cp) + ", which " +
                      font.family() + " (" + font.file().string() + ") has no glyph for");
      }
    }
  }
  std::vector<EmbeddedFont> embedded;
  std::map<std::filesystem::path, std::size_t> by_file;
  for (int index = 0; index < fonts.count(); ++index) {
    if (used[static_cast<std::size_t>(index)].empty()) continue;
    const auto& file = fonts.font(index).file();
    auto [it, added] = by_file.emplace(file, embedded.size());
    if (added) embedded.emplace_back();
    auto& target = embedded[it->second];
    target.indices.push_back(index);
    target.code_points.insert(used[static_cast<std::size_t>(index)].begin(),
                              used[static_cast<std::size_t>(index)].end());
  }
  for (auto& font : embedded)
    font.subset = fonts.font(font.indices.front()).subset(font.code_points);
  return embedded;
}

// "YYYY-MM-DD" to a libharu date at 00:00:00Z; anything else is an Error.
HPDF_Date parse_date(const std::string& text) {
  const auto digits = [&](std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  const auto bad = [&] {
    return Error("PDF writer: the creation date \"" + text + "\" is not a date YYYY-MM-DD");
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') throw bad();
  const int year = digits(0, 4), month = digits(5, 2), day = digits(8, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1) throw bad();
  static constexpr int month_days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (day > month_days[month - 1] || (month == 2 && day == 29 && !leap)) throw bad();
  HPDF_Date date{};
  date.year = year, date.month = month, date.day = day;
  date.ind = 'Z';
  return date;
}

void set_info(haru::Doc& doc, const Info& info) {
  const auto set = [&](HPDF_InfoType type, const std::string& value, const char* name) {
    if (value.empty()) return;
    require_utf8(value, std::string("the document ") + name);
    doc.check(HPDF_SetInfoAttr(doc.get(), type, value.c_str()), std::string("setting the ") + name);
  };
  set(HPDF_INFO_TITLE, info.title, "title");
  set(HPDF_INFO_SUBJECT, info.subject, "subject");
  set(HPDF_INFO_AUTHOR, info.author, "author");
  set(HPDF_INFO_KEYWORDS, info.keywords, "keywords");
  set(HPDF_INFO_CREATOR, "fiscgen", "creator");
  set(HPDF_INFO_PRODUCER, std::string("fiscgen ") + FISCGEN_VERSION, "producer");
  // Dates only from the input: a clock would make every run's bytes differ.
  if (!info.creation_date.empty()) {
    const HPDF_Date date = parse_date(info.creation_date);
    doc.check(HPDF_SetInfoDateAttr(doc.get(), HPDF_INFO_CREATION_DATE, date), "setting the date");
    doc.check(HPDF_SetInfoDateAttr(doc.get(), HPDF_INFO_MOD_DATE, date), "setting the date");
  }
}

/// The colours of a blackline's marks (doc::Change), as compare tools commonly draw them: an
/// insertion blue, a deletion red, a move green; unmarked text black.
struct Rgb {
  HPDF_REAL r = 0, g = 0, b = 0;
};
Rgb colour_of(doc::Change change) {
  switch (change) {
    case doc::Change::inserted:
      return {0.0F, 0.2F, 0.75F};
    case doc::Change::deleted:
      return {0.8F, 0.0F, 0.0F};
    case doc::Change::moved_to:
    case doc::Change::moved_from:
      return {0.0F, 0.5F, 0.0F};
    case doc::Change::none:
      break;
  }
  return {};
}

// URIs in PDF are 7-bit ASCII: percent-encode anything else (RFC 3986 §2.1).
std::string ascii_uri(const std::string& uri) {
  std::string out;
  for (const char c : uri) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7F) {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", byte);
      out += escaped;
    } else {
      out += c;
    }
  }
  return out;
}

/// Drawn before anything else on the page, so the text and boxes lie over it: the runs turned
/// about the watermark's origin by a text matrix, in its grey, inside a saved graphics state.
void draw_watermark(haru::Doc& doc, HPDF_Page page, const layout::Watermark& mark,
                    const std::string& where, const std::vector<HPDF_Font>& handles) {
  if (mark.runs.empty()) return;
  require_finite({mark.x, mark.y, mark.angle, mark.gray}, where + " (watermark)");
  const double radians = mark.angle * std::acos(-1.0) / 180;
  const double cos = std::cos(radians), sin = std::sin(radians);
  HPDF_Page_GSave(page);
  HPDF_Page_SetGrayFill(page, static_cast<HPDF_REAL>(std::clamp(mark.gray, 0.0, 1.0)));
  HPDF_Page_BeginText(page);
  for (const auto& run : mark.runs) {
    if (run.text.empty()) continue;
    HPDF_Page_SetFontAndSize(page, handles[static_cast<std::size_t>(run.font)],
                             static_cast<HPDF_REAL>(run.size));
    HPDF_Page_SetTextMatrix(page, static_cast<HPDF_REAL>(cos), static_cast<HPDF_REAL>(sin),
                            static_cast<HPDF_REAL>(-sin), static_cast<HPDF_REAL>(cos),
                            static_cast<HPDF_REAL>(mark.x + cos * run.x - sin * run.y),
                            static_cast<HPDF_REAL>(mark.y + sin * run.x + cos * run.y));
    HPDF_Page_ShowText(page, run.text.c_str());
  }
  HPDF_Page_EndText(page);
  HPDF_Page_GRestore(page);
  doc.check(where + " (watermark)");
}

/// What drawing one page's shapes needs: the page, its number and the handles of the fonts and
/// images loaded so far.
struct Canvas {
  haru::Doc& doc;
  HPDF_Page page;
  std::size_t number;  // 0-based
  const std::vector<HPDF_Font>& fonts;
  std::map<const std::string*, HPDF_Image>& images;  // each image's bytes loaded once
  std::string where() const { return "drawing page " + std::to_string(number + 1); }
};

/// Draws the page's images (PNG, loaded once per document from the bytes render/ read), each
/// centred where layout put it, as wide as its proportions make it at its height.
void draw(Canvas& canvas, const std::vector<layout::Image>& images) {
  for (const auto& image : images) {
    if (!image.data)
      throw Error(image.where, "PDF writer: the image \"" + image.file + "\" was not read");
    require_finite({image.center_x, image.top, image.height}, "an image");
    HPDF_Image& handle = canvas.images[image.data.get()];
    if (!handle) {
      handle = HPDF_LoadPngImageFromMem(canvas.doc.get(),
                                        reinterpret_cast<const HPDF_BYTE*>(image.data->data()),
                                        static_cast<HPDF_UINT>(image.data->size()));
      if (!handle)
        throw Error(image.where, "the image \"" + image.file +
                                     "\" could not be read as a PNG image; expected a PNG file "
                                     "(8 bits per channel, not interlaced)");
    }
    const double pixels_wide = HPDF_Image_GetWidth(handle);
    const double pixels_high = HPDF_Image_GetHeight(handle);
    const double width = pixels_high > 0 ? image.height * pixels_wide / pixels_high : 0;
    HPDF_Page_DrawImage(canvas.page, handle, static_cast<HPDF_REAL>(image.center_x - width / 2),
                        static_cast<HPDF_REAL>(image.top - image.height),
                        static_cast<HPDF_REAL>(width), static_cast<HPDF_REAL>(image.height));
  }
  canvas.doc.check("drawing images");
}

/// The page's text, in one text object (only if it has text), the fill set to a blackline's
/// colour while a marked run is drawn.
void draw(Canvas& canvas, const std::vector<layout::TextRun>& runs) {
  HPDF_Page page = canvas.page;
  TextObject text(page);
  bool in_text = false;
  HPDF_Font current_font = nullptr;
  double current_size = -1;
  doc::Change current_change = doc::Change::none;  // the fill is black until a mark
  for (const auto& run : runs) {
    if (run.text.empty()) continue;
    if (!in_text) {
      HPDF_Page_BeginText(page);
      in_text = true;
    }
    if (run.change != current_change) {
      text.end_array();
      const Rgb colour = colour_of(run.change);
      HPDF_Page_SetRGBFill(page, colour.r, colour.g, colour.b);
      current_change = run.change;
    }
    const HPDF_Font font = canvas.fonts[static_cast<std::size_t>(run.font)];
    if (font != current_font || run.size != current_size) {
      text.end_array();
      HPDF_Page_SetFontAndSize(page, font, static_cast<HPDF_REAL>(run.size));
      current_font = font;
      current_size = run.size;
    }
    text.show(run, font);
  }
  text.end_array();
  if (in_text) HPDF_Page_EndText(page);
  if (current_change != doc::Change::none) HPDF_Page_SetRGBFill(page, 0, 0, 0);
  canvas.doc.check(canvas.where() + " (text)");
}

void draw(Canvas& canvas, const std::vector<layout::Line>& lines) {
  HPDF_Page page = canvas.page;
  double current_width = -1;
  doc::Change current_change = doc::Change::none;
  for (const auto& line : lines) {
    require_finite({line.x1, line.y1, line.x2, line.y2, line.width},
                   "a line on page " + std::to_string(canvas.number + 1));
    if (line.change != current_change) {
      const Rgb colour = colour_of(line.change);
      HPDF_Page_SetRGBStroke(page, colour.r, colour.g, colour.b);
      current_change = line.change;
    }
    if (line.width != current_width) {
      HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(line.width));
      current_width = line.width;
    }
    HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(line.x1), static_cast<HPDF_REAL>(line.y1));
    HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(line.x2), static_cast<HPDF_REAL>(line.y2));
    HPDF_Page_Stroke(page);
  }
  canvas.doc.check(canvas.where() + " (lines)");
}

/// The boxes, filled black in one path.
void draw(Canvas& canvas, const std::vector<layout::Box>& boxes) {
  if (!boxes.empty()) {
    HPDF_Page_SetGrayFill(canvas.page, 0);
    for (const auto& box : boxes) {
      require_finite({box.x, box.y, box.width, box.height},
                     "a box on page " + std::to_string(canvas.number + 1));
      HPDF_Page_Rectangle(canvas.page, static_cast<HPDF_REAL>(box.x), static_cast<HPDF_REAL>(box.y),
                          static_cast<HPDF_REAL>(box.width), static_cast<HPDF_REAL>(box.height));
    }
    HPDF_Page_Fill(canvas.page);
  }
  canvas.doc.check(canvas.where() + " (boxes)");
}

/// Links are annotations, not content: add_links adds them once every page exists, since a link
/// may go to a later page.
void draw(Canvas& /*canvas*/, const std::vector<layout::Link>& /*links*/) {}

/// The watermark, then every kind of shape bottom up (layout::Stacking).
void draw_page(Canvas& canvas, const layout::Page& model) {
  draw_watermark(canvas.doc, canvas.page, model.watermark, canvas.where(), canvas.fonts);
  model.each_list_bottom_up([&](const auto& list) { draw(canvas, list); });
}

/// Every page's links, once all pages exist (a link may go to a later page): a URI action, or
/// a destination in the document at the top of its target, the zoom left as the reader has it.
/// No border: the text shows what it is.
void add_links(haru::Doc& doc, const layout::PageModel& model,
               const std::vector<HPDF_Page>& pages) {
  for (std::size_t p = 0; p < model.pages.size(); ++p) {
    const std::string where = "drawing page " + std::to_string(p + 1) + " (links)";
    for (const auto& link : model.pages[p].links) {
      require_finite({link.x, link.y, link.width, link.height, link.top},
                     "a link on page " + std::to_string(p + 1));
      const HPDF_Rect rect{static_cast<HPDF_REAL>(link.x), static_cast<HPDF_REAL>(link.y),
                           static_cast<HPDF_REAL>(link.x + link.width),
                           static_cast<HPDF_REAL>(link.y + link.height)};
      HPDF_Annotation annot = nullptr;
      if (!link.uri.empty()) {
        const std::string uri = ascii_uri(link.uri);
        annot = HPDF_Page_CreateURILinkAnnot(pages[p], rect, uri.c_str());
      } else if (link.page >= 0 && static_cast<std::size_t>(link.page) < pages.size()) {
        HPDF_Page target = pages[static_cast<std::size_t>(link.page)];
        HPDF_Destination dst = HPDF_Page_CreateDestination(target);
        doc.check(where);
        const double top = std::clamp(link.top, 0.0, model.height);
        doc.check(
            haru::set_destination_keep_zoom(doc.get(), dst, target, 0, static_cast<HPDF_REAL>(top)),
            where);
        annot = HPDF_Page_CreateLinkAnnot(pages[p], rect, dst);
      } else {
        throw Error("PDF writer: a link on page " + std::to_string(p + 1) +
                    " has neither a URI nor a page of the document to go to");
      }
      doc.check(where);
      if (annot) doc.check(HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0), where);
    }
  }
}

void add_outline(haru::Doc& doc, const layout::PageModel& model,
                 const std::vector<HPDF_Page>& pages) {
  if (model.outline.empty()) return;
  HPDF_Encoder utf8 = HPDF_GetEncoder(doc.get(), "UTF-8");
  doc.check("preparing the outline");
  std::vector<std::pair<int, HPDF_Outline>> open;  // the current chain of ancestors
  for (std::size_t i = 0; i < model.outline.size(); ++i) {
    const auto& entry = model.outline[i];
    const std::string where = "bookmark " + std::to_string(i + 1) + " (\"" + entry.title + "\")";
    if (entry.page < 0 || static_cast<std::size_t>(entry.page) >= pages.size())
      throw Error("PDF writer: " + where + " points at page " + std::to_string(entry.page + 1) +
                  " of " + std::to_string(pages.size()));
    require_utf8(entry.title, where);
    require_finite({entry.y}, where);
    // A level deeper than its predecessor's child level still nests under the predecessor.
    while (!open.empty() && open.back().first >= entry.level) open.pop_back();
    HPDF_Outline parent = open.empty() ? nullptr : open.back().second;
    HPDF_Outline outline = HPDF_CreateOutline(doc.get(), parent, entry.title.c_str(), utf8);
    doc.check("adding " + where);
    HPDF_Page page = pages[static_cast<std::size_t>(entry.page)];
    HPDF_Destination dst = HPDF_Page_CreateDestination(page);
    doc.check("adding " + where);
    const double top = std::clamp(entry.y, 0.0, model.height);
    doc.check(haru::set_destination_keep_zoom(doc.get(), dst, page, 0, static_cast<HPDF_REAL>(top)),
              "adding " + where);
    doc.check(HPDF_Outline_SetDestination(outline, dst), "adding " + where);
    if (entry.level <= 1) doc.check(HPDF_Outline_SetOpened(outline, HPDF_TRUE), "adding " + where);
    open.emplace_back(entry.level, outline);
  }
  doc.check(HPDF_SetPageMode(doc.get(), HPDF_PAGE_MODE_USE_OUTLINE), "showing the outline");
}

void add_page_labels(haru::Doc& doc, const std::vector<LabelRange>& ranges) {
  for (const auto& range : ranges) {
    if (range.style == LabelRange::Style::none) {
      require_utf8(range.prefix, "the cover's page label");
      doc.check(haru::add_unnumbered_page_label(doc.get(), static_cast<HPDF_UINT>(range.first_page),
                                                range.prefix),
                "adding page labels");
      continue;
    }
    const HPDF_PageNumStyle style = range.style == LabelRange::Style::lower_roman
                                        ? HPDF_PAGE_NUM_STYLE_LOWER_ROMAN
                                        : HPDF_PAGE_NUM_STYLE_DECIMAL;
    doc.check(HPDF_AddPageLabel(doc.get(), static_cast<HPDF_UINT>(range.first_page), style,
                                static_cast<HPDF_UINT>(range.start),
                                range.prefix.empty() ? nullptr : range.prefix.c_str()),
              "adding page labels");
  }
}

}  // namespace

std::string write_to_memory(const layout::PageModel& pages, fonts::FontSet& fonts, const Info& info,
                            const std::vector<Exhibit>& exhibits) {
  if (pages.pages.empty()) throw Error("PDF writer: the page model has no pages");
  require_finite({pages.width, pages.height}, "the page size");
  const OpenExhibits opened(exhibits);  // a bad exhibit fails before any work
  std::vector<AppendedPages> appended;
  for (std::size_t i = 0; i < exhibits.size(); ++i) {
    if (exhibits[i].after_page < 0 ||
        static_cast<std::size_t>(exhibits[i].after_page) >= pages.pages.size())
      throw Error(exhibits[i].where, "PDF writer: the exhibit goes after page " +
                                         std::to_string(exhibits[i].after_page + 1) + " of " +
                                         std::to_string(pages.pages.size()));
    appended.push_back({exhibits[i].after_page, opened.page_count(i), exhibits[i].label});
  }
  auto embedded = collect_fonts(pages, fonts);

  haru::Doc doc;
  doc.check(HPDF_SetCompressionMode(doc.get(), HPDF_COMP_ALL), "setting compression");
  doc.check(HPDF_UseUTFEncodings(doc.get()), "enabling UTF-8");
  doc.check(HPDF_SetCurrentEncoder(doc.get(), "UTF-8"), "enabling UTF-8");

  std::vector<SubsetDigest> subsets;
  for (const auto& font : embedded) subsets.push_back(subset_digest(font.subset));
  const ContentId id = content_id(pages, info, subsets);

  std::vector<HPDF_Font> handles(static_cast<std::size_t>(fonts.count()));
  for (std::size_t i = 0; i < embedded.size(); ++i) {
    auto& font = embedded[i];
    const std::string doing = "embedding " + fonts.font(font.indices.front()).file().string();
    const char* name =
        haru::load_truetype_from_memory(doc.get(), font.subset, subset_tag(subsets[i], i));
    doc.check(name ? HPDF_OK : HPDF_INVALID_FONTDEF_DATA, doing);
    font.handle = haru::get_unicode_font(doc.get(), name, font.code_points);
    doc.check(font.handle ? HPDF_OK : HPDF_INVALID_FONT, doing);
    for (const int index : font.indices) handles[static_cast<std::size_t>(index)] = font.handle;
  }

  set_info(doc, info);

  std::vector<HPDF_Page> page_handles;
  std::map<const std::string*, HPDF_Image> images;  // each image's bytes loaded once
  for (std::size_t p = 0; p < pages.pages.size(); ++p) {
    HPDF_Page page = HPDF_AddPage(doc.get());
    doc.check(page ? HPDF_OK : HPDF_INVALID_PAGE, "adding page " + std::to_string(p + 1));
    doc.check(HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(pages.width)),
              "setting the page size");
    doc.check(HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(pages.height)),
              "setting the page size");
    Canvas canvas{doc, page, p, handles, images};
    draw_page(canvas, pages.pages[p]);
    page_handles.push_back(page);
  }
  add_links(doc, pages, page_handles);
  add_outline(doc, pages, page_handles);
  std::vector<int> restarts;  // pages numbered 1 again (a proposed order), labelled so too
  for (std::size_t p = 0; p < pages.pages.size(); ++p)
    if (pages.pages[p].restart_numbering) restarts.push_back(static_cast<int>(p));
  const auto cover = pages.cover ? std::optional<std::string>(pages.cover_label) : std::nullopt;
  add_page_labels(doc, page_label_ranges(static_cast<int>(pages.pages.size()),
                                         pages.front_matter_pages, appended, restarts, cover));

  doc.check(haru::set_trailer_id(doc.get(), id.bytes), "setting the document ID");
  std::string bytes = doc.save_to_memory();
  return opened.empty() ? bytes : opened.append_to(bytes);
}

void write(const layout::PageModel& pages, fonts::FontSet& fonts, const Info& info,
           const std::filesystem::path& output, const std::vector<Exhibit>& exhibits) {
  const std::string bytes = write_to_memory(pages, fonts, info, exhibits);
  write_file_atomically(output, bytes);
}

}  // namespace fiscgen::pdf
