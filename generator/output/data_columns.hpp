#pragma once
// The columns of the open data (data/reports.csv, and the column list of the data page): metadata
// columns, then one column per cell identifier of the report format, both formats in one order.
#include <string>
#include <string_view>
#include <vector>

#include "output/context.hpp"
#include "report/schema.hpp"

namespace gongkai::output {

/// A metadata column: its header name, what it holds (Chinese, English), and its value for one
/// report ("" when the report does not give it).
struct MetaColumn {
  std::string_view name;
  std::string_view zh, en;
  std::string (*value)(const ContextEnv& env, const site::ReportEntry& entry);
};
const std::vector<MetaColumn>& meta_columns();

/// Every cell of both formats, each once, in the spec's order table by table: table P (the 2021
/// fields, then the ones only the 2019 format prints), table A (rows in order; the single （六）
/// row `applications.other.*` right after its three 2021 sub-rows), table R.
const std::vector<report::CellIndex>& data_cells();

/// How a cell column reads on the data page.
struct CellColumnInfo {
  std::string zh, en;  ///< "规章 · 本年制发件数" / "Rules · issued this year"
  bool in_2019 = false, in_2021 = false;  ///< which formats print it (2021: either layout)
};
const CellColumnInfo& cell_column_info(report::CellIndex cell);

}  // namespace gongkai::output
