#include <catch2/catch.hpp>

#include "report_builder.hpp"
#include "site/metrics.hpp"

using gongkai::site::evaluate;
using gongkai::site::find_metric;
using gongkai::site::MetricTotal;
using State = gongkai::site::MetricValue::State;
using gongkai::testing::load_cells;
using gongkai::testing::make_report;

namespace {
std::string sample(const char* name) {
  return std::string(GONGKAI_SOURCE_DIR) + "/tests/golden/samples/" + name + ".cells";
}
}  // namespace

TEST_CASE("a cell id is a metric of its own", "[metrics]") {
  auto m = find_metric("proactive.punishment.decisions");
  REQUIRE(m);
  auto v = evaluate(*m, load_cells(sample("dongchangfu-2025")));
  REQUIRE(v.state == State::Value);
  CHECK(v.number.to_string() == "15");
  CHECK_FALSE(find_metric("no.such.cell"));
}

TEST_CASE("a sum over a missing cell is missing, not a smaller sum", "[metrics]") {
  auto r = make_report("甲局", 2023,
                       {{"review.litigation_direct.total", 2},
                        {"review.litigation_after_reconsideration.total", std::nullopt}});
  auto v = evaluate(*find_metric("lawsuits"), r);
  CHECK(v.state == State::Missing);
  auto index = *gongkai::report::find_cell("review.litigation_after_reconsideration.total");
  CHECK(v.line == 100 + index);

  // dongchangfu prints its five 行政复议 cells empty.
  auto dong = load_cells(sample("dongchangfu-2025"));
  CHECK(evaluate(*find_metric("reconsiderations"), dong).state == State::Missing);
  CHECK(evaluate(*find_metric("lawsuits"), dong).state == State::Value);
}

TEST_CASE("rates: a value, or not applicable over zero decisions", "[metrics]") {
  // zibo-yiyuan 2023: 5 applications, all 5 disclosed.
  auto yiyuan = load_cells(sample("zibo-yiyuan-2023"));
  auto v = evaluate(*find_metric("disclosure_rate"), yiyuan);
  REQUIRE(v.state == State::Value);
  CHECK(v.rate == Approx(1.0));
  CHECK(evaluate(*find_metric("applications_received"), yiyuan).number.to_string() == "5");

  // weibin 2023 received no applications: a rate over nothing is not 0 %.
  auto weibin = load_cells(sample("weibin-2023"));
  CHECK(evaluate(*find_metric("disclosure_rate"), weibin).state == State::NotApplicable);
}

TEST_CASE("a cell the report's format does not have is absent", "[metrics]") {
  auto yiyuan = load_cells(sample("zibo-yiyuan-2023"));  // 2019 format
  CHECK(evaluate(*find_metric("proactive.rules.issued"), yiyuan).state == State::Absent);
  CHECK(evaluate(*find_metric("proactive.rules.new_made"), yiyuan).state == State::Value);
}

TEST_CASE("totals count the reports that give a value", "[metrics]") {
  auto m = *find_metric("applications_received");
  MetricTotal total;
  gongkai::site::accumulate(
      total, evaluate(m, make_report("甲", 2023, {{"applications.new_received.total", 7}})));
  gongkai::site::accumulate(
      total, evaluate(m, make_report("乙", 2023, {{"applications.new_received.total", 5}})));
  gongkai::site::accumulate(
      total,
      evaluate(m, make_report("丙", 2023, {{"applications.new_received.total", std::nullopt}})));
  CHECK(total.number.to_string() == "12");
  CHECK(total.reports == 3);
  CHECK(total.reports_with_value == 2);
  CHECK_FALSE(total.complete());
}

TEST_CASE("exact sums align decimal scales", "[metrics]") {
  using gongkai::report::Number;
  CHECK(gongkai::site::add(*Number::parse("1.5"), *Number::parse("2.25")).to_string() == "3.75");
  CHECK(gongkai::site::add(*Number::parse("-15"), *Number::parse("3")).to_string() == "-12");
}

TEST_CASE("a cell used as a metric is labelled as the format prints it", "[metrics]") {
  CHECK(find_metric("proactive.punishment.decisions")->zh == "行政处罚 · 本年处理决定数量");
  CHECK(find_metric("proactive.procurement.items")->zh ==
        "政府集中采购 · 采购项目数量");  // 2019 only
  CHECK(find_metric("applications.disclosed.total")->zh ==
        "三、本年度办理结果 · （一）予以公开 · 总计");
  CHECK(find_metric("review.reconsideration.total")->zh == "行政复议 · 总计");
  CHECK(find_metric("review.reconsideration.total")->en ==
        "Administrative reconsideration · total");
  CHECK(find_metric("review.reconsideration.total")->formula_zh == "review.reconsideration.total");
}
