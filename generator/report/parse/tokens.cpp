#include "report/parse/tokens.hpp"

#include <algorithm>

#include "core/utf8.hpp"
#include "report/parse/markup.hpp"
#include "text/normalize.hpp"

namespace gongkai::report::parse {

namespace utf8 = core::utf8;

namespace {

constexpr char kValueMark = '\x01';

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_space(char c) {
  return c == ' ' || c == '\t';
}
bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// Length of an opening bracket at s[i] ("(" or "（"), 0 when none.
size_t open_bracket(std::string_view s, size_t i) {
  if (s[i] == '(') return 1;
  if (s.substr(i, 3) == "（") return 3;
  return 0;
}
size_t close_bracket(std::string_view s, size_t i) {
  if (s[i] == ')') return 1;
  if (s.substr(i, 3) == "）") return 3;
  return 0;
}

/// A remark in brackets is short; a bracket that closes further away opens no remark (a rotated
/// group label of `-layout` text flattened to one line: "（ 1、信访… 1 0 0 五 2、重复申请 … ）").
constexpr size_t kMaxBracket = 150;  // bytes, about 50 Chinese characters

/// One past the bracket that closes the one opening at s[i], on the same line and within
/// kMaxBracket bytes; npos when none.
size_t bracket_end(std::string_view s, size_t i) {
  int depth = 0;
  s = s.substr(0, i + kMaxBracket);
  while (i < s.size()) {
    if (size_t k = open_bracket(s, i)) {
      ++depth;
      i += k;
    } else if (size_t k2 = close_bracket(s, i)) {
      if (--depth == 0) return i + k2;
      i += k2;
    } else {
      ++i;
    }
  }
  return std::string_view::npos;
}

bool is_mark(std::string_view p) {
  if (p.empty()) return false;
  size_t i = 0, count = 0;
  while (i < p.size()) {
    char32_t c = utf8::next(p, i);
    if (c != '-' && c != '/' && c != U'—' && c != U'–' && c != U'―' && c != U'─' && c != U'－' &&
        c != U'／' && c != '\\') {
      return false;
    }
    ++count;
  }
  return count <= 3;
}

/// Reads a number at p[k] (sign allowed when `signed_ok`); returns its end or k when none.
size_t number_end(std::string_view p, size_t k, bool signed_ok) {
  size_t i = k;
  if (signed_ok && i < p.size() && (p[i] == '-' || p[i] == '+')) ++i;
  size_t digits_from = i;
  while (i < p.size() && is_digit(p[i])) ++i;
  if (i == digits_from) return k;
  // thousands groups: 1,234,567 (a first group of at most 3 digits)
  if (i - digits_from <= 3) {
    while (i + 3 < p.size() && p[i] == ',' && is_digit(p[i + 1]) && is_digit(p[i + 2]) &&
           is_digit(p[i + 3]) && (i + 4 >= p.size() || !is_digit(p[i + 4]))) {
      i += 4;
    }
  }
  if (i + 1 < p.size() && p[i] == '.' && is_digit(p[i + 1])) {
    i += 1;
    while (i < p.size() && is_digit(p[i])) ++i;
  }
  return i;
}

void add_text(TokenStream& out, std::string_view text, uint32_t line, uint32_t row) {
  if (text.empty()) return;
  Token t;
  t.kind = Token::Kind::Text;
  t.text = text;
  t.line = line;
  t.row = row;
  out.add(t);
}

/// Length of a dash mark at p[k] ("/", "-", "—", "–", "——"), 0 when none.
size_t mark_at(std::string_view p, size_t k) {
  if (k >= p.size()) return 0;
  if (p[k] == '/' || p[k] == '-') return 1;
  if (p.substr(k, 6) == "——") return 6;
  if (p.substr(k, 3) == "—" || p.substr(k, 3) == "–" || p.substr(k, 3) == "／") return 3;
  return 0;
}

/// True when a dash mark ends right before p[k].
bool mark_before(std::string_view p, size_t k) {
  if (k >= 1 && (p[k - 1] == '/' || p[k - 1] == '-')) return true;
  return k >= 3 &&
         (p.substr(k - 3, 3) == "—" || p.substr(k - 3, 3) == "–" || p.substr(k - 3, 3) == "／");
}

/// Splits one space-free piece into text and numbers. `flat`: cells may run together, so digits
/// right before a row number ("00000002.其他法律…") end a value run and the last one numbers the
/// row.
void scan_piece(std::string_view p, uint32_t line, uint32_t row, TokenStream& out, bool flat) {
  if (is_mark(p)) {
    Token t;
    t.kind = Token::Kind::Empty;
    t.text = p;
    t.line = line;
    t.row = row;
    out.add(t);
    return;
  }
  size_t text_from = 0, k = 0;
  while (k < p.size()) {
    // Dashes run together with numbers ("/////0000000000", "3—5"): each one an empty cell ("——"
    // one); between letters or words ("本年增/减") they are text. Where cells run together
    // (`flat`), a dash right after a label and before a number is a cell too ("文件／062").
    if (size_t m = mark_at(p, k)) {
      bool before = k == text_from ? (k == 0 || is_digit(p[k - 1]) || mark_before(p, k))
                                   : flat && static_cast<unsigned char>(p[k - 1]) >= 0x80;
      size_t e = k + m;
      bool after = e == p.size() || is_digit(p[e]) || mark_at(p, e);
      if (before && after) {
        bool sign = (p[k] == '-' || p[k] == '+') && e < p.size() && is_digit(p[e]);
        // Run together, "-7.属于…" is an empty cell and the next row's number.
        if (sign && flat && e + 1 < p.size() &&
            ((p[e + 1] == '.' && (e + 2 == p.size() || !is_digit(p[e + 2]))) ||
             p.substr(e + 1, 3) == "、")) {
          sign = false;
        }
        if (!sign) {
          add_text(out, p.substr(text_from, k - text_from), line, row);
          Token t;
          t.kind = Token::Kind::Empty;
          t.text = p.substr(k, m);
          t.line = line;
          t.row = row;
          out.add(t);
          k = text_from = e;
          continue;
        }
      }
    }
    if (size_t o = open_bracket(p, k)) {
      size_t e = bracket_end(p, k);
      k = e == std::string_view::npos ? k + o : e;
      continue;
    }
    char c = p[k];
    bool sign = (c == '-' || c == '+') && k + 1 < p.size() && is_digit(p[k + 1]) &&
                (k == 0 || !is_letter(p[k - 1]));
    if (!is_digit(c) && !sign) {
      ++k;
      continue;
    }
    if (is_digit(c) && k > 0 && (is_letter(p[k - 1]) || p[k - 1] == '.' || p[k - 1] == '@')) {
      ++k;  // part of a word ("A1", "v2.0")
      continue;
    }
    size_t e = number_end(p, k, sign);
    // "1." / "1、" before a non-digit: a row number, part of the label
    bool enumerator = false;
    if (!sign && e < p.size()) {
      std::string_view rest = p.substr(e);
      if ((rest[0] == '.' && (rest.size() == 1 || !is_digit(rest[1]))) ||
          rest.substr(0, 3) == "、" || rest.substr(0, 3) == "．") {
        enumerator = true;
      }
    }
    if (enumerator && flat && e - k >= 2) {
      bool digits = true;
      for (size_t d = k; d < e && digits; ++d) digits = is_digit(p[d]);
      if (digits) {
        --e;  // the run before the row number is values; the row number stays with its label
        enumerator = false;
      }
    }
    if (enumerator || (e < p.size() && is_letter(p[e]))) {
      k = e;
      continue;
    }
    add_text(out, p.substr(text_from, k - text_from), line, row);
    std::string_view num = p.substr(k, e - k);
    // "007" is 0, 0, 7: a number never starts with 0 unless it is 0
    while (num.size() > 1 && num[0] == '0' && is_digit(num[1])) {
      Token z;
      z.kind = Token::Kind::Value;
      z.text = num.substr(0, 1);
      z.number = Number::integer(0);
      z.line = line;
      z.row = row;
      out.add(z);
      num.remove_prefix(1);
    }
    Token t;
    t.kind = Token::Kind::Value;
    t.text = num;
    t.line = line;
    t.row = row;
    auto parsed = Number::parse(num);
    if (parsed) t.number = *parsed;
    std::string_view after = p.substr(e);
    for (std::string_view unit : {std::string_view("万元"), std::string_view("元")}) {
      if (after.substr(0, unit.size()) == unit) {
        t.suffix = after.substr(0, unit.size());
        e += unit.size();
        break;
      }
    }
    if (parsed) {
      out.add(t);
    } else {
      add_text(out, p.substr(k, e - k), line, row);
    }
    k = e;
    text_from = e;
  }
  add_text(out, p.substr(text_from), line, row);
}

enum class CellKind { Empty, Value, Text };

/// What a cell holds: empty (or a dash), a number with at most a unit or a bracketed remark after
/// it, or text.
CellKind classify_cell(std::string_view c, std::string_view& number, std::string_view& suffix) {
  c = text::trim(c);
  if (c.empty() || is_mark(c)) return CellKind::Empty;
  bool sign = (c[0] == '-' || c[0] == '+') && c.size() > 1 && is_digit(c[1]);
  if (!is_digit(c[0]) && !sign) return CellKind::Text;
  size_t e = number_end(c, 0, true);
  if (e == 0) return CellKind::Text;
  std::string_view rest = text::trim(c.substr(e));
  number = c.substr(0, e);
  suffix = {};
  for (std::string_view unit : {std::string_view("万元"), std::string_view("元")}) {
    if (rest.substr(0, unit.size()) == unit) {
      suffix = rest.substr(0, unit.size());
      rest = text::trim(rest.substr(unit.size()));
      break;
    }
  }
  if (rest.empty()) return CellKind::Value;
  if (open_bracket(rest, 0) && bracket_end(rest, 0) == rest.size()) return CellKind::Value;
  return CellKind::Text;
}

/// Emits the tokens of one table row (markdown or docx cells).
struct Classified {
  CellKind kind;
  std::string_view number, suffix;
};

void add_row(const std::vector<std::string_view>& cells, const std::vector<uint32_t>& lines,
             uint32_t row, TokenStream& out, std::vector<Classified>& kinds) {
  kinds.clear();
  int last_text = -1;
  bool any = false;
  for (size_t i = 0; i < cells.size(); ++i) {
    Classified c{};
    c.kind = classify_cell(cells[i], c.number, c.suffix);
    if (c.kind == CellKind::Text) last_text = static_cast<int>(i);
    if (c.kind != CellKind::Empty) any = true;
    kinds.push_back(c);
  }
  if (!any) return;  // a row of empty cells says nothing (header filler)
  uint16_t count = static_cast<uint16_t>(std::min<size_t>(cells.size(), UINT16_MAX));
  for (size_t i = 0; i < cells.size(); ++i) {
    Token t;
    t.cell = true;
    t.column = static_cast<uint16_t>(i);
    t.row_cells = count;
    t.row = row;
    t.line = lines[i];
    t.text = text::trim(cells[i]);
    if (static_cast<int>(i) <= last_text) {
      if (kinds[i].kind != CellKind::Text) continue;  // merged cells and stray numbers of labels
      t.kind = Token::Kind::Text;
    } else if (kinds[i].kind == CellKind::Value) {
      auto n = Number::parse(kinds[i].number);
      if (!n) {
        t.kind = Token::Kind::Text;
      } else {
        t.kind = Token::Kind::Value;
        t.number = *n;
        t.text = kinds[i].number;
        t.suffix = kinds[i].suffix;
      }
    } else {
      t.kind = Token::Kind::Empty;
    }
    out.add(t);
  }
}

bool is_delimiter_row(std::string_view s) {
  bool dash = false;
  for (char c : s) {
    if (c == '-') {
      dash = true;
    } else if (c != '|' && c != ':' && c != ' ') {
      return false;
    }
  }
  return dash;
}

/// The cells of a markdown pipe row: `| a | b |` → {a, b}.
std::vector<std::string_view> pipe_cells(std::string_view s) {
  std::vector<std::string_view> cells;
  s = text::trim(s);
  if (!s.empty() && s[0] == '|') s.remove_prefix(1);
  if (!s.empty() && s.back() == '|') s.remove_suffix(1);
  size_t from = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || (s[i] == '|' && (i == 0 || s[i - 1] != '\\'))) {
      cells.push_back(text::trim(s.substr(from, i - from)));
      from = i + 1;
    }
  }
  return cells;
}

}  // namespace

