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
