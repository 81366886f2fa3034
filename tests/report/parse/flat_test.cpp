// Web pages flattened by a crawler (shape html_text): the five samples and the fixture corpus made
// into one line, as a crawler prints a page, with the tables' cells separated by spaces or run
// together with nothing between them. Every cell must be the value a person read (golden file,
// truth.jsonl) or null with a diagnostic, never another number; how many are recovered is counted.
#include <catch2/catch.hpp>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/file_system.hpp"
#include "report/parse/reader.hpp"
#include "report/parse/shape.hpp"
#include "report/report_cells.hpp"
#include "text/decode.hpp"

using namespace gongkai;

namespace {

const std::string kReports = std::string(GONGKAI_SOURCE_DIR) + "/content/reports/";
const std::string kGolden = std::string(GONGKAI_TESTS_DIR) + "/golden/samples/";
const std::string kCorpus = std::string(GONGKAI_TESTS_DIR) + "/fixtures/corpus/";

std::string read(const std::string& path) {
  core::DiskFileSystem fs;
  auto data = fs.read(path);
  REQUIRE(data);
  return *data;
}

bool is_delimiter_row(std::string_view s) {
  if (s.empty() || s[0] != '|') return false;
  return s.find_first_not_of("|-: ") == std::string_view::npos;
}

/// The text as a crawler flattens its page: one line, blank lines, page numbers and markdown
/// delimiter rows gone, the other lines trimmed and joined by a space, pipes and TABs spaces.
/// `squeeze`: from section 二's heading to section 五's, the tables' cells run together with
/// nothing between them
/// (`行政规范性文件77132470`).
std::string flatten(std::string_view text, bool squeeze) {
  std::string out;
  size_t start = 0;
  bool after_blank = false;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    bool blank = line.find_first_not_of(" \r") == std::string_view::npos;
    // A web page has no page numbers: the PDF's go (after a blank line, not a docx cell).
    bool page_number =
        !line.empty() && (line[0] == '\f' || (after_blank && line[0] != '\t' &&
                                              report::parse::is_page_number(line, true)));
    after_blank = blank;
    if (page_number) continue;
    size_t a = line.find_first_not_of(" \t\r");
    if (a == std::string_view::npos) continue;
    line = line.substr(a, line.find_last_not_of(" \t\r") + 1 - a);
    if (is_delimiter_row(line)) continue;
    if (!out.empty()) out += ' ';
    for (char c : line) out += c == '|' || c == '\t' ? ' ' : c;
  }
  if (!squeeze) return out;
  size_t from = std::string::npos;
  for (size_t k = out.find("主动公开政府信息情况"); k != std::string::npos;
       k = out.find("主动公开政府信息情况", k + 1)) {
    size_t back = k >= 30 ? k - 30 : 0;
    if (out.substr(back, k - back).find("二、") != std::string::npos) {
      from = k + std::string_view("主动公开政府信息情况").size();
      break;
    }
  }
  REQUIRE(from != std::string::npos);
  size_t to = out.find("五、", from);
  REQUIRE(to != std::string::npos);
  std::string middle;
  for (size_t i = from; i < to; ++i) {
    if (out[i] != ' ') middle += out[i];
  }
  return out.substr(0, from) + ' ' + middle + ' ' + out.substr(to);
}

/// True when a warning names the cell's row (its message starts with a prefix of the id).
bool diagnosed(const report::Report& r, std::string_view id) {
  for (const auto& d : r.diagnostics) {
    if (d.code != "P008" && d.code != "P009" && d.code != "P010" && d.code != "P011") continue;
    std::string_view m = d.message;
    size_t colon = m.find(':');
    std::string_view row = m.substr(0, colon);
    if (d.code == "P008" || d.code == "P011") return true;
    if (id.substr(0, row.size()) == row) return true;
  }
  return false;
}

struct Count {
  size_t equal = 0, null = 0, wrong = 0;
};

