// The registry of rules: code, severity, title and explanation of each, for the site's audit page
// and `gongkai check`. Codes are stable: a rule that goes away leaves its code unused.
#include "report/audit/audit.hpp"

namespace gongkai::report::audit {

using core::Severity;

const std::vector<RuleInfo>& rules() {
  static const std::vector<RuleInfo> all = {
      {"A001", Severity::Error, "Applications do not balance", "申请数量不平衡",
       "For a column of table A, new applications plus those carried over from last year must "
       "equal "
       "the total handled plus those carried forward (一 + 二 = 三(七)总计 + 四; the table prints "
       "this "
       "identity itself).",
       "申请处理情况表某一列中，“一、本年新收”加“二、上年结转”应等于“（七）总计”加“四、结转下年度继"
       "续办理”"
       "（表格自身注明：第一项加第二项之和，等于第三项加第四项之和）。"},
      {"A002", Severity::Error, "Row total differs from its applicants",
       "行总计与各类申请人之和不符",
       "For a row of table A, the 总计 column must equal the sum of the six applicant columns "
       "(自然人, "
       "商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他).",
       "申请处理情况表某一行中，“总计”列应等于自然人、商业企业、科研机构、社会公益组织、法律服务机"
       "构、其他六列之和。"},
      {"A003", Severity::Error, "Total handled differs from the outcomes",
       "办理结果总计与各项结果之和不符",
       "For a column of table A, （七）总计 must equal the sum of the outcome rows （一）…（六） "
       "(for （六） its "
       "three sub-rows when printed, otherwise the single row).",
       "申请处理情况表某一列中，“（七）总计”应等于（一）至（六）各项办理结果之和（（六）其他处理分"
       "三项印出时取三项）。"},
      {"A004", Severity::Error, "Review or litigation total differs from its results",
       "复议诉讼总计与各项结果之和不符",
       "For each group of table R (行政复议, 未经复议直接起诉, 复议后起诉), 总计 must equal "
       "结果维持 + 结果纠正 + "
       "其他结果 + 尚未审结.",
       "复议诉讼情况表中行政复议、未经复议直接起诉、复议后起诉各组的“总计”应等于结果维持、结果纠正"
       "、其他结果、尚未审结之和。"},
      {"A005", Severity::Warning, "Cells not filled in", "单元格未填写",
       "A cell of a table is empty, a dash, or could not be read. It is shown as missing, never as "
       "0, "
       "and the identities that involve it cannot be checked.",
       "表格中的单元格为空、为横线或无法读取。该单元格显示为缺失而非0，涉及它的勾稽关系无法核对。"},
      {"A006", Severity::Warning, "Section missing", "缺少章节",
       "One of the six sections the format requires (一、总体情况 … 六、其他需要报告的事项) was "
       "not found.",
       "未找到年度报告格式要求的六个部分（一、总体情况至六、其他需要报告的事项）之一。"},
      {"A007", Severity::Warning, "Sections out of order", "章节顺序不符",
       "The six sections are not printed in the order the format requires, or one is printed "
       "twice.",
       "六个部分未按年度报告格式规定的顺序排列，或某一部分重复出现。"},
      {"A008", Severity::Warning, "Another year named as the report's own",
       "正文年份与报告年度不符",
       "A sentence that speaks of the report's own year (the fee sentence of section 六, a summary "
       "like “2024年度我单位…”) names another year: the text was likely copied from an earlier "
       "report.",
       "收费情况或“××年度我单位……”等表述本年度情况的语句写的是其他年份，可能沿用了往年报告的文字"
       "。"},
      {"A009", Severity::Warning, "Title and statistics period disagree", "标题年份与统计期限不符",
       "The year in the title, the report year and the statistics period (统计期限) are not the "
       "same "
       "year.",
       "标题中的年份、报告年度与报告所述统计期限不一致。"},
      {"A010", Severity::Warning, "Signed after the deadline", "落款日期晚于发布时限",
       "The signature date (落款) is after the deadline of 条例 art. 49 and the format notices: 31 "
       "January for a department's report; for a people's government's combined report 20 February "
       "(county), 10 March (city) or 31 March (province). When the kind and level of a 人民政府 "
       "report are "
       "unknown, only a date after 31 March counts. The report was published no earlier than it "
       "was "
       "signed, so it was certainly late.",
       "落款日期晚于《条例》第四十九条及报告格式通知规定的时限：部门报告为次年1月31日前；人民政府汇"
       "总报告县级为2月20日前、"
       "设区的市级为3月10日前、省级为3月31日前。人民政府报告的类型和层级不明时，仅3月31日之后视为逾"
       "期。"
       "报告不会早于落款日期发布，因此必然逾期。"},
      {"A011", Severity::Info, "No signature date", "无落款日期",
       "The report carries no signature date (落款), so when it was issued cannot be told from the "
       "text.",
       "报告没有落款日期，无法从文本判断其印发时间。"},
      {"A012", Severity::Info, "Outdated table format", "使用旧版表格格式",
       "A report for 2021 or later uses the 2019 table format (国办公开办函〔2019〕60号) instead "
       "of the "
       "2021 format (国办公开办函〔2021〕30号).",
       "2021年及以后年度的报告仍使用2019年版表格格式（国办公开办函〔2019〕60号），而非2021年版格式"
       "（国办公开办函〔2021〕30号）。"},
      {"A013", Severity::Warning, "Prose and table disagree on applications received",
       "正文与表格的申请数量不符",
       "The text says how many information-disclosure applications were received "
       "(收到依申请公开X件, "
       "未收到…申请) and table A's new applications (一、本年新收, 总计) say otherwise (a count "
       "that "
       "includes those carried over from last year is accepted).",
       "正文所述收到的政府信息公开申请数量（如“收到依申请公开X件”“未收到……申请”）与申请处理情况表“"
       "一、本年新收”总计不符"
       "（含上年结转的数量亦视为相符）。"},
      {"A014", Severity::Warning, "Problems section repeats last year's", "存在问题部分与上年雷同",
       "Section 五 (problems and improvements) is nearly identical to the same agency's "
       "previous-year "
       "report (character 3-gram Jaccard similarity ≥ 0.7). The format notice forbids reports that "
       "repeat themselves year after year (年年雷同).",
       "第五部分“存在的主要问题及改进情况”与本机关上一年度报告几乎相同（字符三元组Jaccard相似度≥0."
       "7）。"
       "年度报告格式通知要求避免年年雷同。"},
  };
  return all;
}

const RuleInfo* find_rule(std::string_view code) {
  for (const auto& r : rules()) {
    if (r.code == code) return &r;
  }
  return nullptr;
}

}  // namespace gongkai::report::audit
