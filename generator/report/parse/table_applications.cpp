// Table A (收到和处理政府信息公开申请情况): the rows of the layout in order, seven numbers each
// (six applicant columns, then 总计).
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "report/parse/codes.hpp"
#include "report/parse/labels.hpp"
#include "report/parse/rows.hpp"
#include "report/parse/tables.hpp"

namespace gongkai::report::parse {

namespace {

constexpr size_t kColumns = 7;
constexpr size_t kMaxShift = 2;  // empty cells a converter may put before a row's numbers

struct Row {
  std::string_view id;
  std::span<const std::string_view> keys;
  std::vector<CellIndex> cells;
};

std::vector<Row> make_rows(Layout layout) {
  std::vector<Row> rows;
  for (const auto& r : application_rows(layout)) {
    Row row{r.id, application_keys(r.id), {}};
    for (const auto& col : application_columns()) {
      row.cells.push_back(
          *find_cell("applications." + std::string(r.id) + "." + std::string(col.id)));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

const std::vector<Row>& rows_of(Layout layout) {
  static const std::vector<Row> r2019 = make_rows(Layout::L2019);
  static const std::vector<Row> r2021 = make_rows(Layout::L2021);
  return layout == Layout::L2021 ? r2021 : r2019;  // 2021-one prints the 2019 rows
}

}  // namespace

void read_applications(const TokenStream& ts, Layout layout, uint32_t region_line, Report& report) {
  const auto& rows = rows_of(layout);
  const size_t n = rows.size();
  std::vector<RowMatch> matches(n);
  size_t cursor = 0;
  for (size_t i = 0; i < n; ++i) {
    matches[i] = find_row(ts, rows[i].keys, cursor);
    if (matches[i].found) cursor = matches[i].end;
  }
  std::vector<RowValues> values(n);
  std::vector<Fitted> fits(n);
  // Where the numbers start in rows whose cells left no doubt, by (label column, row width): a
  // converter that shifts labels does it the same way throughout a table.
  std::map<std::pair<uint16_t, uint16_t>, uint16_t> first_column;
  for (size_t i = 0; i < n; ++i) {
    if (!matches[i].found) continue;
    size_t next = std::string::npos;
    for (size_t j = i + 1; j < n; ++j) {
      if (matches[j].found) {
        next = matches[j].begin;
        break;
      }
    }
    values[i] = row_values(ts, matches[i], next);
    fits[i] = fit_values(ts, values[i], kColumns, kMaxShift);
    if (fits[i].fit == Fit::Ok && values[i].cells) {
      const Token& label = ts.tokens[matches[i].token];
      first_column.emplace(std::make_pair(label.column, label.row_cells),
                           ts.tokens[fits[i].tokens.front()].column);
    }
  }
  for (size_t i = 0; i < n; ++i) {
    const Row& row = rows[i];
    if (!matches[i].found) {
      for (CellIndex c : row.cells) report.cell(c).line = region_line;
      report.diagnose(core::Severity::Warning, std::string(codes::kRowLabel), region_line,
                      "table A: row label of applications." + std::string(row.id) +
                          " not found; its cells read as missing");
      continue;
    }
    if (fits[i].fit == Fit::Ambiguous) {
      const Token& label = ts.tokens[matches[i].token];
      auto it = first_column.find({label.column, label.row_cells});
      if (it != first_column.end()) {
        int preferred = -1;
        for (size_t k = 0; k < values[i].tokens.size(); ++k) {
          if (ts.tokens[values[i].tokens[k]].column == it->second) preferred = static_cast<int>(k);
        }
        fits[i] = fit_values(ts, values[i], kColumns, kMaxShift, preferred);
      }
    }
    const Fitted& f = fits[i];
    if (f.fit != Fit::Ok) {
      std::string why =
          f.fit == Fit::Ambiguous
              ? "cannot tell which of its cells is empty"
              : "found " + std::to_string(values[i].tokens.size()) + " values where 7 belong";
      fail_cells(report, row.cells, matches[i].line, why);
      continue;
    }
    assign_cells(report, ts, row.cells, f.tokens);
  }
}

}  // namespace gongkai::report::parse
