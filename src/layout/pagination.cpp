#include "layout/pagination.hpp"

#include <algorithm>

namespace fiscgen::layout::detail {
namespace {

// The footnote rule sits this far above the first note's line.
constexpr double separator_gap = 6;
constexpr double separator_width = 0.5;
// Heights are sums of many doubles.
constexpr double fit_tolerance = 1e-6;

/// A line of footnote text waiting for a page, with the space above it when it is not the first
/// in the footnote area.
struct NoteLine {
  const FlowLine* line = nullptr;
  double gap = 0;
};

void place(Page& page, const Fragment& content, double top) {
  for (auto run : content.runs) {
    run.y += top;
    page.runs.push_back(std::move(run));
  }
  for (auto line : content.lines) {
    line.y1 += top;
    line.y2 += top;
    page.lines.push_back(line);
  }
  for (auto box : content.boxes) {
    box.y += top;
    page.boxes.push_back(box);
  }
  for (auto link : content.links) {
    link.y += top;
    page.links.push_back(std::move(link));
  }
}

/// Cuts the flow into pages, first fit with vetoes. Lines are added while they fit together
/// with every footnote they reference (the notes stack up from the bottom margin, under a
/// rule). When a line does not fit, the page ends at the latest break the lines' vetoes allow;
/// a stronger veto (a <keep> group) gives way only when no weaker break exists on the page, and
/// with no allowed break at all the page ends where the overflow is, so that something always
/// fits. A line that does not fit on an empty page with its notes is placed anyway, with as many
/// note lines as fit; the rest continue at the foot of the next page before its own notes.
class Paginator {
 public:
  Paginator(Context& context, const std::vector<FlowLine>& lines, PageModel& model)
      : context_(context), lines_(lines), model_(model) {
    const auto& p = context.profile;
    top_ = p.page_height - p.margin_top;
    bottom_ = p.margin_bottom;
    height_ = top_ - bottom_;
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
  }

 private:
  /// Adds `number` and the notes its text references (in order) to `notes`, once each.
  void add_note(int number, std::vector<int>& notes) const {
    if (std::find(notes.begin(), notes.end(), number) != notes.end()) return;
    const auto found = context_.notes.find(number);
    if (found == context_.notes.end()) return;
    notes.push_back(number);
    for (const auto& line : found->second.lines)
      for (const int inner : line.notes) add_note(inner, notes);
  }

  double note_height(int number) const {
    const Note& note = context_.notes.at(number);
    double height = 0;
    for (const auto& line : note.lines) height += line.height;
    return height;
  }

  /// Height of the footnote area holding the carried lines and `notes` in full.
  double area_height(const std::vector<int>& notes) const {
    if (notes.empty() && carried_.empty()) return 0;
    double height = separator_gap;
    bool first = true;
    for (const auto& line : carried_) {
      height += (first ? 0 : line.gap) + line.line->height;
      first = false;
    }
    for (const int number : notes) {
      height += (first ? 0 : context_.notes.at(number).gap) + note_height(number);
      first = false;
    }
    return height;
  }

  std::size_t choose_end(std::size_t start) {
    const std::size_t n = lines_.size();
    std::vector<int> notes;
    double used = 0;
    std::size_t best[3] = {0, 0, 0};  // latest break tolerating vetoes up to that strength
    for (std::size_t j = start; j < n; ++j) {
      const FlowLine& line = lines_[j];
      if (j > start && line.forced) return j;
      const double gap = j > start ? line.gap_before : 0;
      std::vector<int> with = notes;
      for (const int number : line.notes) add_note(number, with);
      if (used + gap + line.height + area_height(with) <= height_ + fit_tolerance) {
        used += gap + line.height;
        notes = std::move(with);
        if (j + 1 < n)
          for (int s = std::clamp(lines_[j + 1].keep, 0, 2); s <= 2; ++s) best[s] = j + 1;
        continue;
      }
      if (j == start) return j + 1;
      for (const std::size_t b : best)
        if (b > start) return b;
      return j;
    }
    return n;
  }

  void make_page(std::size_t start, std::size_t end) {
    const int index = static_cast<int>(model_.pages.size());
    Page& page = model_.pages.emplace_back();
    double y = top_;
    std::vector<int> notes;
    for (std::size_t i = start; i < end; ++i) {
      const FlowLine& line = lines_[i];
      if (i > start) y -= line.gap_before;
      place(page, line.content, y);
      const std::string part = line.part.empty() ? "body" : line.part;
      if (!line.content.runs.empty() &&
          std::find(page.parts.begin(), page.parts.end(), part) == page.parts.end())
        page.parts.push_back(part);
      for (auto entry : line.outline) {
        entry.page = index;
        entry.y += y;
        model_.outline.push_back(std::move(entry));
      }
      for (const int number : line.notes) add_note(number, notes);
      y -= line.height;
    }

    std::vector<NoteLine> queue = std::move(carried_);
    carried_.clear();
    for (const int number : notes) {
      const Note& note = context_.notes.at(number);
      for (std::size_t l = 0; l < note.lines.size(); ++l)
        queue.push_back(NoteLine{&note.lines[l], l == 0 ? note.gap : 0});
    }
    if (queue.empty()) return;
    // As many note lines as fit under the body (at least one when the page has no body, so
    // that a note longer than a page still moves on).
    const double room = (y - bottom_) - separator_gap;
    double area = 0;
    std::size_t fit = 0;
    for (; fit < queue.size(); ++fit) {
      const double next = area + (fit == 0 ? 0 : queue[fit].gap) + queue[fit].line->height;
      if (next > room + fit_tolerance && !(fit == 0 && start == end)) break;
      area = next;
    }
    carried_.assign(queue.begin() + static_cast<std::ptrdiff_t>(fit), queue.end());
    if (!carried_.empty()) carried_.front().gap = 0;
    if (fit == 0) return;
    const double area_top = bottom_ + area + separator_gap;
    const double left = context_.content_left();
    page.lines.push_back(Line{left, area_top, left + context_.profile.footnote_separator, area_top,
                              separator_width});
    double note_y = area_top - separator_gap;
    for (std::size_t k = 0; k < fit; ++k) {
      if (k > 0) note_y -= queue[k].gap;
      place(page, queue[k].line->content, note_y);
      note_y -= queue[k].line->height;
    }
  }

  Context& context_;
  const std::vector<FlowLine>& lines_;
  PageModel& model_;
  double top_ = 0, bottom_ = 0, height_ = 0;
  std::vector<NoteLine> carried_;
};

}  // namespace

void paginate(Context& context, const std::vector<FlowLine>& lines, PageModel& model) {
  Paginator(context, lines, model).run();
}

}  // namespace fiscgen::layout::detail
