#pragma once
// PDF text in reading order may print a table's row labels as one block and its numbers as
// another, after the last label: row by row, or column by column. The count tells that this is
// so (every value after the last label, exactly rows × columns of them); the order is told by the
// lines (each line one row, or one column) or else by the table's identities (when only one order
// satisfies them); when nothing tells it, or the orders would read differently and both fit, the
// cells stay missing.
#include <span>
#include <string_view>
#include <vector>

#include "report/parse/tokens.hpp"

namespace gongkai::report::parse {

/// The value tokens of a table whose rows are `rows` (cells per row, in order), printed as one
/// block `block`, row by row or (when `columns`) column by column. `layout`'s identities decide
/// the order when the lines do not (table A; table P has none: only its lines or a block of equal
/// values tell). Returns false (and
/// does nothing) when `block` has not exactly one value per cell. Otherwise sets the cells (or
/// marks them missing with a P010 warning when the order cannot be told) and says what it did (an
/// info P020).
bool read_value_block(const TokenStream& ts, std::span<const std::vector<CellIndex>> rows,
                      std::span<const size_t> block, Layout layout, bool columns,
                      std::string_view table, Report& report);

}  // namespace gongkai::report::parse
