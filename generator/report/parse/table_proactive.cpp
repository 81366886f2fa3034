// Table P (主动公开政府信息情况): items in the format's order, each followed by its fields' values.
#include <string>
#include <vector>

#include "report/parse/codes.hpp"
#include "report/parse/labels.hpp"
#include "report/parse/rows.hpp"
#include "report/parse/split.hpp"
#include "report/parse/tables.hpp"
#include "report/parse/value_blocks.hpp"

namespace gongkai::report::parse {

namespace {

struct Item {
  std::string_view id;
  std::span<const std::string_view> keys;
  std::vector<CellIndex> cells;
};

std::vector<Item> make_items(Format f) {
  std::vector<Item> items;
  for (const auto& block : proactive_blocks(f)) {
    for (const auto& item : block.items) {
      Item it{item.id, proactive_keys(item.id, f == Format::F2019), {}};
      for (const auto& field : block.fields) {
        it.cells.push_back(
            *find_cell("proactive." + std::string(item.id) + "." + std::string(field.id)));
      }
      items.push_back(std::move(it));
    }
  }
  return items;
}

const std::vector<Item>& items_of(Format f) {
  static const std::vector<Item> f2019 = make_items(Format::F2019);
  static const std::vector<Item> f2021 = make_items(Format::F2021);
  return f == Format::F2019 ? f2019 : f2021;
}

std::string fit_problem(const Fitted& f, size_t got, size_t expected) {
  if (f.fit == Fit::Ambiguous) return "cannot tell which of its cells is empty";
  return "found " + std::to_string(got) + " values where " + std::to_string(expected) + " belong";
}

/// The unit of the （九） amount: printed after it ("1286.40元"), or in the block's header.
void read_unit(const TokenStream& ts, size_t amount, size_t header_from, size_t header_to,
               Report& report) {
  const Token& t = ts.tokens[amount];
  if (t.kind != Token::Kind::Value) return;
  std::string_view unit = t.suffix;
  if (unit.empty() && amount + 1 < ts.tokens.size()) {
    const Token& next = ts.tokens[amount + 1];
    if (next.kind == Token::Kind::Text && next.line == t.line) {
      if (next.text.substr(0, 6) == "万元")
        unit = "万元";
      else if (next.text.substr(0, 3) == "元")
        unit = "元";
    }
  }
  if (unit.empty() && header_to > header_from) {
    std::string_view header(ts.keys.data() + header_from, header_to - header_from);
    if (header.find("万元") != std::string_view::npos) {
      unit = "万元";
    } else if (header.find("(元)") != std::string_view::npos ||
               header.find("单位:元") != std::string_view::npos ||
               header.find("单位：元") != std::string_view::npos) {
      unit = "元";
    }
  }
  if (unit.empty()) {
    report.diagnose(core::Severity::Warning, std::string(codes::kUnit), t.line,
                    "proactive.procurement.amount: unit not stated (元 or 万元); the value is "
                    "kept as printed");
    return;
  }
  report.procurement_unit.set(std::string(unit), t.line);
}

/// A run of digits printed without separators (a flattened page), split where the rules leave no
/// choice: a number never starts with 0 unless it is 0, only 本年增/减 may be negative (a sign
/// starts a cell), and a figure the prose states ("制发规范性文件77件") is that cell's. Table P has
/// no identity: where several splits remain, only the cells they all agree on are read. False
/// when nothing could be read (the row is then missing as usual).
bool split_forced(const TokenStream& ts, const RowValues& v, const std::vector<CellIndex>& cells,
                  ProseFigures& prose, Report& report) {
  constexpr size_t kLimit = 64;  // more splits than this: nothing is proven
  auto runs = digit_runs(ts, v, true);
  if (runs.empty()) return false;
  for (CellIndex c : cells) {
    if (cell_def(c).decimal) return false;  // a fee or an amount: where its decimals end is unknown
  }
  auto split = [&](std::span<const StatedFigure> figures) {
    return split_runs(
        runs, cells.size(),
        [&](std::span<const int64_t> p) {
          CellIndex c = cells[p.size() - 1];
          if (p.back() < 0 && !cell_def(c).may_be_negative) return false;
          const StatedFigure* f = stated(figures, c);
          return !f || f->value == p.back();
        },
        kLimit);
  };
  auto splits = split({});
  std::string printed;
  for (auto r : runs) printed += r;
  uint32_t line = ts.tokens[v.tokens.front()].line;
  std::string how = "no number starts with 0 unless it is 0";
  if (splits.size() > 1) {
    auto figures = prose.get();
    bool any = false;
    for (CellIndex c : cells) any = any || stated(figures, c);
    if (any) {
      auto narrowed = split(figures);
      if (!narrowed.empty()) {
        splits = std::move(narrowed);
        how += ", and the prose states ";
        bool first = true;
        for (CellIndex c : cells) {
          if (const StatedFigure* f = stated(figures, c)) {
            how += (first ? "" : ", ") + std::string(cell_def(c).id) + " = " +
                   std::to_string(f->value) + " (line " + std::to_string(f->line) + ")";
            first = false;
          }
        }
      }
    }
  }
  if (splits.empty() || splits.size() >= kLimit) return false;
  if (splits.size() == 1) {
    assign_split(report, cells, splits[0], line, printed, how);
    return true;
  }
  // Several splits: the cells on which they all agree are proven, the others are not.
  std::vector<CellIndex> known, unknown;
  std::vector<int64_t> values;
  for (size_t k = 0; k < cells.size(); ++k) {
    bool same = true;
    for (const auto& s : splits) same = same && s[k] == splits[0][k];
    if (same) {
      known.push_back(cells[k]);
      values.push_back(splits[0][k]);
    } else {
      unknown.push_back(cells[k]);
    }
  }
  if (known.empty()) return false;
  assign_split(report, known, values, line, printed, how + " (every split agrees on these)");
  fail_cells(report, unknown, line,
             "digits printed without separators (`" + printed + "`) split in " +
                 std::to_string(splits.size()) + " ways that differ here");
  return true;
}

/// Labels printed as one block and the numbers as another: every item's label found (the （九）
/// block may be left out), no value between them, after the last one exactly a value per cell.
/// Table P has no identity: only lines that hold one item each (or values all alike) tell the
/// order. The procurement amount's unit is not looked for: such a block is read without it.
bool numbers_apart(const TokenStream& ts, const std::vector<Item>& items,
                   const std::vector<RowMatch>& matches, Format format, Report& report) {
  std::vector<std::vector<CellIndex>> cells;
  size_t last = kNone;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!matches[i].found) {
      if (items[i].id == "procurement" && ts.keys.find("第(九)项") == std::string::npos) continue;
      return false;
    }
    if (last != kNone && !row_values(ts, matches[last], matches[i].begin).tokens.empty()) {
      return false;
    }
    last = i;
    cells.push_back(items[i].cells);
  }
  if (last == kNone || cells.size() < 2) return false;
  RowValues v = row_values(ts, matches[last], std::string::npos);
  if (v.cells || v.tokens.size() <= cells.back().size()) return false;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!matches[i].found) {
      for (CellIndex c : items[i].cells) report.cell(c).status = CellStatus::Absent;
    }
  }
  Layout layout = format == Format::F2019 ? Layout::L2019 : Layout::L2021;
  return read_value_block(ts, cells, v.tokens, layout, false, "table P", report);
}

}  // namespace

