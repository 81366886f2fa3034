#include "report/parse/prose.hpp"

#include <algorithm>

#include "core/utf8.hpp"
#include "report/parse/markup.hpp"
#include "text/normalize.hpp"

namespace gongkai::report::parse {

namespace utf8 = core::utf8;

namespace {

bool is_cn_numeral(char32_t c) {
  return c == U'一' || c == U'二' || c == U'三' || c == U'四' || c == U'五' || c == U'六' ||
         c == U'七' || c == U'八' || c == U'九' || c == U'十';
}

/// The length of a "（一）"/"(一)" sub-heading number at the start of s, 0 when none.
size_t sub_number(std::string_view s) {
  size_t i = 0;
  if (s.empty()) return 0;
  char32_t open = utf8::next(s, i);
  if (open != U'（' && open != '(') return 0;
  size_t digits = 0;
  while (i < s.size()) {
    size_t k = i;
    char32_t c = utf8::next(s, k);
    if (!is_cn_numeral(c)) break;
    ++digits;
    i = k;
  }
  if (digits == 0 || digits > 3 || i >= s.size()) return 0;
  char32_t close = utf8::next(s, i);
  return close == U'）' || close == ')' ? i : 0;
}

/// A line that starts a new paragraph whatever came before: a numbered heading or item.
bool starts_paragraph(std::string_view s) {
  if (sub_number(s)) return true;
  size_t i = 0;
  if (s.empty()) return false;
  char32_t c = utf8::next(s, i);
  if (is_cn_numeral(c) && s.substr(i, 3) == "、") return true;
  if (c >= '0' && c <= '9') {
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i < s.size() && (s[i] == '.' || s.substr(i, 3) == "、")) {
      size_t k = i + (s[i] == '.' ? 1 : 3);
      return k >= s.size() || !(s[k] >= '0' && s[k] <= '9');
    }
  }
  return false;
}

struct Paragraph {
  std::string text;
  uint32_t line = 0;
  bool heading = false;
};

bool table_line(const Document& doc, std::string_view raw) {
  if (raw.empty()) return false;
  if (doc.shape == Shape::DocxText && raw[0] == '\t') return true;
  if (doc.shape == Shape::Markdown && text::trim(raw).substr(0, 1) == "|") return true;
  return false;
}

/// markdown and docx_text: every line is a paragraph (or a `#` heading).
void line_paragraphs(const Document& doc, size_t begin, size_t end, std::vector<Paragraph>& out) {
  bool in_cell = false;  // docx: a line without TAB right after a cell continues that cell
  for (size_t i = begin; i < end; ++i) {
    std::string_view raw = doc.lines[i];
    if (raw.empty()) {
      in_cell = false;
      continue;
    }
    if (table_line(doc, raw)) {
      in_cell = doc.shape == Shape::DocxText;
      continue;
    }
    if (in_cell || doc.lines.blank(i)) continue;
    std::string_view rest;
    int level = doc.shape == Shape::Markdown ? heading_level(raw, rest) : 0;
    std::string plain = plain_line(raw);
    if (plain.empty()) continue;
    out.push_back({std::move(plain), doc.lines.number(i), level > 0});
  }
}

/// How the prose of a pdf_text report is set: the width (half cells) from which a line counts as
/// filling the page (a little under what most lines reach), and whether every line is followed by
/// a blank line (then blank lines say nothing about paragraphs).
struct PdfLayout {
  uint32_t full = UINT32_MAX;
  bool double_spaced = false;
};

PdfLayout pdf_layout(const Document& doc) {
  PdfLayout out;
  std::vector<uint32_t> widths;
  size_t lines = 0, followed = 0;
  for (int k : {0, 1, 5, 6}) {
    const SectionSpan& s = doc.sections[k];
    if (k > 0 && !s.found()) continue;
    for (size_t i = s.begin; i < s.end && i < doc.prose_end; ++i) {
      if (doc.lines.blank(i) || doc.skipped(i)) continue;
      ++lines;
      if (i + 1 < doc.lines.size() && doc.lines.blank(i + 1)) ++followed;
      uint32_t w = doc.lines.printed_width(i);
      if (w >= 16) widths.push_back(w);
    }
  }
  if (widths.empty()) return out;
  std::sort(widths.begin(), widths.end());
  uint32_t typical = widths[(widths.size() - 1) * 3 / 4];
  out.full = typical > 6 ? typical - 6 : typical;
  out.double_spaced = lines > 0 && followed * 10 >= lines * 8;
  return out;
}

bool ends_sentence(std::string_view s) {
  for (std::string_view p : {"。", "：", "；", "！", "？"}) {
    if (s.size() >= p.size() && s.substr(s.size() - p.size()) == p) return true;
  }
  return false;
}

/// pdf_text: lines cut at the page width. A line as wide as the page continues on the next line
/// (page numbers between do not matter); a shorter line ends its paragraph, and so does a full
/// line that ends a sentence before a blank line when the text is not double-spaced; a numbered
/// heading or item always starts a paragraph. A heuristic: a paragraph whose last line happens to
/// fill the width, with no blank line after it, runs into the next.
void pdf_paragraphs(const Document& doc, size_t begin, size_t end, const PdfLayout& layout,
                    std::vector<Paragraph>& out) {
  bool open = false;
  for (size_t i = begin; i < end; ++i) {
    if (doc.lines.blank(i) || doc.skipped(i)) continue;
    std::string plain = plain_line(doc.lines[i]);
    if (plain.empty()) continue;
    if (!open || starts_paragraph(plain)) {
      out.push_back({std::move(plain), doc.lines.number(i), false});
    } else {
      out.back().text += plain;
    }
    open = doc.lines.printed_width(i) >= layout.full;
    if (open && !layout.double_spaced && i + 1 < end && doc.lines.blank(i + 1) &&
        ends_sentence(out.back().text)) {
      open = false;
    }
  }
}

/// markdown: a converter sometimes cuts a paragraph in two, mid-sentence; a paragraph that does
/// not end a sentence continues in the next one unless that one is a heading or numbered.
bool ends_heading(std::string_view s) {
  for (std::string_view e : {"情况", "措施", "事项", "问题", "方面", "工作"}) {
    if (s.size() >= e.size() && s.substr(s.size() - e.size()) == e) return true;
  }
  return false;
}

/// A paragraph that classify_paragraph would make a heading: numbered, short, no full stop, no
/// text after a colon, not ending in a comma (which a cut sentence does).
bool heading_like(const std::string& s) {
  if (!sub_number(s) || s.find("。") != std::string::npos || utf8::count_code_points(s) > 40) {
    return false;
  }
  size_t colon = s.find("：");
  if (colon != std::string::npos && colon + 3 < s.size()) return false;
  for (std::string_view end : {"，", "、", "；"}) {
    if (s.size() >= end.size() && s.substr(s.size() - end.size()) == end) return false;
  }
  return true;
}

void join_cut_paragraphs(std::vector<Paragraph>& ps) {
  std::vector<Paragraph> out;
  for (auto& p : ps) {
    // A sub-heading cut in two: "（一）依据《…管理办法》收取" / "信息处理费的情况".
    if (!out.empty() && heading_like(out.back().text) && !ends_heading(out.back().text) &&
        ends_heading(p.text) && p.text.find("。") == std::string::npos &&
        utf8::count_code_points(p.text) <= 20 && !starts_paragraph(p.text)) {
      out.back().text += p.text;
      continue;
    }
    if (!out.empty() && !out.back().heading && !p.heading && !ends_sentence(out.back().text) &&
        !heading_like(out.back().text) && !starts_paragraph(p.text)) {
      out.back().text += p.text;
      continue;
    }
    out.push_back(std::move(p));
  }
  ps = std::move(out);
}

}  // namespace

