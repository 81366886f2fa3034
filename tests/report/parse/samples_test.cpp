// The five sample reports of content/reports/ against their golden `cells` files
// (tests/golden/samples/<name>.cells, every value read from the report by a person), and the facts
// of the samples that the issue names.
#include <catch2/catch.hpp>
#include <iostream>
#include <sstream>

#include "core/file_system.hpp"
#include "report/parse/reader.hpp"
#include "report/report_cells.hpp"

using namespace gongkai;
using report::CellStatus;

namespace {

const std::string kReports = std::string(GONGKAI_SOURCE_DIR) + "/content/reports/";
const std::string kGolden = std::string(GONGKAI_TESTS_DIR) + "/golden/samples/";

std::string read(const std::string& path) {
  core::DiskFileSystem fs;
  auto data = fs.read(path);
  REQUIRE(data);
  return *data;
}

report::Report sample(const std::string& file) {
  return report::parse::read_report(file, read(kReports + file));
}

std::vector<std::pair<std::string, std::string>> lines_of(const std::string& cells) {
  std::vector<std::pair<std::string, std::string>> out;
  std::istringstream in(cells);
  std::string line;
  while (std::getline(in, line)) {
    size_t tab = line.find('\t');
    out.emplace_back(line.substr(0, tab), tab == std::string::npos ? "" : line.substr(tab + 1));
  }
  return out;
}

const report::Cell& cell(const report::Report& r, std::string_view id) {
  const report::Cell* c = r.find(id);
  REQUIRE(c);
  return *c;
}

int64_t value(const report::Report& r, std::string_view id) {
  const auto& c = cell(r, id);
  REQUIRE(c.status == CellStatus::Read);
  REQUIRE(c.value);
  return c.value->units;
}

}  // namespace

TEST_CASE("each sample's cells equal its golden file, line by line") {
  for (std::string name : {"dongchangfu-2025.md", "weibin-2023.txt", "xinhua-2024.txt",
                           "zibo-gaoxin-2023.txt", "zibo-yiyuan-2023.txt"}) {
    std::string stem = name.substr(0, name.rfind('.'));
    auto expected = lines_of(read(kGolden + stem + ".cells"));
    auto got = lines_of(report::to_cells(sample(name)));
    INFO(name);
    CHECK(got.size() == expected.size());
    size_t differing = 0;
    for (size_t i = 0; i < expected.size() && i < got.size(); ++i) {
      if (expected[i] != got[i]) {
        ++differing;
        std::cout << name << ": line " << i + 1 << ": expected " << expected[i].first << " = "
                  << expected[i].second << ", got " << got[i].first << " = " << got[i].second
                  << "\n";
      }
    }
    CHECK(differing == 0);
  }
}

TEST_CASE("dongchangfu: 15 penalties; the five 行政复议 cells missing, the ten 行政诉讼 cells 0") {
  auto r = sample("dongchangfu-2025.md");
  CHECK(r.shape == report::Shape::Markdown);
  CHECK(r.format == report::Format::F2021);
  CHECK(value(r, "proactive.punishment.decisions") == 15);
  for (std::string f : {"upheld", "corrected", "other", "pending", "total"}) {
    const auto& c = cell(r, "review.reconsideration." + f);
    CHECK(c.status == CellStatus::Missing);
    CHECK_FALSE(c.value);
    CHECK(c.line == 102);
    CHECK(value(r, "review.litigation_direct." + f) == 0);
    CHECK(value(r, "review.litigation_after_reconsideration." + f) == 0);
  }
  // One warning, naming the line, for the five empty cells.
  size_t warnings = 0;
  for (const auto& d : r.diagnostics) {
    if (d.code == "P011") {
      ++warnings;
      CHECK(d.severity == core::Severity::Warning);
      CHECK(d.line == 102);
      CHECK(d.file == "dongchangfu-2025.md");
      CHECK(d.message.find("review.reconsideration.upheld") != std::string::npos);
    }
  }
  CHECK(warnings == 1);
  REQUIRE(r.meta.period_end);
  CHECK(r.meta.period_end.value->iso() == "2025-12-31");
  CHECK(r.meta.contact.website.value == "www.dongchangfu.gov.cn");
}

