#include "pdf_tools.hpp"

#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <fstream>
#include <iterator>
#include <stdexcept>

namespace pdf_test {

namespace {

Output run_redirecting_errors(const std::string& command, const std::string& errors_to) {
  Output output;
  FILE* pipe = ::popen((command + " 2>" + errors_to).c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run " + command);
  char buffer[4096];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.text.append(buffer, got);
  const int status = ::pclose(pipe);
  output.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return output;
}

}  // namespace

Output run(const std::string& command) {
  return run_redirecting_errors(command, "/dev/null");
}

Output run_keeping_errors(const std::string& command) {
  TempDir dir;
  const auto errors_file = dir / "stderr";
  Output output = run_redirecting_errors(command, quote(errors_file));
  std::ifstream in(errors_file, std::ios::binary);
  output.errors.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return output;
}

std::string quote(const std::filesystem::path& path) {
  std::string quoted = "'";
  for (const char c : path.string()) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

fiscgen::layout::PageModel sample_model() {
  using namespace fiscgen::layout;
  PageModel model;
  Page page;
  page.runs.push_back({72, 700, 1, 14, "MOTION FOR DECLARATORY JUDGMENT"});
  page.runs.push_back({72, 670, 0, 12, "Pursuant to 50 U.S.C. § 1861(d)(1) — “quoted” text."});
  page.runs.push_back({72, 650, 2, 12, "In re Application"});
  page.runs.push_back({72, 630, 4, 12, "For all \u2200 cases"});
  page.runs.push_back({72, 610, 0, 12, "AVAWAY"});
  page.lines.push_back({72, 600, 540, 600, 0.5});
  page.boxes.push_back({72, 580, 120, 12});
  page.links.push_back({72, 560, 200, 14, "https://example.com/a b"});
  page.runs.push_back({72, 563, 0, 12, "https://example.com/a b"});
  model.pages.push_back(page);
  model.outline.push_back({"Introduction", 1, 0, 700});
  model.outline.push_back({"Argument — § 1861", 2, 0, 670});
  model.outline.push_back({"Conclusion", 1, 0, 600});
  return model;
}

}  // namespace pdf_test
