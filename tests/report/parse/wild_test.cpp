// Shapes seen in the wild, beyond the three of the samples: numbers run together without spaces,
// remarks after values, typos and other numbering in labels.
#include <catch2/catch.hpp>

#include "core/file_system.hpp"
#include "report/parse/reader.hpp"
#include "report/parse/split.hpp"
#include "report/report_cells.hpp"

using namespace gongkai;

namespace {

std::string read(const std::string& path) {
  core::DiskFileSystem fs;
  auto data = fs.read(path);
  REQUIRE(data);
  return *data;
}

/// The report with the spaces between the numbers of each table row removed, as a page flattened
/// from HTML prints them: "一、本年新收…数量 26 3 0 0 0 1 30" → "…数量263000130".
std::string run_together(const std::string& text) {
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    // The tail made of digits, dashes and spaces only.
    size_t tail = line.size();
    while (tail > 0 &&
           std::string_view("0123456789/- ").find(line[tail - 1]) != std::string::npos) {
      --tail;
    }
    while (tail < line.size() && line[tail] != ' ') ++tail;
    std::string numbers = line.substr(tail);
    size_t spaces = 0;
    for (char c : numbers) spaces += c == ' ';
    if (spaces >= 6) {
      std::string joined;
      for (char c : numbers) {
        if (c != ' ') joined += c;
      }
      size_t label_end = tail;
      while (label_end > 0 && line[label_end - 1] == ' ') --label_end;
      line = line.substr(0, label_end) + joined;
    }
    out += line;
    if (end == text.size()) break;
    out += '\n';
    start = end + 1;
  }
  return out;
}