TEST_CASE("zibo-yiyuan: docx_text in the 2019 format, no （九） block, 5 applications") {
  auto r = sample("zibo-yiyuan-2023.txt");
  CHECK(r.shape == report::Shape::DocxText);
  CHECK(r.format == report::Format::F2019);
  CHECK(r.layout == report::Layout::L2019);
  CHECK(value(r, "applications.new_received.natural_person") == 5);
  CHECK(value(r, "applications.new_received.total") == 5);
  CHECK(value(r, "applications.disclosed.total") == 5);
  CHECK(value(r, "applications.total.total") == 5);
  CHECK(value(r, "applications.other.total") == 0);
  CHECK(cell(r, "proactive.procurement.items").status == CellStatus::Absent);
  CHECK(cell(r, "proactive.procurement.amount").status == CellStatus::Absent);
  bool info = false;
  for (const auto& d : r.diagnostics) {
    if (d.code == "P014") info = d.severity == core::Severity::Info;
  }
  CHECK(info);
  CHECK_FALSE(r.procurement_unit);
  // The chart data after 六 is neither a section nor prose.
  const auto* other = r.section(report::SectionKey::Other);
  REQUIRE(other);
  for (const auto& b : other->blocks) CHECK(b.text.find("依申请公开数量") == std::string::npos);
  // Markers are gone from the prose.
  const auto* overview = r.section(report::SectionKey::Overview);
  REQUIRE(overview);
  for (const auto& b : overview->blocks) CHECK(b.text.find("[bookmark") == std::string::npos);
}

TEST_CASE("zibo-gaoxin: a title wrapped over lines, the signature, the contact details") {
  auto r = sample("zibo-gaoxin-2023.txt");
  CHECK(r.shape == report::Shape::PdfText);
  CHECK(r.meta.agency.value == "淄博市医疗保障局高新技术产业开发区分局");
  CHECK(r.meta.agency.line == 2);
  CHECK(r.meta.year.value == 2023);
  CHECK(r.meta.year.line == 4);
  CHECK(r.meta.title.value ==
        "淄博市医疗保障局高新技术产业开发区分局2023年政府信息公开工作年度报告");
  REQUIRE(r.meta.signed_on);
  CHECK(r.meta.signed_on.value->iso() == "2024-01-19");
  CHECK(r.meta.signed_on.line == 394);
  CHECK(r.meta.contact.postcode.value == "255000");
  CHECK(r.meta.contact.phone.value == "0533-2111907");
  CHECK(r.meta.contact.email.value == "gxqybfjzhk@zb.shandong.cn");
  CHECK(r.meta.contact.email.line == 22);
  CHECK(r.meta.contact.address.value == "淄博市高新区鲁泰大道51号高分子材料创新园A座十层1002");
  // The six sections, in order, with their headings as printed.
  std::vector<std::string> headings;
  for (const auto& s : r.sections) headings.push_back(s.heading);
  CHECK(headings == std::vector<std::string>{"", "一、总体情况", "二、行政机关主动公开政府信息情况",
                                             "三、收到和处理政府信息公开申请情况",
                                             "四、政府信息公开行政复议、行政诉讼情况",
                                             "五、存在的主要问题及改进措施",
                                             "六、其他需要报告的事项"});
  // A sub-heading wrapped over two lines is one heading; the signature is not prose.
  const auto* other = r.section(report::SectionKey::Other);
  REQUIRE(other);
  REQUIRE_FALSE(other->blocks.empty());
  CHECK(other->blocks.back().text.find("稳步推进") != std::string::npos);
  bool wrapped = false;
  for (const auto& b : other->blocks) {
    wrapped = wrapped || b.heading == "（四）落实2023年度高新区政务公开重点工作任务情况";
  }
  CHECK(wrapped);
}

TEST_CASE("weibin and xinhua: headed paragraphs, no signature, no preamble") {
  auto r = sample("weibin-2023.txt");
  CHECK(r.meta.agency.value == "卫滨区医疗保障局");
  CHECK_FALSE(r.meta.signed_on);
  const auto* overview = r.section(report::SectionKey::Overview);
  REQUIRE(overview);
  REQUIRE(overview->blocks.size() == 5);
  CHECK(overview->blocks[0].kind == report::Block::Kind::HeadedParagraph);
  CHECK(overview->blocks[0].heading == "（一）主动公开：");
  CHECK(overview->blocks[0].text.substr(0, 12) == "我局高度");
  auto x = sample("xinhua-2024.txt");
  const auto* xo = x.section(report::SectionKey::Overview);
  REQUIRE(xo);
  CHECK(xo->blocks[0].kind == report::Block::Kind::Heading);
  CHECK(xo->blocks[0].heading == "（一）主动公开：");
}
