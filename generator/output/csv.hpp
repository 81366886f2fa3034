#pragma once
// CSV as spreadsheet programs and RFC 4180 readers both take it: UTF-8 with a byte order mark (so
// Excel reads Chinese text as UTF-8), fields separated by commas, rows ended by CRLF, a field
// quoted when it holds a comma, a quote, CR or LF (quotes doubled inside). Every CSV of the site
// (each year's data.csv, data/reports.csv) is written with these.
#include <string>
#include <string_view>

namespace gongkai::output {

/// The UTF-8 byte order mark, written first.
inline constexpr std::string_view kCsvBom = "\xEF\xBB\xBF";
/// The end of every row, the last one included.
inline constexpr std::string_view kCsvRowEnd = "\r\n";

/// Appends one field, quoted when RFC 4180 requires it. An empty field stays empty (a missing
/// value is an empty field, never 0).
void append_csv_field(std::string& out, std::string_view value);

}  // namespace gongkai::output
