#include <catch2/catch.hpp>

#include "report_builder.hpp"
#include "site/site_model.hpp"

using gongkai::core::DiagnosticSink;
using gongkai::site::ReportEntry;
using gongkai::site::Site;
using gongkai::testing::make_report;

namespace {

const char* kConfig =
    "agencies:\n"
    "  - name: 淄博市医疗保障局高新技术产业开发区分局\n"
    "    aliases: [淄博市医疗保障局高新区分局]\n"
    "    region: [山东省, 淄博市, 高新区]\n"
    "    slug: zibo-gaoxin\n"
    "    kind: department\n"
    "  - name: 淄博市医疗保障局沂源分局\n"
    "    region: [山东省, 淄博市, 沂源县]\n"
    "  - name: 东昌府区医疗保障局\n"
    "    region: [山东省, 聊城市, 东昌府区]\n"
    "  - name: 卫滨区医疗保障局\n"
    "    region: [河南省, 新乡市, 卫滨区]\n"
    "comparisons:\n"
    "  - id: zibo\n"
    "    metrics: [disclosure_rate, applications.new_received.total]\n"
    "    regions: [[山东省, 淄博市]]\n"
    "  - id: bad\n"
    "    metrics: [no_such_metric]\n"
    "  - id: pair\n"
    "    metrics: [lawsuits]\n"
    "    agencies: [淄博市医疗保障局高新区分局, 东昌府区医疗保障局]\n"
    "    years: [2024, 2023, 2023]\n";

Site make_site(DiagnosticSink& sink) {
  Site site;
  site.config = gongkai::site::parse_config("site.yaml", kConfig, sink);
  auto add = [&](const std::string& file, gongkai::report::Report r) {
    ReportEntry e;
    e.file = file;
    e.report = std::move(r);
    site.reports.push_back(std::move(e));
  };
  add("a.txt", make_report("淄博市医疗保障局高新技术产业开发区分局", 2023));
  add("b.txt", make_report("淄博市医疗保障局 高新区分局", 2024));  // the body's abbreviation
  add("c.txt", make_report("东昌府区医疗保障局", 2025));
  add("d.txt", make_report("新华区医疗保障局", 2024));  // not in site.yaml
  add("e.txt", make_report("淄博市医疗保障局沂源分局", 2023));
  add("f.txt", make_report("淄博市医疗保障局沂源分局", 2023));  // a second report of one year
  auto no_year = make_report("东昌府区医疗保障局", 2020);
  no_year.meta.year = {};
  add("g.txt", std::move(no_year));
  gongkai::site::assign_agencies(site, sink);
  gongkai::site::build_site(site, sink);
  return site;
}

const gongkai::site::Agency& agency_named(const Site& site, const std::string& name) {
  for (const auto& a : site.agencies) {
    if (a.name == name) return a;
  }
  FAIL("no agency " << name);
  throw 0;
}

}  // namespace

TEST_CASE("the full and the abbreviated name are one agency, both names shown", "[site]") {
  DiagnosticSink sink;
  Site site = make_site(sink);
  const auto& gaoxin = agency_named(site, "淄博市医疗保障局高新技术产业开发区分局");
  CHECK(gaoxin.names == std::vector<std::string>{"淄博市医疗保障局高新技术产业开发区分局",
                                                 "淄博市医疗保障局高新区分局"});
  REQUIRE(gaoxin.reports.size() == 2);
  CHECK(site.reports[gaoxin.reports[0]].url == "agencies/zibo-gaoxin/2023/");
  CHECK(site.reports[gaoxin.reports[1]].url == "agencies/zibo-gaoxin/2024/");
  // site.yaml's knowledge reaches the report before the audit.
  CHECK(site.reports[gaoxin.reports[0]].report.meta.kind == "department");
  CHECK(site.reports[gaoxin.reports[0]].report.meta.region ==
        std::vector<std::string>{"山东省", "淄博市", "高新区"});
}

