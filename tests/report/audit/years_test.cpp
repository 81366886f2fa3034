#include <catch2/catch.hpp>

#include "report/audit/years.hpp"
#include "report_builder.hpp"

using namespace gongkai::report;
using namespace gongkai::report::testing;

namespace {

Report report_2025() {
  Report r = consistent_report();
  r.meta.year.set(2025, 3);
  r.meta.title.set("东昌府区医疗保障局2025年度政府信息公开工作年度报告", 3);
  r.meta.period_start.set(Date{2025, 1, 1}, 7);
  r.meta.period_end.set(Date{2025, 12, 31}, 7);
  r.meta.signed_on.set(Date{2026, 1, 20}, 300);
  set_paragraph(r, SectionKey::Overview, "2025年，我局共收到政府信息公开申请5件。", 14);
  set_paragraph(r, SectionKey::Other, "2025年度政府信息公开未收取信息处理费。", 272);
  return r;
}

std::vector<audit::Finding> stale(const Report& r) {
  return with_code(audit::audit_report(r), "A008");
}

}  // namespace

TEST_CASE("A008: a 2025 report whose fee sentence names 2024") {
  Report r = report_2025();
  set_paragraph(r, SectionKey::Other,
                "按照《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2021"
                "〕109号）和"
                "《山东省人民政府办公厅关于做好政府信息公开信息处理费管理工作有关事项的通知》（鲁政"
                "办字〔2021〕179号）"
                "收取信息处理费。2024年度政府信息公开未收取信息处理费。",
                272);
  auto f = stale(r);
  REQUIRE(f.size() == 1);
  CHECK(f[0].instance == "year:2024");
  CHECK(f[0].line == 272);
  CHECK_THAT(f[0].message, Catch::Contains("2024年度政府信息公开未收取信息处理费") &&
                               Catch::Contains("in a 2025 report"));
  CHECK_THAT(f[0].message_zh,
             Catch::Contains("六、其他需要报告的事项") && Catch::Contains("与报告年度2025年不符"));
}

TEST_CASE("A008 catches the other phrasings of the fee sentence and of 年度 summaries") {
  for (std::string text :
       {"2024年我局政府信息公开申请未收取费用。", "2024年度我单位不存在信息公开收费情况。",
        "根据《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号"
        "）"
        "规定，2024年度未收取任何政府信息公开信息处理费。",
        "2024年度，我局未收到政府信息公开申请。", "在 2024年度未收到依申请公开信件。",
        "２０２４年度政府信息公开未收取信息处理费。"}) {
    Report r = report_2025();
    add_paragraph(r, SectionKey::Other, text, 280);
    INFO(text);
    auto f = stale(r);
    REQUIRE(f.size() == 1);
    CHECK(f[0].instance == "year:2024");
  }
}

TEST_CASE("A008 leaves alone the sentences that name other years legitimately") {
  for (std::string text :
       {"依据省市区《2024年政务公开工作要点》，结合我区医保工作实际，细化政务公开工作责任。",
        "根据《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号"
        "）规定，"
        "本年度未收取任何政府信息公开信息处理费。",
        "2024年1月19日印发的《关于做好政府信息公开信息处理费管理工作的通知》要求规范收费。",
        "自2021年起，我局按照《办法》规定收取信息处理费。",
        "近三年依申请公开办件数量分别为1件、7件、5件。",
        "2026年，我局将持续推进上述整改措施落实到位。", "2026年度我局将继续不收取任何费用。",
        "2024年，我局政府信息公开工作虽取得一定成效，但仍存在一些不足。",
        "2024年度政府信息公开工作年度报告发布后，我局认真整改。"}) {
    Report r = report_2025();
    add_paragraph(r, SectionKey::Other, text, 280);
    INFO(text);
    CHECK(stale(r).empty());
  }
  // The signature date is in the next year: not prose, never a claim.
  CHECK(stale(report_2025()).empty());
}

TEST_CASE("year_claims finds the year of fee and summary sentences") {
  Report r = report_2025();
  auto claims = audit::year_claims(r);
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].year == 2025);
  CHECK(claims[0].fee);
  CHECK(claims[0].section == SectionKey::Other);
}

TEST_CASE("A009: title, report year and statistics period disagree") {
  Report r = report_2025();
  CHECK(with_code(audit::audit_report(r), "A009").empty());
  r.meta.period_start.set(Date{2024, 1, 1}, 7);
  r.meta.period_end.set(Date{2024, 12, 31}, 7);
  auto f = with_code(audit::audit_report(r), "A009");
  REQUIRE(f.size() == 1);
  CHECK(f[0].instance == "period");
  CHECK(f[0].line == 7);
  CHECK_THAT(f[0].message,
             Catch::Contains("2024-01-01 to 2024-12-31") && Catch::Contains("report year 2025"));

  Report t = report_2025();
  t.meta.year.set(2025, 1);  // front matter says 2025, the title 2024
  t.meta.title.set("东昌府区医疗保障局2024年度政府信息公开工作年度报告", 3);
  auto g = with_code(audit::audit_report(t), "A009");
  REQUIRE(g.size() == 1);
  CHECK(g[0].instance == "title");
  CHECK(g[0].lines == std::vector<uint32_t>{1, 3});
}

TEST_CASE("first_year reads ASCII and full-width digits, spaces allowed") {
  CHECK(audit::first_year(
            "淄博市医疗保障局高新技术产业开发区分局 2023 年政府信息公开工作年度报告") == 2023);
  CHECK(audit::first_year("２０２４年度") == 2024);
  CHECK(audit::first_year("第12345号 2022年") == 2022);
  CHECK_FALSE(audit::first_year("国办函〔2020〕109号"));
}
