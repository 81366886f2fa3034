#include "report/parse/flat_text.hpp"

#include <algorithm>
#include <array>

#include "core/utf8.hpp"
#include "report/parse/sections.hpp"

namespace gongkai::report::parse {

namespace utf8 = core::utf8;

namespace {

constexpr std::array<std::string_view, 6> kNumerals = {"一", "二", "三", "四", "五", "六"};
constexpr size_t kHeadingWindow = 40 * 3;  // bytes: a heading is at most ~40 characters
constexpr size_t kLongLine = 240;          // bytes: shorter lines are never cut

/// The section number (1-6) whose numeral and 、 start s, 0 when none.
int numeral_at(std::string_view s) {
  if (s.size() < 6 || s.substr(3, 3) != "、") return 0;
  for (size_t k = 0; k < kNumerals.size(); ++k) {
    if (s.substr(0, 3) == kNumerals[k]) return static_cast<int>(k) + 1;
  }
  return 0;
}

bool is_cn_numeral(char32_t c) {
  return c == U'一' || c == U'二' || c == U'三' || c == U'四' || c == U'五' || c == U'六' ||
         c == U'七' || c == U'八' || c == U'九' || c == U'十';
}

/// Length of a sub-heading number "（一）" / "(一)" at s[i], 0 when none.
size_t sub_heading_at(std::string_view s, size_t i) {
  size_t k = i;
  if (k >= s.size()) return 0;
  char32_t open = utf8::next(s, k);
  if (open != U'（' && open != '(') return 0;
  size_t digits = 0;
  while (k < s.size()) {
    size_t j = k;
    if (!is_cn_numeral(utf8::next(s, j))) break;
    ++digits;
    k = j;
  }
  if (digits == 0 || digits > 2 || k >= s.size()) return 0;
  char32_t close = utf8::next(s, k);
  return close == U'）' || close == ')' ? k - i : 0;
}

void add_cut(std::vector<text::Lines::Cut>& cuts, size_t line, size_t offset) {
  cuts.push_back({line, offset});
}

/// Offset after the title phrase when the first line of the body holds a title and more.
size_t title_end(std::string_view s) {
  size_t k = s.find("年度报告");
  if (k == std::string_view::npos || k > 200) return std::string_view::npos;
  k += std::string_view("年度报告").size();
  return k < s.size() ? k : std::string_view::npos;
}

/// Where a signature (a short name and a date, after the last full stop) starts, npos when none.
size_t signature_start(std::string_view s) {
  std::string_view t = s;
  while (!t.empty() && (t.back() == ' ')) t.remove_suffix(1);
  if (t.size() < 9 || t.substr(t.size() - 3) != "日") return std::string_view::npos;
  size_t stop = t.rfind("。");
  if (stop == std::string_view::npos) return std::string_view::npos;
  std::string_view tail = t.substr(stop + 3);
  if (tail.find("年") == std::string_view::npos || tail.find("月") == std::string_view::npos ||
      utf8::count_code_points(tail) > 50) {
    return std::string_view::npos;
  }
  for (std::string_view p : {"，", "；", "："}) {
    if (tail.find(p) != std::string_view::npos) return std::string_view::npos;
  }
  return stop + 3;
}

}  // namespace

std::vector<InlineHeading> inline_headings(std::string_view line) {
  std::vector<InlineHeading> out;
  // Every numeral 一…六 is the lead byte E4 or E5 followed by "、" (E3 80 81) three bytes later.
  for (size_t i = line.find("、"); i != std::string_view::npos; i = line.find("、", i + 3)) {
    if (i < 3) continue;
    size_t at = i - 3;
    int number = numeral_at(line.substr(at));
    if (number == 0) continue;
    std::string_view window = line.substr(at, kHeadingWindow);
    size_t end = std::string_view::npos;
    for (std::string_view e : {"情况", "事项", "措施"}) {
      size_t k = window.find(e);
      if (k != std::string_view::npos && k + e.size() < end) end = k + e.size();
    }
    if (end == std::string_view::npos) continue;
    std::string_view heading = window.substr(0, end);
    bool nested = false;
    for (size_t k = heading.find("、", 6); k != std::string_view::npos && !nested;
         k = heading.find("、", k + 3)) {
      nested = numeral_at(heading.substr(k - 3)) != 0;
    }
    if (nested) continue;
    std::string plain;
    for (char c : heading) {
      if (c != ' ') plain += c;
    }
    if (section_number(plain) != number) continue;
    out.push_back({number, at, at + end});
  }
  return out;
}

bool is_flattened(const text::Lines& lines, size_t begin) {
  for (size_t i = begin; i < lines.size(); ++i) {
    std::string_view s = lines[i];
    if (s.size() < kLongLine) continue;
    size_t first = s.find("本年新收");
    if (first != std::string_view::npos && s.find("结转下年度", first) != std::string_view::npos) {
      return true;
    }
    if (inline_headings(s).size() >= 2) return true;
  }
  return false;
}

void cut_flattened(text::Lines& lines, size_t begin) {
  std::vector<text::Lines::Cut> cuts;
  bool title_seen = false;
  for (size_t i = begin; i < lines.size(); ++i) {
    std::string_view s = lines[i];
    if (lines.blank(i)) continue;
    bool first = !title_seen;
    title_seen = true;
    if (s.size() < kLongLine) continue;
    size_t from = cuts.size();
    if (first) {
      size_t t = title_end(s);
      if (t != std::string_view::npos) add_cut(cuts, i, t);
    }
    for (const auto& h : inline_headings(s)) {
      add_cut(cuts, i, h.begin);
      add_cut(cuts, i, h.end);
    }
    for (size_t k = s.find("。"); k != std::string_view::npos; k = s.find("。", k + 3)) {
      size_t after = k + 3;
      if (after < s.size() && (s[after] == ' ' || sub_heading_at(s, after)))
        add_cut(cuts, i, after);
    }
    for (size_t k = s.find(' '); k != std::string_view::npos; k = s.find(' ', k + 1)) {
      if (sub_heading_at(s, k + 1)) add_cut(cuts, i, k + 1);
    }
    size_t sig = signature_start(s);
    if (sig != std::string_view::npos) add_cut(cuts, i, sig);
    std::sort(cuts.begin() + static_cast<long>(from), cuts.end(),
              [](const auto& a, const auto& b) { return a.offset < b.offset; });
  }
  lines.cut(cuts);
}

}  // namespace gongkai::report::parse
