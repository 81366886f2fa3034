#include "report/audit/labels.hpp"

#include <vector>

namespace gongkai::report::audit {

namespace {

struct CellLabels {
  std::string group_zh, group_en;
  std::string_view field_zh, field_en;
};

/// "三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密" → "（三）不予公开 1.属于国家秘密": the
/// outermost group is left out when the row has its own label below it.
std::string row_zh(const ApplicationRow& row) {
  std::string out;
  size_t from = row.path.size() > 1 ? 1 : 0;
  for (size_t k = from; k < row.path.size(); ++k) {
    if (!out.empty()) out += ' ';
    out += row.path[k];
  }
  return out;
}

std::vector<CellLabels> build() {
  std::vector<CellLabels> out(cell_count());
  for (Format f : {Format::F2021, Format::F2019}) {
    for (const auto& block : proactive_blocks(f)) {
      for (const auto& item : block.items) {
        for (const auto& field : block.fields) {
          std::string id = "proactive." + std::string(item.id) + "." + std::string(field.id);
          auto i = find_cell(id);
          if (!i) continue;
          out[*i] = {std::string(item.zh), std::string(item.en), field.zh, field.en};
        }
      }
    }
  }
  for (Layout l : {Layout::L2021, Layout::L2019}) {
    for (const auto& row : application_rows(l)) {
      for (const auto& column : application_columns()) {
        std::string id = "applications." + std::string(row.id) + "." + std::string(column.id);
        auto i = find_cell(id);
        if (!i) continue;
        out[*i] = {row_zh(row), std::string(row.en), column.zh, column.en};
      }
    }
  }
  for (const auto& group : review_groups()) {
    for (const auto& field : review_fields()) {
      std::string id = "review." + std::string(group.id) + "." + std::string(field.id);
      auto i = find_cell(id);
      if (!i) continue;
      out[*i] = {std::string(group.zh), std::string(group.en), field.zh, field.en};
    }
  }
  return out;
}

const std::vector<CellLabels>& labels() {
  static const std::vector<CellLabels> all = build();
  return all;
}

}  // namespace

std::string_view group_label(CellIndex i, bool zh) {
  const auto& l = labels()[i];
  return zh ? l.group_zh : l.group_en;
}

std::string_view field_label(CellIndex i, bool zh) {
  const auto& l = labels()[i];
  return zh ? l.field_zh : l.field_en;
}

std::string cell_label(CellIndex i, bool zh) {
  std::string out(group_label(i, zh));
  out += " / ";
  out += field_label(i, zh);
  return out;
}

std::string_view table_label(Table t, bool zh) {
  switch (t) {
    case Table::Proactive:
      return zh ? "主动公开情况表" : "Table P (proactive disclosure)";
    case Table::Applications:
      return zh ? "申请处理情况表" : "Table A (applications)";
    case Table::Review:
      return zh ? "复议诉讼情况表" : "Table R (review and litigation)";
  }
  return "";
}

std::string_view section_label(SectionKey k, bool zh) {
  switch (k) {
    case SectionKey::Preamble:
      return zh ? "前言" : "preamble";
    case SectionKey::Overview:
      return zh ? "一、总体情况" : "section 1 (overview)";
    case SectionKey::Proactive:
      return zh ? "二、主动公开政府信息情况" : "section 2 (proactive disclosure)";
    case SectionKey::Applications:
      return zh ? "三、收到和处理政府信息公开申请情况" : "section 3 (applications)";
    case SectionKey::Review:
      return zh ? "四、政府信息公开行政复议、行政诉讼情况" : "section 4 (review and litigation)";
    case SectionKey::Problems:
      return zh ? "五、存在的主要问题及改进情况" : "section 5 (problems and improvements)";
    case SectionKey::Other:
      return zh ? "六、其他需要报告的事项" : "section 6 (other matters)";
  }
  return "";
}

}  // namespace gongkai::report::audit
