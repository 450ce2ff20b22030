// Whole-process render benchmark: runs `fiscgen render` as a user would, many times, and
// prints the median and fastest wall time, documents and pages per second, PDF size and the
// peak resident memory of the process. Figures only: nothing here passes or fails.
//
//   fiscgen_bench FISCGEN EXAMPLES_DIR PDFINFO [RUNS]
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <pugixml.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Sample {
  double seconds = 0;
  long peak_kib = 0;
};

/// One whole process: fork, exec, wait; wall time and the child's peak RSS (wait4's rusage).
Sample run_once(const std::vector<std::string>& arguments) {
  std::vector<char*> argv;
  for (const auto& a : arguments) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  const auto end = std::chrono::steady_clock::now();
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::cerr << "render failed: " << arguments[2] << '\n';
    std::exit(1);
  }
  return {std::chrono::duration<double>(end - start).count(), usage.ru_maxrss};
}

int pages_of(const std::string& pdfinfo, const fs::path& pdf) {
  const std::string command = pdfinfo + " '" + pdf.string() + "'";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return -1;
  char line[512];
  int pages = -1;
  while (fgets(line, sizeof line, pipe))
    if (std::string(line).rfind("Pages:", 0) == 0) pages = std::atoi(line + 6);
  pclose(pipe);
  return pages;
}

/// A longer motion: the example's body sections repeated. `one_line` saves it without line
/// breaks, as programs that generate XML often do (every location is then far along line 1).
fs::path long_motion(const fs::path& examples, const fs::path& dir, int copies,
                     bool one_line = false) {
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
  const fs::path file = dir / ("motion-" + std::to_string(copies) + (one_line ? "-raw" : "") +
                               ".xml");
  if (one_line)
    xml.save_file(file.c_str(), "", pugi::format_raw);
  else
    xml.save_file(file.c_str());
  return file;
}

void bench(const std::string& label, const std::string& fiscgen, const fs::path& input,
           const fs::path& dir, const std::string& pdfinfo, int runs) {
  const fs::path output = dir / (input.stem().string() + ".pdf");
  const std::vector<std::string> arguments{fiscgen, "render", input.string(), "-o",
                                           output.string()};
  run_once(arguments);  // warm the page cache and fontconfig's cache
  std::vector<Sample> samples;
  for (int i = 0; i < runs; ++i) samples.push_back(run_once(arguments));
  std::vector<double> times;
  long peak = 0;
  for (const auto& s : samples) times.push_back(s.seconds), peak = std::max(peak, s.peak_kib);
  std::sort(times.begin(), times.end());
  const double median = times[times.size() / 2];
  const int pages = pages_of(pdfinfo, output);
  std::printf(
      "%-14s %3d pages  median %6.1f ms  fastest %6.1f ms  %6.1f docs/s  %7.1f pages/s  "
      "%7.1f KB  peak RSS %6.1f MB\n",
      label.c_str(), pages, median * 1e3, times.front() * 1e3, 1 / median, pages / median,
      fs::file_size(output) / 1000.0, peak / 1024.0);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: fiscgen_bench FISCGEN EXAMPLES_DIR PDFINFO [RUNS]\n";
    return 2;
  }
  const std::string fiscgen = argv[1];
  const fs::path examples = argv[2];
  const std::string pdfinfo = argv[3];
  const int runs = argc > 4 ? std::atoi(argv[4]) : 21;
  char pattern[] = "/tmp/fiscgen-bench-XXXXXX";
  const fs::path dir = mkdtemp(pattern);

  std::printf("whole-process renders, %d runs each, one core per process\n", runs);
  bench("letter", fiscgen, examples / "letter.xml", dir, pdfinfo, runs);
  bench("motion", fiscgen, examples / "motion.xml", dir, pdfinfo, runs);
  bench("motion (long)", fiscgen, long_motion(examples, dir, 2), dir, pdfinfo, runs);
  bench("motion x40", fiscgen, long_motion(examples, dir, 40), dir, pdfinfo, runs / 4 + 1);
  bench("same, 1 line", fiscgen, long_motion(examples, dir, 40, true), dir, pdfinfo,
        runs / 4 + 1);
  fs::remove_all(dir);
  return 0;
}
