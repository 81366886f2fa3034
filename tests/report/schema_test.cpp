#include <catch2/catch.hpp>

#include "report/report.hpp"
#include "report/schema.hpp"

using namespace gongkai::report;

static std::string id_at(Layout l, size_t k) {
  return std::string(cell_def(cells_of(l)[k]).id);
}

TEST_CASE("cell counts per layout follow the spec") {
  // 2021: P 6+3+1+2+1 = 10 cells (rules 3, normative 3, licensing, punishment, enforcement, fees);
  // A 25 rows × 7 (2 + 18 outcomes + 3 （六） + 总计 + 四); R 15.
  CHECK(cells_of(Layout::L2021).size() == 10 + 25 * 7 + 15);
  // 2021-one: the same plus the seven applications.other.* cells.
  CHECK(cells_of(Layout::L2021One).size() == 10 + 26 * 7 + 15);
  // 2019: P 3+3 + 3+3 + 3+3 + 2 + 2 = 22; A 23 rows × 7; R 15.
  CHECK(cells_of(Layout::L2019).size() == 22 + 23 * 7 + 15);
}

TEST_CASE("cell order is the spec's order") {
  CHECK(id_at(Layout::L2021, 0) == "proactive.rules.issued");
  CHECK(id_at(Layout::L2021, 9) == "proactive.fees.amount");
  CHECK(id_at(Layout::L2021, 10) == "applications.new_received.natural_person");
  CHECK(id_at(Layout::L2021, 16) == "applications.new_received.total");
  CHECK(id_at(Layout::L2019, 3) == "proactive.normative_docs.new_made");
  CHECK(id_at(Layout::L2019, 21) == "proactive.procurement.amount");
  const auto& one = cells_of(Layout::L2021One);
  size_t k = 0;
  while (cell_def(one[k]).id != "applications.other.other.total") ++k;
  CHECK(id_at(Layout::L2021One, k + 1) == "applications.other.natural_person");
  CHECK(id_at(Layout::L2021One, k + 7) == "applications.other.total");
  CHECK(id_at(Layout::L2021One, k + 8) == "applications.total.natural_person");
  CHECK(id_at(Layout::L2021, cells_of(Layout::L2021).size() - 1) ==
        "review.litigation_after_reconsideration.total");
}

TEST_CASE("find_cell and cell definitions") {
  auto i = find_cell("proactive.fees.amount");
  REQUIRE(i);
  CHECK(cell_def(*i).decimal);
  CHECK(cell_def(*i).table == Table::Proactive);
  CHECK(cell_def(*find_cell("proactive.fees.change")).may_be_negative);
  auto w = find_cell("applications.withheld.state_secret.legal_service");
  REQUIRE(w);
  CHECK(cell_def(*w).group == "withheld.state_secret");
  CHECK(cell_def(*w).field == "legal_service");
  CHECK_FALSE(find_cell("applications.nope.total"));
}

TEST_CASE("identity instances per layout") {
  auto count = [](Layout l, Identity k) {
    size_t n = 0;
    for (const auto& i : identity_instances(l)) n += i.kind == k;
    return n;
  };
  CHECK(count(Layout::L2021, Identity::Balance) == 7);
  CHECK(count(Layout::L2021, Identity::RowSum) == 25);
  CHECK(count(Layout::L2021One, Identity::RowSum) == 23);
  CHECK(count(Layout::L2021, Identity::ReviewSum) == 3);
  for (const auto& inst : identity_instances(Layout::L2021)) {
    if (inst.kind == Identity::OutcomeSum) CHECK(inst.terms.size() == 1 + 21);
    if (inst.kind == Identity::RowSum) CHECK(inst.terms.size() == 7);
  }
  for (const auto& inst : identity_instances(Layout::L2021One)) {
    if (inst.kind == Identity::OutcomeSum) CHECK(inst.terms.size() == 1 + 19);
  }
}

TEST_CASE("a new Report has every cell absent") {
  Report r;
  CHECK(r.cells.size() == cell_count());
  CHECK(r.find("review.reconsideration.total")->status == CellStatus::Absent);
  CHECK_FALSE(r.find("review.reconsideration.total")->value);
}

TEST_CASE("Date parses and validates ISO dates") {
  CHECK(Date::parse_iso("2024-01-19")->iso() == "2024-01-19");
  CHECK_FALSE(Date::parse_iso("2023-02-29"));
  CHECK(Date::parse_iso("2024-02-29"));
  CHECK_FALSE(Date::parse_iso("2024-1-19"));
  CHECK(Date{2024, 1, 19} < Date{2024, 2, 1});
}

TEST_CASE("Date counts days since 1970-01-01 across leap years") {
  CHECK(Date{1970, 1, 1}.days_since_epoch() == 0);
  CHECK(Date{2000, 3, 1}.days_since_epoch() == 11017);  // after 2000's 29 February
  CHECK(Date{2025, 1, 31}.days_since_epoch() - Date{2024, 12, 31}.days_since_epoch() == 31);
  CHECK(Date{2024, 3, 1}.days_since_epoch() - Date{2024, 2, 28}.days_since_epoch() == 2);
  CHECK(to_string(CellStatus::Missing) == "missing");
}
