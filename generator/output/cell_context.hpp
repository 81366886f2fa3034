#pragma once
// Values of cells, metrics and findings as templates see them. A cell is {state, v, n, line,
// flags}: `v` the text to show, `n` the number (for sorting), `state` "read" | "missing" | "absent"
// | "na" | "none" (no report that year). A value the report does not give is never shown as 0.
#include <map>
#include <vector>

#include "output/context.hpp"
#include "site/metrics.hpp"

namespace gongkai::output {

/// The findings of one report, numbered from 1, and which cells each concerns.
struct NumberedFindings {
  std::vector<Value> list;  ///< [{number, anchor, severity, code, title, message, line, lines}]
  std::map<report::CellIndex, std::vector<Value>>
      flags;                     ///< cell → [{number, severity, code, title, href}]
  size_t counts[3] = {0, 0, 0};  ///< by severity (error, warning, info)
};
NumberedFindings number_findings(const ContextEnv& env, const site::ReportEntry& entry);
/// {error, warning, info}
Value finding_counts(const site::ReportEntry& entry);
/// The rule's short title in the site's language ("" when unknown).
std::string rule_title(const ContextEnv& env, const std::string& code);
/// The finding's message in the site's language.
const std::string& finding_message(const ContextEnv& env, const site::Finding& f);
/// "error" | "warning" | "info" as a shared value.
const Value& severity_value(core::Severity s);

/// A table cell of a report.
Value cell_value(const report::Report& r, report::CellIndex index,
                 const NumberedFindings& findings);

/// A metric of one report, linked to its source line (one cell) or to the report page's table.
Value metric_value(const ContextEnv& env, const site::MetricDef& metric,
                   const site::ReportEntry& entry);
/// A metric value for a year with no report.
Value no_report_value();
/// A total over many reports: {state ("read" | "missing" | "na"), v, n, complete, with_value,
/// reports, note (when partial), href}.
Value total_value(const ContextEnv& env, const site::MetricDef& metric,
                  const site::MetricTotal& total, const std::string& href = {});
/// The text of a value: "1,234" or "83.3%".
std::string metric_text(const site::MetricDef& metric, const site::MetricValue& v);

}  // namespace gongkai::output
