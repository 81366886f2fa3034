#include <catch2/catch.hpp>

#include "report/audit/application_prose.hpp"
#include "report_builder.hpp"

using namespace gongkai::report;
using namespace gongkai::report::testing;

static std::vector<int64_t> counts(const std::string& text) {
  Report r = consistent_report();
  set_paragraph(r, SectionKey::Overview, text, 14);
  std::vector<int64_t> out;
  for (const auto& s : audit::stated_applications(r)) out.push_back(s.count);
  return out;
}

using V = std::vector<int64_t>;

TEST_CASE("stated_applications reads the sentences of the samples and of the corpus") {
  CHECK(counts("2023年度，我局收到依申请公开 "
               "0件，没有被申请行政复议、提起行政诉讼的情况，无投诉举报情况。") == V{0});
  CHECK(counts("2023年，市医保局沂源分局接收到依申请公开政府信息的申请5条，主要涉及生育报销等政策咨"
               "询类申请。") == V{5});
  CHECK(counts("2025年，东昌府区医疗保障局未收到群众及社会组织的依申请公开。") == V{0});
  CHECK(counts("2023年度我局未收到政府信息公开申请。") == V{0});
  CHECK(
      counts(
          "在 2024年度未收到依申请公开信件，未发生因政府信息公开工作引起的行政复议和行政诉讼。") ==
      V{0});
  CHECK(counts("2024年，我局共收到政府信息公开申请12件，主要涉及征地拆迁等方面。") == V{12});
  CHECK(counts("2024年度，我局新收政府信息公开申请３件，均在法定期限内依法依规予以答复。") == V{3});
  CHECK(counts("全年共受理政府信息公开申请7件。") == V{7});
}

TEST_CASE("stated_applications ignores what is not a count of applications received") {
  CHECK(counts("今年收到人大代表建议及政协提案 3件。").empty());
  CHECK(counts("全年收到行政复议申请2件。").empty());
  CHECK(counts("对收到的申请均按时答复。").empty());
  CHECK(counts("未收到政协提案。").empty());
  CHECK(counts("对不予受理的申请3件，均说明理由。").empty());
  CHECK(counts("全年办理市长热线 103件。").empty());
  CHECK(counts("本年度在政府网站主动公开政府信息39条。").empty());
}

TEST_CASE("A013: the prose and table A disagree on the applications received") {
  Report r = consistent_report();  // table: 5 new, none carried over
  set_paragraph(r, SectionKey::Overview, "2024年，我局共收到政府信息公开申请6件。", 14);
  auto f = with_code(audit::audit_report(r), "A013");
  REQUIRE(f.size() == 1);
  CHECK(f[0].line == 14);
  CHECK(cell_ids(f[0]) == std::vector<std::string>{"applications.new_received.total",
                                                   "applications.carried_over.total"});
  CHECK_THAT(f[0].message, Catch::Contains("says 6") && Catch::Contains("are 5"));

  set_paragraph(r, SectionKey::Overview, "2024年度，我局未收到政府信息公开申请。", 14);
  CHECK(with_code(audit::audit_report(r), "A013").size() == 1);
}

TEST_CASE("A013 accepts a count that includes the applications carried over") {
  Report r = consistent_report();
  set(r, "applications.carried_over.natural_person", 2);
  set(r, "applications.carried_over.total", 2);
  set(r, "applications.carried_forward.natural_person", 2);
  set(r, "applications.carried_forward.total", 2);
  set_paragraph(r, SectionKey::Overview, "2024年，我局共收到政府信息公开申请7件（含上年结转2件）。",
                14);
  CHECK(audit::audit_report(r).empty());
  set_paragraph(r, SectionKey::Overview,
                "2024年，我局共收到政府信息公开申请5件，另有上年结转申请2件。", 14);
  CHECK(audit::audit_report(r).empty());
}

TEST_CASE("A013 never fires when the table cell is missing") {
  Report r = consistent_report();
  set_paragraph(r, SectionKey::Overview, "2024年，我局共收到政府信息公开申请6件。", 14);
  set_missing(r, "applications.new_received.total");
  auto all = audit::audit_report(r);
  CHECK(with_code(all, "A013").empty());
  CHECK(with_code(all, "A005").size() == 1);
}
