// A010: signed after the deadline; A011: no signature date.
#include "report/audit/deadline.hpp"

#include <string>

#include "report/audit/rule.hpp"
#include "report/audit/years.hpp"

namespace gongkai::report::audit {

namespace {

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

enum class Level : uint8_t { Unknown, Town, County, City, Province };

Level level_of(std::string_view level) {
  if (level == "town") return Level::Town;
  if (level == "county") return Level::County;
  if (level == "city" || level == "prefecture") return Level::City;
  if (level == "province") return Level::Province;
  return Level::Unknown;
}

Deadline on(int year, int month, int day, std::string_view en, std::string_view zh) {
  return {Date{year + 1, month, day}, en, zh};
}

/// A people's government's combined (汇总) report by level (the notices); unknown: the 条例's 31
/// March.
Deadline combined(int year, Level level, bool kind_known) {
  switch (level) {
    case Level::Town:
      return on(year, 1, 31, "a town's (乡镇人民政府) report is due by 31 January",
                "乡镇人民政府报告应于次年1月31日前发布");
    case Level::County:
      return kind_known ? on(year, 2, 20,
                             "a county-level government's combined report is due by 20 February",
                             "县级人民政府汇总报告应于次年2月20日前发布")
                        : on(year, 2, 20,
                             "a county-level government's report is due by 20 February at the "
                             "latest (its kind is unknown)",
                             "县级人民政府报告最迟应于次年2月20日前发布（报告类型不明）");
    case Level::City:
      return kind_known
                 ? on(year, 3, 10, "a city-level government's combined report is due by 10 March",
                      "设区的市级人民政府汇总报告应于次年3月10日前发布")
                 : on(year, 3, 10,
                      "a city-level government's report is due by 10 March at the latest "
                      "(its kind is unknown)",
                      "设区的市级人民政府报告最迟应于次年3月10日前发布（报告类型不明）");
    case Level::Province:
      return on(year, 3, 31, "a provincial government's combined report is due by 31 March",
                "省级人民政府汇总报告应于次年3月31日前发布");
    case Level::Unknown:
      break;
  }
  return kind_known ? on(year, 3, 31,
                         "a people's government's combined report is due by 31 March at the "
                         "latest (its level is unknown)",
                         "人民政府汇总报告最迟应于次年3月31日前发布（层级不明）")
                    : on(year, 3, 31,
                         "a people's government's report of unknown kind and level is due by 31 "
                         "March at the latest",
                         "人民政府报告类型和层级不明，最迟应于次年3月31日前发布");
}

}  // namespace

AgencyName classify_agency(std::string_view name) {
  if (name.empty()) return AgencyName::Unknown;
  if (ends_with(name, "街道办事处")) return AgencyName::Town;
  if (ends_with(name, "人民政府")) {
    std::string_view before = name.substr(0, name.size() - std::string_view("人民政府").size());
    return ends_with(before, "乡") || ends_with(before, "镇") ? AgencyName::Town
                                                              : AgencyName::Government;
  }
  // A development zone's or new area's administrative committee reports as its government does.
  if ((ends_with(name, "管理委员会") || ends_with(name, "管委会")) &&
      name.find("区") != std::string_view::npos) {
    return AgencyName::Government;
  }
  return AgencyName::Department;
}

Deadline deadline_of(std::string_view agency, int year, std::string_view kind,
                     std::string_view level) {
  Level lv = level_of(level);
  if (kind == "department") {
    return on(year, 1, 31, "a department's report is due by 31 January",
              "部门报告应于次年1月31日前发布");
  }
  if (kind == "government_office") {
    return on(year, 1, 31, "the report on the government body itself is due by 31 January",
              "本政府机关报告应于次年1月31日前发布");
  }
  if (kind == "system") {
    return on(year, 3, 31, "a vertically-led system's report is due by 31 March",
              "垂直管理系统报告应于次年3月31日前发布");
  }
  if (kind == "government") return combined(year, lv, true);
  switch (classify_agency(agency)) {
    case AgencyName::Department:
      return on(year, 1, 31, "a department's report is due by 31 January",
                "部门报告应于次年1月31日前发布");
    case AgencyName::Town:
      return on(
          year, 1, 31,
          "a town's (乡镇人民政府) or sub-district's (街道办事处) report is due by 31 January",
          "乡镇人民政府、街道办事处报告应于次年1月31日前发布");
    case AgencyName::Government:
      return combined(year, lv, false);
    case AgencyName::Unknown:
      break;
  }
  return on(year, 3, 31, "the agency is unknown: no report is due later than 31 March",
            "机关不明：任何报告最迟应于次年3月31日前发布");
}

int days_between(const Date& a, const Date& b) {
  return static_cast<int>(b.days_since_epoch() - a.days_since_epoch());
}

namespace detail {

void check_signature(Context& ctx) {
  const Report& r = ctx.report;
  const Meta& m = r.meta;
  if (!m.signed_on) {
    Finding f = make_finding("A011");
    f.message = "no signature date (落款): when the report was issued cannot be told";
    f.message_zh = "报告无落款日期，无法判断印发时间";
    ctx.out.push_back(std::move(f));
    return;
  }
  auto year = report_year(r);
  if (!year) return;
  std::string_view kind = !m.kind.empty() ? std::string_view(m.kind) : ctx.options.kind;
  std::string_view level = !m.level.empty() ? std::string_view(m.level) : ctx.options.level;
  std::string_view name = m.agency ? std::string_view(*m.agency.value) : std::string_view();
  Deadline due = deadline_of(name, *year, kind, level);
  const Date& signed_on = *m.signed_on.value;
  if (!(due.date < signed_on)) return;
  int late = days_between(due.date, signed_on);
  Finding f = make_finding("A010");
  f.message = "signed " + signed_on.iso() + ", after its deadline " + due.date.iso() + " (" +
              std::string(due.basis) + "): " + std::to_string(late) +
              (late == 1 ? " day late" : " days late");
  f.message_zh = "落款日期" + signed_on.iso() + "晚于发布时限" + due.date.iso() + "（" +
                 std::string(due.basis_zh) + "），逾期" + std::to_string(late) + "天";
  add_line(f, m.signed_on.line);
  finish(f);
  ctx.out.push_back(std::move(f));
}

}  // namespace detail

}  // namespace gongkai::report::audit
