// gongkai check: files and folders in, diagnostics and findings out, and its exit status.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands/check.hpp"
#include "core/file_system.hpp"

using gongkai::commands::CheckOptions;
using gongkai::commands::run_check;
using gongkai::core::MemoryFileSystem;

namespace {

std::string source_file(const std::string& relative) {
  std::ifstream in(std::string(GONGKAI_SOURCE_DIR) + "/" + relative, std::ios::binary);
  REQUIRE(in);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Run {
  int status;
  std::string out, err;
};

Run check(const MemoryFileSystem& fs, CheckOptions o) {
  std::ostringstream out, err;
  int status = run_check(o, fs, out, err);
  return {status, out.str(), err.str()};
}

std::vector<std::string> lines_with(const std::string& text, const std::string& word) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.find(word) != std::string::npos) out.push_back(line);
  }
  return out;
}

MemoryFileSystem samples() {
  MemoryFileSystem fs;
  fs.put("content/reports/a/dongchangfu-2025.md",
         source_file("content/reports/dongchangfu-2025.md"));
  fs.put("content/reports/weibin-2023.txt", source_file("content/reports/weibin-2023.txt"));
  fs.put("content/reports/notes.pdf", "%PDF-1.4 not a report");  // not .txt or .md: left out
  fs.put("content/reports/.draft.md", "hidden: left out");
  return fs;
}

int exit_status(const std::string& command) {
  int raw = std::system(command.c_str());
  return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

}  // namespace

TEST_CASE("check prints file:line: severity: code: message for each diagnostic and finding") {
  Run r = check(samples(), {});  // default path: content/reports
  CHECK(r.status == 0);
  // The folder's .txt and .md files, sorted: a/dongchangfu-2025.md before weibin-2023.txt.
  std::string d = "content/reports/a/dongchangfu-2025.md", w = "content/reports/weibin-2023.txt";
  auto audit = lines_with(r.out, ": A0");
  REQUIRE(audit.size() == 4);
  CHECK(audit[0].rfind(d + ":102: warning: A005: Table R", 0) == 0);
  CHECK(audit[1].rfind(d + ":126: warning: A008: section 6 (other matters) says “2024年度", 0) ==
        0);
  CHECK(audit[2] == d + ": info: A011: no signature date (落款): when the report was issued cannot "
                        "be told");
  CHECK(audit[3].rfind(w + ": info: A011:", 0) == 0);
  // The reader's P011 (empty cells) and P016 (no signature date) are not repeated: A005 and A011
  // say the same.
  CHECK(lines_with(r.out, ": P011:").empty());
  CHECK(lines_with(r.out, ": P016:").empty());
  CHECK(r.out.find(d) < r.out.find(w));
  CHECK(r.out.find("notes.pdf") == std::string::npos);
  CHECK(r.out.find("draft") == std::string::npos);
  CHECK(r.err == "2 reports: 0 errors, 2 warnings, 2 info\n");
}

TEST_CASE("check --format json: the same items with cells, lines and instance") {
  CheckOptions o;
  o.paths = {"content/reports/a"};
  o.format = "json";
  Run r = check(samples(), o);
  CHECK(r.status == 0);
  auto items = nlohmann::json::parse(r.out);
  REQUIRE(items.is_array());
  const nlohmann::json* a005 = nullptr;
  for (const auto& it : items) {
    CHECK(it["file"] == "content/reports/a/dongchangfu-2025.md");
    for (auto key : {"line", "column", "severity", "code", "message", "message_zh", "cells",
                     "lines", "instance"}) {
      CHECK(it.contains(key));
    }
    if (it["code"] == "A005") a005 = &it;
  }
  REQUIRE(a005);
  CHECK((*a005)["severity"] == "warning");
  CHECK((*a005)["line"] == 102);
  CHECK((*a005)["lines"] == nlohmann::json::array({102}));
  CHECK((*a005)["instance"] == "missing:review.reconsideration");
  CHECK((*a005)["cells"] ==
        nlohmann::json::array({"review.reconsideration.upheld", "review.reconsideration.corrected",
                               "review.reconsideration.other", "review.reconsideration.pending",
                               "review.reconsideration.total"}));
  CHECK_THAT((*a005)["message_zh"].get<std::string>(), Catch::Contains("「行政复议」"));
}

TEST_CASE("check --strict exits 1 on an identity error, and 0 without it") {
  MemoryFileSystem fs;
  // Corpus report 003: carried_forward.commercial printed 10 instead of 0 (balance broken).
  fs.put("r/003.md", source_file("tests/fixtures/corpus/003_7f14e9ab550fd7db.md"));
  CheckOptions o;
  o.paths = {"r"};
  Run plain = check(fs, o);
  CHECK(plain.status == 0);
  auto errors = lines_with(plain.out, ": error: A001:");
  REQUIRE(errors.size() == 2);
  CHECK_THAT(errors[0], Catch::Contains("column Businesses") && Catch::Contains("difference -10"));
  CHECK_THAT(errors[1], Catch::Contains("column Total"));
  o.strict = true;
  CHECK(check(fs, o).status == 1);
  // Strict and only warnings: 0.
  CheckOptions s;
  s.paths = {"content/reports"};
  s.strict = true;
  CHECK(check(samples(), s).status == 0);
}

