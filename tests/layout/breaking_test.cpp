// Line breaking: optimal fit for justified text, and citations kept together.

#include "layout/line_breaking.hpp"
#include "layout_helpers.hpp"

using namespace fiscgen;
using namespace fiscgen::layout_test;
using fiscgen::layout::detail::BreakItem;
using fiscgen::layout::detail::FitWeights;
using fiscgen::layout::detail::LineWidths;

namespace {

// Items of `text` as the breaker sees them: one per word (its real width) and per space, a
// break allowed after every space.
std::vector<BreakItem> word_items(Setup& s, const std::string& text) {
  std::vector<BreakItem> items;
  const double space = s.fonts.font(0).width(" ", 12);
  for (const auto& word : words_of(text)) {
    if (!items.empty()) items.push_back(BreakItem{space, true, true, false, 0});
    items.push_back(BreakItem{s.fonts.font(0).width(word, 12), false, false, false, 0});
  }
  return items;
}

struct Stretch {
  double max = 0, mean = 0;
  int loose = 0;  // very loose lines: spaces more than doubled
  double cubes = 0;
};

// How much the spaces of each justified line (all but the last) grow (or shrink: negative), as
// a fraction of their natural width, as place_line spreads the slack.
Stretch stretch_of(const std::vector<BreakItem>& items, const std::vector<std::size_t>& ends,
                   const LineWidths& widths) {
  Stretch out;
  std::size_t begin = 0;
  int lines = 0;
  for (std::size_t l = 0; l + 1 < ends.size(); ++l) {
    const std::size_t end = ends[l];
    double spaces = 0;
    int gaps = 0;
    for (std::size_t i = begin + 1; i + 1 < end; ++i)
      if (items[i].space) spaces += items[i].width, ++gaps;
    const double slack = widths.at(l) - layout::detail::line_width(items, begin, end);
    CHECK(slack >= -spaces / 3 - 1e-6);  // spaces shrink by a third at most
    if (gaps > 0) {
      const double ratio = slack / spaces;
      out.max = std::max(out.max, ratio);
      out.mean += ratio;
      out.loose += ratio > 1.0;
      out.cubes += std::abs(ratio * ratio * ratio);
      ++lines;
    }
    begin = end;
  }
  if (lines) out.mean /= lines;
  return out;
}

}  // namespace

// Hand-written legal prose of ordinary word lengths (the example motion's register).
const char* const argument =
    "Cascade Software Corporation respectfully moves for a declaratory judgment that it may "
    "publish, in the aggregate, the number of orders and directives it has received under the "
    "Foreign Intelligence Surveillance Act and the number of user accounts those demands "
    "concerned. Cascade asks for nothing that would identify a target, an investigation, or a "
    "method. It asks only to tell its users, in round figures, how often the Government has "
    "required it to disclose their information. Recent reports in the press have described the "
    "relationship between technology companies and the Government in terms that Cascade believes "
    "are inaccurate. Those reports have left millions of users uncertain whether their "
    "communications are disclosed wholesale. Cascade cannot correct the record with facts, "
    "because the Government maintains that even aggregate figures may not be published. The "
    "public debate therefore proceeds on speculation, and silence is taken as confirmation of "
    "claims it knows to be wrong.";

TEST_CASE("optimal fit leaves fewer loose lines than greedy filling, never overfull ones") {
  // Over 29 measures from 300 to 468 points, the same paragraph.
  Setup s;
  const auto items = word_items(s, argument);
  Stretch greedy_total, optimal_total;
  double greedy_cubes = 0, optimal_cubes = 0;  // Σ r³: what badness grows with
  for (double measure = 300; measure <= 468; measure += 6) {
    CAPTURE(measure);
    const LineWidths widths{measure - 36, measure};
    const auto greedy = layout::detail::greedy_breaks(items, widths);
    const auto optimal = layout::detail::optimal_breaks(items, widths, FitWeights{});
    REQUIRE(optimal.back() == items.size());
    const auto g = stretch_of(items, greedy, widths), o = stretch_of(items, optimal, widths);
    greedy_total.loose += g.loose;
    optimal_total.loose += o.loose;
    greedy_total.max = std::max(greedy_total.max, g.max);
    optimal_total.max = std::max(optimal_total.max, o.max);
    greedy_cubes += g.cubes;
    optimal_cubes += o.cubes;
  }
  MESSAGE("greedy: max stretch " << greedy_total.max << ", loose lines " << greedy_total.loose
                                 << "; optimal: max " << optimal_total.max << ", loose lines "
                                 << optimal_total.loose << "; Σr³ " << greedy_cubes << " → "
                                 << optimal_cubes);
  CHECK(optimal_total.loose < greedy_total.loose);
  CHECK(optimal_total.max <= greedy_total.max);
  CHECK(optimal_cubes < greedy_cubes);
}

