// Batch benchmark (issues 7 and 19): LETTERS letters made from examples/letter.xml, each with its
// own date and subject, rendered by `fiscgen batch` with --jobs 1 and with --jobs 2 into an empty
// folder, and the floor: fiscgen_floor writing the same letters' lines (pdftotext's text of
// fiscgen's PDFs), one subset font per document, no layout, one process. REPEATS rounds,
// interleaved (jobs 1, jobs 2, floor, two floors at once, then the BEFORE binary's jobs 1 and 2
// when given), so load from other processes falls on all alike; medians. Two floors at once over
// one shows what the machine's two cores give two processes that share nothing: the bound on
// what --jobs 2 can gain here. Then the peak memory (wait4's maximum
// resident set) of a batch of LETTERS and of MEMORY letters, and the same batch again with
// nothing changed. The load average is printed beside the figures. Figures only: nothing here
// passes or fails, and no test runs it.
//
//   fiscgen_bench_batch FISCGEN FLOOR PDFTOTEXT EXAMPLES_DIR [LETTERS [REPEATS [MEMORY [BEFORE]]]]
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
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Sample {
  bool ok = false;
  double seconds = 0;
  double cpu = 0;  // user + system: what load from other processes inflates least
  double peak_mib = 0;
};

/// Starts one whole process, its output thrown away.
pid_t spawn(const std::vector<std::string>& arguments) {
  std::vector<char*> argv;
  for (const auto& a : arguments) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::fflush(stdout);  // else the child flushes our buffered figures a second time
  const pid_t pid = fork();
  if (pid == 0) {
    if (!std::freopen("/dev/null", "w", stdout) || !std::freopen("/dev/null", "w", stderr))
      _exit(126);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

/// Waits for `pid`: whether it succeeded, its CPU time and peak RSS, and the wall time since
/// `start`.
Sample finish(pid_t pid, std::chrono::steady_clock::time_point start) {
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  Sample sample;
  sample.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  sample.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  sample.peak_mib = static_cast<double>(usage.ru_maxrss) / 1024.0;
  const auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
  sample.cpu = seconds(usage.ru_utime) + seconds(usage.ru_stime);
  return sample;
}

/// One whole process: wall time, CPU time and peak RSS.
Sample run(const std::vector<std::string>& arguments) {
  const auto start = std::chrono::steady_clock::now();
  return finish(spawn(arguments), start);
}

/// Two whole processes at once: the wall time until both are done, their CPU time together.
Sample run_two(const std::vector<std::string>& first, const std::vector<std::string>& second) {
  const auto start = std::chrono::steady_clock::now();
  const pid_t one = spawn(first), two = spawn(second);
  Sample a = finish(one, start);
  const Sample b = finish(two, start);
  a.seconds = std::max(a.seconds, b.seconds);
  a.cpu += b.cpu;
  a.ok = a.ok && b.ok;
  a.peak_mib = std::max(a.peak_mib, b.peak_mib);
  return a;
}

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  in >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  if (const auto at = text.find(from); at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

/// `count` letters made from the example, each with its own date and subject.
void make_letters(const fs::path& examples, const fs::path& folder, int count) {
  const std::string letter = read(examples / "letter.xml");
  fs::create_directories(folder);
  char name[64];
  for (int i = 0; i < count; ++i) {
    std::snprintf(name, sizeof name, "2013-%02d-%02d", 1 + i % 12, 1 + i % 28);
    std::string text = replace(letter, "2013-07-16", name);
    text = replace(text, "Publishing aggregate figures",
                   "Request " + std::to_string(i) + ": publishing aggregate figures");
    std::snprintf(name, sizeof name, "letter-%04d.xml", i);
    std::ofstream(folder / name, std::ios::binary) << text;
  }
}

struct Series {
  std::vector<double> seconds, cpu;
  double peak_mib = 0;
  bool ok = true;
  void add(const Sample& s) {
    seconds.push_back(s.seconds), cpu.push_back(s.cpu);
    peak_mib = std::max(peak_mib, s.peak_mib), ok = ok && s.ok;
  }
  static double median_of(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
  }
  double median() const { return median_of(seconds); }
  double cpu_median() const { return median_of(cpu); }
};

void print(const std::string& what, int documents, const Series& series) {
  std::printf("  %-34s median %6.2f s wall %7.1f letters/s, %6.2f s CPU %6.1f MiB peak%s\n",
              what.c_str(), series.median(), documents / series.median(), series.cpu_median(),
              series.peak_mib, series.ok ? "" : "  FAILED");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::cerr << "usage: fiscgen_bench_batch FISCGEN FLOOR PDFTOTEXT EXAMPLES_DIR "
                 "[LETTERS [REPEATS [MEMORY [BEFORE]]]]\n";
    return 2;
  }
  const std::string fiscgen = argv[1], floor = argv[2], pdftotext = argv[3];
  const int letters = argc > 5 ? std::atoi(argv[5]) : 300;
  const int repeats = argc > 6 ? std::atoi(argv[6]) : 5;
  const int memory = argc > 7 ? std::atoi(argv[7]) : 1000;
  const std::string before = argc > 8 ? argv[8] : "";
  char pattern[] = "/tmp/fiscgen-bench-batch-XXXXXX";
  const fs::path dir = mkdtemp(pattern);
  const fs::path in = dir / "letters";
  make_letters(argv[4], in, letters);

  std::printf("fiscgen batch: %d letters, %d rounds interleaved, %u cores   (load average %s)\n",
              letters, repeats, std::thread::hardware_concurrency(), load_average().c_str());
  // The floor's lines: pdftotext's text of each letter fiscgen writes.
  const auto warm = dir / "warm", lines = dir / "lines";
  run({fiscgen, "batch", in.string(), "-o", warm.string()});
  fs::create_directories(lines);
  for (const auto& entry : fs::directory_iterator(warm)) {
    if (entry.path().extension() != ".pdf") continue;
    auto text = lines / entry.path().filename();
    run({pdftotext, "-enc", "UTF-8", entry.path().string(), text.replace_extension(".txt")});
  }

  Series jobs1, jobs2, floor_series, floor_pairs, before1, before2;
  // A new, empty folder for each run (every letter is rendered), none removed until the end:
  // on ext4 without a journal, creating a file skips every inode freed in the last minutes
  // (recently_deleted), so removing each run's files made the next runs' creations slower,
  // by more the more had been removed (the floor's 300 letters took 0.13 s or 0.27 s).
  int runs = 0;
  const auto fresh = [&](const char* what) { return dir / (what + std::to_string(++runs)); };
  const auto batch = [&](const std::string& binary, const char* jobs) {
    return run({binary, "batch", in.string(), "-o", fresh("out-").string(), "--jobs", jobs});
  };
  for (int round = 0; round < repeats; ++round) {
    jobs1.add(batch(fiscgen, "1"));
    jobs2.add(batch(fiscgen, "2"));
    floor_series.add(run({floor, lines.string(), fresh("floor-").string()}));
    // What two cores give two processes that share nothing: the most --jobs 2 could gain here.
    floor_pairs.add(run_two({floor, lines.string(), fresh("floor-").string()},
                            {floor, lines.string(), fresh("floor-").string()}));
    if (!before.empty()) {
      before1.add(batch(before, "1"));
      before2.add(batch(before, "2"));
    }
  }
  const auto ratios = [&](const std::string& who, const Series& one, const Series& two) {
    print(who + " --jobs 1", letters, one);
    print(who + " --jobs 2", letters, two);
    std::printf("  %-34s %5.2fx the floor per letter wall, %5.2fx CPU (goal <= 1.25)\n",
                (who + " --jobs 1:").c_str(), one.median() / floor_series.median(),
                one.cpu_median() / floor_series.cpu_median());
    std::printf("  %-34s %5.2fx (goal >= 1.8)\n", (who + " --jobs 2 over --jobs 1:").c_str(),
                one.median() / two.median());
  };
  print("floor (1 process, subset per letter)", letters, floor_series);
  std::printf("  %-34s %5.2fx (two floors at once, each all the letters, over one)\n",
              "the machine's own scaling:", 2 * floor_series.median() / floor_pairs.median());
  if (!before.empty()) ratios("before", before1, before2);
  ratios(before.empty() ? "fiscgen" : "now", jobs1, jobs2);
  std::printf("  (load average %s)\n", load_average().c_str());

  // Peak memory must not grow with the batch: LETTERS, then MEMORY letters, --jobs 2.
  const auto many = dir / "memory";
  make_letters(argv[4], many, memory);
  Series small, large, again;
  small.add(batch(fiscgen, "2"));
  large.add(
      run({fiscgen, "batch", many.string(), "-o", (dir / "out-many").string(), "--jobs", "2"}));
  again.add(
      run({fiscgen, "batch", many.string(), "-o", (dir / "out-many").string(), "--jobs", "2"}));
  print(std::to_string(letters) + " letters, --jobs 2 (memory)", letters, small);
  print(std::to_string(memory) + " letters, --jobs 2 (memory)", memory, large);
  std::printf("  %-34s %6.2f s (target <= 0.3 s for 1,100)\n",
              "the same, nothing changed:", again.median());
  std::printf("  %-34s %+6.1f MiB from %d to %d letters (goal: peak <= 64 MiB)\n",
              "peak memory growth:", large.peak_mib - small.peak_mib, letters, memory);
  std::error_code ec;
  fs::remove_all(dir, ec);
  return 0;
}
