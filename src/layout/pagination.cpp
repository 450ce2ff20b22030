#include "layout/pagination.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "layout/paragraph.hpp"
#include "layout/text.hpp"

namespace fiscgen::layout::detail {
namespace {

// The footnote rule sits this far above the first note's line.
constexpr double separator_gap = 6;
constexpr double separator_width = 0.5;
// Heights are sums of many doubles.
constexpr double fit_tolerance = 1e-6;
// While the body still has lines to set, a note continued from an earlier page takes at most
// this share of a page's text height: the argument keeps moving on every page, and a note of
// any length still advances by half a page per page. (TeX's plain format lets notes take 8 of
// 8.9 inches; a brief is read for its argument, so we leave the body more.)
constexpr double continued_note_share = 0.5;

constexpr std::size_t none = static_cast<std::size_t>(-1);

/// A line of footnote text waiting for a page.
struct NoteLine {
  const FlowLine* line = nullptr;
  double gap = 0;      // space above it when it is not the first line of the footnote area
  int note = 0;        // its footnote's number
  bool first = false;  // the footnote's first line: the note starts with it
};

void cite_on(Page& page, const FlowLine& line) {
  for (const auto& key : line.authorities)
    if (std::find(page.authorities.begin(), page.authorities.end(), key) == page.authorities.end())
      page.authorities.push_back(key);
}

/// Cuts the flow into pages, first fit with vetoes, footnotes split as TeX splits insertions.
///
/// Body lines are added while they fit together with the footnotes they reference (the notes
/// stack up from the bottom margin, under a rule). A line whose new note does not fit whole may
/// still go on the page if the note can break there: every note referenced on the page starts
/// on it, only the last one breaks, and it leaves at least `footnote_min_lines` lines on each
/// side. The page then ends at the first break the vetoes allow, so the note keeps the most
/// room; its part on the page ends with the locale's "(continued)" and the rest opens the next
/// page's footnote area, before that page's own notes, for as many pages as it needs (while
/// body lines remain, taking at most `continued_note_share` of each).
///
/// When a line does not fit, the page ends at the latest break the lines' vetoes allow; a
/// stronger veto (a <keep> group) gives way only when no weaker break exists on the page, and
/// with no allowed break at all the page ends where the overflow is, so that something always
/// fits. A line that does not fit on an empty page is placed anyway, with as many note lines as
/// fit.
class Paginator {
 public:
  Paginator(Context& context, const std::vector<FlowLine>& lines, PageModel& model)
      : context_(context), lines_(lines), model_(model) {
    const auto& p = context.profile;
    top_ = p.page_height - p.margin_top;
    bottom_ = p.margin_bottom;
    height_ = top_ - bottom_;
    min_lines_ = static_cast<std::size_t>(std::max(1, p.footnote_min_lines));
    if (!context.document.meta.note_continued.empty()) make_mark();
  }

  void run() {
    std::size_t start = 0;
    const std::size_t n = lines_.size();
    while (true) {
      while (start < n && lines_[start].discardable) ++start;  // spacers vanish at a page top
      if (start >= n && carried_.empty()) break;
      const std::size_t end = choose_end(start);
      make_page(start, end);
      start = end;
    }
    if (model_.pages.empty()) model_.pages.emplace_back();
    link_marks_to_notes();
  }

 private:
  /// The "(continued)" line: the locale's words, right-aligned in the footnote style.
  void make_mark() {
    const rules::Style& style = context_.profile.style("footnote");
    Shaper shaper(context_, style);
    shaper.add_text(context_.document.meta.note_continued, SourceLocation{});
    const Shaped text = shaper.finish();
    const double left = context_.content_left() + style.indent_left;
    const double width = context_.content_right() - style.indent_right - left;
    mark_.height = style.line_height;
    mark_.content = place_line(context_, text, 0, text.atoms.size(), left, width, doc::Align::right,
                               context_.ascent(style.size), style.size);
  }

  /// Adds `number` and the notes its text references (in order) to `notes`, once each.
  void add_note(int number, std::vector<int>& notes) const {
    if (std::find(notes.begin(), notes.end(), number) != notes.end()) return;
    const auto found = context_.notes.find(number);
    if (found == context_.notes.end()) return;
    notes.push_back(number);
    for (const auto& line : found->second.lines)
      for (const int inner : line.notes) add_note(inner, notes);
  }

  /// The carried lines, then every line of `notes`.
  std::vector<NoteLine> queue_of(const std::vector<int>& notes) const {
    std::vector<NoteLine> queue = carried_;
    for (const int number : notes) {
      const Note& note = context_.notes.at(number);
      for (std::size_t l = 0; l < note.lines.size(); ++l)
        queue.push_back(NoteLine{&note.lines[l], l == 0 ? note.gap : 0, number, l == 0});
    }
    return queue;
  }

