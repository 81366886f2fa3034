// Table A (收到和处理政府信息公开申请情况): the rows of the layout in order, seven numbers each
// (six applicant columns, then 总计).
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "report/parse/codes.hpp"
#include "report/parse/joint_split.hpp"
#include "report/parse/labels.hpp"
#include "report/parse/rows.hpp"
#include "report/parse/split.hpp"
#include "report/parse/tables.hpp"
#include "report/parse/value_blocks.hpp"

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

constexpr size_t kMaxSplits = 64;  // a row with more candidate splits takes no part in a proof

bool row_sum(std::span<const int64_t> v) {
  if (v.size() < kColumns) return true;
  int64_t sum = 0;
  for (size_t k = 0; k + 1 < kColumns; ++k) sum += v[k];
  return v[kColumns - 1] == sum;
}

/// A row printed as one run of digits, waiting for the other rows to be read.
struct Pending {
  size_t row = 0;
  std::string printed;
  uint32_t line = 0;
  std::vector<std::vector<int64_t>> splits;  ///< the splits where 总计 is the row's sum
};

/// Splits the pending runs: all of them at once where exactly one combination of their splits
/// satisfies the column identities too (with the rows read as usual); else each row on its own,
/// where its own identity leaves one split.
void resolve_runs(const std::vector<Row>& rows, const std::vector<Pending>& pending, Layout layout,
                  Report& report) {
  static constexpr std::string_view kRowSum = "总计 is the sum of the six applicant columns";
  std::vector<SplitGroup> groups;
  std::vector<size_t> grouped;  // index into pending
  for (size_t k = 0; k < pending.size(); ++k) {
    const auto& p = pending[k];
    if (p.splits.empty() || p.splits.size() >= kMaxSplits) continue;
    groups.push_back({rows[p.row].cells, p.splits});
    grouped.push_back(k);
  }
  std::vector<int> joint(pending.size(), -1);  // the split chosen jointly
  bool any_ambiguous = false;
  for (const auto& g : groups) any_ambiguous = any_ambiguous || g.candidates.size() > 1;
  if (any_ambiguous) {
    std::vector<IdentityInstance> columns;
    for (const auto& inst : identity_instances(layout)) {
      if (inst.kind == Identity::Balance || inst.kind == Identity::OutcomeSum)
        columns.push_back(inst);
    }
    if (auto chosen = solve_jointly(report, groups, columns)) {
      for (size_t g = 0; g < groups.size(); ++g) joint[grouped[g]] = static_cast<int>((*chosen)[g]);
    }
  }
  for (size_t k = 0; k < pending.size(); ++k) {
    const auto& p = pending[k];
    const Row& row = rows[p.row];
    if (p.splits.size() == 1) {
      assign_split(report, row.cells, p.splits[0], p.line, p.printed, kRowSum);
    } else if (joint[k] >= 0) {
      assign_split(report, row.cells, p.splits[static_cast<size_t>(joint[k])], p.line, p.printed,
                   std::string(kRowSum) +
                       " and the columns add up (一 + 二 = （七）总计 + 四, （七）总计 = the "
                       "outcome rows)");
    } else if (p.splits.size() > 1 && p.splits.size() < kMaxSplits) {
      // Several splits add up: the cells on which every one of them agrees are proven.
      std::vector<CellIndex> known, unknown;
      std::vector<int64_t> values;
      for (size_t c = 0; c < kColumns; ++c) {
        bool same = true;
        for (const auto& s : p.splits) same = same && s[c] == p.splits[0][c];
        (same ? known : unknown).push_back(row.cells[c]);
        if (same) values.push_back(p.splits[0][c]);
      }
      std::string why = "digits printed without separators (`" + p.printed + "`) split in " +
                        std::to_string(p.splits.size()) + " ways where " + std::string(kRowSum) +
                        ", and the column identities do not tell which";
      if (!known.empty()) {
        assign_split(report, known, values, p.line, p.printed,
                     std::string(kRowSum) + " (every such split agrees on these)");
      }
      fail_cells(report, unknown, p.line, why);
    } else {
      std::string how = p.splits.empty() ? "in no way" : "in more than one way";
      fail_cells(report, row.cells, p.line,
                 "digits printed without separators (`" + p.printed + "`) split " + how +
                     " where " + std::string(kRowSum) +
                     (p.splits.empty() ? "" : ", and the column identities do not tell which"));
    }
  }
}

