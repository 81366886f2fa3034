#include "report/parse/title.hpp"

#include "report/parse/codes.hpp"
#include "report/parse/dates.hpp"
#include "report/parse/markup.hpp"
#include "text/normalize.hpp"

namespace gongkai::report::parse {

namespace {

constexpr size_t kMaxTitleLines = 10;
constexpr std::string_view kSubject = "政府信息公开";

bool ends_with(std::string_view s, std::string_view t) {
  return s.size() >= t.size() && s.substr(s.size() - t.size()) == t;
}

/// A line that cannot belong to a title: prose (a full stop) or a section heading.
bool stops_title(std::string_view plain) {
  if (plain.find("。") != std::string_view::npos) return true;
  if (plain.substr(0, 6) == "一、" && plain.find("总体") != std::string_view::npos) return true;
  return false;
}

}  // namespace

TitleParts split_title(std::string_view t) {
  TitleParts p;
  size_t subject = t.find(kSubject);
  // The report year: the first 4-digit year followed by 年 (ASCII or Chinese numerals).
  for (size_t i = 0; i < t.size(); ++i) {
    size_t k = i;
    int y = 0;
    if ((i == 0 || !(t[i - 1] >= '0' && t[i - 1] <= '9')) && parse_year_at(t, k, y)) {
      p.year = y;
      p.year_at = i;
      size_t after = k;
      if (t.substr(after, 3) == "度") after += 3;
      if (i == 0) {
        // "2023年淄博市…局政府信息公开…": the agency follows the year.
        p.agency_begin = after;
        p.agency_end = subject != std::string_view::npos && subject > after ? subject : t.size();
      } else {
        p.agency_begin = 0;
        p.agency_end = i;
      }
      break;
    }
  }
  if (p.year_at == std::string_view::npos && subject != std::string_view::npos) {
    p.agency_begin = 0;
    p.agency_end = subject;
  }
  if (p.agency_begin != std::string_view::npos) {
    std::string_view a = t.substr(p.agency_begin, p.agency_end - p.agency_begin);
    for (std::string_view tail : {std::string_view("关于"), std::string_view("的")}) {
      if (ends_with(a, tail)) {
        a.remove_suffix(tail.size());
        p.agency_end -= tail.size();
      }
    }
    if (a.empty()) p.agency_begin = p.agency_end = std::string_view::npos;
  }
  return p;
}

void read_title(Document& doc, Report& report) {
  text::TextRun run;
  size_t first = kNone, last = kNone;
  size_t seen = 0;
  for (size_t i = doc.body_begin; i < doc.lines.size() && seen < kMaxTitleLines; ++i) {
    if (doc.lines.blank(i) || doc.skipped(i)) continue;
    std::string_view raw = doc.lines[i];
    if (raw[0] == '\t' || text::trim(raw).substr(0, 1) == "|") break;
    std::string plain = plain_line(raw);
    if (plain.empty()) continue;
    if (stops_title(plain)) break;
    ++seen;
    if (plain.find("：") != std::string::npos || plain.find(':') != std::string::npos) {
      // A labelled line (索引号：…, 发布日期：…) before the title: not part of it, start again.
      run.clear();
      first = kNone;
      continue;
    }
    if (first == kNone) first = i;
    run.append(plain, doc.lines.number(i));
    last = i;
    const std::string& t = run.text();
    if (t.find(kSubject) != std::string::npos && ends_with(t, "报告")) break;
    if (t.size() > 240) break;
  }
  const std::string& t = run.text();
  if (first == kNone || t.find(kSubject) == std::string::npos || !ends_with(t, "报告")) {
    uint32_t at = doc.lines.number(first == kNone ? doc.body_begin : first);
    report.diagnose(
        core::Severity::Warning, std::string(codes::kTitle), at,
        "no title (…政府信息公开工作年度报告) in the first lines; agency and year unknown");
    return;
  }
  doc.title_begin = first;
  doc.title_end = last + 1;
  report.meta.title.set(t, run.first_line());
  TitleParts parts = split_title(t);
  if (parts.agency_begin != std::string_view::npos) {
    report.meta.agency.set(t.substr(parts.agency_begin, parts.agency_end - parts.agency_begin),
                           run.line_at(parts.agency_begin));
  } else {
    report.diagnose(core::Severity::Warning, std::string(codes::kTitle), run.first_line(),
                    "the title names no agency");
  }
  if (parts.year_at != std::string_view::npos) {
    report.meta.year.set(parts.year, run.line_at(parts.year_at));
  } else {
    report.diagnose(core::Severity::Warning, std::string(codes::kTitle), run.first_line(),
                    "the title names no year");
  }
}

}  // namespace gongkai::report::parse