bool has_code(const report::Report& r, std::string_view code) {
  for (const auto& d : r.diagnostics) {
    if (d.code == code) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("digit runs are cut where only one cut satisfies the identities") {
  auto row_sum = [](std::span<const int64_t> v) {
    if (v.size() < 7) return true;
    return v[6] == v[0] + v[1] + v[2] + v[3] + v[4] + v[5];
  };
  const std::string_view one[] = {"263000130"};
  auto s = report::parse::split_runs(one, 7, row_sum);
  REQUIRE(s.size() == 1);
  CHECK(s[0] == std::vector<int64_t>{26, 3, 0, 0, 0, 1, 30});
  // "1102" is 1 1 0 2 or 11 0 2…: with seven cells, only one cut adds up.
  const std::string_view two[] = {"1000001"};
  CHECK(report::parse::split_runs(two, 7, row_sum).size() == 1);
  // Several cuts add up (2 1 1 11 21 21 57, 21 1 1 12 1 21 57, …): no proof, no cells.
  const std::string_view amb[] = {"21111212157"};
  CHECK(report::parse::split_runs(amb, 7, row_sum).size() == 2);  // stops at the second
  const std::string_view impossible[] = {"11111113"};
  CHECK(report::parse::split_runs(impossible, 7, row_sum).empty());
  const std::string_view none[] = {"12"};
  CHECK(report::parse::split_runs(none, 7, row_sum).empty());
}

TEST_CASE("table rows run together read as the spaced report does") {
  const std::string corpus = std::string(GONGKAI_TESTS_DIR) + "/fixtures/corpus/";
  // pdf_text reports with non-zero applications and review cases (one with a missing R group).
  for (std::string name : {"070_e52a957713bb19e3.txt", "005_7baa8c086023f4af.txt"}) {
    std::string spaced = read(corpus + name);
    std::string flat = run_together(spaced);
    REQUIRE(flat != spaced);
    auto a = report::parse::read_report(name, spaced);
    auto b = report::parse::read_report(name, flat);
    INFO(name);
    CHECK(report::to_cells(b) == report::to_cells(a));
    CHECK(has_code(b, "P019"));
  }
}

TEST_CASE("table P has no identity: a run of digits there stays missing") {
  std::string text = read(std::string(GONGKAI_SOURCE_DIR) + "/content/reports/weibin-2023.txt");
  size_t at = text.find("行政规范性文件 0 0 0");
  REQUIRE(at != std::string::npos);
  text.replace(at, std::string("行政规范性文件 0 0 0").size(), "行政规范性文件77132470");
  auto r = report::parse::read_report("w.txt", text);
  for (std::string f : {"issued", "repealed", "in_force"}) {
    CHECK(report::cell_text(*r.find("proactive.normative_docs." + f)) == "null");
  }
  CHECK(has_code(r, "P010"));
  CHECK(report::cell_text(*r.find("proactive.rules.issued")) == "0");
}

TEST_CASE("values with remarks, signs, other numbering and a typo in labels") {
  std::string text =
      read(std::string(GONGKAI_SOURCE_DIR) + "/content/reports/zibo-gaoxin-2023.txt");
  auto swap = [&](const std::string& from, const std::string& to) {
    size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  };
  swap("行政规范性文件 0 0 0", "行政规范性文件 3 1 55（含自然失效 29 件）");
  swap("2.其他法律行政法规禁止公开 0 0 0 0 0 0 0", "2、其他法律行政止公开 2 0 0 0 0 0 2");
  swap("1.属于国家秘密 0 0 0 0 0 0 0", "（1）属于国家秘密 0 0 0 0 0 0 0");
  auto r = report::parse::read_report("g.txt", text);
  CHECK(report::cell_text(*r.find("proactive.normative_docs.issued")) == "3");
  CHECK(report::cell_text(*r.find("proactive.normative_docs.in_force")) == "55");
  CHECK(report::cell_text(*r.find("applications.withheld.prohibited_by_law.natural_person")) ==
        "2");
  CHECK(report::cell_text(*r.find("applications.withheld.prohibited_by_law.total")) == "2");
  CHECK(report::cell_text(*r.find("applications.withheld.state_secret.total")) == "0");
  CHECK_FALSE(has_code(r, "P009"));
  CHECK_FALSE(has_code(r, "P010"));
}

TEST_CASE("table P: a run of digits is split only where a single way exists") {
  std::string base = read(std::string(GONGKAI_SOURCE_DIR) + "/content/reports/weibin-2023.txt");
  auto with = [&](const std::string& run) {
    std::string text = base;
    size_t at = text.find("行政规范性文件 0 0 0");
    REQUIRE(at != std::string::npos);
    text.replace(at, std::string("行政规范性文件 0 0 0").size(), "行政规范性文件" + run);
    return report::parse::read_report("w.txt", text);
  };
  auto cell = [](const report::Report& r, const std::string& f) {
    return report::cell_text(*r.find("proactive.normative_docs." + f));
  };
  // Three digits, three cells: one digit each.
  auto r = with("512");
  CHECK(cell(r, "issued") == "5");
  CHECK(cell(r, "repealed") == "1");
  CHECK(cell(r, "in_force") == "2");
  CHECK(has_code(r, "P019"));
  // "100" is 1 0 0 (never 10 and 0: that is two cells); "0012" is 0 0 12.
  r = with("0012");
  CHECK(cell(r, "issued") == "0");
  CHECK(cell(r, "repealed") == "0");
  CHECK(cell(r, "in_force") == "12");
  // 1 20 0 or 12 0 0: no identity tells which; both end in 0, so only that cell is read.
  r = with("1200");
  CHECK(cell(r, "issued") == "null");
  CHECK(cell(r, "repealed") == "null");
  CHECK(cell(r, "in_force") == "0");
  CHECK(has_code(r, "P010"));
}

TEST_CASE("table P: a figure the prose states fixes its cell of a run") {
  std::string base = read(std::string(GONGKAI_SOURCE_DIR) + "/content/reports/weibin-2023.txt");
  auto with = [&](const std::string& sentence) {
    std::string text = base;
    size_t at = text.find("行政规范性文件 0 0 0");
    REQUIRE(at != std::string::npos);
    text.replace(at, std::string("行政规范性文件 0 0 0").size(), "行政规范性文件77132470");
    size_t overview = text.find("一、总体情况\n");
    REQUIRE(overview != std::string::npos);
    text.insert(overview + std::string("一、总体情况\n").size(), sentence + "\n");
    return report::parse::read_report("w.txt", text);
  };
  auto cell = [](const report::Report& r, const std::string& f) {
    return report::cell_text(*r.find("proactive.normative_docs." + f));
  };
  // Two figures stated: 77 | 13 | 2470 is the only split left.
  auto r = with("本年度制发规范性文件77件，废止规范性文件13件。");
  CHECK(cell(r, "issued") == "77");
  CHECK(cell(r, "repealed") == "13");
  CHECK(cell(r, "in_force") == "2470");
  CHECK(has_code(r, "P019"));
  // One figure: 132470 still splits five ways into the other two cells.
  r = with("本年度制发的规范性文件77件。");
  CHECK(cell(r, "issued") == "77");
  CHECK(cell(r, "repealed") == "null");
  CHECK(cell(r, "in_force") == "null");
  // A figure the run cannot hold proves nothing.
  r = with("本年度制发规范性文件5件。");
  for (std::string f : {"issued", "repealed", "in_force"}) CHECK(cell(r, f) == "null");
}

TEST_CASE("a sign starts a cell: 35-15 is 35 and -15, the rest still has to be split") {
  auto none = [](std::span<const int64_t>) { return true; };
  const std::string_view fee[] = {"35", "-15"};
  auto s = report::parse::split_runs(fee, 2, none);
  REQUIRE(s.size() == 1);
  CHECK(s[0] == std::vector<int64_t>{35, -15});
  // 本年增/减 in the middle: 12 | -3 12 or 12 | -31 2 — two ways.
  const std::string_view item[] = {"12", "-312"};
  auto middle_only = [](std::span<const int64_t> v) { return v.back() >= 0 || v.size() == 2; };
  CHECK(report::parse::split_runs(item, 3, middle_only).size() == 2);
  const std::string_view forced[] = {"1", "-3", "2"};
  s = report::parse::split_runs(forced, 3, middle_only);
  REQUIRE(s.size() == 1);
  CHECK(s[0] == std::vector<int64_t>{1, -3, 2});
}

TEST_CASE("what was not read is null: no shape or format for a file that is no report") {
  for (std::string text : {std::string(), std::string("hello\nworld\n")}) {
    auto r = report::parse::read_report("x.txt", text);
    std::string cells = report::to_cells(r);
    CHECK(cells.find("meta.format\tnull\n") != std::string::npos);
    CHECK(cells.find("meta.shape\tnull\n") != std::string::npos);
    CHECK_FALSE(r.shape_known);
    CHECK_FALSE(r.format_known);
  }
  auto r = report::parse::read_report(
      "w.txt", read(std::string(GONGKAI_SOURCE_DIR) + "/content/reports/weibin-2023.txt"));
  CHECK(report::to_cells(r).find("meta.format\t2021\n") != std::string::npos);
  CHECK(r.shape_known);
}
