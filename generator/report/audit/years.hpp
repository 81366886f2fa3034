#pragma once
// Which year a report says it reports on, sentence by sentence (spec "Identities and other checks",
// 6). Exposed for testing and for the site.
#include <optional>
#include <string_view>
#include <vector>

#include "report/report.hpp"

namespace gongkai::report::audit {

/// A sentence that names a year as the one the report speaks of: a clause that starts with the year
/// (optionally after 在/于) and goes on as a statement of that year's work —
///   the fee sentence (收费, 收取, 费用, 处理费 in it): "2024年度政府信息公开未收取信息处理费",
///     "2023年我局政府信息公开申请未收取费用", "…规定，2024年度未收取任何…";
///   a 年度 summary: "Y年度" then 我/本/未/无/没有/不存在: "2024年度我单位…",
///   "2024年度，我局未收到…".
/// Years inside other phrasings are not claims about the report's year and are never taken:
/// 《2024年政务公开工作要点》, 国办函〔2020〕109号, dates (2024年1月19日), "自2021年起", "近三年".
struct YearClaim {
  int year = 0;
  std::string_view sentence;
  uint32_t line = 0;
  SectionKey section = SectionKey::Preamble;
  bool fee = false;     ///< a fee sentence
  bool future = false;  ///< says what will be done (将, 计划, 拟, 力争)
};
std::vector<YearClaim> year_claims(const Report& r);

/// The first year printed in `text` as "YYYY年" (ASCII or full-width digits, spaces allowed).
std::optional<int> first_year(std::string_view text);

/// The report's year: Meta::year, else the title's.
std::optional<int> report_year(const Report& r);

}  // namespace gongkai::report::audit
