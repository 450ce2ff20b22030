#include "tools.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace e2e {
namespace {

std::string quote(const std::string& argument) {
  std::string quoted = "'";
  for (const char c : argument) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

bool is_digits(const std::string& text, std::size_t from, std::size_t to) {
  if (from >= to) return false;
  for (std::size_t i = from; i < to; ++i)
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  return true;
}

/// A PDF word matches an input word exactly, or with one run of digits (a footnote mark) that
/// the input word does not have.
bool same_word(const std::string& input_word, const std::string& pdf_word) {
  if (pdf_word == input_word) return true;
  if (pdf_word.size() <= input_word.size()) return false;
  const std::size_t extra = pdf_word.size() - input_word.size();
  for (std::size_t at = 0; at + extra <= pdf_word.size(); ++at)
    if (is_digits(pdf_word, at, at + extra) && pdf_word.compare(0, at, input_word, 0, at) == 0 &&
        pdf_word.compare(at + extra, std::string::npos, input_word, at) == 0)
      return true;
  return false;
}

}  // namespace

Run run(const std::vector<std::string>& arguments) {
  TempDir temp;
  std::string command;
  for (const auto& argument : arguments) command += quote(argument) + " ";
  command += ">" + quote((temp / "out").string()) + " 2>" + quote((temp / "err").string());
  const int raw = std::system(command.c_str());
  Run result;
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  result.out = read_file(temp / "out");
  result.err = read_file(temp / "err");
  return result;
}

Run fiscgen(const std::vector<std::string>& arguments) {
  std::vector<std::string> all{FISCGEN_BINARY};
  all.insert(all.end(), arguments.begin(), arguments.end());
  return run(all);
}

std::string pdf_text(const std::filesystem::path& pdf, int page) {
  std::vector<std::string> command{PDFTOTEXT, "-enc", "UTF-8"};
  if (page > 0)
    command.insert(command.end(), {"-f", std::to_string(page), "-l", std::to_string(page)});
  command.insert(command.end(), {pdf.string(), "-"});
  return run(command).out;
}

std::string pdf_text_raw(const std::filesystem::path& pdf) {
  return run({PDFTOTEXT, "-raw", "-enc", "UTF-8", pdf.string(), "-"}).out;
}

std::string pdf_text_mupdf(const std::filesystem::path& pdf) {
  return run({MUTOOL, "draw", "-q", "-N", "-F", "txt", pdf.string()}).out;
}

std::string pdf_info(const std::filesystem::path& pdf, const std::string& key) {
  std::istringstream lines(run({PDFINFO, pdf.string()}).out);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(key + ":", 0) != 0) continue;
    const auto value = line.find_first_not_of(' ', key.size() + 1);
    return value == std::string::npos ? "" : line.substr(value);
  }
  return "";
}

int pdf_pages(const std::filesystem::path& pdf) {
  const std::string pages = pdf_info(pdf, "Pages");
  return pages.empty() ? -1 : std::stoi(pages);
}

std::vector<Word> pdf_words(const std::filesystem::path& pdf, int page) {
  const auto bbox = run({"pdftotext", "-bbox", "-f", std::to_string(page), "-l",
                         std::to_string(page), pdf.string(), "-"});
  std::vector<Word> words;
  if (bbox.status != 0) return words;
  const std::regex word(
      R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
  for (std::sregex_iterator it(bbox.out.begin(), bbox.out.end(), word), end; it != end; ++it)
    words.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]),
                     std::stod((*it)[4]), (*it)[5]});
  return words;
}

std::vector<FontRow> pdf_fonts(const std::filesystem::path& pdf) {
  // name  type  encoding  emb sub uni object ID: the last five columns are fixed.
  std::istringstream lines(run({PDFFONTS, pdf.string()}).out);
  std::vector<FontRow> rows;
  int line_number = 0;
  for (std::string line; std::getline(lines, line);) {
    if (++line_number <= 2 || line.empty()) continue;
    std::istringstream fields(line);
    std::vector<std::string> cells;
    for (std::string cell; fields >> cell;) cells.push_back(cell);
    if (cells.size() < 7) continue;
    const std::size_t n = cells.size();
    FontRow row;
    row.name = cells[0];
    row.type = cells[1];
    row.embedded = cells[n - 5] == "yes";
    row.subset = cells[n - 4] == "yes";
    row.unicode = cells[n - 3] == "yes";
    rows.push_back(row);
  }
  return rows;
}

std::string check_readers(const std::filesystem::path& pdf) {
  struct Reader {
    const char* name;
    std::vector<std::string> command;
  };
  const std::string file = pdf.string();
  const std::vector<Reader> readers{
      {"poppler", {PDFTOTEXT, file, "/dev/null"}},
      // -N: this MuPDF is built without ICC support and says so on every file unless colour
      // management is off; -q: no progress lines. Rasterising loads every glyph of every font.
      {"mupdf", {MUTOOL, "draw", "-q", "-N", "-r", "36", "-F", "pbm", "-o", "/dev/null", file}},
      // Exit 3 and lines on standard error when qpdf had to repair or ignore anything.
      {"qpdf", {QPDF, "--check", file}},
      // Not -q: quiet Ghostscript keeps its list of repaired errors to itself. Its banner goes
      // to standard output; warnings and that list go to standard error.
      {"ghostscript", {GHOSTSCRIPT, "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=nullpage", file}},
  };
  std::string complaints;
  for (const auto& reader : readers) {
    const Run result = run(reader.command);
    if (result.status == 0 && result.err.empty()) continue;
    complaints += std::string(reader.name) + " (exit " + std::to_string(result.status) +
                  "): " + result.err + (result.err.empty() ? "\n" : "");
  }
  return complaints;
}

