// Whole-process benchmark of single documents (issue 19's rows): a motion with 8 citations,
// 3 notes, 2 signers and a proposed order; the example letter; `fiscgen cite` against
// `fiscgen --version`; and issue 17's 1 MB opinion read by `fiscgen cite --json -` (the corpus
// passages of tests/cite/corpus, marks removed, repeated to 1 MiB), its CPU time against 1 s. Each
// fiscgen row is set against its floor, measured in the same run: fiscgen_floor (libharu placing
// the same lines, one font subset with hb-subset per document, no layout) as a whole process. Runs
// are interleaved (fiscgen, floor, [the fiscgen before], …) so that load from other processes falls
// on all of them alike. Medians of wall time and of CPU time (user + system, which load does not
// inflate as much); the load average is printed beside them. Figures only: nothing here passes or
// fails.
//
//   fiscgen_bench FISCGEN FLOOR PDFTOTEXT EXAMPLES_DIR [RUNS [BEFORE]]
//   BEFORE: another fiscgen binary (such as the last commit's), timed in the same interleaved run
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Sample {
  double wall = 0, cpu = 0;  // seconds
  long peak_kib = 0;
};

/// One whole process, its output to /dev/null and its input from `input` (none: the bench's):
/// wall time, CPU time and peak RSS (wait4).
Sample run_once(const std::vector<std::string>& arguments, const std::string& input = {}) {
  std::vector<char*> argv;
  for (const auto& a : arguments) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::fflush(stdout);
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    if (!std::freopen("/dev/null", "w", stdout) || !std::freopen("/dev/null", "w", stderr))
      _exit(126);
    if (!input.empty() && !std::freopen(input.c_str(), "r", stdin)) _exit(126);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  const auto end = std::chrono::steady_clock::now();
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::cerr << "failed:";
    for (const auto& a : arguments) std::cerr << ' ' << a;
    std::cerr << '\n';
    std::exit(1);
  }
  const auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
  return {std::chrono::duration<double>(end - start).count(),
          seconds(usage.ru_utime) + seconds(usage.ru_stime), usage.ru_maxrss};
}

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  in >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The example motion with six more citations (8 in all: cases, a statute, the Constitution,
/// Id.), like the held-out motion of issue 19; it keeps its 3 notes, 2 signers and order.
fs::path cited_motion(const fs::path& examples, const fs::path& dir) {
  std::string text = read(examples / "motion.xml");
  const std::pair<const char*, const char*> additions[] = {
      {"disclose their information.", " <cite>Smith v. Maryland, 442 U.S. 735, 742 (1979)</cite>."},
      {"are inaccurate.",
       " See <cite>Clapper v. Amnesty International USA, 568 U.S. 398, 401 (2013)</cite>."},
      {"by nondisclosure obligations.", " <cite>50 U.S.C. § 1881a(h)(1)</cite>."},
      {"the existence of any particular order.",
       " <cite>In re Sealed Case, 310 F.3d 717, 736 (FISA Ct. Rev. 2002)</cite>."},
      {"matter of great public concern.", " <cite>U.S. Const. amend. I</cite>."},
      {"narrowly tailored to a compelling interest.", " <cite>Id.</cite>"}};
  for (const auto& [after, cite] : additions) {
    const auto at = text.find(after);
    if (at == std::string::npos) {
      std::cerr << "examples/motion.xml no longer says \"" << after << "\"\n";
      std::exit(1);
    }
    text.insert(at + std::string(after).size(), cite);
  }
  const fs::path file = dir / "motion-8-citations.xml";
  std::ofstream(file, std::ios::binary) << text;
  return file;
}

struct Figures {
  std::vector<double> wall, cpu;
  long peak_kib = 0;
  void add(const Sample& s) {
    wall.push_back(s.wall), cpu.push_back(s.cpu), peak_kib = std::max(peak_kib, s.peak_kib);
  }
  static double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
  }
  double wall_ms() const { return median(wall) * 1e3; }
  double cpu_ms() const { return median(cpu) * 1e3; }
};