TEST_CASE("optimal fit: forced breaks, one-line paragraphs, words wider than the line") {
  Setup s;
  const LineWidths widths{200, 200};
  auto items = word_items(s, "a short line");
  CHECK(layout::detail::optimal_breaks(items, widths, FitWeights{}) ==
        std::vector<std::size_t>{items.size()});
  // A forced break after "short" ends the line there, whatever it costs.
  items = word_items(s, prose(30));
  items[4].forced_after = true;
  const auto ends = layout::detail::optimal_breaks(items, widths, FitWeights{});
  CHECK(ends.front() == 5);
  CHECK(ends.back() == items.size());
  // A word wider than the line: greedy takes over and splits it, nothing overflows.
  items = word_items(s, "short " + std::string(100, 'm') + " end");
  const auto split = layout::detail::optimal_breaks(items, widths, FitWeights{});
  CHECK(split == layout::detail::greedy_breaks(items, widths));
  // The last line is ragged: it never shrinks, even by a hair.
  items = word_items(s, "one two three");
  const double natural = layout::detail::line_width(items, 0, items.size());
  CHECK(layout::detail::optimal_breaks(items, LineWidths{natural - 1, natural - 1}, FitWeights{})
            .size() == 2);
  CHECK(layout::detail::optimal_breaks({}, widths, FitWeights{}).empty());
}

TEST_CASE("optimal fit accepts loose lines rather than none when nothing fits the tolerance") {
  Setup s;
  // Two long words per line at most: every breaking is very loose.
  const auto items = word_items(s,
                                "internationalisation counterintelligence "
                                "extraterritoriality telecommunications");
  const LineWidths widths{260, 260};
  const auto ends = layout::detail::optimal_breaks(items, widths, FitWeights{1, 10, 50});
  CHECK(ends.size() >= 2);
  CHECK(ends.back() == items.size());
  stretch_of(items, ends, widths);  // checks that no line is overfull
}

TEST_CASE("justified paragraphs end every line but the last at the margin, with even spacing") {
  Setup s;
  std::string body;
  for (int i = 0; i < 6; ++i)
    body += "<paragraph>" + prose(90 + 13 * i, id("p", i).c_str()) + "</paragraph>";
  const auto model = s.run(document(body));
  check_runs(s, model);
  std::string text;
  for (const auto& page : model.pages)
    for (const auto& line : text_lines(s, page)) text += line.text + " ";
  std::string expected;
  for (int i = 0; i < 6; ++i) expected += prose(90 + 13 * i, id("p", i).c_str()) + " ";
  CHECK(words_of(text) == words_of(expected));
}

TEST_CASE("the profile's tolerance and line penalty reach the breaker") {
  Setup s;
  const std::string tree = document("<paragraph>" + prose(400) + "</paragraph>");
  const auto lines_with = [&](double line_penalty) {
    s.profile.breaking.line_penalty = line_penalty;
    std::size_t n = 0;
    for (const auto& page : s.run(tree).pages) n += text_lines(s, page).size();
    return n;
  };
  // A huge line penalty buys fewer lines with looser spacing; never more lines.
  CHECK(lines_with(10000) <= lines_with(10));
}

// --- citations ---

