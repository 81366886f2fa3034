#include <catch2/catch.hpp>

#include "report/audit/repetition.hpp"
#include "report_builder.hpp"

using namespace gongkai::report;
using namespace gongkai::report::testing;

namespace {

Report with_problems(int year, std::string text) {
  Report r = consistent_report();
  r.path = "reports/" + std::to_string(year) + ".md";
  r.meta.year.set(year, 3);
  set_paragraph(r, SectionKey::Problems, std::move(text), 242);
  return r;
}

const char* kProblems2023 =
    "2023年，我局政府信息公开工作虽取得一定成效，但仍存在一些不足，主要表现在一是政策文件解读不够及"
    "时，解读内容不够"
    "全面；二是无政务公开专职工作人员，兼职人员岗位流动频繁。2024年，我局将采取如下改进措施：一是进"
    "一步完善单位"
    "政务公开工作制度，强化工作培训学习；二是丰富信息发布形式，用群众语言解读便民利民政策。";
const char* kProblems2024Moved =
    "2024年，我局政府信息公开工作虽取得一定成效，但仍存在一些不足，主要表现在一是政策文件解读不够及"
    "时，解读内容不够"
    "全面；二是无政务公开专职工作人员，兼职人员岗位流动频繁。2025年，我局将采取如下改进措施：一是进"
    "一步完善单位"
    "政务公开工作制度，强化工作培训学习；二是丰富信息发布形式，用群众语言解读便民利民政策。";
const char* kProblems2024Fresh =
    "存在问题：一是栏目设置与内容分类不精准，部分政策文件、规范性文件混杂发布；二是政务新媒体运营能"
    "力不足，信息"
    "发布频次偏低。改进措施：一是加强政务新媒体建设，提高信息发布频次和质量；二是将政务公开工作纳入"
    "科室年度考核，"
    "强化督促检查。";

}  // namespace

TEST_CASE("A014: section 五 repeated from last year, with only the years moved on") {
  Report prev = with_problems(2023, kProblems2023);
  Report cur = with_problems(2024, kProblems2024Moved);
  double s = audit::jaccard(audit::problem_grams(prev), audit::problem_grams(cur));
  CHECK(s > 0.9);
  auto f = audit::compare_with_previous(prev, cur);
  REQUIRE(f);
  CHECK(f->code == "A014");
  CHECK(f->severity == gongkai::core::Severity::Warning);
  CHECK(f->line == 240);  // the heading of section 五
  CHECK_THAT(f->message, Catch::Contains("2023 report") && Catch::Contains("reports/2023.md"));
  // Verbatim is the same.
  CHECK(audit::compare_with_previous(prev, with_problems(2024, kProblems2023)));
}

TEST_CASE("A014 does not fire on a fresh section 五, nor on sections too short to compare") {
  Report prev = with_problems(2023, kProblems2023);
  Report cur = with_problems(2024, kProblems2024Fresh);
  CHECK(audit::jaccard(audit::problem_grams(prev), audit::problem_grams(cur)) < 0.3);
  CHECK_FALSE(audit::compare_with_previous(prev, cur));
  CHECK_FALSE(
      audit::compare_with_previous(with_problems(2023, "无。"), with_problems(2024, "无。")));
}

TEST_CASE("jaccard of gram sets") {
  CHECK(audit::jaccard({1, 2, 3}, {2, 3, 4}) == Approx(0.5));
  CHECK(audit::jaccard({}, {}) == 1.0);
  CHECK(audit::jaccard({1}, {}) == 0.0);
}
