#include "report/parse/shape.hpp"

#include "report/parse/flat_text.hpp"
#include "text/normalize.hpp"

namespace gongkai::report::parse {

namespace {

bool is_delimiter_row(std::string_view s) {
  s = text::trim(s);
  if (s.size() < 3 || s[0] != '|') return false;
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

bool all_digits(std::string_view s) {
  if (s.empty() || s.size() > 3) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

Shape detect_shape(const text::Lines& lines, size_t begin) {
  size_t pipes = 0, delimiters = 0, hashes = 0, tabs = 0;
  for (size_t i = begin; i < lines.size(); ++i) {
    std::string_view s = lines[i];
    if (s.empty()) continue;
    if (s[0] == '\t') ++tabs;
    std::string_view t = text::trim(s);
    if (t.empty()) continue;
    if (t[0] == '|' && t.size() > 1 && t.find('|', 1) != std::string_view::npos) ++pipes;
    if (is_delimiter_row(t)) ++delimiters;
    if (t[0] == '#') {
      size_t k = t.find_first_not_of('#');
      if (k != std::string_view::npos && k <= 6 && t[k] == ' ') ++hashes;
    }
  }
  if ((delimiters >= 1 && pipes >= 3) || hashes >= 3) return Shape::Markdown;
  if (tabs >= 10) return Shape::DocxText;
  if (is_flattened(lines, begin)) return Shape::HtmlText;
  return Shape::PdfText;
}

bool is_page_number(std::string_view s, bool bare_allowed) {
  s = text::trim(s);
  if (all_digits(s)) return bare_allowed;
  // 第 3 页 / 第3页
  if (s.substr(0, 3) == "第" && s.size() > 6 && s.substr(s.size() - 3) == "页") {
    std::string_view mid = text::trim(s.substr(3, s.size() - 6));
    // 第 3 页 共 9 页
    size_t of = mid.find("页");
    if (of != std::string_view::npos) {
      std::string_view total = text::trim(mid.substr(of + 3));
      if (total.substr(0, 3) != "共") return false;
      return all_digits(text::trim(mid.substr(0, of))) && all_digits(text::trim(total.substr(3)));
    }
    return all_digits(mid);
  }
  // -3-, - 3 -, — 3 —, –3–
  for (std::string_view dash : {std::string_view("-"), std::string_view("—"), std::string_view("–"),
                                std::string_view("－")}) {
    if (s.size() > 2 * dash.size() && s.substr(0, dash.size()) == dash &&
        s.substr(s.size() - dash.size()) == dash) {
      std::string_view mid = text::trim(s.substr(dash.size(), s.size() - 2 * dash.size()));
      return all_digits(mid);
    }
  }
  return false;
}

std::vector<uint8_t> find_page_numbers(const text::Lines& lines, Shape shape) {
  std::vector<uint8_t> skip(lines.size(), 0);
  if (shape != Shape::PdfText) return skip;
  // A bare number as the last line of a page may also be a table cell that ends the page: those
  // count only when they number the pages (page k + a fixed offset, on two pages at least, or the
  // offset 0 when there is one).
  struct Bare {
    size_t line;
    long offset;
  };
  std::vector<Bare> bare;
  std::vector<size_t> between;  // bare numbers between blank lines
  long page = 1;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines.page_start(i)) ++page;
    if (lines.blank(i)) continue;
    bool page_end = i + 1 < lines.size() && lines.page_start(i + 1);
    bool after_blank = i == 0 || lines.blank(i - 1);
    bool before_blank = i + 1 >= lines.size() || lines.blank(i + 1);
    if (after_blank && before_blank && all_digits(text::trim(lines[i]))) {
      between.push_back(i);
    } else if (after_blank && is_page_number(lines[i], before_blank)) {
      skip[i] = 1;
    } else if ((page_end || lines.page_start(i)) && is_page_number(lines[i], false)) {
      skip[i] = 1;  // -3-, 第3页 at a page's edge
    } else if (page_end && is_page_number(lines[i], true)) {
      std::string_view t = text::trim(lines[i]);
      long value = 0;
      for (char c : t) value = value * 10 + (c - '0');
      bare.push_back({i, value - page});
    }
  }
  // Bare numbers between blank lines number the pages when they count up (a page may lack its
  // number); in `pdftotext` output without -layout every table cell is such a line ("0", "26",
  // "0").
  bool counting = true;
  long last = -1;
  for (size_t i : between) {
    long value = 0;
    for (char c : text::trim(lines[i])) value = value * 10 + (c - '0');
    counting = counting && value > last && (last < 0 || value - last <= 2) && value < 1000;
    last = value;
  }
  if (counting) {
    for (size_t i : between) skip[i] = 1;
  }
  for (const Bare& b : bare) {
    size_t same = 0;
    for (const Bare& o : bare) same += o.offset == b.offset;
    if (same >= 2 || (bare.size() == 1 && b.offset == 0)) skip[b.line] = 1;
  }
  return skip;
}

}  // namespace gongkai::report::parse
