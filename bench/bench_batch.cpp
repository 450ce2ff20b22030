// Batch benchmark: documents per second for `fiscgen batch --force` over copies of the examples,
// with 1 and 2 worker threads, and the same documents as one `fiscgen render` process each
// (the alternative to threads). Figures only: nothing here passes or fails.
//
//   fiscgen_bench_batch FISCGEN EXAMPLES_DIR [COPIES]
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

pid_t spawn(const std::vector<std::string>& arguments) {
  std::vector<char*> argv;
  for (const auto& a : arguments) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::fflush(stdout);  // else the child flushes our buffered figures a second time
  const pid_t pid = fork();
  if (pid == 0) {
    std::freopen("/dev/null", "w", stderr);
    std::freopen("/dev/null", "w", stdout);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

bool finished_well(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// COPIES inputs, half motions and half letters, each a little different.
std::vector<fs::path> make_inputs(const fs::path& examples, const fs::path& dir, int copies) {
  const std::string motion = read(examples / "motion.xml"), letter = read(examples / "letter.xml");
  std::vector<fs::path> inputs;
  for (int i = 0; i < copies; ++i) {
    std::string text = i % 2 ? letter : motion;
    const std::string from = i % 2 ? "2013-07-16" : "Misc. 13-04";
    const std::string to =
        i % 2 ? "2013-08-" + std::to_string(10 + i % 19) : "Misc. 13-" + std::to_string(100 + i);
    if (const auto at = text.find(from); at != std::string::npos) text.replace(at, from.size(), to);
    inputs.push_back(dir / ("doc-" + std::to_string(100 + i) + ".xml"));
    std::ofstream(inputs.back(), std::ios::binary) << text;
  }
  return inputs;
}

void print(const char* what, int documents, double seconds) {
  std::printf("  %-44s %6.2f s  %6.1f docs/s\n", what, seconds, documents / seconds);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: fiscgen_bench_batch FISCGEN EXAMPLES_DIR [COPIES]\n";
    return 2;
  }
  const std::string fiscgen = argv[1];
  const int copies = argc > 3 ? std::atoi(argv[3]) : 40;
  char pattern[] = "/tmp/fiscgen-bench-batch-XXXXXX";
  const fs::path dir = mkdtemp(pattern);
  const fs::path in = dir / "in", out = dir / "out";
  fs::create_directories(in);
  const auto inputs = make_inputs(argv[2], in, copies);

  std::printf("fiscgen batch: %d documents (half motions, half letters), %u cores\n", copies,
              std::thread::hardware_concurrency());
  // Warm the page cache and fontconfig's cache first; figures are for a warm machine.
  finished_well(spawn({fiscgen, "batch", in.string(), "-o", out.string(), "--force"}));
  for (const char* jobs : {"1", "2"}) {
    const auto start = std::chrono::steady_clock::now();
    const bool ok = finished_well(
        spawn({fiscgen, "batch", in.string(), "-o", out.string(), "--force", "--jobs", jobs}));
    print((std::string("batch --jobs ") + jobs + " (threads)" + (ok ? "" : " FAILED")).c_str(),
          copies, seconds_since(start));
  }
  const auto start = std::chrono::steady_clock::now();
  const auto up_to_date = finished_well(spawn({fiscgen, "batch", in.string(), "-o", out.string()}));
  print(up_to_date ? "batch, every document up to date" : "batch up to date FAILED", copies,
        seconds_since(start));

  // The alternative to threads: one process per document, 1 and 2 at a time.
  for (const std::size_t at_once : {std::size_t{1}, std::size_t{2}}) {
    const auto begin = std::chrono::steady_clock::now();
    bool ok = true;
    for (std::size_t i = 0; i < inputs.size(); i += at_once) {
      std::vector<pid_t> running;
      for (std::size_t j = i; j < std::min(inputs.size(), i + at_once); ++j) {
        auto output = out / inputs[j].filename();
        output.replace_extension(".pdf");
        running.push_back(spawn({fiscgen, "render", inputs[j].string(), "-o", output.string()}));
      }
      for (const pid_t pid : running) ok = finished_well(pid) && ok;
    }
    print(("render, one process each, " + std::to_string(at_once) + " at a time" +
           (ok ? "" : " FAILED"))
              .c_str(),
          copies, seconds_since(begin));
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
  return 0;
}
