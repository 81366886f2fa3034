#pragma once
// Metrics: what tables, charts and comparisons show. A metric is a cell of the report format, or a
// named sum or ratio of cells ("disclosure_rate"). A value the report does not give is never 0: it
// is Missing (with the source line of the unread cell), Absent (not in this report's format), or
// not applicable (a rate over zero applications).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "report/report.hpp"

namespace gongkai::site {

struct MetricDef {
  std::string id;  ///< "disclosure_rate" or a cell id ("applications.new_received.total")
  std::string zh, en;
  std::string formula_zh, formula_en;   ///< how it is computed, for headers' explanations
  std::vector<report::CellIndex> sum;   ///< numerator: the sum of these cells
  std::vector<report::CellIndex> over;  ///< denominator (empty: not a ratio)
  bool ratio() const { return !over.empty(); }
};

/// Named metrics, in the order tables show them.
const std::vector<MetricDef>& named_metrics();
/// A named metric or any cell id of the catalogue; nullopt when neither.
std::optional<MetricDef> find_metric(std::string_view id);

struct MetricValue {
  enum class State : uint8_t {
    Value,          ///< `number` (sum) or `rate` (ratio in [0, ∞)) holds the value
    Missing,        ///< a cell needed is missing in the report; `line` is where it was expected
    Absent,         ///< a cell needed is not part of this report's format
    NotApplicable,  ///< a ratio whose denominator is 0
  };
  State state = State::Missing;
  report::Number number;  ///< sums: exact
  double rate = 0;        ///< ratios: numerator / denominator
  report::Number numerator, denominator;
  uint32_t line =
      0;  ///< the source line of the cell (single-cell metrics) or of the first unread one
  bool has_value() const { return state == State::Value; }
};

MetricValue evaluate(const MetricDef& metric, const report::Report& report);

/// Sums a metric over many reports: only reports that give a value count; `reports_with_value`
/// tells how many did, so a partial total is never passed off as a whole one.
struct MetricTotal {
  report::Number number;  ///< sum of numerators
  report::Number denominator;
  size_t reports_with_value = 0;
  size_t reports = 0;
  double rate() const;
  bool complete() const { return reports_with_value == reports; }
};
void accumulate(MetricTotal& total, const MetricValue& value);

/// Exact sum (aligns scales).
report::Number add(const report::Number& a, const report::Number& b);

}  // namespace gongkai::site
