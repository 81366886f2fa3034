#include <catch2/catch.hpp>

#include "report_builder.hpp"

using namespace gongkai::report;
using namespace gongkai::report::testing;
using gongkai::core::Severity;

TEST_CASE("A012: the 2019 table format in a report for 2021 or later") {
  Report r = consistent_report(Layout::L2019);  // a 2024 report
  cell(r, "proactive.procurement.items").status = CellStatus::Absent;
  cell(r, "proactive.procurement.amount").status = CellStatus::Absent;
  auto all = audit::audit_report(r);
  auto f = with_code(all, "A012");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::Info);
  CHECK(f[0].line == 40);  // section 二, where the table's headers tell the format
  CHECK_THAT(f[0].message, Catch::Contains("2024 report uses the 2019 table format"));
  CHECK(all.size() == 1);

  r.meta.year.set(2020, 3);
  r.meta.title.set("东昌府区医疗保障局2020年度政府信息公开工作年度报告", 3);
  CHECK(with_code(audit::audit_report(r), "A012").empty());
  CHECK(with_code(audit::audit_report(consistent_report()), "A012").empty());
}
