// The samples renamed, with CRLF or CR line ends, re-encoded to GB18030, with a BOM, with front
// matter; truncated anywhere; empty, binary, undecodable. Variants are made here, in memory.
#include <catch2/catch.hpp>
#include <thread>

#include "core/file_system.hpp"
#include "report/parse/reader.hpp"
#include "report/report_cells.hpp"
#include "report/report_json.hpp"
#include "text/decode.hpp"

using namespace gongkai;

namespace {

const std::string kReports = std::string(GONGKAI_SOURCE_DIR) + "/content/reports/";
const char* const kSamples[] = {"dongchangfu-2025.md", "weibin-2023.txt", "xinhua-2024.txt",
                                "zibo-gaoxin-2023.txt", "zibo-yiyuan-2023.txt"};

std::string read(const std::string& name) {
  core::DiskFileSystem fs;
  auto data = fs.read(kReports + name);
  REQUIRE(data);
  return *data;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  std::string out;
  size_t i = 0;
  for (size_t k = s.find(from); k != std::string::npos; k = s.find(from, i)) {
    out.append(s, i, k - i);
    out += to;
    i = k + from.size();
  }
  out.append(s, i);
  return out;
}

bool has_code(const report::Report& r, std::string_view code) {
  for (const auto& d : r.diagnostics) {
    if (d.code == code) return true;
  }
  return false;
}

/// Every cell's value and line, to compare two readings.
std::vector<std::pair<std::string, uint32_t>> cell_lines(const report::Report& r) {
  std::vector<std::pair<std::string, uint32_t>> out;
  for (auto i : report::cells_of(r.layout)) {
    out.emplace_back(report::cell_text(r.cell(i)), r.cell(i).line);
  }
  return out;
}

}  // namespace

TEST_CASE("a renamed report reads the same: the file name carries nothing") {
  for (const char* name : kSamples) {
    std::string bytes = read(name);
    auto a = report::parse::read_report(name, bytes);
    auto b = report::parse::read_report("archive/2019-other-name.dat", bytes);
    INFO(name);
    CHECK(report::to_cells(a) == report::to_cells(b));
    CHECK(b.diagnostics.size() == a.diagnostics.size());
    for (const auto& d : b.diagnostics) CHECK(d.file == "archive/2019-other-name.dat");
  }
}

TEST_CASE("CRLF and CR line ends read the same, on the same lines") {
  for (const char* name : kSamples) {
    std::string bytes = read(name);
    auto lf = report::parse::read_report(name, bytes);
    auto crlf = report::parse::read_report(name, replace_all(bytes, "\n", "\r\n"));
    auto cr = report::parse::read_report(name, replace_all(bytes, "\n", "\r"));
    INFO(name);
    CHECK(report::to_cells(crlf) == report::to_cells(lf));
    CHECK(report::to_cells(cr) == report::to_cells(lf));
    CHECK(cell_lines(crlf) == cell_lines(lf));
    CHECK(cell_lines(cr) == cell_lines(lf));
    CHECK(report::to_json(crlf) == report::to_json(lf));
  }
}

TEST_CASE("GB18030 reads the same, with an info that says so") {
  for (const char* name : kSamples) {
    std::string bytes = read(name);
    std::string gb;
    REQUIRE(text::utf8_to_gb18030(bytes, gb));
    REQUIRE(gb != bytes);
    auto a = report::parse::read_report(name, bytes);
    auto b = report::parse::read_report(name, gb);
    INFO(name);
    CHECK(report::to_cells(b) == report::to_cells(a));
    CHECK(cell_lines(b) == cell_lines(a));
    CHECK(has_code(b, "P003"));
    CHECK_FALSE(has_code(a, "P003"));
  }
}

TEST_CASE("a UTF-8 byte-order mark changes nothing") {
  for (const char* name : kSamples) {
    std::string bytes = read(name);
    auto a = report::parse::read_report(name, bytes);
    auto b = report::parse::read_report(name, "\xEF\xBB\xBF" + bytes);
    INFO(name);
    CHECK(report::to_json(b) == report::to_json(a));
  }
}

TEST_CASE("front matter overrides agency and year, and adds what the text does not say") {
  for (const char* name : kSamples) {
    std::string bytes = read(name);
    auto plain = report::parse::read_report(name, bytes);
    std::string fm =
        "---\nagency: 山东省某某局\nyear: 2023\nsigned: 2024-02-01\nregion: [山东省, 淄博市]\n"
        "kind: department\nlevel: county\ncontact:\n  website: www.example.gov.cn\n---\n";
    auto r = report::parse::read_report(name, fm + bytes);
    INFO(name);
    CHECK(r.meta.agency.value == "山东省某某局");
    CHECK(r.meta.agency.line == 2);
    CHECK(r.meta.year.value == 2023);
    REQUIRE(r.meta.signed_on);
    CHECK(r.meta.signed_on.value->iso() == "2024-02-01");
    CHECK(r.meta.region == std::vector<std::string>{"山东省", "淄博市"});
    CHECK(r.meta.kind == "department");
    CHECK(r.meta.level == "county");
    CHECK(r.meta.contact.website.value == "www.example.gov.cn");
    // The cells are the same, ten lines further down.
    auto a = cell_lines(plain), b = cell_lines(r);
    REQUIRE(a.size() == b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      CHECK(b[i].first == a[i].first);
      if (a[i].second) CHECK(b[i].second == a[i].second + 10);
    }
    // A year that contradicts the title is a warning (xinhua's title says 2024).
    CHECK(has_code(r, "P018") == (plain.meta.year.value != 2023));
  }
}

