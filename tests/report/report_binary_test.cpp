#include "report/report_binary.hpp"

#include <catch2/catch.hpp>
#include <climits>

#include "core/hash.hpp"

using namespace gongkai;
using namespace gongkai::report;

namespace {

template <class T>
void require_same_field(const Field<T>& a, const Field<T>& b, const char* what) {
  INFO(what);
  REQUIRE(a.value.has_value() == b.value.has_value());
  if (a.value) REQUIRE(*a.value == *b.value);
  REQUIRE(a.line == b.line);
}

/// Every field of two reports, one by one (Report has no operator==).
void require_same(const Report& a, const Report& b) {
  REQUIRE(a.path == b.path);
  REQUIRE(a.shape == b.shape);
  REQUIRE(a.format == b.format);
  REQUIRE(a.layout == b.layout);
  const Meta &m = a.meta, &n = b.meta;
  require_same_field(m.title, n.title, "title");
  require_same_field(m.agency, n.agency, "agency");
  require_same_field(m.year, n.year, "year");
  require_same_field(m.period_start, n.period_start, "period_start");
  require_same_field(m.period_end, n.period_end, "period_end");
  require_same_field(m.signed_on, n.signed_on, "signed_on");
  require_same_field(m.contact.address, n.contact.address, "address");
  require_same_field(m.contact.postcode, n.contact.postcode, "postcode");
  require_same_field(m.contact.phone, n.contact.phone, "phone");
  require_same_field(m.contact.email, n.contact.email, "email");
  require_same_field(m.contact.website, n.contact.website, "website");
  REQUIRE(m.region == n.region);
  REQUIRE(m.kind == n.kind);
  REQUIRE(m.level == n.level);
  REQUIRE(a.sections.size() == b.sections.size());
  for (size_t i = 0; i < a.sections.size(); ++i) {
    const Section &s = a.sections[i], &t = b.sections[i];
    REQUIRE(s.key == t.key);
    REQUIRE(s.heading == t.heading);
    REQUIRE(s.line == t.line);
    REQUIRE(s.blocks.size() == t.blocks.size());
    for (size_t j = 0; j < s.blocks.size(); ++j) {
      REQUIRE(s.blocks[j].kind == t.blocks[j].kind);
      REQUIRE(s.blocks[j].heading == t.blocks[j].heading);
      REQUIRE(s.blocks[j].text == t.blocks[j].text);
      REQUIRE(s.blocks[j].line == t.blocks[j].line);
    }
  }
  REQUIRE(a.cells.size() == b.cells.size());
  for (size_t i = 0; i < a.cells.size(); ++i) {
    INFO("cell " << cell_def(static_cast<CellIndex>(i)).id);
    const Cell &c = a.cells[i], &d = b.cells[i];
    REQUIRE(c.status == d.status);
    REQUIRE(c.line == d.line);
    REQUIRE(c.value.has_value() == d.value.has_value());
    if (c.value) {
      REQUIRE(c.value->units == d.value->units);
      REQUIRE(c.value->scale == d.value->scale);
    }
  }
  require_same_field(a.procurement_unit, b.procurement_unit, "procurement_unit");
  REQUIRE(a.diagnostics.size() == b.diagnostics.size());
  for (size_t i = 0; i < a.diagnostics.size(); ++i) {
    const core::Diagnostic &d = a.diagnostics[i], &e = b.diagnostics[i];
    REQUIRE(d.severity == e.severity);
    REQUIRE(d.code == e.code);
    REQUIRE(d.message == e.message);
    REQUIRE(d.message_zh == e.message_zh);
    REQUIRE(d.file == e.file);
    REQUIRE(d.line == e.line);
    REQUIRE(d.column == e.column);
  }
}

Cell& cell(Report& r, std::string_view id) {
  return r.cells[find_cell(id).value()];
}

/// A report with every field set to something other than its default.
Report full_report() {
  Report r;
  r.path = "content/reports/淄博/高新区-2019.txt";
  r.shape = Shape::DocxText;
  r.format = Format::F2019;
  r.layout = Layout::L2019;
  Meta& m = r.meta;
  m.title.set("淄博高新区管委会2019年政府信息公开工作年度报告", 1);
  m.agency.set("淄博高新区管委会", 1);
  m.year.set(2019, 1);
  m.period_start.set({2019, 1, 1}, 4);
  m.period_end.set({2019, 12, 31}, 4);
  m.signed_on.set({2020, 1, 20}, 120);
  m.contact.address.set("山东省淄博市高新区柳泉路1号", 110);
  m.contact.postcode.set("255000", 111);
  m.contact.phone.set("0533-1234567", 112);
  m.contact.email.set("gk@example.gov.cn", 113);
  m.contact.website.set("http://www.example.gov.cn", 114);
  m.region = {"山东省", "淄博市", "高新区"};
  m.kind = "government";
  m.level = "county";
  Section preamble;
  preamble.key = SectionKey::Preamble;
  preamble.line = 2;
  preamble.blocks.push_back({Block::Kind::Paragraph, "", "本报告根据《条例》编制。", 3});
  Section overview;
  overview.key = SectionKey::Overview;
  overview.heading = "一、总体情况";
  overview.line = 6;
  overview.blocks.push_back({Block::Kind::Heading, "（一）主动公开", "", 7});
  overview.blocks.push_back(
      {Block::Kind::HeadedParagraph, "（二）依申请公开", "共收到申请15件。", 9});
  Section other;
  other.key = SectionKey::Other;
  other.heading = "六、其他需要报告的事项";
  other.line = 100;
  r.sections = {preamble, overview, other};
  cell(r, "applications.new_received.total") = {Number::integer(15), 40, CellStatus::Read};
  cell(r, "applications.new_received.natural_person") = {Number{INT64_MAX, 0}, 40,
                                                         CellStatus::Read};
  cell(r, "applications.carried_over.total") = {Number{INT64_MIN, 0}, 41, CellStatus::Read};
  cell(r, "applications.carried_over.natural_person") = {std::nullopt, 41, CellStatus::Missing};
  cell(r, "proactive.fees.amount") = {Number{5949088667, 6}, 30, CellStatus::Read};
  cell(r, "proactive.licensing.change") = {Number{-3, 0}, 22, CellStatus::Read};
  // Not part of this layout but with a line: kept as it is.
  cell(r, "review.reconsideration.total") = {std::nullopt, 77, CellStatus::Absent};
  r.cells.back() = {Number::integer(0), 99, CellStatus::Read};
  r.procurement_unit.set("万元", 31);
  r.diagnostics.push_back(
      {core::Severity::Error, "A001", "balance fails", "不平衡", r.path, 40, 7});
  r.diagnostics.push_back({core::Severity::Warning, "P010", "cell unread", "", r.path, 41, 0});
  r.diagnostics.push_back({core::Severity::Info, "P020", "no signature", "无落款", "", 0, 0});
  return r;
}

/// `body` (without its trailing checksum) with a valid checksum, as a forger would write it.
std::string reseal(std::string body) {
  uint64_t h = core::hash64(body);
  for (int i = 0; i < 8; ++i) body += static_cast<char>((h >> (8 * i)) & 0xff);
  return body;
}

}  // namespace

