// A012: a report for 2021 or later printed in the 2019 table format.
#include <string>

#include "report/audit/rule.hpp"
#include "report/audit/years.hpp"

namespace gongkai::report::audit::detail {

void check_table_format(Context& ctx) {
  const Report& r = ctx.report;
  auto year = report_year(r);
  if (r.format != Format::F2019 || !year || *year < 2021) return;
  Finding f = make_finding("A012");
  std::string ys = std::to_string(*year);
  f.message = "the " + ys +
              " report uses the 2019 table format (国办公开办函〔2019〕60号); reports for 2021 "
              "and later use the 2021 format (国办公开办函〔2021〕30号)";
  f.message_zh =
      ys +
      "年度报告仍使用2019年版表格格式（国办公开办函〔2019〕60号），2021年及以后年度应使用"
      "2021年版格式（国办公开办函〔2021〕30号）";
  if (const Section* s = r.section(SectionKey::Proactive)) add_line(f, s->line);
  finish(f);
  ctx.out.push_back(std::move(f));
}

}  // namespace gongkai::report::audit::detail