TEST_CASE("front matter that is not YAML is a warning, and the text still reads") {
  std::string bytes = read("zibo-gaoxin-2023.txt");
  auto r = report::parse::read_report("x.txt", "---\nagency: [unclosed\nyear: 2023\n---\n" + bytes);
  CHECK(has_code(r, "P004"));
  CHECK(r.meta.agency.value == "淄博市医疗保障局高新技术产业开发区分局");
  CHECK(report::cell_text(*r.find("proactive.rules.issued")) == "0");
}

TEST_CASE("a truncated report never crashes; what is cut off is missing, with diagnostics") {
  for (const char* name : kSamples) {
    std::string bytes = read(name);
    auto whole = report::parse::read_report(name, bytes);
    // Cut at 97 places, many of them inside a UTF-8 character.
    for (size_t k = 1; k < 98; ++k) {
      size_t at = bytes.size() * k / 98;
      auto r = report::parse::read_report(name, bytes.substr(0, at));
      INFO(name << " cut at byte " << at);
      CHECK_FALSE(has_code(r, "P099"));
      // Every cell read from a cut report has the value the whole report gives it, except a
      // number cut in two on the very last line ("15" → "1": that is what the cut text says).
      std::string cut = bytes.substr(0, at);
      uint32_t last_line = 1;
      for (char ch : cut) last_line += ch == '\n';
      for (auto i : report::cells_of(r.layout)) {
        const auto& c = r.cell(i);
        if (c.status != report::CellStatus::Read || r.layout != whole.layout) continue;
        const auto& w = whole.cell(i);
        bool same = w.status == report::CellStatus::Read && *w.value == *c.value;
        if (!same) CHECK(c.line == last_line);
      }
    }
    // Cut after table A: table R is missing, with a warning naming it.
    size_t four = bytes.find("四、政府信息公开行政复议");
    REQUIRE(four != std::string::npos);
    auto r = report::parse::read_report(name, bytes.substr(0, four));
    INFO(name);
    CHECK(r.find("review.reconsideration.total")->status == report::CellStatus::Missing);
    CHECK(has_code(r, "P006"));
    CHECK(report::cell_text(*r.find("applications.new_received.total")) ==
          report::cell_text(*whole.find("applications.new_received.total")));
  }
}

TEST_CASE("an empty file, a binary file, undecodable bytes: P001, no cells") {
  const std::string binary(
      "\x7F"
      "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00",
      20);
  std::string png("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR", 16);
  for (const std::string& bytes :
       {std::string(), std::string("   \n\n"), binary, png,
        std::string("\xFF\xFE\xFF\xFE\xFF\xFF\xFF", 7), std::string("abc\xFF\xFF def\xFF", 9)}) {
    auto r = report::parse::read_report("bad.txt", bytes);
    REQUIRE_FALSE(r.diagnostics.empty());
    const auto& d = r.diagnostics.front();
    CHECK(d.code == "P001");
    CHECK(d.severity == core::Severity::Error);
    CHECK(d.file == "bad.txt");
    for (auto i : report::cells_of(r.layout)) CHECK_FALSE(r.cell(i).value);
    CHECK(report::to_cells(r).find("meta.agency\tnull\n") == 0);
  }
}

TEST_CASE("text that is no report gets a warning, not P001") {
  auto r = report::parse::read_report("readme.txt", "This is a README.\nNothing to see.\n");
  CHECK_FALSE(has_code(r, "P001"));
  CHECK(has_code(r, "P002"));
  auto g = report::parse::read_report("g.txt", std::string(5000, 'x'));
  CHECK(has_code(g, "P002"));
}

TEST_CASE("random mutations of a sample never crash the reader") {
  std::string bytes = read("dongchangfu-2025.md");
  uint64_t state = 12345;
  auto next = [&] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<size_t>(state >> 33);
  };
  for (int round = 0; round < 200; ++round) {
    std::string m = bytes;
    for (int k = 0; k < 20; ++k) {
      size_t at = next() % m.size();
      switch (next() % 4) {
        case 0:
          m[at] = static_cast<char>(next() % 256);
          break;
        case 1:
          m.erase(at, next() % 40);
          break;
        case 2:
          m.insert(at, m.substr(next() % m.size(), next() % 60));
          break;
        default:
          m.insert(at, "|\t—/-0 007 -15 +3 (一)（六）其他处理\n");
          break;
      }
    }
    auto r = report::parse::read_report("m.md", m);
    CHECK_FALSE(has_code(r, "P099"));
  }
}

TEST_CASE("reading on several threads at once gives the same reports") {
  std::vector<std::string> texts;
  std::vector<std::string> expected;
  for (const char* name : kSamples) {
    texts.push_back(read(name));
    expected.push_back(report::to_cells(report::parse::read_report(name, texts.back())));
  }
  std::vector<std::thread> pool;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    pool.emplace_back([&, t] {
      for (int round = 0; round < 20; ++round) {
        for (size_t i = 0; i < texts.size(); ++i) {
          if (report::to_cells(report::parse::read_report(kSamples[i], texts[i])) != expected[i]) {
            ++wrong[t];
          }
        }
      }
    });
  }
  for (auto& th : pool) th.join();
  CHECK(wrong == std::vector<int>(4, 0));
}
