#include <catch2/catch.hpp>

#include "report_builder.hpp"

using namespace gongkai::report;
using namespace gongkai::report::testing;
using gongkai::core::Severity;

TEST_CASE("a consistent, complete, timely report has no finding at all") {
  for (Layout l : {Layout::L2021, Layout::L2021One}) {
    auto findings = audit::audit_report(consistent_report(l));
    for (const auto& f : findings) INFO(f.code << " " << f.message);
    CHECK(findings.empty());
  }
}

TEST_CASE("A001: a column of table A that does not balance") {
  Report r = consistent_report();
  // One new application more in the total column only: balance:total and row_sum:new_received fail.
  set(r, "applications.new_received.total", 6);
  auto f = with_code(audit::audit_report(r), "A001");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::Error);
  CHECK(f[0].instance == "balance:total");
  CHECK(cell_ids(f[0]) == std::vector<std::string>{
                              "applications.new_received.total", "applications.carried_over.total",
                              "applications.total.total", "applications.carried_forward.total"});
  // Both sides with their values, and the difference.
  CHECK_THAT(f[0].message, Catch::Contains("column Total") && Catch::Contains("(6)") &&
                               Catch::Contains("= 6, but") && Catch::Contains("= 5") &&
                               Catch::Contains("difference 1"));
  CHECK_THAT(f[0].message_zh, Catch::Contains("「总计」列") && Catch::Contains("相差1"));
  // Every cell's line, the first as the main line.
  auto i = *find_cell("applications.new_received.total");
  CHECK(f[0].line == r.cell(i).line);
  CHECK(f[0].lines.size() == 4);
}

TEST_CASE("A002: a row whose total is not the sum of its applicants") {
  Report r = consistent_report();
  set(r, "applications.disclosed.commercial", 2);  // 2 + 2 ≠ 3
  auto all = audit::audit_report(r);
  auto f = with_code(all, "A002");
  REQUIRE(f.size() == 1);
  CHECK(f[0].instance == "row_sum:disclosed");
  CHECK(cell_ids(f[0]).front() == "applications.disclosed.total");
  CHECK(f[0].cells.size() == 7);
  // The long side lists only its non-zero cells.
  CHECK_THAT(f[0].message, Catch::Contains("Total (3)") && Catch::Contains("Natural persons (2)") &&
                               Catch::Contains("Businesses (2)") &&
                               Catch::Contains("the other 4 are 0") && Catch::Contains("= 4") &&
                               Catch::Contains("difference -1"));
  // The same change breaks the commercial column's balance and outcome sum too.
  CHECK(with_code(all, "A003").size() == 1);
  CHECK(with_code(all, "A003")[0].instance == "outcome_sum:commercial");
}

TEST_CASE("A003: the total handled is not the sum of the outcomes") {
  Report r = consistent_report();
  set(r, "applications.total.natural_person", 5);
  set(r, "applications.total.total", 6);
  set(r, "applications.carried_over.natural_person", 1);
  set(r, "applications.carried_over.total", 1);
  // Balance and row sums hold; the outcome rows still sum to 4 and 5.
  auto all = audit::audit_report(r);
  CHECK(with_code(all, "A001").empty());
  CHECK(with_code(all, "A002").empty());
  auto f = with_code(all, "A003");
  REQUIRE(f.size() == 2);
  CHECK(f[0].instance == "outcome_sum:natural_person");
  CHECK(f[1].instance == "outcome_sum:total");
  CHECK_THAT(f[1].message_zh, Catch::Contains("（七）总计（6）") && Catch::Contains("相差1"));
  CHECK_THAT(f[1].message, Catch::Contains("the other 19 are 0"));
}

TEST_CASE("A003 in a 2021 report printing （六） as one row sums the single row") {
  Report r = consistent_report(Layout::L2021One);
  set(r, "applications.other.natural_person", 1);
  set(r, "applications.other.total", 1);
  auto f = with_code(audit::audit_report(r), "A003");
  REQUIRE(f.size() == 2);
  CHECK(f[0].instance == "outcome_sum:natural_person");
  bool has_other = false;
  for (auto& id : cell_ids(f[0]))
    has_other = has_other || id == "applications.other.natural_person";
  CHECK(has_other);
}

TEST_CASE("A004: a review group whose total is not the sum of its results") {
  Report r = consistent_report();
  set(r, "review.litigation_direct.total", 2);
  auto f = with_code(audit::audit_report(r), "A004");
  REQUIRE(f.size() == 1);
  CHECK(f[0].instance == "review_sum:litigation_direct");
  CHECK(f[0].cells.size() == 5);
  CHECK_THAT(f[0].message, Catch::Contains("Lawsuits without reconsideration") &&
                               Catch::Contains("difference 2"));
}

TEST_CASE("an identity that involves a missing cell is not assessed") {
  Report r = consistent_report();
  set(r, "review.reconsideration.total", 7);         // would fail review_sum:reconsideration …
  set_missing(r, "review.reconsideration.pending");  // … but one of its cells was not read
  auto all = audit::audit_report(r);
  CHECK(with_code(all, "A004").empty());
  CHECK(with_code(all, "A005").size() == 1);
  // An absent cell (not printed by this layout) makes no instance unassessable that uses it not.
  Report one = consistent_report(Layout::L2021One);
  set(one, "applications.total.total", 9);
  CHECK(with_code(audit::audit_report(one), "A003").size() == 1);
}