TEST_CASE("every field of a report survives encode and decode") {
  Report r = full_report();
  REQUIRE(find_cell("proactive.fees.amount"));
  std::string bytes = encode(r);
  auto back = decode(bytes);
  REQUIRE(back);
  require_same(r, *back);
  // Spot-check real values, not only sameness.
  CHECK(back->meta.agency.value == "淄博高新区管委会");
  CHECK(back->meta.signed_on.value->iso() == "2020-01-20");
  CHECK(cell(*back, "proactive.fees.amount").value->to_string() == "5949.088667");
  CHECK(cell(*back, "applications.carried_over.total").value->units == INT64_MIN);
  CHECK(back->cells.back().value->units == 0);
  CHECK(back->sections[1].blocks[1].text == "共收到申请15件。");
  CHECK(back->diagnostics[2].message_zh == "无落款");
  // Deterministic: the same report gives the same bytes.
  CHECK(encode(*back) == bytes);
}

TEST_CASE("a default report round-trips and is small") {
  Report r;
  std::string bytes = encode(r);
  CHECK(bytes.size() < 64);  // default cells are not stored
  auto back = decode(bytes);
  REQUIRE(back);
  require_same(r, *back);
}

TEST_CASE("every truncation of an encoded report is rejected") {
  std::string bytes = encode(full_report());
  for (size_t n = 0; n < bytes.size(); ++n) {
    INFO("first " << n << " of " << bytes.size() << " bytes");
    REQUIRE_FALSE(decode(std::string_view(bytes).substr(0, n)));
  }
  // Also with a valid checksum: the structure itself must notice the missing bytes.
  std::string body = bytes.substr(0, bytes.size() - 8);
  for (size_t n = 0; n < body.size(); ++n) {
    INFO("body cut at " << n);
    REQUIRE_FALSE(decode(reseal(body.substr(0, n))));
  }
}

TEST_CASE("corrupt bytes or trailing bytes or another version or catalogue are rejected") {
  std::string bytes = encode(full_report());
  std::string body = bytes.substr(0, bytes.size() - 8);
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::string flipped = bytes;
    flipped[i] ^= 0x20;
    INFO("byte " << i << " flipped");
    REQUIRE_FALSE(decode(flipped));
  }
  CHECK_FALSE(decode(reseal(body + "x")));
  std::string other_version = body;
  other_version[4] = static_cast<char>(kReportBinaryVersion + 1);  // the varint after "GKRB"
  CHECK_FALSE(decode(reseal(other_version)));
  std::string other_magic = body;
  other_magic[0] = 'X';
  CHECK_FALSE(decode(reseal(other_magic)));
  std::string other_catalogue = body;
  other_catalogue[5] ^= 1;  // first byte of the catalogue fingerprint
  CHECK_FALSE(decode(reseal(other_catalogue)));
  CHECK(decode(reseal(body)));  // the reseal itself is right
}

TEST_CASE("forged bodies with a valid checksum never read out of bounds") {
  // Each byte of the body changed to a few telling values: the decoder must return (a report or
  // nullopt) without reading past the end; run under GONGKAI_SANITIZE to see it.
  std::string body = encode(full_report());
  body.resize(body.size() - 8);
  size_t decoded = 0, rejected = 0;
  for (size_t i = 4; i < body.size(); ++i) {
    for (unsigned char v : {0x00, 0x01, 0x7f, 0x80, 0xff}) {
      std::string forged = body;
      forged[i] = static_cast<char>(v);
      (decode(reseal(forged)) ? decoded : rejected)++;
    }
  }
  CHECK(rejected > 0);
  CHECK(decoded > 0);  // a changed string byte is still a valid report
}
