#include "report/parse/dates.hpp"

#include "core/utf8.hpp"

namespace gongkai::report::parse {

namespace utf8 = core::utf8;

namespace {

/// A Chinese digit 0-9 (〇 零 ○ O for zero), or -1.
int cn_digit(char32_t c) {
  switch (c) {
    case U'〇':
    case U'零':
    case U'○':
    case U'O':
    case U'o':
      return 0;
    case U'一':
      return 1;
    case U'二':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}

bool expect(std::string_view s, size_t& pos, std::string_view word) {
  if (s.substr(pos, word.size()) != word) return false;
  pos += word.size();
  return true;
}

/// 1-2 ASCII digits or a Chinese number up to 三十一 (十, 十九, 二十, 二十一, 三十一).
bool small_number(std::string_view s, size_t& pos, int& out) {
  size_t i = pos;
  int v = 0, n = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9' && n < 2) v = v * 10 + (s[i++] - '0'), ++n;
  if (n > 0) {
    if (i < s.size() && s[i] >= '0' && s[i] <= '9') return false;
    pos = i;
    out = v;
    return true;
  }
  int tens = -1, ones = -1, first = -1;
  bool ten = false;
  size_t k = pos;
  while (k < s.size()) {
    size_t at = k;
    char32_t c = utf8::next(s, k);
    if (c == U'十') {
      if (ten) return false;
      ten = true;
      tens = first < 0 ? 1 : first;
      first = -1;
    } else if (int d = cn_digit(c); d >= 0 && c != U'O' && c != U'o') {
      if (first >= 0) return false;
      first = d;
    } else {
      k = at;
      break;
    }
    i = k;
  }
  if (ten) {
    ones = first < 0 ? 0 : first;
    out = tens * 10 + ones;
  } else if (first >= 0) {
    out = first;
  } else {
    return false;
  }
  pos = i;
  return true;
}

}  // namespace

bool parse_year_at(std::string_view s, size_t& pos, int& year) {
  size_t i = pos;
  int v = 0;
  int n = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9' && n < 5) v = v * 10 + (s[i++] - '0'), ++n;
  if (n == 0) {
    while (n < 4 && i < s.size()) {
      size_t k = i;
      int d = cn_digit(utf8::next(s, k));
      if (d < 0) break;
      v = v * 10 + d;
      ++n;
      i = k;
    }
  }
  if (n != 4 || v < 1900 || v > 2999) return false;
  if (!expect(s, i, "年")) return false;
  pos = i;
  year = v;
  return true;
}

bool parse_month_day_at(std::string_view s, size_t& pos, int& month, int& day) {
  size_t i = pos;
  if (!small_number(s, i, month) || !expect(s, i, "月")) return false;
  if (!small_number(s, i, day)) return false;
  if (!expect(s, i, "日") && !expect(s, i, "号")) return false;
  pos = i;
  return true;
}

DateParse parse_date_at(std::string_view s, size_t& pos, Date& out) {
  size_t i = pos;
  int y = 0, m = 0, d = 0;
  if (!parse_year_at(s, i, y) || !parse_month_day_at(s, i, m, d)) return DateParse::None;
  pos = i;
  if (!Date::valid(y, m, d)) return DateParse::Invalid;
  out = Date{y, m, d};
  return DateParse::Valid;
}

}  // namespace gongkai::report::parse
