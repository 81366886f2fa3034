#include "report/parse/rows.hpp"

#include <algorithm>

#include "report/parse/codes.hpp"

namespace gongkai::report::parse {

RowMatch find_row(const TokenStream& ts, std::span<const std::string_view> keys, size_t from) {
  RowMatch best;
  size_t at = std::string::npos;
  size_t len = 0;
  std::string_view all(ts.keys);
  for (auto key : keys) {
    // Only a match before the best so far can win: search no further than that.
    size_t limit = at == std::string::npos ? all.size() : std::min(all.size(), at + key.size());
    if (from >= limit) continue;
    size_t k = all.substr(0, limit).find(key, from);
    if (k < at) {
      at = k;
      len = key.size();
    }
  }
  if (at == std::string::npos) return best;
  best.found = true;
  best.begin = at;
  best.end = at + len;
  best.token = ts.token_at(best.end - 1);
  best.line = ts.tokens[best.token].line;
  return best;
}

RowValues row_values(const TokenStream& ts, const RowMatch& m, size_t next_begin) {
  RowValues v;
  const auto& toks = ts.tokens;
  const Token& label = toks[m.token];
  if (label.cell) {
    v.cells = true;
    size_t i = m.token + 1;
    for (; i < toks.size() && toks[i].cell && toks[i].row == label.row; ++i) {
      if (toks[i].is_value()) {
        v.tokens.push_back(i);
      } else {
        v.tokens.clear();  // a later label cell: only the cells after the last one are values
      }
    }
    if (v.tokens.empty() && i < toks.size() && toks[i].cell) {
      // The numbers in a row of their own right below the label's row.
      uint32_t row = toks[i].row;
      size_t j = i;
      bool only_values = true;
      for (; j < toks.size() && toks[j].cell && toks[j].row == row; ++j) {
        only_values = only_values && toks[j].is_value();
      }
      if (only_values) {
        for (size_t k = i; k < j; ++k) v.tokens.push_back(k);
      }
    }
    return v;
  }
  size_t after = m.token + 1;  // past the rest of the label's line
  while (after < toks.size() && !toks[after].cell && toks[after].kind == Token::Kind::Text &&
         toks[after].line == label.line) {
    ++after;
  }
  if (after < toks.size() && toks[after].cell) {
    // A label left outside the table (converter markdown): its numbers are the table row right
    // below it, when that row holds only values.
    size_t i = after, j = i;
    bool only_values = true;
    for (; j < toks.size() && toks[j].cell && toks[j].row == toks[i].row; ++j) {
      only_values = only_values && toks[j].is_value();
    }
    if (only_values) {
      v.cells = v.detached = true;
      for (size_t k = i; k < j; ++k) v.tokens.push_back(k);
      return v;
    }
  }
  size_t stop = next_begin == std::string::npos ? toks.size() : ts.token_at(next_begin);
  if (next_begin != std::string::npos && next_begin >= ts.keys.size()) stop = toks.size();
  for (size_t i = m.token + 1; i < toks.size() && i < stop; ++i) {
    if (toks[i].is_value()) v.tokens.push_back(i);
  }
  return v;
}

Fitted fit_values(const TokenStream& ts, const RowValues& v, size_t expected, size_t max_leading,
                  int preferred_offset) {
  Fitted f;
  const size_t k = v.tokens.size();
  auto empty = [&](size_t i) { return ts.tokens[v.tokens[i]].kind == Token::Kind::Empty; };
  if (k < expected) {
    f.fit = Fit::TooFew;
    return f;
  }
  if (k == expected) {
    f.fit = Fit::Ok;
    f.tokens = v.tokens;
    return f;
  }
  if (!v.cells) {
    f.fit = Fit::TooMany;
    return f;
  }
  // Offsets whose dropped cells are all empty.
  std::vector<size_t> offsets;
  const size_t leading = v.detached ? k : max_leading;
  for (size_t o = 0; o <= k - expected && o <= leading; ++o) {
    bool ok = true;
    for (size_t i = 0; i < o && ok; ++i) ok = empty(i);
    for (size_t i = o + expected; i < k && ok; ++i) ok = empty(i);
    if (ok) offsets.push_back(o);
  }
  if (offsets.empty()) {
    f.fit = Fit::TooMany;
    return f;
  }
  // Choices differ unless every one of them picks only empty cells.
  bool all_same = true;
  for (size_t o : offsets) {
    for (size_t i = 0; i < expected && all_same; ++i) all_same = empty(o + i);
  }
  size_t chosen = offsets[0];
  if (offsets.size() > 1 && !all_same) {
    bool found = false;
    for (size_t o : offsets) {
      if (preferred_offset >= 0 && o == static_cast<size_t>(preferred_offset)) {
        chosen = o;
        found = true;
      }
    }
    if (!found) {
      f.fit = Fit::Ambiguous;
      return f;
    }
  }
  f.fit = Fit::Ok;
  f.offset = chosen;
  f.tokens.assign(v.tokens.begin() + static_cast<long>(chosen),
                  v.tokens.begin() + static_cast<long>(chosen + expected));
  return f;
}

std::vector<std::string_view> digit_runs(const TokenStream& ts, const RowValues& v, bool signs) {
  std::vector<std::string_view> runs;
  if (v.cells || v.tokens.empty()) return runs;
  const Token* prev = nullptr;
  for (size_t i : v.tokens) {
    const Token& t = ts.tokens[i];
    if (t.kind != Token::Kind::Value || !t.suffix.empty() || t.text.empty()) return {};
    std::string_view digits = t.text;
    if (signs && digits.size() > 1 && digits[0] == '-') digits.remove_prefix(1);
    for (char c : digits) {
      if (c < '0' || c > '9') return {};
    }
    if (prev && (prev->line != t.line || prev->text.data() + prev->text.size() != t.text.data())) {
      return {};  // separated by a space: separate cells, never re-cut
    }
    runs.push_back(t.text);
    prev = &t;
  }
  return runs;
}

void assign_split(Report& report, std::span<const CellIndex> cells, std::span<const int64_t> values,
                  uint32_t line, std::string_view run, std::string_view identity) {
  for (size_t i = 0; i < cells.size() && i < values.size(); ++i) {
    Cell& c = report.cell(cells[i]);
    c.status = CellStatus::Read;
    c.value = Number::integer(values[i]);
    c.line = line;
  }
  report.diagnose(core::Severity::Info, std::string(codes::kSplitRun), line,
                  row_name(cells) + ": digits printed without separators (`" + std::string(run) +
                      "`) split in the only way where " + std::string(identity));
}

std::string row_name(std::span<const CellIndex> cells) {
  if (cells.empty()) return {};
  std::string_view a = cell_def(cells.front()).id, b = cell_def(cells.back()).id;
  if (cells.size() == 1) return std::string(a);
  size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  size_t dot = a.substr(0, n).rfind('.');
  return std::string(a.substr(0, dot == std::string_view::npos ? n : dot));
}

void assign_cells(Report& report, const TokenStream& ts, std::span<const CellIndex> cells,
                  std::span<const size_t> tokens) {
  std::string empties;
  uint32_t empty_line = 0;
  for (size_t i = 0; i < cells.size() && i < tokens.size(); ++i) {
    const Token& t = ts.tokens[tokens[i]];
    Cell& c = report.cell(cells[i]);
    const CellDef& def = cell_def(cells[i]);
    c.line = t.line;
    if (t.kind == Token::Kind::Empty) {
      c.status = CellStatus::Missing;
      c.value.reset();
      if (!empties.empty()) empties += ", ";
      empties += def.id;
      if (!empty_line) empty_line = t.line;
      continue;
    }
    if (!def.decimal && !t.number.is_integer()) {
      c.status = CellStatus::Missing;
      c.value.reset();
      report.diagnose(core::Severity::Warning, std::string(codes::kBadValue), t.line,
                      std::string(def.id) + ": `" + std::string(t.text) +
                          "` is not a whole number; read as missing");
      continue;
    }
    c.status = CellStatus::Read;
    c.value = t.number;
    if (t.number.units < 0 && !def.may_be_negative) {
      report.diagnose(core::Severity::Warning, std::string(codes::kBadValue), t.line,
                      std::string(def.id) + ": negative value `" + std::string(t.text) +
                          "` where a count belongs");
    }
  }
  if (!empties.empty()) {
    report.diagnose(core::Severity::Warning, std::string(codes::kEmptyCell), empty_line,
                    "printed empty, read as missing: " + empties);
  }
}

void fail_cells(Report& report, std::span<const CellIndex> cells, uint32_t line,
                const std::string& why) {
  for (CellIndex c : cells) {
    Cell& cell = report.cell(c);
    cell.status = CellStatus::Missing;
    cell.value.reset();
    cell.line = line;
  }
  report.diagnose(core::Severity::Warning, std::string(codes::kRowValues), line,
                  row_name(cells) + ": " + why + "; its " + std::to_string(cells.size()) +
                      " cells read as missing");
}

}  // namespace gongkai::report::parse