namespace {

// The lines (all pages) of a document of one paragraph, prefixed by `k` words.
std::vector<std::string> lines_of(Setup& s, int k, const std::string& cite,
                                  const std::string& style) {
  const auto model = s.run(document("<paragraph style=\"" + style + "\">" + prose(k) + " <cite>" +
                                    cite + "</cite> " + prose(30, "t") + "</paragraph>"));
  check_runs(s, model);
  std::vector<std::string> out;
  for (const auto& page : model.pages)
    for (const auto& line : text_lines(s, page)) out.push_back(line.text);
  return out;
}

bool ends_with(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() &&
         text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

TEST_CASE("\"50 U.S.C. § 1861(d)(1)\" is never split, wherever the line ends") {
  Setup s;
  const std::string cite = "50 U.S.C. \u00A7 1861(d)(1)";
  for (const char* style : {"body", "single"}) {
    int moved = 0;  // times the citation was carried whole to the next line
    for (int k = 0; k < 30; ++k) {
      CAPTURE(style);
      CAPTURE(k);
      const auto lines = lines_of(s, k, cite, style);
      int holding = 0;
      for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].find("1861") == std::string::npos) continue;
        ++holding;
        CHECK(lines[i].find(cite) != std::string::npos);
        if (i > 0 && lines[i].rfind("50 U.S.C.", 0) == 0) ++moved;
      }
      CHECK(holding == 1);
    }
    CHECK(moved > 0);
  }
}

TEST_CASE("a long citation breaks only between its parts, after commas or case names") {
  Setup s;
  const std::string cite =
      "Microsoft Corp. v. United States, 123 F. Supp. 2d 456, 460 (D.C. Cir. "
      "2013) (quoting 50 U.S.C. \u00A7\u00A7 1801-1812)";
  bool broken = false;
  for (int k = 0; k < 30; ++k) {
    CAPTURE(k);
    const auto lines = lines_of(s, k, cite, "body");
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
      CAPTURE(lines[i]);
      for (const char* tail : {"F.", "Supp.", "2d", "123", "v.", "D.C.", "50", "U.S.C.",
                               "\u00A7\u00A7", "1801-", "(D.C. Cir."})
        CHECK(!ends_with(lines[i], tail));
      broken |= lines[i].find("Microsoft") != std::string::npos &&
                lines[i].find("1812") == std::string::npos;
    }
  }
  CHECK(broken);
}

TEST_CASE("a court rule's subdivisions are never split: \"FRAP 32(a)(7)(B)\", cited or not") {
  Setup s;
  // In running text (no <cite>, as a certificate of compliance writes it) and as a citation.
  const std::string rule = "FRAP 32(a)(7)(B)(i)";
  const std::string cited = "Fed. R. App. P. 32(a)(7)(B)";
  for (const char* style : {"body", "single"}) {
    int moved = 0;  // times the citation was carried whole to the next line
    for (int k = 0; k < 30; ++k) {
      CAPTURE(style);
      CAPTURE(k);
      const auto model = s.run(document("<paragraph style=\"" + std::string(style) + "\">" +
                                        prose(k) + " under " + rule + " and <cite>" + cited +
                                        "</cite> " + prose(30, "t") + "</paragraph>"));
      std::vector<std::string> lines;
      for (const auto& page : model.pages)
        for (const auto& line : text_lines(s, page)) lines.push_back(line.text);
      for (std::size_t i = 0; i < lines.size(); ++i) {
        CAPTURE(lines[i]);
        CHECK(lines[i].rfind("(", 0) != 0);  // no line starts at a subdivision
        if (lines[i].find("(7)") == std::string::npos) continue;
        // Whole on its line: the rule's subdivisions, the citation's every part.
        const bool has_rule = lines[i].find("32(a)(7)(B)(i)") != std::string::npos;
        const bool has_cite = lines[i].find(cited) != std::string::npos;
        CHECK((has_rule || has_cite));
        if (has_cite && i > 0 && lines[i].rfind("Fed. R.", 0) == 0) ++moved;
      }
    }
    CHECK(moved > 0);
  }
}
