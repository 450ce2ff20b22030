// fiscgen batch as a firm uses it: a folder of filings rendered, rendered again only where
// something changed, split into shards, interrupted and resumed.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "tools.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path source = FISCGEN_SOURCE_DATA_DIR;

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out << text;
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return text.replace(at, from.size(), to);
}

int count(const std::string& text, const std::string& what) {
  int n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

/// in/motion.xml, in/letter.xml and in/more/second.xml (another docket): three documents.
struct Filings {
  e2e::TempDir dir;
  fs::path in = dir / "in", out = dir / "out";
  fs::path motion = in / "motion.xml", letter = in / "letter.xml", second = in / "more/second.xml";
  Filings() {
    fs::create_directories(in / "more");
    fs::copy_file(source / "examples/motion.xml", motion);
    fs::copy_file(source / "examples/letter.xml", letter);
    write(second, replace(e2e::read_file(motion), "Misc. 13-04", "Misc. 13-09"));
    write(in / "notes.xml", "<notes>not an input: no form or template</notes>");
  }
  std::vector<fs::path> outputs() const {
    return {out / "motion.pdf", out / "letter.pdf", out / "more/second.pdf"};
  }
  e2e::Run batch(std::vector<std::string> extra = {}) const {
    std::vector<std::string> arguments{"batch", in.string(), "-o", out.string()};
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    return e2e::fiscgen(arguments);
  }
};

/// The status of the document named `name` in a report, found by a plain search.
std::string status_in_report(const std::string& report, const std::string& name) {
  const auto at = report.find("\"name\": \"" + name + "\"");
  if (at == std::string::npos) return "";
  const auto start = report.rfind('{', at);
  const auto status = report.find("\"status\": \"", start);
  if (status == std::string::npos) return "";
  const auto from = status + 11;
  return report.substr(from, report.find('"', from) - from);
}

bool qpdf_check(const fs::path& pdf) {
  return e2e::run({QPDF, "--check", pdf.string()}).status == 0;
}

}  // namespace

TEST_CASE("batch renders a folder once, skips it the second time, and renders an edit alone") {
  Filings filings;
  const auto first = filings.batch({"--jobs", "2"});
  REQUIRE_MESSAGE(first.status == 0, first.err);
  for (const auto& pdf : filings.outputs()) {
    CHECK_MESSAGE(fs::exists(pdf), pdf);
    CHECK(e2e::pdf_pages(pdf) >= 1);
    CHECK(e2e::check_readers(pdf) == "");
  }
  CHECK_FALSE(fs::exists(filings.out / "notes.pdf"));
  CHECK(count(first.err, "] rendered ") == 3);
  CHECK(first.err.find("[3/3] rendered ") != std::string::npos);
  CHECK(first.err.find("3 documents: 3 rendered, 0 up to date, 0 failed") != std::string::npos);

  const auto motion_time = fs::last_write_time(filings.out / "motion.pdf");
  const auto second = filings.batch();
  REQUIRE_MESSAGE(second.status == 0, second.err);
  CHECK(count(second.err, "] up to date ") == 3);
  CHECK(second.err.find("0 rendered, 3 up to date") != std::string::npos);
  CHECK(fs::last_write_time(filings.out / "motion.pdf") == motion_time);

  write(filings.letter, replace(e2e::read_file(filings.letter), "2013-07-16", "2013-07-18"));
  const auto third = filings.batch({"--explain"});
  REQUIRE_MESSAGE(third.status == 0, third.err);
  CHECK(third.err.find("rendered " + filings.letter.string()) != std::string::npos);
  CHECK(third.err.find("ms): input changed") != std::string::npos);
  CHECK(third.err.find("1 rendered, 2 up to date") != std::string::npos);
  CHECK(e2e::pdf_text(filings.out / "letter.pdf").find("July 18, 2013") != std::string::npos);

  fs::remove(filings.out / "motion.pdf");
  const auto dry = filings.batch({"--dry-run"});
  CHECK(dry.status == 0);
  CHECK(dry.out.find("would render " + filings.motion.string() + ": output missing") !=
        std::string::npos);
  CHECK_FALSE(fs::exists(filings.out / "motion.pdf"));

  const auto forced = filings.batch({"--force", "--explain"});
  CHECK(forced.status == 0);
  CHECK(forced.err.find("3 rendered") != std::string::npos);
  CHECK(forced.err.find("output missing") != std::string::npos);
  CHECK(forced.err.find("): --force") != std::string::npos);
}