  /// Height of a footnote area holding the first `count` lines of `queue`: the rule's gap, the
  /// lines, and the mark when a note breaks after them.
  double area_height(const std::vector<NoteLine>& queue, std::size_t count) const {
    if (count == 0) return 0;
    double height = separator_gap;
    for (std::size_t i = 0; i < count; ++i)
      height += (i == 0 ? 0 : queue[i].gap) + queue[i].line->height;
    if (count < queue.size()) height += mark_.height;
    return height;
  }

  /// Whether the footnote area may hold the first `count` lines of `queue` and leave the rest
  /// for the next page: all of them; or a cut inside one note, with no note waiting whole
  /// behind it (every note referenced on a page starts on it) and at least min_lines_ of the
  /// note on each side of the cut.
  bool may_cut(const std::vector<NoteLine>& queue, std::size_t count) const {
    if (count == queue.size()) return true;
    if (count == 0) return false;
    for (std::size_t i = count; i < queue.size(); ++i)
      if (queue[i].first) return false;
    const int note = queue[count].note;
    std::size_t before = 0, after = 0;
    for (std::size_t i = 0; i < queue.size(); ++i)
      if (queue[i].note == note) ++(i < count ? before : after);
    return before >= min_lines_ && after >= min_lines_;
  }

  /// The most lines of `queue` that may stand in `room`, or none (also when the room is negative).
  std::size_t fit(const std::vector<NoteLine>& queue, double room) const {
    if (queue.empty()) return room + fit_tolerance >= 0 ? 0 : none;
    double height = separator_gap;
    std::size_t by_height = 0;  // lines that fit, before cuts and the mark are considered
    for (; by_height < queue.size(); ++by_height) {
      const double next =
          height + (by_height == 0 ? 0 : queue[by_height].gap) + queue[by_height].line->height;
      if (next > room + fit_tolerance) break;
      height = next;
    }
    if (by_height == queue.size()) return by_height;
    std::size_t last_start = 0;  // no cut at or before the start of the last note
    for (std::size_t i = 0; i < queue.size(); ++i)
      if (queue[i].first) last_start = i;
    for (std::size_t count = by_height; count > last_start; --count)
      if (may_cut(queue, count) && area_height(queue, count) <= room + fit_tolerance) return count;
    return none;
  }

  std::size_t choose_end(std::size_t start) {
    const std::size_t n = lines_.size();
    // A continued note may fill the page only when no body is left to share it with.
    const double cap = start < n ? height_ * continued_note_share : height_;
    std::size_t carried_here = fit(carried_, cap);
    if (carried_here == none) carried_here = fit(carried_, height_);
    // While the continued note does not end on this page, no other note may start on it.
    bool closed = carried_here != none && carried_here < carried_.size();
    const double carried_height = closed ? area_height(carried_, carried_here) : 0;

    std::vector<int> notes;
    double used = 0;
    std::size_t split_at = none;      // the line whose note breaks at the foot of this page
    std::size_t best[3] = {0, 0, 0};  // latest break tolerating vetoes up to that strength
    for (std::size_t j = start; j < n; ++j) {
      const FlowLine& line = lines_[j];
      if (j > start && line.forced) return j;
      const double gap = j > start ? line.gap_before : 0;
      std::vector<int> with = notes;
      for (const int number : line.notes) add_note(number, with);
      const bool adds_notes = with.size() > notes.size();
      const double room = height_ - used - gap - line.height;
      bool fits = false;
      if (adds_notes && split_at != none) {
        fits = false;  // the note that breaks must be the last on the page
      } else if (closed && !adds_notes) {
        fits = room + fit_tolerance >= carried_height;
      } else {
        const auto queue = queue_of(with);
        const std::size_t count = fit(queue, room);
        // Notes already on the page stay whole unless one is breaking anyway; a new note may
        // break (it may also finish a continued note the cap would have cut).
        fits = count != none && (count == queue.size() || adds_notes || split_at != none);
        if (fits && adds_notes) {
          closed = false;
          if (count < queue.size()) split_at = j;
        }
      }
      if (fits) {
        used += gap + line.height;
        notes = std::move(with);
        if (j + 1 < n) {
          // Once a note breaks here, the page ends at the first break allowed: the note keeps
          // the most room, as TeX splits an insertion where it is met.
          if (split_at != none && lines_[j + 1].keep <= keep_free) return j + 1;
          for (int s = std::clamp(lines_[j + 1].keep, 0, 2); s <= 2; ++s) best[s] = j + 1;
        }
        continue;
      }
      if (j == start) return closed ? start : j + 1;  // a page of the continued note alone
      for (const std::size_t b : best)
        if (b > start) return b;
      return j;
    }
    return n;
  }

