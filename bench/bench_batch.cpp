// Batch benchmark (issue 7): documents and pages per second for 1,000 letters and 100 motions
// rendered by `fiscgen batch` with --jobs 1 and --jobs 2, the time of a run over the same 1,100
// documents when nothing changed, the peak memory of every run (the batch process's maximum
// resident set, from wait4), and the floor: the same documents written by fiscgen_floor (libharu
// placing pdftotext's lines of each PDF in one subset font, no layout), with fiscgen's ratio to
// it; and the peak memory of 300 letters against 1,500, which must not grow with the batch.
// Figures only: nothing here passes or fails, and no test runs it.
//
//   fiscgen_bench_batch FISCGEN FLOOR PDFTOTEXT EXAMPLES_DIR [LETTERS [MOTIONS]]
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
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Sample {
  bool ok = false;
  double seconds = 0;
  double peak_mib = 0;
};

/// One whole process, its output thrown away: wall time and the child's peak RSS.
Sample run(const std::vector<std::string>& arguments, const fs::path& stdout_file = "/dev/null") {
  std::vector<char*> argv;
  for (const auto& a : arguments) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::fflush(stdout);  // else the child flushes our buffered figures a second time
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    if (!std::freopen(stdout_file.c_str(), "w", stdout)) _exit(126);
    if (!std::freopen("/dev/null", "w", stderr)) _exit(126);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  Sample sample;
  sample.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  sample.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  sample.peak_mib = static_cast<double>(usage.ru_maxrss) / 1024.0;
  return sample;
}

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  if (const auto at = text.find(from); at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

/// LETTERS letters and MOTIONS motions made from the examples, each with its own date, subject,
/// docket or movant, so no two inputs are the same.
void make_inputs(const fs::path& examples, const fs::path& in, int letters, int motions) {
  const std::string letter = read(examples / "letter.xml"), motion = read(examples / "motion.xml");
  fs::create_directories(in / "letters");
  fs::create_directories(in / "motions");
  char name[64];
  for (int i = 0; i < letters; ++i) {
    std::snprintf(name, sizeof name, "2013-%02d-%02d", 1 + i % 12, 1 + i % 28);
    std::string text = replace(letter, "2013-07-16", name);
    text = replace(text, "Publishing aggregate figures",
                   "Request " + std::to_string(i) + ": publishing aggregate figures");
    std::snprintf(name, sizeof name, "letter-%04d.xml", i);
    std::ofstream(in / "letters" / name, std::ios::binary) << text;
  }
  for (int i = 0; i < motions; ++i) {
    std::string text = replace(motion, "Misc. 13-04", "Misc. 13-" + std::to_string(100 + i));
    text = replace(text, "<movant>Cascade Software Corporation",
                   "<movant>Cascade Software Corporation " + std::to_string(i));
    std::snprintf(name, sizeof name, "motion-%03d.xml", i);
    std::ofstream(in / "motions" / name, std::ios::binary) << text;
  }
}

/// The pages of every document in a --report file.
int pages_in_report(const fs::path& report) {
  const std::string json = read(report);
  static const std::regex pages(R"("pages": (\d+))");
  int total = 0;
  for (auto it = std::sregex_iterator(json.begin(), json.end(), pages);
       it != std::sregex_iterator(); ++it)
    total += std::stoi((*it)[1]);
  return total;
}

void print(const std::string& what, int documents, int pages, const Sample& sample) {
  std::printf("  %-40s %6.2f s %8.1f docs/s %8.1f pages/s %7.1f MiB peak%s\n", what.c_str(),
              sample.seconds, documents / sample.seconds, pages / sample.seconds, sample.peak_mib,
              sample.ok ? "" : "  FAILED");
}

int count_files(const fs::path& folder, const std::string& extension) {
  int n = 0;
  for (const auto& entry : fs::directory_iterator(folder))
    n += entry.path().extension() == extension;
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::cerr
        << "usage: fiscgen_bench_batch FISCGEN FLOOR PDFTOTEXT EXAMPLES_DIR [LETTERS [MOTIONS]]\n";
    return 2;
  }
  const std::string fiscgen = argv[1], floor = argv[2], pdftotext = argv[3];
  const int letters = argc > 5 ? std::atoi(argv[5]) : 1000;
  const int motions = argc > 6 ? std::atoi(argv[6]) : 100;
  char pattern[] = "/tmp/fiscgen-bench-batch-XXXXXX";
  const fs::path dir = mkdtemp(pattern);
  const fs::path in = dir / "in";
  make_inputs(argv[4], in, letters, motions);
  const std::vector<std::pair<std::string, int>> sets{{"letters", letters}, {"motions", motions}};

  std::printf("fiscgen batch: %d letters and %d motions, %u cores\n", letters, motions,
              std::thread::hardware_concurrency());
  // Warm the page cache and fontconfig's cache first: figures are for a warm machine.
  run({fiscgen, "batch", (in / "motions").string(), "-o", (dir / "warm").string()});

  std::map<std::string, double> seconds_per_document;  // "letters 1" → s, for the floor ratio
  for (const char* jobs : {"1", "2"}) {
    for (const auto& [set, count] : sets) {
      const auto out = dir / ("out-" + set + "-" + jobs), report = dir / ("report.json");
      const auto sample = run({fiscgen, "batch", (in / set).string(), "-o", out.string(), "--jobs",
                               jobs, "--report", report.string()});
      print(std::to_string(count) + " " + set + ", --jobs " + jobs, count, pages_in_report(report),
            sample);
      seconds_per_document[set + " " + jobs] = sample.seconds / count;
    }
  }

  // Every document at once, then the same command again with nothing changed.
  const auto all = dir / "out-all", report = dir / "report.json";
  const int documents = letters + motions;
  const auto first = run({fiscgen, "batch", in.string(), "-o", all.string(), "--jobs", "2",
                          "--report", report.string()});
  const int pages = pages_in_report(report);
  print(std::to_string(documents) + " documents, --jobs 2", documents, pages, first);
  // Nothing changed, three times: the first may also record the files' stats for the next.
  std::vector<double> again_seconds;
  for (int i = 0; i < 3; ++i) {
    const auto again = run({fiscgen, "batch", in.string(), "-o", all.string(), "--jobs", "2"});
    print(std::to_string(documents) + " documents, nothing changed", documents, pages, again);
    again_seconds.push_back(again.seconds);
  }
  std::printf("  %-40s %6.2f-%.2f s (target <= 0.3 s for 1,100)\n", "nothing changed, range:",
              *std::min_element(again_seconds.begin(), again_seconds.end()),
              *std::max_element(again_seconds.begin(), again_seconds.end()));

  // Peak memory must not grow with the batch: 300 letters, then 1,500, each into a new folder.
  const auto many = dir / "memory";
  make_inputs(argv[4], many / "all", 1500, 0);
  fs::create_directories(many / "first-300");
  for (int i = 0; i < 300; ++i) {
    char name[64];
    std::snprintf(name, sizeof name, "letter-%04d.xml", i);
    fs::copy_file(many / "all/letters" / name, many / "first-300" / name);
  }
  const auto small =
      run({fiscgen, "batch", (many / "first-300").string(), "-o", (many / "out-300").string(),
           "--jobs", "2", "--report", (many / "report-300.json").string()});
  print("300 letters, --jobs 2 (memory)", 300, 300, small);
  const auto large =
      run({fiscgen, "batch", (many / "all").string(), "-o", (many / "out-1500").string(), "--jobs",
           "2", "--report", (many / "report-1500.json").string()});
  print("1,500 letters, --jobs 2 (memory)", 1500, 1500, large);
  std::printf("  %-40s %+6.1f MiB from 300 to 1,500 letters (target: peak <= 64 MiB)\n",
              "peak memory growth:", large.peak_mib - small.peak_mib);

  // The floor: the same documents' lines, extracted from fiscgen's PDFs, written with no layout.
  for (const auto& [set, count] : sets) {
    const auto lines = dir / ("lines-" + set);
    fs::create_directories(lines);
    for (const auto& entry : fs::directory_iterator(all / set)) {
      if (entry.path().extension() != ".pdf") continue;
      auto text = lines / entry.path().filename();
      text.replace_extension(".txt");
      run({pdftotext, "-enc", "UTF-8", entry.path().string(), text.string()});
    }
    const auto out = dir / ("floor-" + set);
    const auto sample = run({floor, lines.string(), out.string()});
    int floor_pages = 0;
    for (const auto& entry : fs::directory_iterator(lines)) {
      const std::string text = read(entry.path());
      floor_pages += 1 + static_cast<int>(std::count(text.begin(), text.end(), '\f')) -
                     (!text.empty() && text.back() == '\f');
    }
    print("floor: " + std::to_string(count) + " " + set + " (1 thread)", count, floor_pages,
          sample);
    if (count_files(out, ".pdf") != count) std::printf("  floor wrote too few PDFs\n");
    const double floor_per_document = sample.seconds / count;
    std::printf("  %-40s %6.1f docs/s with --jobs 1, %.1f with --jobs 2, floor %.1f\n",
                ("per " + set.substr(0, set.size() - 1) + ":").c_str(),
                1 / seconds_per_document[set + " 1"], 1 / seconds_per_document[set + " 2"],
                1 / floor_per_document);
    std::printf("  %-40s %6.1fx the floor with --jobs 1, %4.1fx with --jobs 2\n",
                ("fiscgen per " + set.substr(0, set.size() - 1) + ":").c_str(),
                seconds_per_document[set + " 1"] / floor_per_document,
                seconds_per_document[set + " 2"] / floor_per_document);
  }
  std::printf(
      "targets: >= 400 letters/s with --jobs 2; nothing changed <= 0.3 s for 1,100; "
      "peak <= 64 MiB\n");
  std::error_code ec;
  fs::remove_all(dir, ec);
  return 0;
}
