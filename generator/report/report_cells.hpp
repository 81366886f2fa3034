#pragma once
// The `cells` form of a Report: one `id<TAB>value` line per value, the stable interface that tests
// and other tools read (`gongkai parse FILE --format cells`).
#include <string>

#include "report/report.hpp"

namespace gongkai::report {

/// meta.agency, meta.year, meta.format, meta.shape, meta.signed (YYYY-MM-DD), meta.period_start,
/// meta.period_end, meta.phone, meta.email, then every cell of cells_of(report.layout) in order;
/// `null` for a value not read (a cell Absent or Missing). Decimals print as printed
/// ("5949.088667", "1286.40"). Each line ends with '\n'.
std::string to_cells(const Report& report);

/// A cell's value as the cells form prints it: the number, or "null".
std::string cell_text(const Cell& cell);

}  // namespace gongkai::report