Block classify_paragraph(std::string text, uint32_t line, bool heading) {
  Block b;
  b.line = line;
  size_t num = sub_number(text);
  if (num) {
    // One kind of bracket for sub-heading numbers, no space after them.
    size_t i = 0;
    char32_t open = utf8::next(text, i);
    size_t close_at = num - 1;
    std::string canon = "（";
    size_t digits_from = open == '(' ? 1 : 3;
    size_t close_len = text[close_at] == ')' ? 1 : 3;
    close_at = num - close_len;
    canon.append(text, digits_from, close_at - digits_from);
    canon += "）";
    size_t rest = num;
    while (rest < text.size() && text[rest] == ' ') ++rest;
    text = canon + text.substr(rest);
    num = canon.size();
  }
  if (heading) {
    b.kind = Block::Kind::Heading;
    b.heading = std::move(text);
    return b;
  }
  if (num) {
    size_t colon = text.find("：", num);
    size_t len = 3;
    if (colon == std::string::npos) {
      colon = text.find(':', num);
      len = 1;
    }
    if (colon != std::string::npos &&
        utf8::count_code_points(text.substr(num, colon - num)) <= 30 &&
        text.substr(num, colon - num).find("。") == std::string::npos &&
        colon + len < text.size()) {
      b.kind = Block::Kind::HeadedParagraph;
      b.heading = text.substr(0, colon + len);
      b.text = text.substr(colon + len);
      return b;
    }
    if (text.find("。") == std::string::npos && utf8::count_code_points(text) <= 40) {
      b.kind = Block::Kind::Heading;
      b.heading = std::move(text);
      return b;
    }
  }
  b.kind = Block::Kind::Paragraph;
  b.text = std::move(text);
  return b;
}

void read_prose(const Document& doc, Report& report) {
  PdfLayout layout = doc.shape == Shape::PdfText ? pdf_layout(doc) : PdfLayout{};
  report.sections.clear();
  for (int k = 0; k <= 6; ++k) {
    const SectionSpan& s = doc.sections[k];
    if (k > 0 && !s.found()) continue;
    Section section;
    section.key = static_cast<SectionKey>(k);
    section.heading = s.heading_text;
    section.line = s.found() ? doc.lines.number(s.heading) : 0;
    size_t end = std::min(s.end, doc.prose_end);
    bool table = k >= 2 && k <= 4;
    std::vector<Paragraph> paragraphs;
    // Free-text tables (PDF text, a flattened page) leave nothing that could be told from prose.
    bool free_table = table && (doc.shape == Shape::PdfText || doc.shape == Shape::HtmlText);
    if (!free_table) {
      if (doc.shape == Shape::PdfText) {
        pdf_paragraphs(doc, s.begin, end, layout, paragraphs);
      } else {
        line_paragraphs(doc, s.begin, end, paragraphs);
        if (doc.shape == Shape::Markdown) join_cut_paragraphs(paragraphs);
      }
    }
    for (auto& p : paragraphs) {
      section.blocks.push_back(classify_paragraph(std::move(p.text), p.line, p.heading));
    }
    if (k == 0 && section.line == 0 && !section.blocks.empty())
      section.line = section.blocks[0].line;
    report.sections.push_back(std::move(section));
  }
}

}  // namespace gongkai::report::parse