std::vector<std::string> non_blank_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (line.find_first_not_of(" \f\t\r") != std::string::npos) lines.push_back(line);
  return lines;
}

std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string word; in >> word;) {
    std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) {
      return c < 0x80 ? static_cast<char>(std::tolower(c)) : c;
    });
    out.push_back(word);
  }
  return out;
}

namespace {

/// How many PDF words from `at` on make up `word`: 1 when one does (see same_word), more when a
/// word wider than the line was split over lines and its pieces come back as words in a row
/// (with the page number between them when a page ends inside it); 0 when `word` does not
/// start at `at`.
std::size_t match_at(const std::string& word, const std::vector<std::string>& actual,
                     std::size_t at) {
  if (same_word(word, actual[at])) return 1;
  // pdftotext joins a word broken after its hyphen at a line end, dropping the hyphen.
  if (const auto hyphen = word.find('-');
      hyphen != std::string::npos && hyphen + 1 < word.size() &&
      same_word(word.substr(0, hyphen) + word.substr(hyphen + 1), actual[at]))
    return 1;
  std::string joined;
  for (std::size_t piece = at; piece < actual.size() && joined.size() < word.size(); ++piece) {
    // A page number between two pieces: the word was split over a page break.
    if (piece > at && is_digits(actual[piece], 0, actual[piece].size()) &&
        word.compare(joined.size(), actual[piece].size(), actual[piece]) != 0)
      continue;
    joined += actual[piece];
    if (word.compare(0, joined.size(), joined) != 0) return 0;
    if (joined.size() == word.size() && piece > at) return piece - at + 1;
  }
  return 0;
}

}  // namespace

std::string find_in_order(const std::vector<std::string>& expected,
                          const std::vector<std::string>& actual) {
  std::size_t at = 0;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    // The earliest match is the right one: if the words are in order at all, they are in order
    // from there.
    std::size_t length = 0;
    for (; at < actual.size() && length == 0; ++at) length = match_at(expected[i], actual, at);
    if (length == 0) {
      std::string context;
      for (std::size_t j = i >= 3 ? i - 3 : 0; j < std::min(expected.size(), i + 4); ++j)
        context += (j == i ? "[" + expected[j] + "]" : expected[j]) + " ";
      return "word " + std::to_string(i + 1) + " of " + std::to_string(expected.size()) +
             " missing or out of order: " + context;
    }
    at += length - 1;  // the loop stepped past the first piece already
  }
  return "";
}

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string pdf_uncompressed(const std::filesystem::path& pdf,
                             const std::filesystem::path& scratch) {
  const auto done =
      run({QPDF, "--qdf", "--object-streams=disable", pdf.string(), scratch.string()});
  if (done.status != 0)
    throw std::runtime_error("qpdf --qdf failed on " + pdf.string() + ": " + done.err);
  return read_file(scratch);
}

std::string decoded_hex_strings(const std::string& pdf) {
  std::string out;
  for (std::size_t at = pdf.find('<'); at != std::string::npos; at = pdf.find('<', at + 1)) {
    if (at + 1 < pdf.size() && pdf[at + 1] == '<') {
      ++at;
      continue;
    }
    const auto end = pdf.find('>', at);
    if (end == std::string::npos) break;
    const std::string hex = pdf.substr(at + 1, end - at - 1);
    if (hex.empty() || hex.size() % 4 != 0 ||
        hex.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
      continue;
    for (std::size_t i = 0; i < hex.size(); i += 4) {
      const auto cp = std::stoul(hex.substr(i, 4), nullptr, 16);
      if (cp < 0x80)
        out += static_cast<char>(cp);
      else if (cp < 0x800)
        out += static_cast<char>(0xC0 | (cp >> 6)), out += static_cast<char>(0x80 | (cp & 0x3F));
      else
        out += static_cast<char>(0xE0 | (cp >> 12)),
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
            out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

std::map<std::string, Reported> read_report(const std::filesystem::path& file) {
  const std::string json = e2e::read_file(file);
  static const std::regex name_field(R"re("name": "([^"]+)")re");
  static const std::regex status_field(R"re("status": "([^"]+)")re");
  static const std::regex reasons_field(R"re("reasons": \[([^\]]*)\])re");
  static const std::regex quoted(R"re("((?:[^"\\]|\\.)*)")re");
  std::map<std::string, Reported> documents;
  for (auto it = std::sregex_iterator(json.begin(), json.end(), name_field);
       it != std::sregex_iterator(); ++it) {
    const auto begin = json.rfind('{', static_cast<std::size_t>(it->position()));
    const auto end = json.find('}', static_cast<std::size_t>(it->position()));
    const std::string object = json.substr(begin, end - begin);
    Reported reported;
    std::smatch match;
    if (std::regex_search(object, match, status_field)) reported.status = match[1];
    if (std::regex_search(object, match, reasons_field)) {
      const std::string list = match[1];
      for (auto r = std::sregex_iterator(list.begin(), list.end(), quoted);
           r != std::sregex_iterator(); ++r)
        reported.reasons.push_back((*r)[1]);
    }
    documents[(*it)[1]] = reported;
  }
  return documents;
}

}  // namespace e2e
