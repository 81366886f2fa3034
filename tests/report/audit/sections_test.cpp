#include <catch2/catch.hpp>

#include "report_builder.hpp"

using namespace gongkai::report;
using namespace gongkai::report::testing;

static void remove_section(Report& r, SectionKey key) {
  for (auto it = r.sections.begin(); it != r.sections.end(); ++it) {
    if (it->key == key) {
      r.sections.erase(it);
      return;
    }
  }
}

TEST_CASE("A006: a section not found") {
  Report r = consistent_report();
  remove_section(r, SectionKey::Problems);
  remove_section(r, SectionKey::Preamble);  // the preamble is optional
  auto all = audit::audit_report(r);
  auto f = with_code(all, "A006");
  REQUIRE(f.size() == 1);
  CHECK(f[0].instance == "section:problems");
  CHECK_THAT(f[0].message_zh, Catch::Contains("五、存在的主要问题及改进情况"));
  CHECK(with_code(all, "A007").empty());
  CHECK(all.size() == 1);
}

TEST_CASE("A007: sections out of order, or one printed twice") {
  Report r = consistent_report();
  std::swap(r.sections[2], r.sections[3]);  // 三 before 二
  auto f = with_code(audit::audit_report(r), "A007");
  REQUIRE(f.size() == 1);
  CHECK(f[0].instance == "section:proactive");
  CHECK(f[0].line == 40);
  CHECK_THAT(f[0].message, Catch::Contains("section 2 (proactive disclosure) is printed after "
                                           "section 3 (applications)"));

  Report twice = consistent_report();
  Section again = twice.sections[1];
  again.line = 280;
  twice.sections.push_back(again);
  auto g = with_code(audit::audit_report(twice), "A007");
  REQUIRE(g.size() == 1);
  CHECK(g[0].line == 280);
  CHECK_THAT(g[0].message_zh, Catch::Contains("一、总体情况") && Catch::Contains("重复"));
}
