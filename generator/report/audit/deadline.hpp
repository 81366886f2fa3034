#pragma once
// When a report was due (spec "Identities and other checks", 7; 条例 art. 49 and the two format
// notices). Exposed for testing and for the site.
#include <string_view>

#include "report/report.hpp"

namespace gongkai::report::audit {

/// What the agency's name alone tells about its deadline.
enum class AgencyName : uint8_t {
  Department,  ///< a department (局, 委员会, 办公室…, also 人民政府办公室): 31 January
  Town,        ///< a 乡/镇人民政府 or a 街道办事处: 31 January
  Government,  ///< a …人民政府 above the town level, or a zone's 管理委员会: kind and level unknown
  Unknown,  ///< no name
};
AgencyName classify_agency(std::string_view name);

struct Deadline {
  Date date;
  std::string_view basis;     ///< why this date, in English
  std::string_view basis_zh;  ///< the same in Chinese
};

/// The last day (inclusive) to publish the report for `year`. kind: "department",
/// "government_office", "government" (汇总) or "system", empty when unknown; level: "province",
/// "city" (also "prefecture"), "county", "town", empty when unknown. When the kind is unknown, a
/// government's report gets the latest deadline it could have: only what is certainly late is late.
Deadline deadline_of(std::string_view agency, int year, std::string_view kind,
                     std::string_view level);

/// Days from a to b (b − a).
int days_between(const Date& a, const Date& b);

}  // namespace gongkai::report::audit