TEST_CASE("batch renders again the documents whose template changed in a --data-dir copy") {
  Filings filings;
  e2e::TempDir data;
  fs::copy(source / "forms", data / "forms", fs::copy_options::recursive);
  fs::copy(source / "letters", data / "letters", fs::copy_options::recursive);
  const std::vector<std::string> with_data{"--data-dir", data.path().string()};
  auto arguments = with_data;
  arguments.insert(arguments.end(),
                   {"batch", filings.in.string(), "-o", filings.out.string(), "--explain"});
  const auto first = e2e::fiscgen(arguments);
  REQUIRE_MESSAGE(first.status == 0, first.err);

  const auto caption = data / "forms/fisc/caption.xml";
  write(caption, e2e::read_file(caption) + "\n<!-- amended -->\n");
  const auto second = e2e::fiscgen(arguments);
  REQUIRE_MESSAGE(second.status == 0, second.err);
  // Both motions use the caption; the letter does not.
  CHECK(count(second.err, ": template forms/fisc/caption.xml changed") == 2);
  CHECK(second.err.find("up to date " + filings.letter.string()) != std::string::npos);
  CHECK(second.err.find("2 rendered, 1 up to date") != std::string::npos);

  const auto profile = data / "forms/rules/fisc-2010.xml";
  write(profile, replace(e2e::read_file(profile), "left=\"72\"", "left=\"90\""));
  const auto third = e2e::fiscgen(arguments);
  REQUIRE_MESSAGE(third.status == 0, third.err);
  // rules::differences() names the settings: the margin first, in the profile's order.
  CHECK(count(third.err, ": rules fisc-2010 changed: margins.left: 72 → 90") == 2);
}

TEST_CASE("batch: a broken input fails alone, named at file:line:col, and the report says so") {
  Filings filings;
  const auto broken = filings.in / "broken.xml";
  write(broken, "<motion form=\"fisc/motion\">\n  <docket>Misc. 13-04\n</motion>\n");
  const auto report = filings.dir / "report.json";
  const auto run = filings.batch({"--report", report.string()});
  CHECK(run.status == 1);
  CHECK(run.err.find("error: " + broken.string() + ":3:") != std::string::npos);
  CHECK(run.err.find("3 rendered, 0 up to date, 1 failed") != std::string::npos);
  for (const auto& pdf : filings.outputs()) CHECK(fs::exists(pdf));
  CHECK_FALSE(fs::exists(filings.out / "broken.pdf"));

  const auto json = e2e::read_file(report);
  CHECK(status_in_report(json, "broken.xml") == "failed");
  CHECK(status_in_report(json, "motion.xml") == "rendered");
  CHECK(status_in_report(json, "more/second.xml") == "rendered");
  CHECK(json.find("\"error\": \"" + broken.string() + ":3:") != std::string::npos);
  CHECK(json.find("\"pages\": 6") != std::string::npos);
  CHECK(json.find("\"time_ms\": ") != std::string::npos);
  CHECK(count(json, "\"key\": \"") == 4);
  CHECK(json.find("\"failed\": 1") != std::string::npos);

  // Still failing the next time; the others stay up to date.
  const auto again = filings.batch({"--report", report.string()});
  CHECK(again.status == 1);
  CHECK(again.err.find("0 rendered, 3 up to date, 1 failed") != std::string::npos);
  CHECK(status_in_report(e2e::read_file(report), "motion.xml") == "up-to-date");
}

TEST_CASE("batch --shard 1/2 and 2/2 cover every document exactly once, sharing one cache") {
  Filings filings;
  std::map<std::string, int> rendered;
  for (const char* shard : {"1/2", "2/2"}) {
    const auto report = filings.dir / (std::string("report-") + shard[0] + ".json");
    const auto run = filings.batch({"--shard", shard, "--report", report.string()});
    REQUIRE_MESSAGE(run.status == 0, run.err);
    const auto json = e2e::read_file(report);
    for (const char* name : {"motion.xml", "letter.xml", "more/second.xml"}) {
      const auto status = status_in_report(json, name);
      CHECK((status == "rendered" || status == "skipped-by-shard"));
      if (status == "rendered") ++rendered[name];
    }
  }
  CHECK(rendered ==
        std::map<std::string, int>{{"letter.xml", 1}, {"more/second.xml", 1}, {"motion.xml", 1}});
  const auto whole = filings.batch();
  CHECK(whole.err.find("0 rendered, 3 up to date") != std::string::npos);
  CHECK(filings.batch({"--shard", "3/2"}).status >= 2);  // the command line itself is wrong
}