void TokenStream::add(const Token& t) {
  key_begin.push_back(static_cast<uint32_t>(keys.size()));
  if (t.kind == Token::Kind::Text) {
    normalize_key(t.text, keys);
  } else {
    keys += kValueMark;
  }
  tokens.push_back(t);
}

size_t TokenStream::token_at(size_t offset) const {
  auto it = std::upper_bound(key_begin.begin(), key_begin.end(), static_cast<uint32_t>(offset));
  if (it == key_begin.begin()) return 0;
  return static_cast<size_t>(std::distance(key_begin.begin(), it)) - 1;
}

void normalize_key(std::string_view s, std::string& out) {
  size_t i = 0, run = 0;  // [run, i) is copied as is
  auto flush = [&] {
    if (i > run) out.append(s.data() + run, i - run);
  };
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      char c = s[i];
      if (c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '*' || c == '[' || c == ']') {
        flush();
        if (c == '[') out += '(';
        if (c == ']') out += ')';
        run = ++i;
        continue;
      }
      ++i;
      continue;
    }
    // Only E3 (（〔【「」『』、 U+3000-U+30FF), E2 (“”‘’), EF (（）．﹙﹚) start what changes.
    if (b != 0xE2 && b != 0xE3 && b != 0xEF) {
      i += b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
      if (i > s.size()) i = s.size();
      continue;
    }
    size_t start = i;
    char32_t c = utf8::next(s, i);
    const char* replace = nullptr;
    bool drop = false;
    switch (c) {
      case U'（':
      case U'〔':
      case U'【':
      case U'﹙':
        replace = "(";
        break;
      case U'）':
      case U'〕':
      case U'】':
      case U'﹚':
        replace = ")";
        break;
      case U'“':
      case U'”':
      case U'‘':
      case U'’':
      case U'「':
      case U'」':
      case U'『':
      case U'』':
        drop = true;
        break;
      case U'．':
        replace = ".";
        break;
      case U'、':
        if (start > 0 && is_digit(s[start - 1])) replace = ".";
        break;
      default:
        break;
    }
    if (!replace && !drop) continue;
    size_t keep = i;
    i = start;
    flush();
    if (replace) out += replace;
    i = run = keep;
  }
  flush();
}

