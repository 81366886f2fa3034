#pragma once
// Values of cells, metrics and findings as templates see them. A cell is {v, n, line, state,
// flags}: `v` the text to show, `n` the number (for sorting), `state` "read" | "missing" | "absent"
// | "na" | "none" (no report that year). A value the report does not give is never shown as 0.
#include <map>
#include <vector>

#include "output/context.hpp"
#include "site/metrics.hpp"

namespace gongkai::output {

/// The findings of one report, numbered from 1, and which cells each concerns.
struct NumberedFindings {
  Json list = Json::array();  ///< [{number, anchor, severity, code, title, message, line, lines}]
  std::map<report::CellIndex, Json> flags;  ///< cell → [{number, severity, code, title, href}]
  size_t counts[3] = {0, 0, 0};             ///< by severity (error, warning, info)
};
NumberedFindings number_findings(const ContextEnv& env, const site::ReportEntry& entry);
/// {error, warning, info}
Json finding_counts(const site::ReportEntry& entry);
/// The rule's short title in the site's language ("" when unknown).
std::string rule_title(const ContextEnv& env, const std::string& code);
/// The finding's message in the site's language.
const std::string& finding_message(const ContextEnv& env, const site::Finding& f);

/// A table cell of a report.
Json cell_json(const report::Report& r, report::CellIndex index, const NumberedFindings& findings);

/// A metric of one report, linked to its source line (one cell) or to the report page (`anchor`).
Json metric_json(const ContextEnv& env, const site::MetricDef& metric,
                 const site::ReportEntry& entry);
/// A metric value for a year with no report.
Json no_report_json();
/// A total over many reports: {state ("read" | "missing" | "na"), v, n, complete, with_value,
/// reports}.
Json total_json(const site::MetricDef& metric, const site::MetricTotal& total);
/// The text of a value: "1,234" or "83.3%".
std::string metric_text(const site::MetricDef& metric, const site::MetricValue& v);

}  // namespace gongkai::output
