// What fiscgen promises about hostile or careless inputs (docs/security.md): each limit refused
// with its message, place and exit code 1, no DTDs or entities, nothing about the machine in the
// PDF, redacted text in no byte of it, no document text in what it prints.
#include <doctest/doctest.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <thread>

#include "tools.hpp"

namespace {

const std::filesystem::path source = FISCGEN_SOURCE_DATA_DIR;
const std::filesystem::path examples = source / "examples";

std::filesystem::path write(const e2e::TempDir& dir, const std::string& name,
                            const std::string& text) {
  const auto file = dir / name;
  std::ofstream(file, std::ios::binary) << text;
  return file;
}

/// Renders `input` into dir/out.pdf.
e2e::Run render(const e2e::TempDir& dir, const std::filesystem::path& input) {
  return e2e::fiscgen({"render", input.string(), "-o", (dir / "out.pdf").string()});
}

/// The sample letter with `insert` placed just after <body>.
std::string letter_with(const std::string& insert) {
  std::string text = e2e::read_file(examples / "letter.xml");
  const auto body = text.find("<body>");
  REQUIRE(body != std::string::npos);
  text.insert(body + 6, insert);
  return text;
}

/// Every byte of a PDF with its streams uncompressed (qpdf --qdf), so text can be searched.
std::string uncompressed(const e2e::TempDir& dir, const std::filesystem::path& pdf) {
  const auto qdf = dir / "qdf.pdf";
  const auto run = e2e::run({QPDF, "--qdf", "--object-streams=disable", "--stream-data=uncompress",
                             pdf.string(), qdf.string()});
  REQUIRE(run.status == 0);
  return e2e::read_file(qdf);
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("limits: an input over 16 MiB is refused before it is read, and nothing is written") {
  e2e::TempDir dir;
  const auto input = write(dir, "huge.xml", "<letter template=\"attorney-general\">");
  std::filesystem::resize_file(input, (std::size_t{16} << 20) + 1);
  const auto run = render(dir, input);
  CHECK(run.status == 1);
  CHECK(run.err == "error: " + input.string() +
                       ": the file is 16777217 bytes; fiscgen reads at most 16777216 (16 MiB)\n");
  CHECK_FALSE(std::filesystem::exists(dir / "out.pdf"));
}

TEST_CASE("limits: elements nested more than 200 deep are refused at the first too deep") {
  e2e::TempDir dir;
  std::string text = "<letter template=\"attorney-general\">\n";
  for (int i = 0; i < 200; ++i) text += "<x>";
  for (int i = 0; i < 200; ++i) text += "</x>";
  text += "</letter>\n";
  const auto input = write(dir, "deep.xml", text);
  const auto run = render(dir, input);
  CHECK(run.status == 1);
  // The root is level 1, so the 200th <x> (column 1 + 199 * 3) is the 201st level.
  CHECK(run.err == "error: " + input.string() +
                       ":2:598: elements nested more than 200 deep: refused (is an end tag "
                       "missing?)\n");
  CHECK_FALSE(std::filesystem::exists(dir / "out.pdf"));
}

TEST_CASE("limits: a --set path or a CSV header over 200 levels is refused, not a crash") {
  e2e::TempDir dir;
  std::string deep = "body";
  for (int i = 0; i < 30000; ++i) deep += "/p";
  const auto letter = (examples / "letter.xml").string();
  for (const std::string emit : {"pdf", "tree"}) {
    CAPTURE(emit);
    const auto run = e2e::fiscgen(
        {"render", letter, "--emit", emit, "--set", deep + "=x", "-o", (dir / "out").string()});
    CHECK(run.status == 1);
    CHECK(contains(run.err, "a path of 30001 elements; inputs are nested at most 200 deep"));
    CHECK(run.err.size() < 400);  // the path is not echoed whole
    CHECK_FALSE(std::filesystem::exists(dir / "out"));
  }
  const auto csv = write(dir, "rows.csv", "date," + deep + "\n2013-07-16,x\n");
  const auto merged =
      e2e::fiscgen({"render", letter, "--data", csv.string(), "-o", (dir / "merged").string()});
  CHECK(merged.status == 1);
  CHECK(contains(merged.err, "rows.csv:1:6: column 2 of the header is a path of 30001 elements"));
}

TEST_CASE("limits: a text or an attribute over 1 MiB is refused where it starts") {
  e2e::TempDir dir;
  const std::string long_text((std::size_t{1} << 20) + 1, 'a');
  const auto text_input = write(dir, "text.xml", letter_with("<p>" + long_text + "</p>"));
  const auto text_run = render(dir, text_input);
  CHECK(text_run.status == 1);
  CHECK(contains(text_run.err, text_input.string() + ":"));
  CHECK(contains(text_run.err,
                 ": a text is 1048577 bytes long; fiscgen accepts at most 1048576 "
                 "(split it into paragraphs)\n"));

  const auto attribute_input =
      write(dir, "attribute.xml", letter_with("<p class=\"" + long_text + "\">x</p>"));
  const auto attribute_run = render(dir, attribute_input);
  CHECK(attribute_run.status == 1);
  CHECK(contains(attribute_run.err, attribute_input.string() + ":"));
  CHECK(contains(attribute_run.err,
                 ": attribute class is 1048577 bytes long; fiscgen accepts at "
                 "most 1048576 (split it into paragraphs)\n"));
  CHECK_FALSE(std::filesystem::exists(dir / "out.pdf"));
}

TEST_CASE("limits: a for-each over more than 100,000 items is refused at the template") {
  e2e::TempDir dir;
  std::string text = e2e::read_file(examples / "letter.xml");
  const auto address = text.find("<address>");
  REQUIRE(address != std::string::npos);
  std::string lines;
  for (int i = 0; i <= 100000; ++i) lines += "<line/>";
  text.insert(address + 9, lines);
  const auto input = write(dir, "many.xml", text);
  const auto run = render(dir, input);
  CHECK(run.status == 1);
  CHECK(contains(run.err, "letterhead.xml:20:"));  // the for-each over from/address/line
  CHECK(contains(run.err, ": more than 100000 items to repeat: refused\n"));
  CHECK_FALSE(std::filesystem::exists(dir / "out.pdf"));
}

TEST_CASE("limits: includes nested more than 16 deep are refused where the 17th is") {
  e2e::TempDir dir;
  std::filesystem::create_directories(dir / "forms" / "t");
  std::filesystem::copy(source / "forms" / "rules", dir / "forms" / "rules");
  std::filesystem::copy(source / "letters", dir / "letters");
  for (int i = 0; i < 20; ++i)
    write(dir, "forms/t/f" + std::to_string(i) + ".xml",
          "<t:fragment xmlns:t=\"urn:fiscgen:template\">\n<t:include src=\"t/f" +
              std::to_string(i + 1) + "\"/></t:fragment>");
  write(dir, "forms/t/main.xml",
        "<t:template xmlns:t=\"urn:fiscgen:template\" kind=\"motion\" rules=\"fisc-2010\">"
        "<document><t:include src=\"t/f0\"/></document></t:template>");
  const auto input = write(dir, "input.xml", "<motion form=\"t/main\"/>");
  const auto run = e2e::fiscgen({"--data-dir", dir.path().string(), "render", input.string(), "-o",
                                 (dir / "out.pdf").string()});
  CHECK(run.status == 1);
  CHECK(contains(run.err, ":2:1: includes nested more than 16 deep"));
  CHECK_FALSE(std::filesystem::exists(dir / "out.pdf"));
}

TEST_CASE("limits: a document of more than 2,000 pages is refused, and nothing is written") {
  e2e::TempDir dir;
  // One short paragraph a line: 26 lines a page in a letter, so 60,000 fill ~2,300 pages.
  std::string paragraphs;
  for (int i = 0; i < 60000; ++i) paragraphs += "<p>Line " + std::to_string(i) + ".</p>\n";
  const auto input = write(dir, "long.xml", letter_with(paragraphs));
  const auto run = render(dir, input);
  CHECK(run.status == 1);
  CHECK(contains(run.err, "error: " + input.string() + ": the document needs more than 2000 "));
  CHECK(contains(run.err, "pages; fiscgen writes at most 2000 (split it into volumes)\n"));
  CHECK_FALSE(std::filesystem::exists(dir / "out.pdf"));
}

TEST_CASE("no DTDs and no external entities: a DOCTYPE or an unknown entity is refused") {
  e2e::TempDir dir;
  const auto doctype = write(dir, "xxe.xml",
                             "<?xml version=\"1.0\"?>\n"
                             "<!DOCTYPE letter [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
                             "<letter template=\"attorney-general\"><body><p>&secret;</p></body>"
                             "</letter>\n");
  const auto doctype_run = render(dir, doctype);
  CHECK(doctype_run.status == 1);
  CHECK(doctype_run.err == "error: " + doctype.string() +
                               ":2:1: DOCTYPE is not allowed: fiscgen reads no DTDs or external "
                               "entities\n");

  const auto entity = write(dir, "entity.xml", letter_with("<p>&secret;</p>"));
  const auto entity_run = render(dir, entity);
  CHECK(entity_run.status == 1);
  CHECK(contains(entity_run.err, "unknown entity &secret;: fiscgen reads no DTDs"));
  CHECK_FALSE(std::filesystem::exists(dir / "out.pdf"));
}

TEST_CASE("redacted text is in no byte of the PDF, compressed or not") {
  e2e::TempDir dir;
  const auto input = write(dir, "redacted.xml",
                           letter_with("<p>Visible words and <redact>Zanzibarquux "
                                       "Operation Nightjar</redact> are gone.</p>"));
  const auto run = render(dir, input);
  REQUIRE(run.status == 0);
  const auto raw = e2e::read_file(dir / "out.pdf");
  const auto plain = uncompressed(dir, dir / "out.pdf");
  for (const char* secret : {"Zanzibarquux", "Nightjar"}) {
    CHECK_FALSE(contains(raw, secret));
    CHECK_FALSE(contains(plain, secret));
    CHECK_FALSE(contains(e2e::pdf_text(dir / "out.pdf"), secret));
  }
  CHECK(contains(e2e::pdf_text(dir / "out.pdf"), "Visible"));
}

TEST_CASE("the PDF names no user, host or path of the machine that made it") {
  e2e::TempDir dir;
  const auto input = write(dir, "letter.xml", e2e::read_file(examples / "letter.xml"));
  const auto run = render(dir, input);
  REQUIRE(run.status == 0);
  const auto plain = uncompressed(dir, dir / "out.pdf");
  char host[256] = {};
  REQUIRE(::gethostname(host, sizeof host - 1) == 0);
  std::vector<std::string> machine = {dir.path().string(), source.string()};
  if (std::string(host).size() > 3) machine.push_back(host);
  if (const char* user = std::getenv("USER"); user && std::string(user).size() > 3)
    machine.push_back(user);
  if (const char* home = std::getenv("HOME"); home && std::string(home).size() > 1)
    machine.push_back(home);
  for (const auto& word : machine) {
    INFO("found in the PDF: " << word);
    CHECK_FALSE(contains(plain, word));
  }
  for (const char* key : {"Author", "Creator", "Producer"})
    for (const auto& word : machine) {
      INFO(key << ": " << e2e::pdf_info(dir / "out.pdf", key));
      CHECK_FALSE(contains(e2e::pdf_info(dir / "out.pdf", key), word));
    }
}

TEST_CASE("the PDF names no user, home or path even when they are unusual strings") {
  // Strings found nowhere else, so that any trace of them in the file is a leak.
  e2e::TempDir dir;
  const auto folder = dir / "folder-Kq7Vz3path";
  const auto home = dir / "home-Wx9Jm2home";
  std::filesystem::create_directories(folder);
  std::filesystem::create_directories(home);
  const auto input =
      write(dir, "folder-Kq7Vz3path/motion.xml", e2e::read_file(examples / "motion.xml"));
  const auto pdf = folder / "out.pdf";
  const auto run = e2e::run({"env", "HOME=" + home.string(), "USER=user-Yt4Pq8name",
                             "LOGNAME=user-Yt4Pq8name", "HOSTNAME=host-Rb5Ns1name", FISCGEN_BINARY,
                             "render", input.string(), "-o", pdf.string()});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  const auto raw = e2e::read_file(pdf);
  const auto plain = uncompressed(dir, pdf);
  for (const char* unique :
       {"Kq7Vz3path", "Wx9Jm2home", "Yt4Pq8name", "Rb5Ns1name", "fiscgen-e2e-"}) {
    INFO("found in the PDF: " << unique);
    CHECK_FALSE(contains(raw, unique));
    CHECK_FALSE(contains(plain, unique));
  }
}

TEST_CASE("a render killed by a signal while it writes leaves no output and no temporary file") {
  // A file-size limit makes the kernel send SIGXFSZ exactly when the temporary file passes
  // 8 KiB: a signal in the middle of the write, every time, from outside the process.
  e2e::TempDir dir;
  const auto out = dir / "out";
  std::filesystem::create_directories(out);
  const std::string input = (examples / "motion.xml").string(), pdf = (out / "motion.pdf").string();
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const rlimit size{8192, 8192}, no_core{0, 0};
    setrlimit(RLIMIT_FSIZE, &size);
    setrlimit(RLIMIT_CORE, &no_core);
    execl(FISCGEN_BINARY, FISCGEN_BINARY, "render", input.c_str(), "-o", pdf.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  CHECK(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGXFSZ);
  for (const auto& entry : std::filesystem::directory_iterator(out))
    CHECK_MESSAGE(false, "left behind: " << entry.path().filename().string());
}

TEST_CASE("a render stopped by SIGTERM leaves no output and no temporary file") {
  e2e::TempDir dir;
  std::string paragraphs;  // ~1,500 pages: a third of a second of work on a quick machine
  for (int i = 0; i < 40000; ++i) paragraphs += "<p>Line " + std::to_string(i) + ".</p>\n";
  const auto input = write(dir, "long.xml", letter_with(paragraphs));
  // The signal comes at several moments, from reading to writing; no fixed delay is sure to
  // land mid-render on every machine, but the earliest always does.
  int stopped = 0;
  for (const int delay_ms : {10, 40, 80, 150, 250}) {
    INFO("SIGTERM after " << delay_ms << " ms");
    const auto out = dir / ("out-" + std::to_string(delay_ms));
    std::filesystem::create_directories(out);
    const std::string pdf = (out / "long.pdf").string();
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      execl(FISCGEN_BINARY, FISCGEN_BINARY, "render", input.c_str(), "-o", pdf.c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    kill(pid, SIGTERM);
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    if (WIFSIGNALED(status)) {  // stopped, as a signal's default action does
      ++stopped;
      CHECK(WTERMSIG(status) == SIGTERM);
      for (const auto& entry : std::filesystem::directory_iterator(out))
        CHECK_MESSAGE(false, "left behind: " << entry.path().filename().string());
    } else {  // it finished first: then the output is whole
      CHECK(WEXITSTATUS(status) == 0);
      CHECK(e2e::pdf_pages(pdf) > 1000);
    }
  }
  CHECK(stopped > 0);
}

TEST_CASE("no document text in what fiscgen prints, even with --verbose or on error") {
  e2e::TempDir dir;
  const auto good = write(dir, "good.xml", letter_with("<p>Confidential Quetzalcoatl plan.</p>"));
  const auto verbose =
      e2e::fiscgen({"--verbose", "render", good.string(), "-o", (dir / "out.pdf").string()});
  REQUIRE(verbose.status == 0);
  CHECK_FALSE(contains(verbose.out + verbose.err, "Quetzalcoatl"));

  // Not on a terminal, an error names the place and what was expected, not the line's text.
  const auto bad = write(dir, "bad.xml", letter_with("<p>Confidential Quetzalcoatl <em>plan.</p>"));
  const auto error = render(dir, bad);
  CHECK(error.status == 1);
  CHECK_FALSE(contains(error.out + error.err, "Quetzalcoatl"));
}

TEST_CASE("no network: the binary imports no socket or name-lookup function") {
  const auto run = e2e::run({"nm", "-D", "--undefined-only", FISCGEN_BINARY});
  REQUIRE(run.status == 0);
  // The table was read: libharu is always imported (the C++ runtime may be linked in).
  REQUIRE(contains(run.out, " HPDF_New"));
  for (const char* symbol : {" socket", " connect", " getaddrinfo", " gethostbyname", " curl_"})
    CHECK_FALSE(contains(run.out, symbol));
}
