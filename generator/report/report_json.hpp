#pragma once
// The JSON form of a Report (`gongkai parse FILE --format json`, the data export): a documented
// public format (docs/report-json.md), every value with its source line.
#include <nlohmann/json.hpp>

#include "report/report.hpp"

namespace gongkai::report {

struct JsonOptions {
  bool prose = true;        ///< include the sections' blocks (the data export leaves them out)
  bool diagnostics = true;  ///< include the diagnostics
};

/// The Report as JSON: format version, path, shape, format, layout, meta, cells (in the spec's
/// order, null for unread), procurement unit, sections, diagnostics.
nlohmann::ordered_json to_json(const Report& report, const JsonOptions& options = {});

/// The version of the format to_json writes (`"gongkai_report"` key).
constexpr int kReportJsonVersion = 1;

}  // namespace gongkai::report