std::string normalize_key(std::string_view text) {
  std::string out;
  normalize_key(text, out);
  return out;
}

void tokenize_free_line(std::string_view s, uint32_t line, uint32_t row, TokenStream& out,
                        bool flat) {
  size_t i = 0;
  while (i < s.size()) {
    if (is_space(s[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && !is_space(s[j])) {
      if (open_bracket(s, j)) {
        size_t e = bracket_end(s, j);
        if (e != std::string_view::npos) {
          j = e;
          continue;
        }
      }
      ++j;
    }
    scan_piece(s.substr(i, j - i), line, row, out, flat);
    i = j;
  }
}

TokenStream tokenize(const Document& doc, size_t begin, size_t end) {
  TokenStream out;
  out.tokens.reserve((end - begin) * 4);
  out.key_begin.reserve((end - begin) * 4);
  out.keys.reserve((end - begin) * 24);
  uint32_t row = 0;
  std::vector<std::string_view> cells;
  std::vector<uint32_t> lines;
  std::vector<Classified> kinds;
  for (size_t i = begin; i < end && i < doc.lines.size(); ++i) {
    std::string_view s = doc.lines[i];
    bool docx_cell = doc.shape == Shape::DocxText && !s.empty() && s[0] == '\t';
    if (doc.skipped(i) || (doc.lines.blank(i) && !docx_cell)) continue;
    uint32_t number = doc.lines.number(i);
    if (doc.shape == Shape::Markdown && text::trim(s).substr(0, 1) == "|") {
      if (is_delimiter_row(text::trim(s))) continue;
      cells = pipe_cells(s);
      lines.assign(cells.size(), number);
      add_row(cells, lines, ++row, out, kinds);
      continue;
    }
    if (docx_cell) {
      // A row: TAB lines (one cell each) up to an empty line; a line without TAB right after a
      // cell continues that cell (a line break inside it).
      cells.clear();
      lines.clear();
      size_t j = i;
      for (; j < end && j < doc.lines.size(); ++j) {
        std::string_view l = doc.lines[j];
        if (l.empty() || (doc.lines.blank(j) && l[0] != '\t')) break;
        if (l[0] == '\t') {
          size_t from = 1;
          while (true) {
            size_t tab = l.find('\t', from);
            std::string_view part =
                text::trim(l.substr(from, tab == std::string_view::npos ? l.npos : tab - from));
            if (part.find('[') != std::string_view::npos) part = out.own(strip_markers(part));
            cells.push_back(part);
            lines.push_back(doc.lines.number(j));
            if (tab == std::string_view::npos) break;
            from = tab + 1;
          }
        } else if (!cells.empty()) {
          cells.back() = out.own(std::string(cells.back()) + std::string(text::trim(l)));
        } else {
          break;
        }
      }
      add_row(cells, lines, ++row, out, kinds);
      i = j;  // the loop's ++i skips the empty line that ended the row
      continue;
    }
    tokenize_free_line(s, number, ++row, out, doc.shape == Shape::HtmlText);
  }
  return out;
}

}  // namespace gongkai::report::parse
