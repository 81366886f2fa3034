#include "report/parse/labels.hpp"

#include <array>

namespace gongkai::report::parse {

namespace {

struct RowKeys {
  std::string_view id;
  std::array<std::string_view, 3> keys;
};

// Keys are normalised: ASCII brackets, "1." for "1、", no spaces or quotes.
constexpr RowKeys kApplications[] = {
    {"new_received", {"本年新收", "新收政府信息公开申请"}},
    {"carried_over", {"上年结转"}},
    {"disclosed", {"(一)予以公开", "予以公开"}},
    {"partially_disclosed", {"(二)部分公开", "部分公开"}},
    {"withheld.state_secret", {"1.属于国家秘密", "国家秘密"}},
    {"withheld.prohibited_by_law", {"2.其他法律", "其他法律行政", "法规禁止公开"}},
    {"withheld.three_safeties", {"3.危及", "三安全一稳定"}},
    {"withheld.third_party_rights", {"4.保护第三方", "第三方合法权益"}},
    {"withheld.internal_affairs", {"5.属于三类内部", "三类内部事务", "内部事务信息"}},
    {"withheld.process_info", {"6.属于四类过程", "四类过程性", "过程性信息"}},
    {"withheld.enforcement_files", {"7.属于行政执法", "行政执法案卷", "执法案卷"}},
    {"withheld.query_matters", {"8.属于行政查询", "行政查询事项", "查询事项"}},
    {"unavailable.not_held", {"1.本机关不掌握", "不掌握相关"}},
    {"unavailable.needs_creation", {"2.没有现成", "没有现成信息", "另行制作"}},
    {"unavailable.still_unclear", {"3.补正后", "补正后申请", "仍不明确"}},
    {"not_processed.petition", {"1.信访举报", "信访举报投诉"}},
    {"not_processed.duplicate", {"2.重复申请", "重复申请"}},
    {"not_processed.publication", {"3.要求提供公开出版物", "公开出版物"}},
    {"not_processed.excessive", {"4.无正当理由大量", "大量反复申请"}},
    {"not_processed.confirmation", {"5.要求行政机关确认", "确认或重新出具"}},
    {"other.no_correction", {"1.申请人无正当理由", "逾期不补正"}},
    {"other.no_fee", {"2.申请人逾期未按", "缴纳费用"}},
    {"other.other", {"3.其他"}},
    {"other", {"(六)其他处理", "(六)其他"}},
    {"total", {"(七)总计", "总计"}},
    {"carried_forward", {"结转下年度", "四.结转"}},
};

constexpr RowKeys kProactive2021[] = {
    {"rules", {"规章"}},           {"normative_docs", {"行政规范性文件", "规范性文件"}},
    {"licensing", {"行政许可"}},   {"punishment", {"行政处罚"}},
    {"enforcement", {"行政强制"}}, {"fees", {"行政事业性收费", "事业性收费"}},
};

constexpr RowKeys kProactive2019[] = {
    {"rules", {"规章"}},
    {"normative_docs", {"规范性文件"}},
    {"licensing", {"行政许可"}},
    {"other_services", {"其他对外管理服务事项", "其他对外管理", "对外管理服务"}},
    {"punishment", {"行政处罚"}},
    {"enforcement", {"行政强制"}},
    {"fees", {"行政事业性收费", "事业性收费"}},
    {"procurement", {"政府集中采购", "集中采购"}},
};

std::span<const std::string_view> keys_of(const std::array<std::string_view, 3>& k) {
  size_t n = 0;
  while (n < k.size() && !k[n].empty()) ++n;
  return {k.data(), n};
}

}  // namespace

std::span<const std::string_view> application_keys(std::string_view row) {
  for (const auto& r : kApplications) {
    if (r.id == row) return keys_of(r.keys);
  }
  return {};
}

std::span<const std::string_view> proactive_keys(std::string_view item, bool format2019) {
  if (format2019) {
    for (const auto& r : kProactive2019) {
      if (r.id == item) return keys_of(r.keys);
    }
  } else {
    for (const auto& r : kProactive2021) {
      if (r.id == item) return keys_of(r.keys);
    }
  }
  return {};
}

}  // namespace gongkai::report::parse