  void make_page(std::size_t start, std::size_t end) {
    if (model_.pages.size() >= max_pages) throw TooManyPages();
    const int index = static_cast<int>(model_.pages.size());
    Page& page = model_.pages.emplace_back();
    if (start < end) page.start = lines_[start].start;
    double y = top_;
    std::vector<int> notes;
    for (std::size_t i = start; i < end; ++i) {
      const FlowLine& line = lines_[i];
      if (i > start) y -= line.gap_before;
      // Drawn below the page's foot, it would be lost to every reader: refused instead.
      if (line.height > height_ + fit_tolerance)
        throw Error(line.where, "this part is " + std::to_string(std::lround(line.height)) +
                                    " pt tall, taller than a page's " +
                                    std::to_string(std::lround(height_)) +
                                    " pt of text, and cannot be split over pages: shorten it");
      page.append(line.content, y);
      cite_on(page, line);
      page.restart_numbering = page.restart_numbering || line.restart_numbering;
      const std::string part = line.part.empty() ? "body" : line.part;
      if (!line.content.runs.empty() &&
          std::find(page.parts.begin(), page.parts.end(), part) == page.parts.end())
        page.parts.push_back(part);
      for (auto entry : line.outline) {
        entry.page = index;
        entry.y += y;
        model_.outline.push_back(std::move(entry));
      }
      for (auto exhibit : line.exhibits) {  // its pages follow this one (pdf/ appends them)
        exhibit.after_page = index;
        model_.exhibits.push_back(std::move(exhibit));
      }
      for (const int number : line.notes) add_note(number, notes);
      y -= line.height;
    }

    const std::vector<NoteLine> queue = queue_of(notes);
    carried_.clear();
    if (queue.empty()) return;
    const double room = y - bottom_;
    std::size_t count = fit(queue, room);
    if (count == none) {
      // Nothing allowed fits (a line or note taller than the page): as many lines as fit, at
      // least one when the page has no body, so that a note of any length moves on.
      count = 0;
      while (count < queue.size() && area_height(queue, count + 1) <= room + fit_tolerance) ++count;
      if (count == 0 && start == end) count = 1;
    }
    carried_.assign(queue.begin() + static_cast<std::ptrdiff_t>(count), queue.end());
    if (!carried_.empty()) carried_.front().gap = 0;
    if (count == 0) return;
    const double area_top = bottom_ + area_height(queue, count);
    const double left = context_.content_left();
    page.lines.push_back(Line{left, area_top, left + context_.profile.footnote_separator, area_top,
                              separator_width});
    double note_y = area_top - separator_gap;
    for (std::size_t k = 0; k < count; ++k) {
      if (k > 0) note_y -= queue[k].gap;
      if (queue[k].first) note_places_.emplace(queue[k].note, std::make_pair(index, note_y));
      page.append(queue[k].line->content, note_y);
      cite_on(page, *queue[k].line);
      note_y -= queue[k].line->height;
    }
    // The note goes on over the page: say so under its last line here.
    if (count < queue.size() && !queue[count].first) page.append(mark_.content, note_y);
  }

  /// A reference mark's link goes to the first line of its note; a note that found no place
  /// (referenced only from a note never set) leaves its marks without a link.
  void link_marks_to_notes() {
    for (auto& page : model_.pages) {
      auto& links = page.links;
      for (auto& link : links) {
        if (link.note <= 0) continue;
        const auto found = note_places_.find(link.note);
        if (found == note_places_.end()) continue;
        link.page = found->second.first;
        link.top = found->second.second;
      }
      links.erase(std::remove_if(links.begin(), links.end(),
                                 [](const Link& link) { return link.note > 0 && link.page < 0; }),
                  links.end());
    }
  }

  Context& context_;
  const std::vector<FlowLine>& lines_;
  PageModel& model_;
  double top_ = 0, bottom_ = 0, height_ = 0;
  std::size_t min_lines_ = 2;
  FlowLine mark_;  // "(continued)"; empty and of no height when the document has no words for it
  std::vector<NoteLine> carried_;
  std::map<int, std::pair<int, double>> note_places_;  // note → page and top of its first line
};

}  // namespace

void paginate(Context& context, const std::vector<FlowLine>& lines, PageModel& model) {
  Paginator(context, lines, model).run();
}

}  // namespace fiscgen::layout::detail