/// Compares one cell with what a person read ("null" when nothing was printed).
void compare(const report::Report& r, const std::string& id, const std::string& expected,
             Count& count) {
  const report::Cell* c = r.find(id);
  REQUIRE(c);
  std::string got = report::cell_text(*c);
  INFO(r.path << ": " << id << ": expected " << expected << ", got " << got);
  if (got == expected) {
    ++count.equal;
    return;
  }
  if (got == "null") {
    ++count.null;
    CHECK(c->status == report::CellStatus::Missing);
    CHECK(diagnosed(r, id));
    return;
  }
  // Decimals: the truth drops trailing zeros that the text prints ("1286.40").
  if (expected != "null" && expected.find('.') != std::string::npos &&
      std::stod(got) == std::stod(expected)) {
    ++count.equal;
    return;
  }
  ++count.wrong;
  CHECK(got == expected);
}

const char* const kSamples[] = {"dongchangfu-2025.md", "weibin-2023.txt", "xinhua-2024.txt",
                                "zibo-gaoxin-2023.txt", "zibo-yiyuan-2023.txt"};

Count samples(bool squeeze) {
  Count count;
  for (std::string name : kSamples) {
    std::string stem = name.substr(0, name.rfind('.'));
    std::string flat = flatten(read(kReports + name), squeeze);
    REQUIRE(flat.find('\n') == std::string::npos);
    auto r = report::parse::read_report(name, flat);
    CHECK(report::to_string(r.shape) == "html_text");
    std::istringstream golden(read(kGolden + stem + ".cells"));
    std::string line;
    while (std::getline(golden, line)) {
      size_t tab = line.find('\t');
      std::string id = line.substr(0, tab), expected = line.substr(tab + 1);
      if (id.substr(0, 5) == "meta.") {
        if (id == "meta.shape") continue;
        std::string cells = report::to_cells(r);
        INFO(name);
        CHECK(cells.find(id + "\t" + expected + "\n") != std::string::npos);
        continue;
      }
      compare(r, id, expected, count);
    }
  }
  return count;
}

}  // namespace

TEST_CASE("the samples flattened to one line, cells separated by spaces, read as printed") {
  Count c = samples(false);
  std::cout << "flattened samples, spaced cells: " << c.equal << " equal, " << c.null << " null, "
            << c.wrong << " wrong\n";
  CHECK(c.wrong == 0);
  // All but dongchangfu's ten empty markdown cells, which leave no trace on the page.
  CHECK(c.equal == 988);
}

TEST_CASE("the samples flattened to one line, cells run together, read or left null") {
  Count c = samples(true);
  std::cout << "flattened samples, cells run together: " << c.equal << " equal, " << c.null
            << " null, " << c.wrong << " wrong\n";
  CHECK(c.wrong == 0);
  CHECK(c.equal == 988);
}

TEST_CASE("the fixture corpus flattened to one line: never a wrong number") {
  std::ifstream in(kCorpus + "truth.jsonl");
  std::string line;
  Count spaced, squeezed;
  size_t reports = 0, joint = 0;
  while (std::getline(in, line)) {
    auto t = nlohmann::json::parse(line);
    std::string name = t["file"].get<std::string>();
    text::Decoded decoded = text::decode(read(kCorpus + name));
    REQUIRE(decoded.ok);
    ++reports;
    for (bool squeeze : {false, true}) {
      auto r = report::parse::read_report(name, flatten(decoded.text, squeeze));
      for (const auto& d : r.diagnostics) {
        joint += d.code == "P019" && d.message.find("the columns add up") != std::string::npos;
      }
      for (const auto& [id, v] : t["cells"].items()) {
        std::string expected = v.is_null() ? "null" : v.dump();
        compare(r, id, expected, squeeze ? squeezed : spaced);
      }
    }
  }
  REQUIRE(reports == 300);
  std::cout << "flattened corpus, spaced cells: " << spaced.equal << " equal, " << spaced.null
            << " null, " << spaced.wrong << " wrong\n"
            << "flattened corpus, cells run together: " << squeezed.equal << " equal, "
            << squeezed.null << " null, " << squeezed.wrong << " wrong; " << joint
            << " rows split by the column identities\n";
  CHECK(spaced.wrong == 0);
  CHECK(squeezed.wrong == 0);
  // Rows whose own identity allows several splits, decided by table A's column identities.
  CHECK(joint > 50);
  // Recovered now (a floor: the reader may only get better): 99.5% and 97.7% of the values (the
  // rest: empty cells that leave no trace, P runs with several splits, broken identities).
  CHECK(spaced.equal >= 59627);
  CHECK(squeezed.equal >= 58568);
}
