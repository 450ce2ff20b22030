// Progress for people. On a terminal: one line, redrawn in place, with counts, rate and ETA;
// what deserves a line of its own (failures, warnings, --explain) is printed above it.
// Elsewhere (logs, CI): one plain line per document.

#include <chrono>
#include <cmath>
#include <cstdio>
#include <ostream>
#include <sstream>

#include "batch/batch.hpp"

namespace fiscgen::batch {
namespace {

constexpr int bar_width = 24;
constexpr const char* red = "\x1b[31m";
constexpr const char* green = "\x1b[32m";
constexpr const char* reset = "\x1b[0m";
constexpr const char* clear_line = "\r\x1b[K";

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "; ") + part;
  return out;
}

std::string clock_text(double seconds) {
  const long total = std::lround(seconds);
  char text[32];
  std::snprintf(text, sizeof text, "%ld:%02ld", total / 60, total % 60);
  return text;
}

}  // namespace

ProgressPrinter::ProgressPrinter(std::ostream& out, bool terminal, bool colour, bool explain,
                                 bool quiet)
    : out_(out),
      terminal_(terminal && !quiet),
      colour_(colour && terminal),
      explain_(explain),
      quiet_(quiet) {}

void ProgressPrinter::started(int total, int to_render) {
  total_ = total;
  to_render_ = to_render;
  started_at_ = now_seconds();
  if (terminal_) {
    draw(out_);
    out_.flush();
  }
}

void ProgressPrinter::finished(const Document& document) {
  ++done_;
  if (document.status == Status::rendered) ++rendered_;
  if (document.status == Status::failed) ++failed_;
  const auto paint = [this](const char* colour, const std::string& text) {
    return colour_ ? colour + text + reset : text;
  };
  // Names found on disk and messages quoting inputs are escaped: a file name may hold ESC.
  const std::string name = printable(document.input.string());
  const std::string why = document.reasons.empty() ? "" : ": " + printable(join(document.reasons));
  // Composed whole, then written at once: standard error is unbuffered, and a document's lines
  // written piece by piece cost a write() each piece.
  std::ostringstream out;
  if (terminal_) out << clear_line;

  std::string line;
  switch (document.status) {
    case Status::rendered:
      if (!terminal_ || explain_) {
        line = paint(green, "rendered") + " " + name + " (" + std::to_string(document.pages) +
               (document.pages == 1 ? " page, " : " pages, ") +
               std::to_string(static_cast<long>(document.milliseconds)) + " ms)" +
               (explain_ ? why : "");
      }
      break;
    case Status::up_to_date:
      if (!terminal_ || explain_) line = "up to date " + name;
      break;
    case Status::would_render:
      line = "would render " + name + why;
      break;
    case Status::failed:
      line = paint(red, "failed") + " " + name + (explain_ ? why : "");
      break;
    default:
      break;
  }
  if (quiet_ && document.status != Status::failed) line.clear();
  if (!line.empty()) {
    if (!terminal_) out << '[' << done_ << '/' << total_ << "] ";
    out << line << '\n';
  }
  if (!quiet_)
    for (const auto& warning : document.warnings.list())
      out << "warning: " << printable(shorten_quotes(warning.describe())) << '\n';
  if (document.status == Status::failed)
    out << paint(red, "error: ") << printable(shorten_quotes(document.error)) << '\n';
  if (terminal_) draw(out);
  out_ << out.str();
  out_.flush();
}

void ProgressPrinter::draw(std::ostream& out) {
  const int filled = total_ ? bar_width * done_ / total_ : bar_width;
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.resize(bar_width, '.');
  const int up_to_date = done_ - rendered_ - failed_;
  const double elapsed = now_seconds() - started_at_;
  out << clear_line << '[' << bar << "] " << done_ << '/' << total_ << "  " << rendered_
      << " rendered, " << up_to_date << " up to date, ";
  out << (failed_ && colour_ ? red : "") << failed_ << " failed"
      << (failed_ && colour_ ? reset : "");
  const int rendering_done = rendered_ + failed_;
  if (rendering_done > 0 && elapsed > 0) {
    const double rate = rendering_done / elapsed;
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", rate);
    out << "  " << text << " docs/s  ETA " << clock_text((to_render_ - rendering_done) / rate);
  }
}

void ProgressPrinter::done(const Summary& summary) {
  if (terminal_) out_ << clear_line;
  if (quiet_ && !summary.interrupted) {
    out_.flush();
    return;
  }
  const int in_shard =
      static_cast<int>(summary.documents.size()) - summary.count(Status::skipped_by_shard);
  out_ << in_shard << (in_shard == 1 ? " document: " : " documents: ");
  if (summary.count(Status::would_render) > 0)
    out_ << summary.count(Status::would_render) << " would be rendered, ";
  else
    out_ << summary.count(Status::rendered) << " rendered, ";
  out_ << summary.count(Status::up_to_date) << " up to date, " << summary.count(Status::failed)
       << " failed";
  if (const int skipped = summary.count(Status::skipped_by_shard))
    out_ << ", " << skipped << " in other shards";
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", now_seconds() - started_at_);
  out_ << " (" << text << " s)\n";
  if (summary.interrupted)
    out_ << "interrupted: " << summary.count(Status::not_started)
         << " not rendered; run the same command again to finish\n";
  out_.flush();
}

}  // namespace fiscgen::batch
