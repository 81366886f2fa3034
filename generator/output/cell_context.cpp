#include "output/cell_context.hpp"

#include "output/number_format.hpp"

namespace gongkai::output {
namespace {

std::string severity_name(core::Severity s) {
  return std::string(core::to_string(s));
}

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

}  // namespace

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
    const std::string title = rule_title(env, f.code);
    Json lines = Json::array();
    for (auto l : f.lines) lines.push_back(l);
    if (lines.empty() && f.line) lines.push_back(f.line);
    out.list.push_back({{"number", number},
                        {"anchor", anchor},
                        {"severity", severity_name(f.severity)},
                        {"code", f.code},
                        {"title", title},
                        {"message", finding_message(env, f)},
                        {"line", f.line},
                        {"lines", std::move(lines)}});
    for (auto cell : f.cells) {
      auto& flags = out.flags[cell];
      if (flags.is_null()) flags = Json::array();
      flags.push_back({{"number", number},
                       {"severity", severity_name(f.severity)},
                       {"code", f.code},
                       {"title", title},
                       {"href", "#" + anchor}});
    }
  }
  return out;
}

Json finding_counts(const site::ReportEntry& entry) {
  size_t counts[3] = {0, 0, 0};
  for (const auto& f : entry.findings) ++counts[static_cast<int>(f.severity)];
  return {{"error", counts[0]}, {"warning", counts[1]}, {"info", counts[2]}};
}

Json cell_json(const report::Report& r, report::CellIndex index, const NumberedFindings& findings) {
  const report::Cell& c = r.cell(index);
  Json j;
  switch (c.status) {
    case report::CellStatus::Read:
      if (c.value) {
        j["state"] = "read";
        j["v"] = format_number(*c.value);
        j["n"] = c.value->to_double();
        break;
      }
      [[fallthrough]];
    case report::CellStatus::Missing:
      j["state"] = "missing";
      j["v"] = nullptr;
      j["n"] = nullptr;
      break;
    case report::CellStatus::Absent:
      j["state"] = "absent";
      j["v"] = nullptr;
      j["n"] = nullptr;
      break;
  }
  j["line"] = c.line;
  auto it = findings.flags.find(index);
  j["flags"] = it == findings.flags.end() ? Json::array() : it->second;
  return j;
}

std::string metric_text(const site::MetricDef& metric, const site::MetricValue& v) {
  return metric.ratio() ? format_percent(v.rate) : format_number(v.number);
}

Json metric_json(const ContextEnv& env, const site::MetricDef& metric,
                 const site::ReportEntry& entry) {
  site::MetricValue v = site::evaluate(metric, entry.report);
  Json j;
  using State = site::MetricValue::State;
  switch (v.state) {
    case State::Value:
      j["state"] = "read";
      j["v"] = metric_text(metric, v);
      j["n"] = metric.ratio() ? v.rate : v.number.to_double();
      break;
    case State::Missing:
      j["state"] = "missing";
      break;
    case State::Absent:
      j["state"] = "absent";
      break;
    case State::NotApplicable:
      j["state"] = "na";
      break;
  }
  // One cell: straight to its source line; a sum or a rate: to the table on the report page.
  if (metric.sum.size() == 1 && !metric.ratio() && v.line) {
    j["href"] = env.link(entry.url + "source/") + "#L" + std::to_string(v.line);
  } else {
    j["href"] = env.link(entry.url) + anchor_of(metric);
  }
  return j;
}

Json no_report_json() {
  return {{"state", "none"}};
}

Json total_json(const site::MetricDef& metric, const site::MetricTotal& total) {
  Json j;
  j["with_value"] = total.reports_with_value;
  j["reports"] = total.reports;
  j["complete"] = total.complete();
  if (total.reports_with_value == 0) {
    j["state"] = "missing";
  } else if (metric.ratio() && total.denominator.units == 0) {
    j["state"] = "na";  // every report that gives it divides by zero
  } else {
    j["state"] = "read";
    j["v"] = metric.ratio() ? format_percent(total.rate()) : format_number(total.number);
    j["n"] = metric.ratio() ? total.rate() : total.number.to_double();
  }
  return j;
}

}  // namespace gongkai::output