TEST_CASE("batch interrupted by SIGINT keeps every finished PDF whole and resumes") {
  Filings filings;
  // Enough copies that the first group put in place (16 documents at most) leaves many to do:
  // with 8, all were one group, so the first PDF appeared only as the batch ended and the
  // signal could come after its handler was gone.
  constexpr int copies = 40;
  for (int i = 0; i < copies; ++i)
    write(filings.in / ("copy-" + std::to_string(i) + ".xml"),
          replace(e2e::read_file(filings.motion), "Misc. 13-04", "Misc. 13-1" + std::to_string(i)));
  const std::vector<std::string> arguments{
      FISCGEN_BINARY, "batch", filings.in.string(), "-o", filings.out.string(), "--jobs", "1"};
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    std::vector<char*> argv;
    for (const auto& a : arguments) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const int null = open("/dev/null", O_WRONLY);
    dup2(null, STDERR_FILENO);
    execv(argv[0], argv.data());
    _exit(127);
  }
  // The first document in name order is copy-0.xml.
  const auto first_output = filings.out / "copy-0.pdf";
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!fs::exists(first_output) && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  kill(pid, SIGINT);
  int status = 0;
  waitpid(pid, &status, 0);
  REQUIRE(WIFEXITED(status));
  // 130 when it stopped early; 0 if every document was done before the signal arrived.
  CHECK((WEXITSTATUS(status) == 130 || WEXITSTATUS(status) == 0));
  int present = 0;
  for (const auto& entry : fs::recursive_directory_iterator(filings.out)) {
    const auto name = entry.path().filename().string();
    if (entry.path().extension() == ".pdf") {
      ++present;
      CHECK(e2e::check_readers(entry.path()) == "");
    }
    CHECK_MESSAGE(name.find(".pdf.") == std::string::npos, "temporary file left: " << name);
  }
  CHECK(present >= 1);

  const auto resumed = filings.batch({"--jobs", "1"});
  REQUIRE_MESSAGE(resumed.status == 0, resumed.err);
  CHECK(resumed.err.find(std::to_string(present) + " up to date") != std::string::npos);
  int total = 0;
  for (const auto& entry : fs::recursive_directory_iterator(filings.out))
    if (entry.path().extension() == ".pdf") {
      ++total;
      CHECK_MESSAGE(qpdf_check(entry.path()), entry.path());
    }
  CHECK(total == copies + 3);
}

TEST_CASE("batch reads manifests relative to themselves and refuses two inputs for one PDF") {
  Filings filings;
  write(filings.dir / "lists/docket.list", "# the docket\n../in/motion.xml\n../in/more\n");
  const auto run = e2e::fiscgen(
      {"batch", (filings.dir / "lists/docket.list").string(), "-o", filings.out.string()});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(fs::exists(filings.out / "motion.pdf"));
  CHECK(fs::exists(filings.out / "more/second.pdf"));
  CHECK_FALSE(fs::exists(filings.out / "letter.pdf"));

  const auto clash = e2e::fiscgen({"batch", filings.motion.string(), (filings.in / "more").string(),
                                   filings.in.string() + "/more/second.xml", "-o",
                                   filings.out.string(), "--dry-run"});
  CHECK(clash.status == 0);  // the same file named twice is one document
  write(filings.dir / "other/motion.xml", e2e::read_file(filings.motion));
  const auto twice =
      e2e::fiscgen({"batch", filings.motion.string(), (filings.dir / "other/motion.xml").string(),
                    "-o", filings.out.string()});
  CHECK(twice.status == 1);
  CHECK(twice.err.find("writes the same output") != std::string::npos);
}