/// Labels printed as one block and the numbers as another (PDF text in reading order): every row's
/// label found, no value between them, and after the last one exactly a value per cell.
bool numbers_apart(const TokenStream& ts, const std::vector<Row>& rows,
                   const std::vector<RowMatch>& matches, const std::vector<RowValues>& values,
                   Layout layout, Report& report) {
  const size_t n = rows.size();
  for (size_t i = 0; i < n; ++i) {
    if (!matches[i].found || values[i].cells) return false;
    if (i + 1 < n && !values[i].tokens.empty()) return false;
  }
  if (values[n - 1].tokens.size() != n * kColumns) return false;
  std::vector<std::vector<CellIndex>> cells;
  cells.reserve(n);
  for (const auto& row : rows) cells.push_back(row.cells);
  return read_value_block(ts, cells, values[n - 1].tokens, layout, true, "table A", report);
}

/// Every number of the table in table order, but row labels printed out of place (PDF text in
/// reading order puts the labels beside a rotated group label after the table): exactly a value
/// per cell in the region, at least half the rows, the first and the last among them, have a label
/// right where their numbers start (as many values before it as the rows before hold), and no label
/// stands inside a row's numbers or after its own. Then the values are the rows' in order. False
/// (nothing done) otherwise, or when the rows read as usual anyway.
bool numbers_in_order(const TokenStream& ts, const std::vector<Row>& rows,
                      const std::vector<Fitted>& fits, const std::vector<RowMatch>& matches,
                      Report& report) {
  const size_t n = rows.size();
  bool all_ok = true;
  for (size_t i = 0; i < n; ++i) all_ok = all_ok && matches[i].found && fits[i].fit == Fit::Ok;
  if (all_ok) return false;
  std::vector<size_t> values;
  std::vector<uint32_t> before(ts.tokens.size() + 1, 0);  // values before token k
  for (size_t k = 0; k < ts.tokens.size(); ++k) {
    const Token& t = ts.tokens[k];
    if (t.cell) return false;  // a table with cells is read by its cells
    before[k + 1] = before[k] + (t.is_value() ? 1 : 0);
    if (t.is_value()) values.push_back(k);
  }
  if (values.size() != n * kColumns) return false;
  size_t anchors = 0;
  bool first = false, last = false;
  for (size_t i = 0; i < n; ++i) {
    bool anchored = false;
    for (auto key : rows[i].keys) {
      for (size_t at = ts.find(key, 0); at != std::string::npos; at = ts.find(key, at + 1)) {
        size_t b = before[ts.token_at(at + key.size() - 1) + 1];
        anchored = anchored || b == i * kColumns;
        // A label stands where its numbers start, or before them with other labels (a block of
        // labels, then their numbers), or after the whole table: never inside a row's numbers
        // nor after its own (a value lost before it, another one gained: shifted rows). Only the
        // full label tells: a shorter fallback (总计) may be a header's word.
        bool full = key.data() == rows[i].keys.front().data();
        if (full && (b % kColumns != 0 || (b > i * kColumns && b != values.size()))) return false;
      }
    }
    anchors += anchored;
    if (i == 0) first = anchored;
    if (i + 1 == n) last = anchored;
  }
  // The first and the last row in place bound the table: a value lost and another gained
  // between them would move some label off its place.
  if (!first || !last || anchors * 2 < n) return false;
  for (size_t i = 0; i < n; ++i) {
    std::span<const size_t> row(values.data() + i * kColumns, kColumns);
    assign_cells(report, ts, rows[i].cells, row);
  }
  report.diagnose(
      core::Severity::Info, std::string(codes::kValueBlock), ts.tokens[values.front()].line,
      "table A: its row labels are not all printed beside their numbers; its " +
          std::to_string(values.size()) + " values, one per cell, are read in table order (" +
          std::to_string(anchors) + " of " + std::to_string(n) +
          " labels stand where their row's numbers start)");
  return true;
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
  if (numbers_apart(ts, rows, matches, values, layout, report)) return;
  if (numbers_in_order(ts, rows, fits, matches, report)) return;
  std::vector<Pending> pending;
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
    if (f.fit == Fit::TooFew) {
      auto runs = digit_runs(ts, values[i]);
      if (!runs.empty()) {
        Pending p;
        p.row = i;
        for (auto r : runs) p.printed += r;
        p.line = ts.tokens[values[i].tokens.front()].line;
        p.splits = split_runs(runs, kColumns, row_sum, kMaxSplits);
        pending.push_back(std::move(p));
        continue;
      }
    }
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
  resolve_runs(rows, pending, layout, report);
}

}  // namespace gongkai::report::parse