void read_proactive(const TokenStream& ts, Format format, uint32_t region_line, ProseFigures& prose,
                    Report& report) {
  const auto& items = items_of(format);
  std::vector<RowMatch> matches(items.size());
  size_t cursor = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    matches[i] = find_row(ts, items[i].keys, cursor);
    if (matches[i].found) cursor = matches[i].end;
  }
  if (numbers_apart(ts, items, matches, format, report)) return;
  for (size_t i = 0; i < items.size(); ++i) {
    const Item& item = items[i];
    const RowMatch& m = matches[i];
    bool procurement = item.id == "procurement";
    if (!m.found) {
      if (procurement) {
        bool block = ts.keys.find("第(九)项") != std::string::npos;
        if (!block) {
          for (CellIndex c : item.cells) report.cell(c).status = CellStatus::Absent;
          report.diagnose(core::Severity::Info, std::string(codes::kNoProcurement), region_line,
                          "table P has no 第二十条第（九）项 政府集中采购 block: its two cells are "
                          "not printed");
          continue;
        }
      }
      for (CellIndex c : item.cells) report.cell(c).line = region_line;
      report.diagnose(core::Severity::Warning, std::string(codes::kRowLabel), region_line,
                      "table P: row label of proactive." + std::string(item.id) +
                          " not found; its cells read as missing");
      continue;
    }
    size_t next = std::string::npos;
    for (size_t j = i + 1; j < items.size(); ++j) {
      if (matches[j].found) {
        next = matches[j].begin;
        break;
      }
    }
    RowValues v = row_values(ts, m, next);
    Fitted f = fit_values(ts, v, item.cells.size(), 0);
    if (f.fit == Fit::TooFew && split_forced(ts, v, item.cells, prose, report)) continue;
    if (f.fit != Fit::Ok) {
      fail_cells(report, item.cells, m.line, fit_problem(f, v.tokens.size(), item.cells.size()));
      continue;
    }
    assign_cells(report, ts, item.cells, f.tokens);
    if (procurement && f.tokens.size() == 2) {
      size_t from = i > 0 && matches[i - 1].found ? matches[i - 1].end : 0;
      read_unit(ts, f.tokens[1], from, m.begin, report);
    }
  }
}

}  // namespace gongkai::report::parse
