#pragma once
// Reports made by hand for the site tests, independent of the reader.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "report/report.hpp"

namespace gongkai::testing {

/// A 2021-format report of `agency` for `year`: every cell read as 0 on line 100 + its index,
/// except those given (nullopt = missing on that line).
report::Report make_report(
    const std::string& agency, int year,
    const std::vector<std::pair<std::string, std::optional<int>>>& cells = {},
    report::Layout layout = report::Layout::L2021);

/// A report from a golden `.cells` file (tests/golden/samples): meta.agency/year/format and every
/// cell (null → missing); line numbers are unknown (0).
report::Report load_cells(const std::string& path);

}  // namespace gongkai::testing