void print(const std::string& label, const Figures& f) {
  std::printf("  %-30s median %6.1f ms wall %6.1f ms CPU   peak RSS %5.1f MB\n", label.c_str(),
              f.wall_ms(), f.cpu_ms(), f.peak_kib / 1024.0);
}

void print_ratio(const std::string& label, const Figures& f, const Figures& floor,
                 const char* goal) {
  std::printf("  %-30s %4.2fx wall %4.2fx CPU   (goal <= %s)\n", label.c_str(),
              f.wall_ms() / floor.wall_ms(), f.cpu_ms() / floor.cpu_ms(), goal);
}

/// One row: fiscgen (and BEFORE) against `reference`, interleaved; fiscgen reads `input` (none:
/// nothing) on standard input; `goal` (a ratio to `reference`) nullptr: no ratio printed. Returns
/// fiscgen's figures.
Figures row(const std::string& name, const std::vector<std::string>& command,
            const std::vector<std::string>& reference, const std::string& reference_name,
            const std::string& before, int runs, const char* goal, const std::string& input = {}) {
  const bool with_before = !before.empty();
  auto before_command = command;
  if (with_before) before_command[0] = before;
  Figures now, ref, old;
  run_once(command, input), run_once(reference);  // warm the page cache and fontconfig's cache
  if (with_before) run_once(before_command, input);
  for (int i = 0; i < runs; ++i) {
    now.add(run_once(command, input));
    ref.add(run_once(reference));
    if (with_before) old.add(run_once(before_command, input));
  }
  std::printf("%s   (load average %s)\n", name.c_str(), load_average().c_str());
  if (with_before) print("fiscgen before", old);
  print(with_before ? "fiscgen now" : "fiscgen", now);
  print(reference_name, ref);
  if (goal == nullptr) return now;  // a goal in absolute time: the caller prints it
  if (with_before) print_ratio("before / " + reference_name, old, ref, goal);
  print_ratio((with_before ? "now / " : "fiscgen / ") + reference_name, now, ref, goal);
  return now;
}

/// Issue 17's 1 MB opinion: the passages of the opinion corpus (format in its README.md), each
/// citation's mark replaced by the text written, passages a blank line apart, repeated to 1 MiB.
fs::path opinion(const fs::path& corpus, const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(corpus))
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::string passages;
  for (const auto& file : files) {
    std::istringstream lines(read(file));
    for (std::string line; std::getline(lines, line);) {
      if (line.rfind("#", 0) == 0 || line.empty()) continue;
      if (line.rfind("== ", 0) == 0) {
        passages += passages.empty() ? "" : "\n";
        continue;
      }
      for (auto open = line.find("[["); open != std::string::npos; open = line.find("[[", open)) {
        const auto close = line.find("]]", open);
        if (close == std::string::npos) break;
        std::string mark = line.substr(open + 2, close - open - 2);
        mark = mark.substr(0, mark.find(" @ "));
        mark = mark.substr(0, mark.find(" => "));
        line.replace(open, close + 2 - open, mark);
        open += mark.size();
      }
      passages += line + "\n";
    }
  }
  std::string text;
  while (!passages.empty() && text.size() < (1u << 20)) text += passages + "\n";
  const fs::path file = dir / "opinion-1mb.txt";
  std::ofstream(file, std::ios::binary) << text;
  return file;
}

/// The floor's command for the document `input` renders to: pdftotext's lines of fiscgen's PDF.
std::vector<std::string> floor_for(const std::string& fiscgen, const std::string& floor,
                                   const std::string& pdftotext, const fs::path& input,
                                   const fs::path& dir) {
  const auto name = input.stem().string();
  const auto lines = dir / ("lines-" + name), out = dir / ("floor-" + name);
  fs::create_directories(lines);
  const auto pdf = dir / (name + ".pdf");
  run_once({fiscgen, "render", input.string(), "-o", pdf.string()});
  run_once({pdftotext, "-enc", "UTF-8", pdf.string(), (lines / (name + ".txt")).string()});
  return {floor, lines.string(), out.string()};
}

