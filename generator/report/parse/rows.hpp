#pragma once
// Matching row labels in a token stream and taking the numbers that follow them: the common part
// of the readers of tables P, A and R.
#include <span>
#include <string_view>
#include <vector>

#include "report/parse/tokens.hpp"

namespace gongkai::report::parse {

/// Where a row label matched in the keys of a stream.
struct RowMatch {
  bool found = false;
  size_t begin = 0, end = 0;  ///< [begin, end) in TokenStream::keys
  size_t token = 0;           ///< the token holding the label's last character
  uint32_t line = 0;
};

/// The earliest match, at or after `from`, of any of `keys` (already in normalize_key form).
RowMatch find_row(const TokenStream& ts, std::span<const std::string_view> keys, size_t from);

/// The candidate value tokens of a matched row. In a table row (markdown, docx): the cells after
/// its last label cell, or the next row's when it holds only values; in free text: every value
/// between the label and `next_begin` (where the next row's label starts).
struct RowValues {
  std::vector<size_t> tokens;
  bool cells = false;  ///< explicit cells: empties are printed, their count may include padding
  /// The label stands outside the table, above a row of values: any number of empty cells may
  /// lead that row (where its label cells were).
  bool detached = false;
};
RowValues row_values(const TokenStream& ts, const RowMatch& m, size_t next_begin);

/// Picks `expected` consecutive tokens out of the candidates. Free text must have exactly that
/// many. Explicit cells may carry empty padding: up to `max_leading` empty cells at the start (a
/// label shifted left by the converter) and any number at the end (trailing empty columns); when
/// more than one choice remains and they differ, `preferred_offset` (learned from the table's
/// other rows) decides, else the result is ambiguous.
enum class Fit : uint8_t { Ok, TooFew, TooMany, Ambiguous };
struct Fitted {
  Fit fit = Fit::TooFew;
  size_t offset = 0;  ///< how many leading candidates were dropped
  std::vector<size_t> tokens;
};
Fitted fit_values(const TokenStream& ts, const RowValues& v, size_t expected, size_t max_leading,
                  int preferred_offset = -1);

/// The digits of `v` when its tokens are one run printed without spaces (a flattened page:
/// "1000001"; the tokenizer may have cut it at leading zeros), none of them empty or signed;
/// empty when they are not. `signs`: a token may start with `-` (a sign starts a new cell: 2019's
/// 本年增/减 may be negative).
std::vector<std::string_view> digit_runs(const TokenStream& ts, const RowValues& v,
                                         bool signs = false);

/// Sets the cells to `values` (read on `line`) with an info P019 saying how the run was split.
void assign_split(Report& report, std::span<const CellIndex> cells, std::span<const int64_t> values,
                  uint32_t line, std::string_view run, std::string_view identity);

/// Sets the cells from fitted tokens (Value → Read, Empty → Missing with a P011 warning naming the
/// line), checking each value's kind (a fraction where counts are whole → Missing, P012).
void assign_cells(Report& report, const TokenStream& ts, std::span<const CellIndex> cells,
                  std::span<const size_t> tokens);
/// Marks the cells Missing at `line` with a P010 warning saying why.
void fail_cells(Report& report, std::span<const CellIndex> cells, uint32_t line,
                const std::string& why);

/// "applications.withheld.state_secret" for diagnostics: the shared prefix of the cells' ids.
std::string row_name(std::span<const CellIndex> cells);

}  // namespace gongkai::report::parse
