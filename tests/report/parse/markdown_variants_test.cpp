// Converter markdown in worse shape than the fixture corpus prints it: every table row a small
// table of its own under a placeholder header (数据1…数据N), row labels left outside the tables
// above a row of values (their cells left empty), and table A's section heading missing. Made
// from the markdown reports of the fixture corpus and from the dongchangfu sample, compared with
// truth.jsonl and the golden file: every cell the value or null, never another number.
#include <catch2/catch.hpp>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/file_system.hpp"
#include "report/parse/reader.hpp"
#include "report/report_cells.hpp"
#include "text/decode.hpp"

using namespace gongkai;

namespace {

std::string read(const std::string& path) {
  core::DiskFileSystem fs;
  auto data = fs.read(path);
  REQUIRE(data);
  return *data;
}

std::string trim(std::string_view s) {
  size_t a = s.find_first_not_of(" \t\r");
  if (a == std::string_view::npos) return {};
  return std::string(s.substr(a, s.find_last_not_of(" \t\r") + 1 - a));
}

std::vector<std::string> pipe_cells(const std::string& row) {
  std::vector<std::string> out;
  std::string s = trim(row);
  if (!s.empty() && s[0] == '|') s.erase(0, 1);
  if (!s.empty() && s.back() == '|') s.pop_back();
  std::istringstream in(s);
  std::string cell;
  while (std::getline(in, cell, '|')) out.push_back(trim(cell));
  return out;
}

/// A number as a cell prints it (digits, a sign, a decimal point, a unit).
bool is_number(const std::string& c) {
  if (c.empty()) return false;
  std::string s = c;
  for (std::string unit : {"万元", "元"}) {
    if (s.size() > unit.size() && s.substr(s.size() - unit.size()) == unit) {
      s.resize(s.size() - unit.size());
    }
  }
  size_t digits = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char ch = s[i];
    if (ch >= '0' && ch <= '9') {
      ++digits;
    } else if (!(ch == '.' || (ch == '-' && i == 0))) {
      return false;
    }
  }
  return digits > 0;
}

bool is_dash(const std::string& c) {
  return c == "—" || c == "-" || c == "/" || c == "／";
}

/// The markdown shredded: each table row a table of its own with a placeholder header; the text of
/// a row that holds numbers moved out above it; table A's heading dropped.
std::string shred(const std::string& text) {
  std::istringstream in(text);
  std::string line, out;
  while (std::getline(in, line)) {
    std::string s = trim(line);
    if (s.find("三、收到和处理政府信息公开申请情况") != std::string::npos) continue;
    bool row = !s.empty() && s[0] == '|' && s.find_first_not_of("|-: ") != std::string::npos;
    if (!row) {
      out += line + "\n";
      continue;
    }
    auto cells = pipe_cells(s);
    out += "\n|";
    for (size_t k = 0; k < cells.size(); ++k) out += " 数据" + std::to_string(k + 1) + " |";
    out += "\n|";
    for (size_t k = 0; k < cells.size(); ++k) out += "---|";
    out += "\n";
    std::string label;
    bool numbers = false;
    for (const auto& c : cells) {
      if (is_number(c)) {
        numbers = true;
      } else if (!c.empty() && !is_dash(c)) {
        label += (label.empty() ? "" : " ") + c;
      }
    }
    if (!numbers || label.empty()) {
      out += line + "\n";
      continue;
    }
    out += label + "\n|";
    for (const auto& c : cells) {
      bool keep = is_number(c) || is_dash(c);
      out += " " + (keep ? c : std::string()) + " |";
    }
    out += "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("shredded converter markdown: labels outside, placeholder headers, no table A heading") {
  const std::string corpus = std::string(GONGKAI_TESTS_DIR) + "/fixtures/corpus/";
  std::ifstream in(corpus + "truth.jsonl");
  std::string line;
  size_t equal = 0, null = 0, wrong = 0, reports = 0;
  while (std::getline(in, line)) {
    auto t = nlohmann::json::parse(line);
    if (t["shape"] != "markdown") continue;
    std::string name = t["file"].get<std::string>();
    text::Decoded decoded = text::decode(read(corpus + name));
    REQUIRE(decoded.ok);
    std::string text = shred(decoded.text);
    REQUIRE(text.find("数据1") != std::string::npos);
    ++reports;
    auto r = report::parse::read_report(name, text);
    for (const auto& [id, v] : t["cells"].items()) {
      std::string expected = v.is_null() ? "null" : v.dump();
      std::string got = report::cell_text(*r.find(id));
      bool same = got == expected ||
                  (got != "null" && expected != "null" && std::stod(got) == std::stod(expected));
      INFO(name << ": " << id);
      if (same) {
        ++equal;
      } else if (got == "null") {
        ++null;
      } else {
        ++wrong;
        CHECK(got == expected);
      }
    }
  }
  std::cout << "shredded markdown, " << reports << " reports: " << equal << " equal, " << null
            << " null, " << wrong << " wrong\n";
  CHECK(reports > 90);
  CHECK(wrong == 0);
  CHECK(equal * 100 >= (equal + null) * 99);
}

TEST_CASE("the dongchangfu sample shredded reads as printed") {
  std::string text =
      shred(read(std::string(GONGKAI_SOURCE_DIR) + "/content/reports/dongchangfu-2025.md"));
  auto r = report::parse::read_report("dongchangfu-2025.md", text);
  std::string golden =
      read(std::string(GONGKAI_TESTS_DIR) + "/golden/samples/dongchangfu-2025.cells");
  CHECK(report::to_cells(r) == golden);
}