/// The example motion's body sections repeated `copies` times; `one_line` saves it without line
/// breaks, as programs that generate XML often do (every location is then far along line 1).
fs::path long_motion(const fs::path& examples, const fs::path& dir, int copies, bool one_line) {
  pugi::xml_document xml;
  if (!xml.load_file((examples / "motion.xml").c_str())) {
    std::cerr << "cannot read examples/motion.xml\n";
    std::exit(1);
  }
  auto body = xml.document_element().child("body");
  std::vector<pugi::xml_node> sections(body.children("section").begin(),
                                       body.children("section").end());
  for (int copy = 1; copy < copies; ++copy)
    for (const auto& section : sections) body.append_copy(section);
  const fs::path file =
      dir / ("motion-" + std::to_string(copies) + (one_line ? "-raw" : "") + ".xml");
  if (one_line)
    xml.save_file(file.c_str(), "", pugi::format_raw);
  else
    xml.save_file(file.c_str());
  return file;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::cerr << "usage: fiscgen_bench FISCGEN FLOOR PDFTOTEXT EXAMPLES_DIR [RUNS [BEFORE]]\n";
    return 2;
  }
  const std::string fiscgen = argv[1], floor = argv[2], pdftotext = argv[3];
  const fs::path examples = argv[4];
  const int runs = argc > 5 ? std::atoi(argv[5]) : 21;
  const std::string before = argc > 6 ? argv[6] : "";
  char pattern[] = "/tmp/fiscgen-bench-XXXXXX";
  const fs::path dir = mkdtemp(pattern);

  std::printf("whole processes, %d runs each, interleaved; medians\n", runs);
  const auto motion = cited_motion(examples, dir), letter = examples / "letter.xml";
  for (const auto& [name, input, goal] :
       {std::tuple{"motion (8 citations, 3 notes, 2 signers, order)", motion, "2"},
        std::tuple{"letter (examples/letter.xml)", letter, "1.5"}}) {
    const auto out = dir / (input.stem().string() + "-out.pdf");
    row(name, {fiscgen, "render", input.string(), "-o", out.string()},
        floor_for(fiscgen, floor, pdftotext, input, dir), "floor", before, runs, goal);
  }
  row("fiscgen cite \"Smith v. Maryland, 442 U.S. 735 (1979)\"",
      {fiscgen, "cite", "Smith v. Maryland, 442 U.S. 735 (1979)"}, {fiscgen, "--version"},
      "fiscgen --version", before, runs, "1.5");
  const auto text = opinion(examples.parent_path() / "tests" / "cite" / "corpus", dir);
  const auto read_opinion = row(
      "fiscgen cite --json - < 1 MB opinion (" + std::to_string(fs::file_size(text)) + " bytes)",
      {fiscgen, "cite", "--json", "-"}, {fiscgen, "--version"}, "fiscgen --version", before,
      runs / 2 + 1, nullptr, text.string());
  std::printf("  %-30s %6.0f ms CPU   (goal <= 1000 ms)\n", "fiscgen now, 1 MB opinion",
              read_opinion.cpu_ms());
  // Growth (docs/security.md): 40 copies of the motion's body, with line breaks and on one line.
  std::printf("long inputs, %d runs each   (load average %s)\n", runs / 4 + 1,
              load_average().c_str());
  for (const bool one_line : {false, true}) {
    const auto input = long_motion(examples, dir, 40, one_line);
    Figures f;
    for (int i = 0; i <= runs / 4; ++i)
      f.add(run_once({fiscgen, "render", input.string(), "-o", (dir / "long.pdf").string()}));
    print(one_line ? "motion x40, on one line" : "motion x40", f);
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
  return 0;
}
