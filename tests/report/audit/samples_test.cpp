// The five sample reports (content/reports/), read by the reader and audited: the findings a person
// reading them lists, no more. Each expectation below was written from reading the report itself.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "report/audit/application_prose.hpp"
#include "report/audit/deadline.hpp"
#include "report/parse/reader.hpp"
#include "report_builder.hpp"

using namespace gongkai::report;
using namespace gongkai::report::testing;

namespace {

Report read_sample(const std::string& name) {
  std::string path = std::string(GONGKAI_SOURCE_DIR) + "/content/reports/" + name;
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return parse::read_report("content/reports/" + name, bytes.str());
}

/// "code instance line" of each finding, in order.
std::vector<std::string> summary(const std::vector<audit::Finding>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) {
    out.push_back(f.code + " " + f.instance + " " + std::to_string(f.line));
  }
  return out;
}

std::vector<int64_t> stated(const Report& r) {
  std::vector<int64_t> out;
  for (const auto& s : audit::stated_applications(r)) out.push_back(s.count);
  return out;
}

std::string deadline(const Report& r) {
  return audit::deadline_of(*r.meta.agency.value, *r.meta.year.value, r.meta.kind, r.meta.level)
      .date.iso();
}

using S = std::vector<std::string>;

}  // namespace

TEST_CASE("sample dongchangfu-2025: five empty 行政复议 cells, a stale 2024, no signature") {
  Report r = read_sample("dongchangfu-2025.md");
  auto f = audit::audit_report(r);
  // Table R's last row leaves the five 行政复议 cells empty (line 102); section 六 says
  // "2024年度政府信息公开未收取信息处理费" in a 2025 report (line 126); no 落款 at the end.
  CHECK(summary(f) ==
        S{"A005 missing:review.reconsideration 102", "A008 year:2024 126", "A011  0"});
  REQUIRE(f.size() == 3);
  CHECK(cell_ids(f[0]) ==
        std::vector<std::string>{"review.reconsideration.upheld",
                                 "review.reconsideration.corrected", "review.reconsideration.other",
                                 "review.reconsideration.pending", "review.reconsideration.total"});
  // Not flagged: 《2024年政务公开工作要点》 and 国办函〔2021〕109号 in the same section.
  // A department (医疗保障局): due 31 January of the next year.
  CHECK(deadline(r) == "2026-01-31");
  // "2025年，东昌府区医疗保障局未收到群众及社会组织的依申请公开" and table A's 0.
  CHECK(stated(r) == std::vector<int64_t>{0});
}

TEST_CASE("sample zibo-gaoxin-2023: nothing to report") {
  Report r = read_sample("zibo-gaoxin-2023.txt");
  // Signed 2024-01-19, before its 31 January deadline; "2023年度，我局收到依申请公开 0件" and the
  // table's 0; the fee sentence names 2023.
  CHECK(summary(audit::audit_report(r)).empty());
  CHECK(deadline(r) == "2024-01-31");
  CHECK(stated(r) == std::vector<int64_t>{0});
}

TEST_CASE("sample weibin-2023: no signature date") {
  Report r = read_sample("weibin-2023.txt");
  // No 落款; no statistics period printed either, which is no finding.
  CHECK(summary(audit::audit_report(r)) == S{"A011  0"});
  CHECK(stated(r) == std::vector<int64_t>{0});  // "2023年度我局未收到政府信息公开申请"
}

TEST_CASE("sample xinhua-2024: no signature date") {
  Report r = read_sample("xinhua-2024.txt");
  // The fee sentence cites 国办函〔2020〕109号 and says 本年度: no year to disagree.
  CHECK(summary(audit::audit_report(r)) == S{"A011  0"});
  CHECK(stated(r) == std::vector<int64_t>{0});  // "在 2024年度未收到依申请公开信件"
}

TEST_CASE("sample zibo-yiyuan-2023: the 2019 table format in 2023, no signature date") {
  Report r = read_sample("zibo-yiyuan-2023.txt");
  // Table P's headers are the 2019 format's (本年新制作数量, line 41 is section 二); no 落款. The
  // absent （九） block is the reader's info, not a missing cell.
  CHECK(summary(audit::audit_report(r)) == S{"A011  0", "A012  41"});
  // "接收到依申请公开政府信息的申请5条", and table A's 5.
  for (int64_t n : stated(r)) CHECK(n == 5);
  CHECK_FALSE(stated(r).empty());
}
