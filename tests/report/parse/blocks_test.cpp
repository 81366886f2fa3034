// PDF text in reading order that prints a table's labels as one block and its numbers as another,
// row by row or column by column: made from the fixture corpus's pdf_text reports (table A, and
// table P row by row) and compared with truth.jsonl. Every cell the truth or null, never another
// number.
#include <catch2/catch.hpp>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "core/file_system.hpp"
#include "report/parse/reader.hpp"
#include "report/report_cells.hpp"

using namespace gongkai;

namespace {

const std::string kCorpus = std::string(GONGKAI_TESTS_DIR) + "/fixtures/corpus/";

enum class Order { Rows, Columns, OnePerLine };

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

std::vector<std::string> words(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

/// A number or a dash standing for an empty cell.
bool is_value(const std::string& w) {
  if (w == "—" || w == "-" || w == "/" || w == "／") return true;
  size_t i = w[0] == '-' ? 1 : 0;
  if (i == w.size()) return false;
  bool dot = false;
  for (; i < w.size(); ++i) {
    if (w[i] == '.' && !dot) {
      dot = true;
      continue;
    }
    if (w[i] < '0' || w[i] > '9') return false;
  }
  return true;
}

/// Lines [from, to) rewritten: their words that are not values, then the values, `per_line` of
/// them a line in `order` (`columns` values a row). Blank lines and page-number lines go.
std::optional<std::vector<std::string>> apart(const std::vector<std::string>& lines, size_t from,
                                              size_t to, Order order, size_t columns) {
  std::vector<std::string> labels, values;
  for (size_t i = from; i < to; ++i) {
    std::string label;
    auto ws = words(lines[i]);
    bool page_number = ws.size() == 1 &&
                       lines[i].find_first_not_of(" -—0123456789") == std::string::npos &&
                       ws[0].size() > 1 && (ws[0][0] == '-' || ws[0].substr(0, 3) == "—");
    if (page_number) continue;
    for (const auto& w : ws) {
      if (is_value(w)) {
        values.push_back(w);
      } else {
        label += (label.empty() ? "" : " ") + w;
      }
    }
    if (!label.empty()) labels.push_back(label);
  }
  if (values.empty() || values.size() % columns != 0) return std::nullopt;
  size_t rows = values.size() / columns;
  std::vector<std::string> out = labels;
  if (order == Order::Rows) {
    for (size_t r = 0; r < rows; ++r) {
      std::string l;
      for (size_t c = 0; c < columns; ++c) l += (c ? " " : "") + values[r * columns + c];
      out.push_back(l);
    }
  } else {
    for (size_t c = 0; c < columns; ++c) {
      std::string l;
      for (size_t r = 0; r < rows; ++r) {
        if (order == Order::OnePerLine) {
          out.push_back(values[r * columns + c]);
        } else {
          l += (r ? " " : "") + values[r * columns + c];
        }
      }
      if (order == Order::Columns) out.push_back(l);
    }
  }
  return out;
}

size_t find(const std::vector<std::string>& lines, size_t from, std::string_view word) {
  for (size_t i = from; i < lines.size(); ++i) {
    if (lines[i].find(word) != std::string::npos) return i;
  }
  return lines.size();
}

/// Table A of a pdf_text report with its labels and numbers apart; nullopt for a `-layout` one or
/// one whose values do not come in rows of seven.
std::optional<std::string> table_a_apart(const std::string& text, Order order) {
  if (text.find("     ") != std::string::npos) return std::nullopt;  // `-layout` columns
  auto lines = split_lines(text);
  size_t a = find(lines, 0, "收到和处理");
  while (a < lines.size() && lines[a].find("三") == std::string::npos) {
    a = find(lines, a + 1, "收到和处理");  // not the preamble's list of sections
  }
  size_t b = a;
  for (b = a + 1; b < lines.size(); ++b) {
    auto ws = words(lines[b]);
    if (!ws.empty() && ws[0].substr(0, 3) == "四" && lines[b].find("复议") != std::string::npos)
      break;
  }
  if (b >= lines.size()) return std::nullopt;
  auto middle = apart(lines, a + 1, b, order, 7);
  if (!middle) return std::nullopt;
  std::string out;
  for (size_t i = 0; i <= a; ++i) out += lines[i] + "\n";
  for (const auto& l : *middle) out += l + "\n";
  for (size_t i = b; i < lines.size(); ++i) out += lines[i] + "\n";
  return out;
}

struct Count {
  size_t equal = 0, null = 0, wrong = 0, reports = 0;
};

Count run(Order order) {
  std::ifstream in(kCorpus + "truth.jsonl");
  std::string line;
  Count count;
  core::DiskFileSystem fs;
  while (std::getline(in, line)) {
    auto t = nlohmann::json::parse(line);
    if (t["shape"] != "pdf_text" || t["encoding"] != "utf-8" || t["bom"] == true) continue;
    std::string name = t["file"].get<std::string>();
    auto bytes = fs.read(kCorpus + name);
    REQUIRE(bytes);
    auto text = table_a_apart(*bytes, order);
    if (!text) continue;
    ++count.reports;
    auto r = report::parse::read_report(name, *text);
    for (const auto& [id, v] : t["cells"].items()) {
      if (id.substr(0, 13) != "applications.") continue;
      std::string expected = v.is_null() ? "null" : v.dump();
      std::string got = report::cell_text(*r.find(id));
      INFO(name << ": " << id);
      if (got == expected) {
        ++count.equal;
      } else if (got == "null") {
        ++count.null;
      } else {
        ++count.wrong;
        CHECK(got == expected);
      }
    }
  }
  return count;
}

}  // namespace

TEST_CASE("table A's numbers printed apart from its labels are read in the order told") {
  for (Order order : {Order::Rows, Order::Columns, Order::OnePerLine}) {
    Count c = run(order);
    const char* name = order == Order::Rows      ? "a row a line"
                       : order == Order::Columns ? "a column a line"
                                                 : "column by column, a value a line";
    std::cout << "table A apart from its labels (" << name << "), " << c.reports
              << " reports: " << c.equal << " equal, " << c.null << " null, " << c.wrong
              << " wrong\n";
    CHECK(c.reports == 53);
    CHECK(c.wrong == 0);
    // Rows and columns a line: the lines tell; a value a line: the identities, so a report
    // with a broken identity or an empty cell stays null. Floors: what is recovered now (of
    // 9128 values; the truth's nulls count as equal when read as null): all of them when the
    // lines tell, 96% when only the identities do.
    CHECK(c.equal >= (order == Order::OnePerLine ? 8779u : 9128u));
  }
}

namespace {

/// The sample with every number of its tables on a line of its own between blank lines, as
/// `pdftotext` without -layout prints table cells.
std::string cells_apart(const std::string& text) {
  auto lines = split_lines(text);
  size_t a = find(lines, 0, "主动公开政府信息情况");
  while (a < lines.size() && lines[a].find("二") == std::string::npos)
    a = find(lines, a + 1, "主动公开政府信息情况");
  size_t b = find(lines, a + 1, "五、");
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i <= a || i >= b) {
      out += lines[i] + "\n";
      continue;
    }
    std::string label;
    for (const auto& w : words(lines[i])) {
      if (is_value(w)) {
        if (!label.empty()) out += label + "\n";
        label.clear();
        out += "\n" + w + "\n\n";
      } else {
        label += (label.empty() ? "" : " ") + w;
      }
    }
    if (!label.empty()) out += label + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("table cells each between blank lines are cells, not page numbers") {
  for (std::string name : {"weibin-2023.txt", "xinhua-2024.txt", "zibo-gaoxin-2023.txt"}) {
    core::DiskFileSystem fs;
    auto text = fs.read(std::string(GONGKAI_SOURCE_DIR) + "/content/reports/" + name);
    REQUIRE(text);
    std::string apart = cells_apart(*text);
    REQUIRE(apart.find("\n\n0\n\n") != std::string::npos);
    auto r = report::parse::read_report(name, apart);
    auto golden = fs.read(std::string(GONGKAI_TESTS_DIR) + "/golden/samples/" +
                          name.substr(0, name.rfind('.')) + ".cells");
    REQUIRE(golden);
    INFO(name);
    CHECK(report::to_cells(r) == *golden);
  }
}

TEST_CASE("real pdftotext output of a corpus report, reading order and -layout") {
  std::ifstream in(kCorpus + "truth.jsonl");
  std::string line;
  nlohmann::json truth;
  while (std::getline(in, line)) {
    auto t = nlohmann::json::parse(line);
    if (t["file"] == "070_e52a957713bb19e3.txt") truth = t;
  }
  REQUIRE(!truth.is_null());
  core::DiskFileSystem fs;
  for (std::string name : {"070-pdftotext.txt", "070-pdftotext-layout.txt"}) {
    auto bytes = fs.read(std::string(GONGKAI_TESTS_DIR) + "/fixtures/pdf/" + name);
    REQUIRE(bytes);
    auto r = report::parse::read_report(name, *bytes);
    size_t equal = 0, null = 0;
    for (const auto& [id, v] : truth["cells"].items()) {
      std::string expected = v.is_null() ? "null" : v.dump();
      std::string got = report::cell_text(*r.find(id));
      INFO(name << ": " << id);
      if (got == expected) {
        ++equal;
      } else {
        CHECK(got == "null");
        ++null;
      }
    }
    std::cout << "pdftotext " << name << ": " << equal << " equal, " << null << " null\n";
    // All but table R's ten litigation cells: its five empty reconsideration cells leave no
    // trace, and only the columns' positions would tell which five are missing.
    CHECK(equal == 188);
  }
}

TEST_CASE("the pdf_text samples with table A's labels and numbers apart read as printed") {
  core::DiskFileSystem fs;
  for (std::string name : {"weibin-2023.txt", "xinhua-2024.txt", "zibo-gaoxin-2023.txt"}) {
    auto text = fs.read(std::string(GONGKAI_SOURCE_DIR) + "/content/reports/" + name);
    auto golden = fs.read(std::string(GONGKAI_TESTS_DIR) + "/golden/samples/" +
                          name.substr(0, name.rfind('.')) + ".cells");
    REQUIRE(text);
    REQUIRE(golden);
    for (Order order : {Order::Rows, Order::Columns, Order::OnePerLine}) {
      auto apart = table_a_apart(*text, order);
      REQUIRE(apart);
      auto r = report::parse::read_report(name, *apart);
      INFO(name << ", order " << static_cast<int>(order));
      CHECK(report::to_cells(r) == *golden);
    }
  }
}
