#include "report/parse/value_blocks.hpp"

#include <optional>
#include <string>

#include "report/parse/codes.hpp"
#include "report/parse/rows.hpp"

namespace gongkai::report::parse {

namespace {

enum class Order : uint8_t { Rows, Columns };

/// The token of the block that holds row r, column c in `order`.
size_t token_of(std::span<const size_t> block, std::span<const std::vector<CellIndex>> rows,
                Order order, size_t r, size_t c) {
  if (order == Order::Rows) {
    size_t at = 0;
    for (size_t k = 0; k < r; ++k) at += rows[k].size();
    return block[at + c];
  }
  // Column by column: column c holds one value for every row that has a column c.
  size_t at = 0;
  for (size_t k = 0; k < c; ++k) {
    for (const auto& row : rows) at += row.size() > k;
  }
  for (size_t k = 0; k < r; ++k) at += rows[k].size() > c;
  return block[at];
}

/// How many of the layout's identity instances fail when the block is read in `order` (instances
/// with a cell outside the block or printed empty are not counted).
struct Tally {
  size_t holds = 0, fails = 0;
};
Tally tally(const TokenStream& ts, std::span<const size_t> block,
            std::span<const std::vector<CellIndex>> rows, Order order, Layout layout,
            const Report& report) {
  std::vector<std::optional<int64_t>> value(cell_count());
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < rows[r].size(); ++c) {
      const Token& t = ts.tokens[token_of(block, rows, order, r, c)];
      if (t.kind == Token::Kind::Value && t.number.is_integer()) {
        value[rows[r][c]] = t.number.units;
      }
    }
  }
  Tally out;
  for (const auto& inst : identity_instances(layout)) {
    int64_t sum = 0;
    bool known = true, touches = false;
    for (const auto& term : inst.terms) {
      if (value[term.cell]) {
        sum += term.sign * *value[term.cell];
        touches = true;
        continue;
      }
      const Cell& cell = report.cell(term.cell);
      if (cell.status != CellStatus::Read || !cell.value || !cell.value->is_integer()) {
        known = false;
        break;
      }
      sum += term.sign * cell.value->units;
    }
    if (!known || !touches) continue;
    ++(sum == 0 ? out.holds : out.fails);
  }
  return out;
}

/// The order the lines show: every line holds one whole row (or one whole column).
std::optional<Order> order_of_lines(const TokenStream& ts, std::span<const size_t> block,
                                    std::span<const std::vector<CellIndex>> rows) {
  std::vector<size_t> per_line;
  uint32_t line = 0;
  for (size_t i : block) {
    if (per_line.empty() || ts.tokens[i].line != line) per_line.push_back(0);
    line = ts.tokens[i].line;
    ++per_line.back();
  }
  auto matches = [&](Order order) {
    size_t lines = order == Order::Rows ? rows.size() : rows.empty() ? 0 : rows[0].size();
    if (per_line.size() != lines || lines < 2) return false;
    for (size_t k = 0; k < lines; ++k) {
      size_t want = 0;
      if (order == Order::Rows) {
        want = rows[k].size();
      } else {
        for (const auto& row : rows) want += row.size() > k;
      }
      if (per_line[k] != want) return false;
    }
    return true;
  };
  bool by_rows = matches(Order::Rows), by_columns = matches(Order::Columns);
  if (by_rows == by_columns) return std::nullopt;
  return by_rows ? Order::Rows : Order::Columns;
}

}  // namespace

bool read_value_block(const TokenStream& ts, std::span<const std::vector<CellIndex>> rows,
                      std::span<const size_t> block, Layout layout, bool columns,
                      std::string_view table, Report& report) {
  size_t cells = 0;
  for (const auto& row : rows) cells += row.size();
  if (cells == 0 || block.size() != cells) return false;
  bool same = true;  // every value alike (a table of zeros): any order reads the same
  for (size_t i : block) {
    const Token& a = ts.tokens[i];
    const Token& b = ts.tokens[block.front()];
    same = same && a.kind == b.kind && a.text == b.text;
  }
  std::optional<Order> order = order_of_lines(ts, block, rows);
  if (order == Order::Columns && !columns) order.reset();
  std::string why =
      order ? "each line holds one whole " + std::string(*order == Order::Rows ? "row" : "column")
            : std::string();
  if (!order && same) {
    order = Order::Rows;
    why = "both orders read alike";
  }
  if (!order && columns) {
    Tally by_rows = tally(ts, block, rows, Order::Rows, layout, report);
    Tally by_columns = tally(ts, block, rows, Order::Columns, layout, report);
    bool rows_fit = by_rows.fails == 0 && by_rows.holds > 0;
    bool columns_fit = by_columns.fails == 0 && by_columns.holds > 0;
    if (rows_fit != columns_fit) {
      order = rows_fit ? Order::Rows : Order::Columns;
      why = "only that order satisfies the table's identities";
    }
  }
  uint32_t line = ts.tokens[block.front()].line;
  if (!order) {
    std::vector<CellIndex> all;
    for (const auto& row : rows) all.insert(all.end(), row.begin(), row.end());
    fail_cells(report, all, line,
               std::string(table) +
                   ": its numbers are printed apart from its labels, in an order that " +
                   (columns ? "neither the lines nor the identities tell (row by row or column by "
                              "column)"
                            : "its lines do not tell (table P has no identity)"));
    return true;
  }
  for (size_t r = 0; r < rows.size(); ++r) {
    std::vector<size_t> tokens;
    for (size_t c = 0; c < rows[r].size(); ++c) {
      tokens.push_back(token_of(block, rows, *order, r, c));
    }
    assign_cells(report, ts, rows[r], tokens);
  }
  report.diagnose(core::Severity::Info, std::string(codes::kValueBlock), line,
                  std::string(table) +
                      ": its numbers are printed as one block after its labels; "
                      "read " +
                      (*order == Order::Rows ? "row by row" : "column by column") + ": " + why);
  return true;
}

}  // namespace gongkai::report::parse
