#include "report/schema.hpp"

#include <deque>
#include <map>
#include <string>

namespace gongkai::report {

std::string_view to_string(Format f) { return f == Format::F2019 ? "2019" : "2021"; }

std::string_view to_string(Layout l) {
  switch (l) {
    case Layout::L2019: return "2019";
    case Layout::L2021: return "2021";
    case Layout::L2021One: return "2021-one";
  }
  return "2021";
}

std::string_view to_string(Shape s) {
  switch (s) {
    case Shape::PdfText: return "pdf_text";
    case Shape::DocxText: return "docx_text";
    case Shape::Markdown: return "markdown";
    case Shape::HtmlText: return "html_text";
  }
  return "pdf_text";
}

std::string_view to_string(Table t) {
  switch (t) {
    case Table::Proactive: return "proactive";
    case Table::Applications: return "applications";
    case Table::Review: return "review";
  }
  return "proactive";
}

std::string_view to_string(Identity k) {
  switch (k) {
    case Identity::Balance: return "balance";
    case Identity::RowSum: return "row_sum";
    case Identity::OutcomeSum: return "outcome_sum";
    case Identity::ReviewSum: return "review_sum";
  }
  return "balance";
}

Format format_of(Layout l) { return l == Layout::L2019 ? Format::F2019 : Format::F2021; }

const std::vector<ProactiveBlock>& proactive_blocks(Format f) {
  static const std::vector<ProactiveBlock> f2021 = {
      {"第二十条第（一）项",
       {{"issued", "本年制发件数", "issued this year"},
        {"repealed", "本年废止件数", "repealed this year"},
        {"in_force", "现行有效件数", "in force"}},
       {{"rules", "规章", "Rules"}, {"normative_docs", "行政规范性文件", "Normative documents"}}},
      {"第二十条第（五）项",
       {{"decisions", "本年处理决定数量", "decisions this year"}},
       {{"licensing", "行政许可", "Administrative licensing"}}},
      {"第二十条第（六）项",
       {{"decisions", "本年处理决定数量", "decisions this year"}},
       {{"punishment", "行政处罚", "Administrative penalties"},
        {"enforcement", "行政强制", "Administrative enforcement"}}},
      {"第二十条第（八）项",
       {{"amount", "本年收费金额（单位：万元）", "fees charged this year (10,000 yuan)"}},
       {{"fees", "行政事业性收费", "Administrative fees"}}},
  };
  static const std::vector<ProactiveBlock> f2019 = {
      {"第二十条第（一）项",
       {{"new_made", "本年新制作数量", "newly made this year"},
        {"new_published", "本年新公开数量", "newly published this year"},
        {"total_published", "对外公开总数量", "published in total"}},
       {{"rules", "规章", "Rules"}, {"normative_docs", "规范性文件", "Normative documents"}}},
      {"第二十条第（五）项",
       {{"prev_items", "上一年项目数量", "items last year"},
        {"change", "本年增/减", "change this year"},
        {"decisions", "处理决定数量", "decisions"}},
       {{"licensing", "行政许可", "Administrative licensing"},
        {"other_services", "其他对外管理服务事项", "Other public management services"}}},
      {"第二十条第（六）项",
       {{"prev_items", "上一年项目数量", "items last year"},
        {"change", "本年增/减", "change this year"},
        {"decisions", "处理决定数量", "decisions"}},
       {{"punishment", "行政处罚", "Administrative penalties"},
        {"enforcement", "行政强制", "Administrative enforcement"}}},
      {"第二十条第（八）项",
       {{"prev_items", "上一年项目数量", "items last year"},
        {"change", "本年增/减", "change this year"}},
       {{"fees", "行政事业性收费", "Administrative fees"}}},
      {"第二十条第（九）项",
       {{"items", "采购项目数量", "procurement items"}, {"amount", "采购总金额", "procurement total"}},
       {{"procurement", "政府集中采购", "Centralised government procurement"}}},
  };
  return f == Format::F2019 ? f2019 : f2021;
}

const std::vector<Label>& application_columns() {
  static const std::vector<Label> columns = {
      {"natural_person", "自然人", "Natural persons"},
      {"commercial", "商业企业", "Businesses"},
      {"research", "科研机构", "Research institutions"},
      {"social_welfare", "社会公益组织", "Public-interest organisations"},
      {"legal_service", "法律服务机构", "Legal service organisations"},
      {"other_org", "其他", "Other organisations"},
      {"total", "总计", "Total"},
  };
  return columns;
}

namespace {

constexpr std::string_view kResults = "三、本年度办理结果";
constexpr std::string_view kWithheld = "（三）不予公开";
constexpr std::string_view kUnavailable = "（四）无法提供";
constexpr std::string_view kNotProcessed = "（五）不予处理";
constexpr std::string_view kOther = "（六）其他处理";

std::vector<ApplicationRow> make_rows(Layout layout) {
  std::vector<ApplicationRow> rows = {
      {"new_received", {"一、本年新收政府信息公开申请数量"}, "New applications received this year"},
      {"carried_over", {"二、上年结转政府信息公开申请数量"}, "Carried over from last year"},
      {"disclosed", {kResults, "（一）予以公开"}, "Disclosed", true},
      {"partially_disclosed",
       {kResults, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"},
       "Partially disclosed",
       true},
      {"withheld.state_secret", {kResults, kWithheld, "1.属于国家秘密"}, "Withheld: state secret", true},
      {"withheld.prohibited_by_law",
       {kResults, kWithheld, "2.其他法律行政法规禁止公开"},
       "Withheld: prohibited by other laws",
       true},
      {"withheld.three_safeties",
       {kResults, kWithheld, "3.危及“三安全一稳定”"},
       "Withheld: endangers the three securities and stability",
       true},
      {"withheld.third_party_rights",
       {kResults, kWithheld, "4.保护第三方合法权益"},
       "Withheld: third-party rights",
       true},
      {"withheld.internal_affairs",
       {kResults, kWithheld, "5.属于三类内部事务信息"},
       "Withheld: internal affairs",
       true},
      {"withheld.process_info",
       {kResults, kWithheld, "6.属于四类过程性信息"},
       "Withheld: process information",
       true},
      {"withheld.enforcement_files",
       {kResults, kWithheld, "7.属于行政执法案卷"},
       "Withheld: enforcement files",
       true},
      {"withheld.query_matters",
       {kResults, kWithheld, "8.属于行政查询事项"},
       "Withheld: administrative query matters",
       true},
      {"unavailable.not_held",
       {kResults, kUnavailable, "1.本机关不掌握相关政府信息"},
       "Unavailable: not held",
       true},
      {"unavailable.needs_creation",
       {kResults, kUnavailable, "2.没有现成信息需要另行制作"},
       "Unavailable: would need to be created",
       true},
      {"unavailable.still_unclear",
       {kResults, kUnavailable, "3.补正后申请内容仍不明确"},
       "Unavailable: still unclear after correction",
       true},
      {"not_processed.petition",
       {kResults, kNotProcessed, "1.信访举报投诉类申请"},
       "Not processed: petitions and complaints",
       true},
      {"not_processed.duplicate",
       {kResults, kNotProcessed, "2.重复申请"},
       "Not processed: duplicate",
       true},
      {"not_processed.publication",
       {kResults, kNotProcessed, "3.要求提供公开出版物"},
       "Not processed: asks for publications",
       true},
      {"not_processed.excessive",
       {kResults, kNotProcessed, "4.无正当理由大量反复申请"},
       "Not processed: excessive repeated applications",
       true},
      {"not_processed.confirmation",
       {kResults, kNotProcessed, "5.要求行政机关确认或重新出具已获取信息"},
       "Not processed: asks to confirm or reissue information already obtained",
       true},
  };
  if (layout == Layout::L2021) {
    rows.push_back({"other.no_correction",
                    {kResults, kOther, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"},
                    "Other: not corrected in time",
                    true});
    rows.push_back({"other.no_fee",
                    {kResults, kOther,
                     "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"},
                    "Other: fee not paid in time",
                    true});
    rows.push_back({"other.other", {kResults, kOther, "3.其他"}, "Other: other", true});
  } else {
    rows.push_back({"other", {kResults, kOther}, "Other handling", true});
  }
  rows.push_back({"total", {kResults, "（七）总计"}, "Total handled"});
  rows.push_back({"carried_forward", {"四、结转下年度继续办理"}, "Carried forward to next year"});
  return rows;
}

}  // namespace

const std::vector<ApplicationRow>& application_rows(Layout l) {
  static const std::vector<ApplicationRow> r2019 = make_rows(Layout::L2019);
  static const std::vector<ApplicationRow> r2021 = make_rows(Layout::L2021);
  return l == Layout::L2021 ? r2021 : r2019;
}

const std::vector<Label>& review_groups() {
  static const std::vector<Label> groups = {
      {"reconsideration", "行政复议", "Administrative reconsideration"},
      {"litigation_direct", "未经复议直接起诉", "Lawsuits without reconsideration"},
      {"litigation_after_reconsideration", "复议后起诉", "Lawsuits after reconsideration"},
  };
  return groups;
}

const std::vector<Label>& review_fields() {
  static const std::vector<Label> fields = {
      {"upheld", "结果维持", "upheld"},
      {"corrected", "结果纠正", "corrected"},
      {"other", "其他结果", "other result"},
      {"pending", "尚未审结", "pending"},
      {"total", "总计", "total"},
  };
  return fields;
}

namespace {

struct Catalogue {
  std::deque<std::string> ids;  // stable storage for the string_views below
  std::vector<CellDef> defs;
  std::map<std::string, CellIndex, std::less<>> by_id;
  std::vector<CellIndex> layouts[3];

  CellIndex add(Table table, std::string_view group, std::string_view field, bool decimal,
                bool negative) {
    std::string id = std::string(to_string(table)) + "." + std::string(group) + "." + std::string(field);
    if (auto it = by_id.find(id); it != by_id.end()) return it->second;
    ids.push_back(id);
    const std::string& s = ids.back();
    size_t g = to_string(table).size() + 1;
    CellDef def{s, table, std::string_view(s).substr(g, group.size()),
                std::string_view(s).substr(g + group.size() + 1), decimal, negative};
    CellIndex index = static_cast<CellIndex>(defs.size());
    defs.push_back(def);
    by_id.emplace(s, index);
    return index;
  }

  std::vector<CellIndex> build(Layout layout) {
    std::vector<CellIndex> out;
    Format format = format_of(layout);
    for (const auto& block : proactive_blocks(format)) {
      for (const auto& item : block.items) {
        for (const auto& field : block.fields) {
          bool decimal = field.id == "amount";
          out.push_back(add(Table::Proactive, item.id, field.id, decimal, field.id == "change"));
        }
      }
    }
    // 2021-one keeps the 2021 cells and adds the single （六） row after other.other.
    const auto& rows = application_rows(layout == Layout::L2019 ? Layout::L2019 : Layout::L2021);
    for (const auto& row : rows) {
      for (const auto& column : application_columns()) {
        out.push_back(add(Table::Applications, row.id, column.id, false, false));
      }
      if (layout == Layout::L2021One && row.id == "other.other") {
        for (const auto& column : application_columns()) {
          out.push_back(add(Table::Applications, "other", column.id, false, false));
        }
      }
    }
    for (const auto& group : review_groups()) {
      for (const auto& field : review_fields()) {
        out.push_back(add(Table::Review, group.id, field.id, false, false));
      }
    }
    return out;
  }

  Catalogue() {
    layouts[static_cast<int>(Layout::L2021)] = build(Layout::L2021);
    layouts[static_cast<int>(Layout::L2021One)] = build(Layout::L2021One);
    layouts[static_cast<int>(Layout::L2019)] = build(Layout::L2019);
  }
};

const Catalogue& catalogue() {
  static const Catalogue c;
  return c;
}

CellIndex must_find(std::string_view id) { return *find_cell(id); }

std::vector<IdentityInstance> make_identities(Layout layout) {
  std::vector<IdentityInstance> out;
  const std::string a = "applications.";
  auto cell = [&](std::string_view row, std::string_view column) {
    return must_find(a + std::string(row) + "." + std::string(column));
  };
  // In 2021-one the printed rows are those of 2019: `other` replaces the three （六） sub-rows.
  const auto& rows = application_rows(layout == Layout::L2021 ? Layout::L2021 : Layout::L2019);
  for (const auto& c : application_columns()) {
    out.push_back({Identity::Balance,
                   c.id,
                   {{cell("new_received", c.id), 1},
                    {cell("carried_over", c.id), 1},
                    {cell("total", c.id), -1},
                    {cell("carried_forward", c.id), -1}}});
  }
  for (const auto& r : rows) {
    IdentityInstance inst{Identity::RowSum, r.id, {{cell(r.id, "total"), 1}}};
    for (size_t k = 0; k + 1 < application_columns().size(); ++k) {
      inst.terms.push_back({cell(r.id, application_columns()[k].id), -1});
    }
    out.push_back(std::move(inst));
  }
  for (const auto& c : application_columns()) {
    IdentityInstance inst{Identity::OutcomeSum, c.id, {{cell("total", c.id), 1}}};
    for (const auto& r : rows) {
      if (r.outcome) inst.terms.push_back({cell(r.id, c.id), -1});
    }
    out.push_back(std::move(inst));
  }
  for (const auto& g : review_groups()) {
    std::string prefix = "review." + std::string(g.id) + ".";
    IdentityInstance inst{Identity::ReviewSum, g.id, {{must_find(prefix + "total"), 1}}};
    for (size_t k = 0; k + 1 < review_fields().size(); ++k) {
      inst.terms.push_back({must_find(prefix + std::string(review_fields()[k].id)), -1});
    }
    out.push_back(std::move(inst));
  }
  return out;
}

}  // namespace

size_t cell_count() { return catalogue().defs.size(); }
const CellDef& cell_def(CellIndex i) { return catalogue().defs.at(i); }

std::optional<CellIndex> find_cell(std::string_view id) {
  const auto& by_id = catalogue().by_id;
  auto it = by_id.find(id);
  if (it == by_id.end()) return std::nullopt;
  return it->second;
}

const std::vector<CellIndex>& cells_of(Layout l) { return catalogue().layouts[static_cast<int>(l)]; }

const std::vector<IdentityInstance>& identity_instances(Layout l) {
  static const std::vector<IdentityInstance> i2019 = make_identities(Layout::L2019);
  static const std::vector<IdentityInstance> i2021 = make_identities(Layout::L2021);
  static const std::vector<IdentityInstance> i2021one = make_identities(Layout::L2021One);
  switch (l) {
    case Layout::L2019: return i2019;
    case Layout::L2021: return i2021;
    case Layout::L2021One: return i2021one;
  }
  return i2021;
}

}  // namespace gongkai::report
