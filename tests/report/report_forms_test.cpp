// The two serialisations of a Report: the `cells` lines and the JSON form.
#include <catch2/catch.hpp>

#include "report/report.hpp"
#include "report/report_cells.hpp"
#include "report/report_json.hpp"

using namespace gongkai::report;

namespace {

Report sample_report() {
  Report r;
  r.path = "r.txt";
  r.shape = Shape::Markdown;
  r.format = Format::F2021;
  r.layout = Layout::L2021;
  for (CellIndex i : cells_of(r.layout)) r.cell(i).status = CellStatus::Missing;
  r.meta.agency.set("某局", 3);
  r.meta.year.set(2023, 3);
  r.meta.signed_on.set(Date{2024, 1, 19}, 90);
  r.meta.contact.phone.set("0533-2111907", 6);
  auto set = [&](std::string_view id, Number n, uint32_t line) {
    Cell& c = r.cell(*find_cell(id));
    c.status = CellStatus::Read;
    c.value = n;
    c.line = line;
  };
  set("proactive.rules.issued", Number::integer(3), 20);
  set("proactive.fees.amount", *Number::parse("5949.088667"), 30);
  r.cell(*find_cell("review.reconsideration.upheld")).line = 102;
  Section s;
  s.key = SectionKey::Overview;
  s.heading = "一、总体情况";
  s.line = 13;
  s.blocks.push_back({Block::Kind::HeadedParagraph, "（一）主动公开：", "我局……", 14});
  r.sections.push_back(s);
  r.diagnose(gongkai::core::Severity::Warning, "P011", 102, "printed empty, read as missing: x");
  return r;
}

}  // namespace

TEST_CASE("cells: nine meta lines, then every cell of the layout in order, null when unread") {
  Report r = sample_report();
  std::string cells = to_cells(r);
  CHECK(cells.rfind("meta.agency\t某局\nmeta.year\t2023\nmeta.format\t2021\nmeta.shape\tmarkdown\n"
                    "meta.signed\t2024-01-19\nmeta.period_start\tnull\nmeta.period_end\tnull\n"
                    "meta.phone\t0533-2111907\nmeta.email\tnull\nproactive.rules.issued\t3\n",
                    0) == 0);
  CHECK(cells.find("proactive.fees.amount\t5949.088667\n") != std::string::npos);
  CHECK(cells.find("review.reconsideration.upheld\tnull\n") != std::string::npos);
  size_t lines = 0;
  for (char c : cells) lines += c == '\n';
  CHECK(lines == 9 + cells_of(Layout::L2021).size());
  // Decimals print as printed, trailing zeros included; a TAB in a value cannot break a line.
  r.cell(*find_cell("proactive.fees.amount")).value = *Number::parse("1286.40");
  r.meta.agency.set("某\t局", 3);
  std::string again = to_cells(r);
  CHECK(again.find("proactive.fees.amount\t1286.40\n") != std::string::npos);
  CHECK(again.find("meta.agency\t某 局\n") == 0);
}

TEST_CASE("cells of a 2021-one report put the single （六） row after other.other") {
  Report r;
  r.layout = Layout::L2021One;
  std::string cells = to_cells(r);
  size_t sub = cells.find("applications.other.other.total\t");
  size_t one = cells.find("applications.other.natural_person\t");
  size_t total = cells.find("applications.total.natural_person\t");
  REQUIRE(sub != std::string::npos);
  CHECK(sub < one);
  CHECK(one < total);
}

TEST_CASE("json: values with their lines, cells in order with status, sections, diagnostics") {
  Report r = sample_report();
  auto j = to_json(r);
  CHECK(j["gongkai_report"] == kReportJsonVersion);
  CHECK(j["shape"] == "markdown");
  CHECK(j["layout"] == "2021");
  CHECK(j["meta"]["agency"]["value"] == "某局");
  CHECK(j["meta"]["agency"]["line"] == 3);
  CHECK(j["meta"]["signed"]["value"] == "2024-01-19");
  CHECK(j["meta"]["period"]["start"]["value"].is_null());
  CHECK(j["meta"]["contact"]["phone"]["value"] == "0533-2111907");
  const auto& cells = j["cells"];
  CHECK(cells.size() == cells_of(Layout::L2021).size());
  CHECK(cells.begin().key() == "proactive.rules.issued");
  CHECK(cells["proactive.rules.issued"]["value"] == 3);
  CHECK(cells["proactive.rules.issued"]["status"] == "read");
  CHECK(cells["proactive.fees.amount"]["text"] == "5949.088667");
  CHECK(cells["proactive.fees.amount"]["value"].get<double>() == Approx(5949.088667));
  CHECK(cells["review.reconsideration.upheld"]["value"].is_null());
  CHECK(cells["review.reconsideration.upheld"]["status"] == "missing");
  CHECK(cells["review.reconsideration.upheld"]["line"] == 102);
  CHECK(j["sections"][0]["blocks"][0]["kind"] == "headed_paragraph");
  CHECK(j["sections"][0]["blocks"][0]["heading"] == "（一）主动公开：");
  CHECK(j["diagnostics"][0]["code"] == "P011");
  CHECK(j["diagnostics"][0]["severity"] == "warning");
  CHECK(j["diagnostics"][0]["line"] == 102);
  auto data = to_json(r, JsonOptions{.prose = false, .diagnostics = false});
  CHECK_FALSE(data.contains("sections"));
  CHECK_FALSE(data.contains("diagnostics"));
  CHECK(data["cells"] == j["cells"]);
}
