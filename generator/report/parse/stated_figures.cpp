#include "report/parse/stated_figures.hpp"

#include <array>
#include <string>

namespace gongkai::report::parse {

namespace {

constexpr size_t kGap = 4 * 3;  // bytes of other words allowed between the parts (4 characters)

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

/// True when s holds no punctuation that would end the phrase.
bool no_break(std::string_view s) {
  for (std::string_view p : {"，", "。", "；", "、", "：", ",", ";"}) {
    if (s.find(p) != std::string_view::npos) return false;
  }
  return true;
}

/// The count right after `at` (within kGap bytes of other words, no punctuation), followed by one
/// of `units`; -1 when none.
int64_t count_after(std::string_view s, size_t at, std::initializer_list<std::string_view> units) {
  size_t k = at;
  while (k < s.size() && k - at <= kGap && !is_digit(s[k])) ++k;
  if (k >= s.size() || !is_digit(s[k]) || !no_break(s.substr(at, k - at))) return -1;
  size_t e = k;
  int64_t v = 0;
  while (e < s.size() && is_digit(s[e]) && e - k < 12) v = v * 10 + (s[e++] - '0');
  if (e < s.size() && is_digit(s[e])) return -1;
  if (s[k] == '0' && e - k > 1) return -1;
  while (e < s.size() && s[e] == ' ') ++e;
  for (auto u : units) {
    if (s.substr(e, u.size()) == u) return v;
  }
  return -1;
}

void add(std::vector<StatedFigure>& out, std::vector<CellIndex>& conflicts, std::string_view id,
         int64_t value, uint32_t line) {
  auto cell = find_cell(id);
  if (!cell || value < 0) return;
  for (CellIndex c : conflicts) {
    if (c == *cell) return;
  }
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i].cell != *cell) continue;
    if (out[i].value != value) {
      conflicts.push_back(*cell);
      out.erase(out.begin() + static_cast<long>(i));
    }
    return;
  }
  out.push_back({*cell, value, line});
}

}  // namespace

std::vector<StatedFigure> stated_figures(const Document& doc, size_t begin, size_t end,
                                         Format format) {
  std::vector<StatedFigure> out;
  std::vector<CellIndex> conflicts;
  struct Verb {
    std::string_view word, field;
  };
  static constexpr std::array<Verb, 3> kVerbs = {
      {{"制发", "issued"}, {"废止", "repealed"}, {"现行有效", "in_force"}}};
  struct Item {
    std::string_view word, id;
  };
  static constexpr std::array<Item, 2> kDocs = {
      {{"规章", "rules"}, {"规范性文件", "normative_docs"}}};
  static constexpr std::array<Item, 3> kDecisions = {
      {{"行政许可", "licensing"}, {"行政处罚", "punishment"}, {"行政强制", "enforcement"}}};
  for (size_t i = begin; i < end && i < doc.lines.size(); ++i) {
    if (doc.skipped(i)) continue;
    std::string_view s = doc.lines[i];
    uint32_t line = doc.lines.number(i);
    if (format == Format::F2021) {
      for (const Verb& v : kVerbs) {
        for (size_t at = s.find(v.word); at != std::string_view::npos;
             at = s.find(v.word, at + v.word.size())) {
          size_t after = at + v.word.size();
          for (const Item& item : kDocs) {
            size_t w = s.find(item.word, after);
            if (w == std::string_view::npos || w - after > kGap ||
                !no_break(s.substr(after, w - after))) {
              continue;
            }
            int64_t n = count_after(s, w + item.word.size(), {"件"});
            if (n >= 0) {
              add(out, conflicts, "proactive." + std::string(item.id) + "." + std::string(v.field),
                  n, line);
            }
          }
        }
      }
    }
    for (const Item& item : kDecisions) {
      for (size_t at = s.find(item.word); at != std::string_view::npos;
           at = s.find(item.word, at + item.word.size())) {
        int64_t n = count_after(s, at + item.word.size(), {"件", "起", "宗"});
        if (n >= 0) {
          add(out, conflicts, "proactive." + std::string(item.id) + ".decisions", n, line);
        }
      }
    }
  }
  return out;
}

const StatedFigure* stated(std::span<const StatedFigure> figures, CellIndex cell) {
  for (const auto& f : figures) {
    if (f.cell == cell) return &f;
  }
  return nullptr;
}

}  // namespace gongkai::report::parse
