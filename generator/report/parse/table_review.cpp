// Table R (行政复议、行政诉讼): one row of 15 numbers after the header, three groups of five.
#include <string>
#include <vector>

#include "report/parse/codes.hpp"
#include "report/parse/rows.hpp"
#include "report/parse/tables.hpp"

namespace gongkai::report::parse {

namespace {

const std::vector<CellIndex>& review_cells() {
  static const std::vector<CellIndex> cells = [] {
    std::vector<CellIndex> out;
    for (const auto& g : review_groups()) {
      for (const auto& f : review_fields()) {
        out.push_back(*find_cell("review." + std::string(g.id) + "." + std::string(f.id)));
      }
    }
    return out;
  }();
  return cells;
}

/// Rows of values that may be the table's data row: table rows with no text and at least one
/// number, and runs of numbers in free text.
std::vector<RowValues> candidates(const TokenStream& ts) {
  std::vector<RowValues> out;
  const auto& toks = ts.tokens;
  size_t i = 0;
  while (i < toks.size()) {
    const Token& t = toks[i];
    if (t.cell) {
      size_t j = i;
      bool only_values = true, any_number = false;
      for (; j < toks.size() && toks[j].cell && toks[j].row == t.row; ++j) {
        only_values = only_values && toks[j].is_value();
        any_number = any_number || toks[j].kind == Token::Kind::Value;
      }
      if (only_values && any_number) {
        RowValues v;
        v.cells = true;
        for (size_t k = i; k < j; ++k) v.tokens.push_back(k);
        out.push_back(std::move(v));
      }
      i = j;
    } else if (t.is_value()) {
      RowValues v;
      size_t j = i;
      for (; j < toks.size() && !toks[j].cell && toks[j].is_value(); ++j) v.tokens.push_back(j);
      out.push_back(std::move(v));
      i = j;
    } else {
      ++i;
    }
  }
  return out;
}

}  // namespace

void read_review(const TokenStream& ts, uint32_t region_line, Report& report) {
  const auto& cells = review_cells();
  auto rows = candidates(ts);
  const RowValues* longest = nullptr;
  for (const auto& v : rows) {
    Fitted f = fit_values(ts, v, cells.size(), 0);
    if (f.fit == Fit::Ok) {
      assign_cells(report, ts, cells, f.tokens);
      return;
    }
    if (!longest || v.tokens.size() > longest->tokens.size()) longest = &v;
  }
  if (!longest) {
    fail_cells(report, cells, region_line, "table R: no row of numbers found");
    return;
  }
  uint32_t line = ts.tokens[longest->tokens.front()].line;
  fail_cells(report, cells, line,
             "table R: found " + std::to_string(longest->tokens.size()) +
                 " values in a row where 15 belong");
}

}  // namespace gongkai::report::parse
