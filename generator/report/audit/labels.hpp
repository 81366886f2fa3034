#pragma once
// Human names for what findings talk about: cells, rows, columns, tables, sections, in English and
// Chinese, taken from the schema catalogue once.
#include <string>
#include <string_view>

#include "report/report.hpp"
#include "report/schema.hpp"

namespace gongkai::report::audit {

/// The part of a cell's name that tells its group: a row of A ("（三）不予公开 1.属于国家秘密"), an
/// item of P ("规章") or a group of R ("行政复议").
std::string_view group_label(CellIndex i, bool zh);
/// The part that tells its field: a column of A ("自然人"), a field of P or R ("结果维持").
std::string_view field_label(CellIndex i, bool zh);
/// "（三）不予公开 1.属于国家秘密 / 自然人", "Withheld: state secret / Natural persons".
std::string cell_label(CellIndex i, bool zh);
/// "Table A" / "申请处理情况表" …
std::string_view table_label(Table t, bool zh);
/// "一、总体情况" / "1 (overview)"; the preamble is "前言" / "preamble".
std::string_view section_label(SectionKey k, bool zh);

}  // namespace gongkai::report::audit
