#include "output/cell_context.hpp"

#include "output/number_format.hpp"

namespace gongkai::output {
namespace {

/// The section of the report page where a metric's cells are shown.
std::string anchor_of(const site::MetricDef& metric) {
  if (metric.sum.empty()) return "";
  switch (report::cell_def(metric.sum.front()).table) {
    case report::Table::Proactive:
      return "#proactive";
    case report::Table::Applications:
      return "#applications";
    case report::Table::Review:
      return "#review";
  }
  return "";
}

/// A number as shown: small integers are shared values.
Value number_text(const report::Number& n) {
  if (n.is_integer()) return count_text(n.units);
  return Value(format_number(n));
}

/// A number for sorting: an int when it is one.
Value number_sort(const report::Number& n) {
  return n.is_integer() ? Value(n.units) : Value(n.to_double());
}

}  // namespace

const Value& severity_value(core::Severity s) {
  thread_local const Value values[3] = {Value("error"), Value("warning"), Value("info")};
  return values[static_cast<int>(s)];
}

std::string rule_title(const ContextEnv& env, const std::string& code) {
  if (const auto* rule = report::audit::find_rule(code)) {
    return std::string(env.english ? rule->title : rule->title_zh);
  }
  return "";
}

const std::string& finding_message(const ContextEnv& env, const site::Finding& f) {
  return env.pick(f.message_zh.empty() ? f.message : f.message_zh, f.message);
}

NumberedFindings number_findings(const ContextEnv& env, const site::ReportEntry& entry) {
  NumberedFindings out;
  int number = 0;
  for (const auto& f : entry.findings) {
    ++number;
    ++out.counts[static_cast<int>(f.severity)];
    const std::string anchor = "finding-" + std::to_string(number);
    const Value title(rule_title(env, f.code));
    const Value code(f.code);
    std::vector<Value> lines;
    for (auto l : f.lines) lines.emplace_back(l);
    if (lines.empty() && f.line) lines.emplace_back(f.line);
    out.list.push_back(
        Obj(8)(keys::number, number)("anchor", anchor)(keys::severity, severity_value(f.severity))(
            keys::code, code)(keys::title, title)("message", finding_message(env, f))(
            keys::line, f.line)("lines", list(std::move(lines)))
            .value());
    const Value flag = Obj(5)(keys::number, number)(keys::severity, severity_value(f.severity))(
                           keys::code, code)(keys::title, title)(keys::href, "#" + anchor)
                           .value();
    for (auto cell : f.cells) out.flags[cell].push_back(flag);
  }
  return out;
}

Value finding_counts(const site::ReportEntry& entry) {
  size_t counts[3] = {0, 0, 0};
  for (const auto& f : entry.findings) ++counts[static_cast<int>(f.severity)];
  return Obj(3)("error", counts[0])("warning", counts[1])("info", counts[2]).value();
}

Value cell_value(const report::Report& r, report::CellIndex index,
                 const NumberedFindings& findings) {
  const report::Cell& c = r.cell(index);
  Obj cell(5);
  if (c.status == report::CellStatus::Read && c.value) {
    cell(keys::state, constants::read)(keys::v, number_text(*c.value))(keys::n,
                                                                       number_sort(*c.value));
  } else if (c.status == report::CellStatus::Absent) {
    cell(keys::state, constants::absent)(keys::v, Value::none())(keys::n, Value::none());
  } else {
    cell(keys::state, constants::missing)(keys::v, Value::none())(keys::n, Value::none());
  }
  cell(keys::line, c.line);
  auto it = findings.flags.find(index);
  cell(keys::flags, it == findings.flags.end() ? constants::empty_list : list(it->second));
  return cell.value();
}

std::string metric_text(const site::MetricDef& metric, const site::MetricValue& v) {
  return metric.ratio() ? format_percent(v.rate) : format_number(v.number);
}

Value metric_value(const ContextEnv& env, const site::MetricDef& metric,
                   const site::ReportEntry& entry) {
  site::MetricValue v = site::evaluate(metric, entry.report);
  Obj cell(4);
  using State = site::MetricValue::State;
  switch (v.state) {
    case State::Value:
      cell(keys::state, constants::read);
      if (metric.ratio()) {
        cell(keys::v, format_percent(v.rate))(keys::n, v.rate);
      } else {
        cell(keys::v, number_text(v.number))(keys::n, number_sort(v.number));
      }
      break;
    case State::Missing:
      cell(keys::state, constants::missing);
      break;
    case State::Absent:
      cell(keys::state, constants::absent);
      break;
    case State::NotApplicable:
      cell(keys::state, constants::na);
      break;
  }
  // One cell: straight to its source line; a sum or a rate: to the table on the report page.
  if (metric.sum.size() == 1 && !metric.ratio() && v.line) {
    cell(keys::href, entry.url + "source.html#L" + std::to_string(v.line));
  } else {
    cell(keys::href, env.link(entry.url) + anchor_of(metric));
  }
  return cell.value();
}

Value no_report_value() {
  thread_local const Value v = Obj(1)(keys::state, constants::none).value();
  return v;
}

Value total_value(const ContextEnv& env, const site::MetricDef& metric,
                  const site::MetricTotal& total, const std::string& href) {
  Obj cell(8);
  cell(keys::with_value, total.reports_with_value)(keys::reports, total.reports)(keys::complete,
                                                                                 total.complete());
  if (total.reports_with_value == 0) {
    cell(keys::state, constants::missing);
  } else if (metric.ratio() && total.denominator.units == 0) {
    cell(keys::state, constants::na);  // every report that gives it divides by zero
  } else {
    cell(keys::state, constants::read);
    if (metric.ratio()) {
      cell(keys::v, format_percent(total.rate()))(keys::n, total.rate());
    } else {
      cell(keys::v, format_number(total.number))(keys::n, number_sort(total.number));
    }
    if (!total.complete()) {
      cell(keys::note,
           env.t("total.partial", {{"with_value", std::to_string(total.reports_with_value)},
                                   {"reports", std::to_string(total.reports)}}));
    }
    if (!href.empty()) cell(keys::href, href);
  }
  return cell.value();
}

}  // namespace gongkai::output
