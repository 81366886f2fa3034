#include <catch2/catch.hpp>

#include "report/audit/deadline.hpp"
#include "report_builder.hpp"

using namespace gongkai::report;
using namespace gongkai::report::testing;
using gongkai::core::Severity;

static std::string due(std::string_view agency, std::string_view kind = "",
                       std::string_view level = "") {
  return audit::deadline_of(agency, 2024, kind, level).date.iso();
}

TEST_CASE("classify_agency reads what the name tells") {
  using audit::AgencyName;
  CHECK(audit::classify_agency("东昌府区医疗保障局") == AgencyName::Department);
  CHECK(audit::classify_agency("淄博市卫生健康委员会") == AgencyName::Department);
  CHECK(audit::classify_agency("淄博市人民政府办公室") == AgencyName::Department);
  CHECK(audit::classify_agency("临河县安平镇人民政府") == AgencyName::Town);
  CHECK(audit::classify_agency("临河县宁湖乡人民政府") == AgencyName::Town);
  CHECK(audit::classify_agency("文沟县宁湖街道办事处") == AgencyName::Town);
  CHECK(audit::classify_agency("淄博市人民政府") == AgencyName::Government);
  CHECK(audit::classify_agency("沂源县人民政府") == AgencyName::Government);
  CHECK(audit::classify_agency("淄博市高新技术产业开发区管理委员会") == AgencyName::Government);
  CHECK(audit::classify_agency("") == AgencyName::Unknown);
}

TEST_CASE("deadline_of follows spec rule 7") {
  // From the name alone.
  CHECK(due("东昌府区医疗保障局") == "2025-01-31");
  CHECK(due("临河县安平镇人民政府") == "2025-01-31");
  CHECK(due("文沟县宁湖街道办事处") == "2025-01-31");
  CHECK(due("淄博市人民政府办公室") == "2025-01-31");
  CHECK(due("淄博市人民政府") == "2025-03-31");  // kind and level unknown
  CHECK(due("淄博市高新技术产业开发区管理委员会") == "2025-03-31");
  CHECK(due("") == "2025-03-31");
  // Kind and level from front matter or site.yaml.
  CHECK(due("沂源县人民政府", "government", "county") == "2025-02-20");
  CHECK(due("淄博市人民政府", "government", "city") == "2025-03-10");
  CHECK(due("山东省人民政府", "government", "province") == "2025-03-31");
  CHECK(due("淄博市人民政府", "government") == "2025-03-31");
  CHECK(due("淄博市人民政府", "government_office") == "2025-01-31");
  CHECK(due("沂源县人民政府", "department") == "2025-01-31");
  CHECK(due("临河县安平镇人民政府", "government", "town") == "2025-01-31");
  CHECK(due("山东省税务局", "system") == "2025-03-31");
  // Level known, kind not: the latest deadline such a report can have.
  CHECK(due("沂源县人民政府", "", "county") == "2025-02-20");
  CHECK(due("淄博市人民政府", "", "city") == "2025-03-10");
  CHECK(due("东昌府区医疗保障局", "", "city") == "2025-01-31");
}

TEST_CASE("A010: signed after the deadline") {
  Report r = consistent_report();  // a department, 2024
  r.meta.signed_on.set(Date{2025, 2, 3}, 300);
  auto f = with_code(audit::audit_report(r), "A010");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::Warning);
  CHECK(f[0].line == 300);
  CHECK_THAT(f[0].message, Catch::Contains("signed 2025-02-03, after its deadline 2025-01-31") &&
                               Catch::Contains("3 days late"));
  CHECK_THAT(f[0].message_zh, Catch::Contains("逾期3天"));

  // On the day itself is on time.
  r.meta.signed_on.set(Date{2025, 1, 31}, 300);
  CHECK(with_code(audit::audit_report(r), "A010").empty());
}

TEST_CASE("A010 for a people's government: kind and level decide, else only after 31 March") {
  Report r = consistent_report();
  r.meta.agency.set("沂源县人民政府", 3);
  r.meta.signed_on.set(Date{2025, 3, 1}, 300);
  CHECK(with_code(audit::audit_report(r), "A010").empty());  // unknown kind and level
  audit::Options county{"government", "county"};
  CHECK(with_code(audit::audit_report(r, county), "A010").size() == 1);
  r.meta.kind = "government";  // front matter wins over the options
  r.meta.level = "city";
  CHECK(with_code(audit::audit_report(r, county), "A010").empty());
  r.meta.signed_on.set(Date{2025, 4, 1}, 300);
  r.meta.kind.clear();
  r.meta.level.clear();
  auto f = with_code(audit::audit_report(r), "A010");
  REQUIRE(f.size() == 1);
  CHECK_THAT(f[0].message, Catch::Contains("2025-03-31") && Catch::Contains("1 day late"));
}

TEST_CASE("A011: no signature date") {
  Report r = consistent_report();
  r.meta.signed_on = {};
  auto all = audit::audit_report(r);
  auto f = with_code(all, "A011");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::Info);
  CHECK(all.size() == 1);
  CHECK(with_code(audit::audit_report(consistent_report()), "A011").empty());
}

TEST_CASE("days_between counts calendar days") {
  CHECK(audit::days_between(Date{2024, 1, 31}, Date{2024, 3, 1}) == 30);  // 2024 is a leap year
  CHECK(audit::days_between(Date{2025, 1, 31}, Date{2025, 3, 1}) == 29);
  CHECK(audit::days_between(Date{2024, 12, 31}, Date{2025, 1, 1}) == 1);
}
