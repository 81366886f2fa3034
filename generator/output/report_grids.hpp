#pragma once
// The three tables of a report (主动公开, 依申请, 复议诉讼) as grids for the table macro:
// {id, caption, cols, head: [[{text, scope, colspan, rowspan, num}]], rows: [{group, label, level,
// title, cells}]}. Rows and columns follow the official format of the report's own layout.
#include "output/cell_context.hpp"

namespace gongkai::output {

/// Table P: one grid per block (第二十条第（一）项 …), as the format prints them.
Value proactive_grids(const ContextEnv& env, const report::Report& r, const NumberedFindings& f);
/// Table A: one grid, rows grouped as printed (三、本年度办理结果 › （三）不予公开 › …).
Value applications_grid(const ContextEnv& env, const report::Report& r, const NumberedFindings& f);
/// Table R: one grid, a row per kind of case (行政复议, 行政诉讼 › 未经复议直接起诉, 复议后起诉).
Value review_grid(const ContextEnv& env, const report::Report& r, const NumberedFindings& f);

}  // namespace gongkai::output
