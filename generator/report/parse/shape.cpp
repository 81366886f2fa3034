#include "report/parse/shape.hpp"

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
  return Shape::PdfText;
}

bool is_page_number(std::string_view s, bool bare_allowed) {
  s = text::trim(s);
  if (all_digits(s)) return bare_allowed;
  // 第 3 页 / 第3页
  if (s.substr(0, 3) == "第" && s.size() > 6 && s.substr(s.size() - 3) == "页") {
    std::string_view mid = text::trim(s.substr(3, s.size() - 6));
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
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines.blank(i)) continue;
    bool after_blank = i == 0 || lines.blank(i - 1);
    if (!after_blank) continue;
    bool before_blank = i + 1 >= lines.size() || lines.blank(i + 1);
    if (is_page_number(lines[i], before_blank)) skip[i] = 1;
  }
  return skip;
}

}  // namespace gongkai::report::parse
