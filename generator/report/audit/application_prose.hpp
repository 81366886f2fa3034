#pragma once
// What the prose says about the number of information-disclosure applications received. Exposed for
// testing and for the site.
#include <cstdint>
#include <string_view>
#include <vector>

#include "report/report.hpp"

namespace gongkai::report::audit {

/// A statement of how many applications the agency received this year, from sections 一 and 三:
/// a clause with a receiving verb (收到, 接收, 受理, 新收) followed by 申请 and then a count with
/// its unit (件, 条, 个, 份): "收到依申请公开 5件", "接收到依申请公开政府信息的申请5条",
/// "共收到政府信息公开申请15件"; or the verb negated (未收到, 没有收到) followed by 申请 and 公开:
/// 0. Clauses about 复议, 诉讼, 提案, 建议, 投诉, 举报 or 信访 are never taken.
struct ApplicationStatement {
  int64_t count = 0;
  std::string_view sentence;
  uint32_t line = 0;
};
std::vector<ApplicationStatement> stated_applications(const Report& r);

}  // namespace gongkai::report::audit
