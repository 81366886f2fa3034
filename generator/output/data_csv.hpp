#pragma once
// /data/reports.csv: one row per report, the metadata columns then one column per cell of both
// formats (data_columns.hpp). UTF-8 with a BOM, CRLF, RFC 4180 quoting (output/csv.hpp). A value a
// report does not give — missing, or not in its format — is an empty field, never 0; numbers are
// as printed ("5949.088667", "1286.40", "-15").
#include <string>

#include "output/context.hpp"
#include "output/page_list.hpp"

namespace gongkai::output {

/// The whole CSV, rows in the order of site.reports (file order).
std::string reports_csv(const ContextEnv& env);

/// Writes data/reports.csv.
FileGenerator reports_csv_generator();

}  // namespace gongkai::output