TEST_CASE("batch --public and --draft write what render writes, and changing them renders again") {
  Filings filings;
  // The motion's first paragraph becomes TOP SECRET: the public version must not show it. A
  // classified filing marks every portion (32 C.F.R. § 2001.21(c)): the rest are U.
  auto motion = replace(e2e::read_file(filings.motion), "<p>Cascade Software Corporation",
                        "<p class=\"TS//SI//NF\">Cascade Software Corporation");
  for (const std::string portion : {"p", "heading", "item", "fn", "title"})
    for (auto at = motion.find("<" + portion + ">"); at != std::string::npos;
         at = motion.find("<" + portion + ">", at))
      motion.replace(at, portion.size() + 2, "<" + portion + " class=\"U\">");
  write(filings.motion, motion);
  const auto plain = filings.batch();
  REQUIRE_MESSAGE(plain.status == 0, plain.err);
  CHECK(e2e::pdf_text(filings.out / "motion.pdf").find("respectfully moves") != std::string::npos);

  const auto public_run = filings.batch({"--public", "--draft", "--explain"});
  REQUIRE_MESSAGE(public_run.status == 0, public_run.err);
  CHECK(public_run.err.find("3 rendered") != std::string::npos);
  CHECK(public_run.err.find("--public given") != std::string::npos);
  const std::string text = e2e::pdf_text(filings.out / "motion.pdf");
  CHECK(text.find("respectfully moves") == std::string::npos);
  CHECK(text.find("[Redacted]") != std::string::npos);
  CHECK(e2e::pdf_text_mupdf(filings.out / "motion.pdf").find("DRAFT") != std::string::npos);

  const fs::path single = filings.dir / "single.pdf";
  const auto render = e2e::fiscgen(
      {"render", filings.motion.string(), "--public", "--draft", "-o", single.string()});
  REQUIRE_MESSAGE(render.status == 0, render.err);
  CHECK(e2e::read_file(single) == e2e::read_file(filings.out / "motion.pdf"));

  const auto again = filings.batch({"--public", "--draft"});
  CHECK(again.err.find("0 rendered, 3 up to date") != std::string::npos);
  const auto back = filings.batch({"--explain"});
  CHECK(back.err.find("3 rendered") != std::string::npos);
  CHECK(back.err.find("--public no longer given") != std::string::npos);
}

TEST_CASE("batch: a manifest listing itself, or two listing each other, is an error at the line") {
  Filings filings;
  write(filings.dir / "self.list", "in/motion.xml\nself.list\n");
  write(filings.dir / "one.list", "two.list\n");
  write(filings.dir / "two.list", "in/letter.xml\n  one.list\n");
  const auto self =
      e2e::fiscgen({"batch", (filings.dir / "self.list").string(), "-o", filings.out.string()});
  CHECK(self.status == 1);
  CHECK(self.err.find("self.list:2:1: the manifest ") != std::string::npos);
  const auto each_other =
      e2e::fiscgen({"batch", (filings.dir / "one.list").string(), "-o", filings.out.string()});
  CHECK(each_other.status == 1);
  CHECK(each_other.err.find("two.list:2:3: the manifest ") != std::string::npos);
  CHECK_FALSE(fs::exists(filings.out));
}

TEST_CASE("batch: a link loop is read once and named, and no nested output folders") {
  Filings filings;
  fs::create_directory_symlink("..", filings.in / "more/up");
  const auto run = filings.batch();
  INFO(run.err);
  CHECK(run.status == 0);
  CHECK(run.err.find((filings.in / "more/up").string() + ": a link to a folder already read") !=
        std::string::npos);
  for (const auto& pdf : filings.outputs()) CHECK(fs::exists(pdf));
  CHECK_FALSE(fs::exists(filings.out / "more/up"));
}

TEST_CASE("batch -o naming a file is a usage error naming it, and nothing is written") {
  Filings filings;
  write(filings.dir / "taken.pdf", "a file");
  const auto run =
      e2e::fiscgen({"batch", filings.in.string(), "-o", (filings.dir / "taken.pdf").string()});
  CHECK(run.status >= 2);
  CHECK(run.status != 3);  // not an internal error
  CHECK(run.err.find((filings.dir / "taken.pdf").string() + ": is a file, not a folder") !=
        std::string::npos);
  CHECK(e2e::read_file(filings.dir / "taken.pdf") == "a file");
  CHECK_FALSE(fs::exists(filings.in / "motion.pdf"));
}