TEST_CASE("an agency not in site.yaml still appears, region unknown, last", "[site]") {
  DiagnosticSink sink;
  Site site = make_site(sink);
  const auto& xinhua = agency_named(site, "新华区医疗保障局");
  CHECK_FALSE(xinhua.configured);
  CHECK(xinhua.region.empty());
  CHECK(xinhua.slug == "xinhuaqu-yiliaobaozhangju");
  CHECK(site.agencies.back().name == "新华区医疗保障局");
  CHECK(site.regions.back().path.empty());
  CHECK(site.regions.back().anchor == "r-unknown");
}

TEST_CASE("agencies are grouped by region in pinyin order", "[site]") {
  DiagnosticSink sink;
  Site site = make_site(sink);
  std::vector<std::string> names;
  for (const auto& a : site.agencies) names.push_back(a.name);
  // 河南 (he) before 山东 (shan); in 山东: 聊城 (liao) before 淄博 (zi); in 淄博: 高新区 (gao)
  // before 沂源县 (yi).
  CHECK(names == std::vector<std::string>{"卫滨区医疗保障局", "东昌府区医疗保障局",
                                          "淄博市医疗保障局高新技术产业开发区分局",
                                          "淄博市医疗保障局沂源分局", "新华区医疗保障局"});
  REQUIRE(site.regions.size() == 5);
  CHECK(site.regions[0].anchor == "r-henansheng-xinxiangshi-weibinqu");
}

TEST_CASE("reports that cannot be placed are left out with a warning", "[site]") {
  DiagnosticSink sink;
  Site site = make_site(sink);
  CHECK(site.reports.size() == 6);
  bool warned = false;
  for (const auto& d : sink.items()) {
    if (d.code == "G001" && d.file == "东昌府区医疗保障局-2020.txt") warned = true;
  }
  CHECK(warned);
}

TEST_CASE("two reports of one agency and year get distinct URLs", "[site]") {
  DiagnosticSink sink;
  Site site = make_site(sink);
  const auto& yiyuan = agency_named(site, "淄博市医疗保障局沂源分局");
  REQUIRE(yiyuan.reports.size() == 2);
  CHECK(site.reports[yiyuan.reports[0]].url ==
        "agencies/ziboshi-yiliaobaozhangju-yiyuanfenju/2023/");
  CHECK(site.reports[yiyuan.reports[1]].url ==
        "agencies/ziboshi-yiliaobaozhangju-yiyuanfenju/2023-2/");
}

TEST_CASE("years newest first, each in agency order", "[site]") {
  DiagnosticSink sink;
  Site site = make_site(sink);
  REQUIRE(site.years.size() == 3);
  CHECK(site.years[0].year == 2025);
  CHECK(site.years[2].year == 2023);
  CHECK(site.years[2].url == "years/2023/");
  CHECK(site.years[2].reports.size() == 3);
  CHECK(site.link("years/2023/") == "years/2023/index.html");
  REQUIRE(site.latest.size() == 6);
  CHECK(site.reports[site.latest[0]].year == 2025);
}

TEST_CASE("comparisons resolve metrics, agencies and regions", "[site]") {
  DiagnosticSink sink;
  Site site = make_site(sink);
  REQUIRE(site.comparisons.size() == 2);  // "bad" is dropped
  bool reported = false;
  for (const auto& d : sink.items()) {
    if (d.code == "C007" && d.line == 17) reported = true;
  }
  CHECK(reported);
  const auto& zibo = site.comparisons[0];
  CHECK(zibo.aggregated);
  REQUIRE(zibo.rows.size() == 1);
  CHECK(zibo.rows[0].agencies.size() == 2);
  CHECK(zibo.years == std::vector<int>{2023, 2024, 2025});
  const auto& pair = site.comparisons[1];
  CHECK(pair.years == std::vector<int>{2023, 2024});
  REQUIRE(pair.rows.size() == 2);
  CHECK(pair.rows[0].label == "淄博市医疗保障局高新技术产业开发区分局");
  CHECK(pair.rows[0].url == "agencies/zibo-gaoxin/");
}
