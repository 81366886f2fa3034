#include <catch2/catch.hpp>

#include "report_builder.hpp"

using namespace gongkai::report;
using namespace gongkai::report::testing;
using gongkai::core::Severity;

TEST_CASE("A005: the five 行政复议 cells printed empty make one finding naming all five") {
  Report r = consistent_report();
  for (auto f : {"upheld", "corrected", "other", "pending", "total"}) {
    set_missing(r, "review.reconsideration." + std::string(f));
  }
  auto all = audit::audit_report(r);
  auto f = with_code(all, "A005");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::Warning);
  CHECK(f[0].instance == "missing:review.reconsideration");
  CHECK(cell_ids(f[0]) ==
        std::vector<std::string>{"review.reconsideration.upheld",
                                 "review.reconsideration.corrected", "review.reconsideration.other",
                                 "review.reconsideration.pending", "review.reconsideration.total"});
  CHECK_THAT(f[0].message, Catch::Contains("Administrative reconsideration") &&
                               Catch::Contains("5 cells") && Catch::Contains("upheld, corrected"));
  CHECK_THAT(f[0].message_zh, Catch::Contains("「行政复议」") && Catch::Contains("共5个单元格"));
  // The line of each cell, the first as the main line.
  CHECK(f[0].lines.size() == 5);
  CHECK(f[0].line == f[0].lines.front());
  // Never an identity finding on a missing cell.
  CHECK(with_code(all, "A004").empty());
  CHECK(all.size() == 1);
}

TEST_CASE("A005: one finding per row, and one for a table none of whose cells was read") {
  Report r = consistent_report();
  set_missing(r, "applications.disclosed.research");
  set_missing(r, "applications.disclosed.total");
  set_missing(r, "proactive.fees.amount");
  auto f = with_code(audit::audit_report(r), "A005");
  REQUIRE(f.size() == 2);
  CHECK(f[0].instance == "missing:proactive.fees");
  CHECK(f[1].instance == "missing:applications.disclosed");
  CHECK(cell_ids(f[1]) == std::vector<std::string>{"applications.disclosed.research",
                                                   "applications.disclosed.total"});

  Report none = consistent_report();
  for (CellIndex i : cells_of(none.layout)) {
    if (cell_def(i).table == Table::Review) {
      none.cell(i).status = CellStatus::Missing;
      none.cell(i).value.reset();
    }
  }
  auto g = with_code(audit::audit_report(none), "A005");
  REQUIRE(g.size() == 1);
  CHECK(g[0].instance == "missing:review");
  CHECK(g[0].cells.size() == 15);
}

TEST_CASE("A005 does not fire on cells the layout does not print") {
  // A 2019 report leaving out the （九） procurement block: its two cells are absent, not missing.
  Report r = consistent_report(Layout::L2019);
  cell(r, "proactive.procurement.items").status = CellStatus::Absent;
  cell(r, "proactive.procurement.items").value.reset();
  cell(r, "proactive.procurement.amount").status = CellStatus::Absent;
  cell(r, "proactive.procurement.amount").value.reset();
  r.meta.year.set(2020, 3);
  r.meta.title.set("东昌府区医疗保障局2020年度政府信息公开工作年度报告", 3);
  r.meta.period_start.set(Date{2020, 1, 1}, 7);
  r.meta.period_end.set(Date{2020, 12, 31}, 7);
  r.meta.signed_on.set(Date{2021, 1, 20}, 300);
  set_paragraph(r, SectionKey::Other, "2020年度政府信息公开未收取信息处理费。");
  set_paragraph(r, SectionKey::Overview, "2020年，我局共收到政府信息公开申请5件。");
  CHECK(audit::audit_report(r).empty());
}
