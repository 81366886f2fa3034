#include "site/metrics.hpp"

#include <stdexcept>

namespace gongkai::site {
namespace {

report::CellIndex cell(std::string_view id) {
  auto index = report::find_cell(id);
  if (!index) throw std::logic_error("metric cell not in catalogue: " + std::string(id));
  return *index;
}

std::vector<MetricDef> make_named() {
  std::vector<MetricDef> m;
  m.push_back({"applications_received",
               "本年新收申请",
               "Applications received",
               "一、本年新收政府信息公开申请数量（总计）",
               "New applications received this year (total)",
               {cell("applications.new_received.total")},
               {}});
  m.push_back({"applications_handled",
               "办理结果总计",
               "Applications decided",
               "三、本年度办理结果 （七）总计",
               "Decisions of the year, total (row (7))",
               {cell("applications.total.total")},
               {}});
  m.push_back({"disclosed",
               "予以公开",
               "Disclosed",
               "（一）予以公开（总计）",
               "Row (1) disclosed, total",
               {cell("applications.disclosed.total")},
               {}});
  m.push_back({"partially_disclosed",
               "部分公开",
               "Partially disclosed",
               "（二）部分公开（总计）",
               "Row (2) partially disclosed, total",
               {cell("applications.partially_disclosed.total")},
               {}});
  m.push_back(
      {"disclosure_rate",
       "公开率",
       "Disclosure rate",
       "（予以公开 + 部分公开）÷ 办理结果总计",
       "(disclosed + partially disclosed) ÷ decisions",
       {cell("applications.disclosed.total"), cell("applications.partially_disclosed.total")},
       {cell("applications.total.total")}});
  m.push_back({"reconsiderations",
               "行政复议",
               "Reconsiderations",
               "行政复议（总计）",
               "Reconsideration cases, total",
               {cell("review.reconsideration.total")},
               {}});
  m.push_back({"lawsuits",
               "行政诉讼",
               "Lawsuits",
               "未经复议直接起诉 + 复议后起诉（总计）",
               "Lawsuits filed directly + after reconsideration (totals)",
               {cell("review.litigation_direct.total"),
                cell("review.litigation_after_reconsideration.total")},
               {}});
  m.push_back(
      {"corrected",
       "结果纠正",
       "Decisions corrected",
       "行政复议、诉讼中“结果纠正”之和",
       "Reconsiderations and lawsuits ending in correction",
       {cell("review.reconsideration.corrected"), cell("review.litigation_direct.corrected"),
        cell("review.litigation_after_reconsideration.corrected")},
       {}});
  m.push_back({"licensing",
               "行政许可",
               "Licensing decisions",
               "第二十条第（五）项 行政许可 处理决定数量",
               "Art. 20(5) licensing decisions",
               {cell("proactive.licensing.decisions")},
               {}});
  m.push_back({"punishments",
               "行政处罚",
               "Penalty decisions",
               "第二十条第（六）项 行政处罚 处理决定数量",
               "Art. 20(6) penalty decisions",
               {cell("proactive.punishment.decisions")},
               {}});
  return m;
}

}  // namespace

const std::vector<MetricDef>& named_metrics() {
  static const std::vector<MetricDef> metrics = make_named();
  return metrics;
}

namespace {

/// The printed labels of a cell, outermost first ("主动公开 › 行政处罚 › 本年处理决定数量").
void cell_labels(report::CellIndex index, std::string& zh, std::string& en) {
  const report::CellDef& def = report::cell_def(index);
  auto join = [](std::string& out, std::string_view part) {
    if (!out.empty()) out += " · ";
    out += part;
  };
  switch (def.table) {
    case report::Table::Proactive:
      for (auto format : {report::Format::F2021, report::Format::F2019}) {
        for (const auto& block : report::proactive_blocks(format)) {
          for (const auto& item : block.items) {
            if (item.id != def.group) continue;
            for (const auto& field : block.fields) {
              if (field.id != def.field) continue;
              join(zh, item.zh), join(zh, field.zh), join(en, item.en), join(en, field.en);
              return;
            }
          }
        }
      }
      break;
    case report::Table::Applications:
      for (auto layout : {report::Layout::L2021, report::Layout::L2019}) {
        for (const auto& row : report::application_rows(layout)) {
          if (row.id != def.group) continue;
          for (const auto& part : row.path) join(zh, part);
          join(en, row.en);
          for (const auto& column : report::application_columns()) {
            if (column.id == def.field) join(zh, column.zh), join(en, column.en);
          }
          return;
        }
      }
      break;
    case report::Table::Review:
      for (const auto& group : report::review_groups()) {
        if (group.id == def.group) join(zh, group.zh), join(en, group.en);
      }
      for (const auto& field : report::review_fields()) {
        if (field.id == def.field) join(zh, field.zh), join(en, field.en);
      }
      return;
  }
}

}  // namespace

std::optional<MetricDef> find_metric(std::string_view id) {
  for (const auto& m : named_metrics()) {
    if (m.id == id) return m;
  }
  auto index = report::find_cell(id);
  if (!index) return std::nullopt;
  MetricDef m;
  m.id = std::string(id);
  m.sum = {*index};
  cell_labels(*index, m.zh, m.en);
  m.formula_zh = m.formula_en = m.id;  // the cell's identifier, as the CSV and JSON name it
  return m;
}

report::Number add(const report::Number& a, const report::Number& b) {
  report::Number x = a, y = b;
  while (x.scale < y.scale) x.units *= 10, ++x.scale;
  while (y.scale < x.scale) y.units *= 10, ++y.scale;
  return {x.units + y.units, x.scale};
}

namespace {

/// Sums cells into `out`; returns the state that stops the sum (Value when every cell was read).
MetricValue::State sum_cells(const std::vector<report::CellIndex>& cells, const report::Report& r,
                             report::Number& out, uint32_t& line) {
  out = {};
  bool first = true;
  for (auto index : cells) {
    const report::Cell& c = r.cell(index);
    if (first || (line == 0 && c.line != 0)) line = c.line;
    first = false;
    if (c.status == report::CellStatus::Absent) return MetricValue::State::Absent;
    if (c.status == report::CellStatus::Missing || !c.value) {
      line = c.line;
      return MetricValue::State::Missing;
    }
    out = add(out, *c.value);
  }
  return MetricValue::State::Value;
}

}  // namespace

MetricValue evaluate(const MetricDef& metric, const report::Report& report) {
  MetricValue v;
  v.state = sum_cells(metric.sum, report, v.numerator, v.line);
  if (v.state != MetricValue::State::Value) return v;
  v.number = v.numerator;
  if (!metric.ratio()) return v;
  uint32_t over_line = 0;
  v.state = sum_cells(metric.over, report, v.denominator, over_line);
  if (v.state != MetricValue::State::Value) {
    v.line = over_line;
    return v;
  }
  if (v.denominator.units == 0) {
    v.state = MetricValue::State::NotApplicable;
    return v;
  }
  v.rate = v.numerator.to_double() / v.denominator.to_double();
  return v;
}

double MetricTotal::rate() const {
  return denominator.units == 0 ? 0.0 : number.to_double() / denominator.to_double();
}

void accumulate(MetricTotal& total, const MetricValue& value) {
  ++total.reports;
  if (value.state == MetricValue::State::Value ||
      value.state == MetricValue::State::NotApplicable) {
    ++total.reports_with_value;
    total.number = add(total.number, value.numerator);
    total.denominator = add(total.denominator, value.denominator);
  }
}

}  // namespace gongkai::site