TEST_CASE("check exits 1 when a file cannot be read or is no report text at all") {
  MemoryFileSystem fs;
  fs.put("r/ok.txt", source_file("content/reports/weibin-2023.txt"));
  fs.put("r/binary.txt", std::string("\x7f"
                                     "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
                                     16));
  CheckOptions o;
  o.paths = {"r"};
  Run r = check(fs, o);
  CHECK(r.status == 1);
  CHECK(lines_with(r.out, "r/binary.txt: error: P001:").size() == 1);
  CheckOptions missing;
  missing.paths = {"r/ok.txt", "nowhere/report.txt"};
  Run m = check(fs, missing);
  CHECK(m.status == 1);
  CHECK_THAT(m.err, Catch::Contains("nowhere/report.txt: error: no such file or folder"));
  CHECK(lines_with(m.out, "r/ok.txt: info: A011").size() == 1);
}

TEST_CASE("check's default path is content/reports, else content") {
  MemoryFileSystem fs;
  fs.put("content/x/weibin.txt", source_file("content/reports/weibin-2023.txt"));
  Run r = check(fs, {});
  CHECK(r.status == 0);
  CHECK(lines_with(r.out, "content/x/weibin.txt: info: A011").size() == 1);
}

TEST_CASE("check finds 年年雷同 between two years of one agency among its files") {
  // In the fixture corpus, 湘潭市应急管理局's 2021 report (184) repeats the section 五 of its 2020
  // one (094): truth's copied_problems_from.
  MemoryFileSystem fs;
  fs.put("r/094.txt", source_file("tests/fixtures/corpus/094_f8a598e88ac760df.txt"));
  fs.put("r/184.txt", source_file("tests/fixtures/corpus/184_81bd992fe9229c1f.txt"));
  CheckOptions o;
  o.paths = {"r"};
  Run r = check(fs, o);
  auto copied = lines_with(r.out, ": A014:");
  REQUIRE(copied.size() == 1);
  CHECK(copied[0].rfind("r/184.txt:", 0) == 0);
  CHECK_THAT(copied[0], Catch::Contains("the 2020 report's (r/094.txt"));
  // One year alone: nothing to compare.
  o.paths = {"r/184.txt"};
  CHECK(lines_with(check(fs, o).out, ": A014:").empty());
}

TEST_CASE("the gongkai binary: exit statuses") {
  std::string bin = std::string(GONGKAI_BINARY) + " check ";
  std::string quiet = " >/dev/null 2>&1";
  CHECK(exit_status(bin + "content/reports" + quiet) == 0);
  CHECK(exit_status(bin + "--strict content/reports" + quiet) == 0);
  CHECK(exit_status(bin + "--strict tests/fixtures/corpus/003_7f14e9ab550fd7db.md" + quiet) == 1);
  CHECK(exit_status(bin + "no/such/folder" + quiet) == 1);
  CHECK(exit_status(bin + "--format xml content/reports" + quiet) == 2);
  CHECK(exit_status(bin + "--no-such-option" + quiet) == 2);
}

TEST_CASE("gongkai check reads site.yaml: aliases pair years, content_dir is the default path") {
  MemoryFileSystem fs;
  // The 2020 report writes the agency by an alias in its title.
  std::string earlier = source_file("tests/fixtures/corpus/094_f8a598e88ac760df.txt");
  const std::string name = "湘潭市应急管理局";
  REQUIRE(earlier.rfind(name, 0) == 0);
  earlier.replace(0, name.size(), "湘潭应急局");
  fs.put("site/reports/094.txt", earlier);
  fs.put("site/reports/184.txt", source_file("tests/fixtures/corpus/184_81bd992fe9229c1f.txt"));

  CheckOptions o;
  o.paths = {"site/reports"};
  o.config = "none.yaml";
  CHECK(lines_with(check(fs, o).out, ": A014:").empty());  // two names, two agencies

  fs.put("site.yaml",
         "content_dir: site\n"
         "agencies:\n"
         "  - name: 湘潭市应急管理局\n"
         "    aliases: [湘潭应急局]\n");
  o = CheckOptions{};  // no paths: site.yaml's content folder, its reports
  Run r = check(fs, o);
  CHECK(r.status == 0);
  auto copied = lines_with(r.out, ": A014:");
  REQUIRE(copied.size() == 1);
  CHECK(copied[0].rfind("site/reports/184.txt:", 0) == 0);
  CHECK_THAT(r.err, Catch::Contains("2 reports:"));
}

TEST_CASE(
    "gongkai check: a broken or missing site.yaml is an error, the reports are still checked") {
  MemoryFileSystem fs = samples();
  fs.put("site.yaml", "title: x\nno_such_key: 1\n");
  CheckOptions o;
  o.paths = {"content/reports"};
  Run r = check(fs, o);
  CHECK(r.status == 1);
  CHECK_THAT(r.err, Catch::Contains("site.yaml:2:"));
  CHECK_THAT(r.err, Catch::Contains("2 reports:"));

  o.config = "other.yaml";
  o.config_given = true;
  r = check(fs, o);
  CHECK(r.status == 1);
  CHECK_THAT(r.err, Catch::Contains("other.yaml: error: C000:"));
}
