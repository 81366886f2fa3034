#include "report/parse/sections.hpp"

#include <array>

#include "core/utf8.hpp"
#include "report/parse/codes.hpp"
#include "report/parse/markup.hpp"
#include "text/normalize.hpp"

namespace gongkai::report::parse {

namespace {

constexpr std::array<std::string_view, 6> kNumerals = {"一", "二", "三", "四", "五", "六"};
constexpr std::array<std::string_view, 7> kExpected = {"",
                                                       "一、总体情况",
                                                       "二、主动公开政府信息情况",
                                                       "三、收到和处理政府信息公开申请情况",
                                                       "四、政府信息公开行政复议、行政诉讼情况",
                                                       "五、存在的主要问题及改进情况",
                                                       "六、其他需要报告的事项"};

bool contains(std::string_view s, std::string_view w) {
  return s.find(w) != std::string_view::npos;
}

bool has_words(int n, std::string_view s) {
  switch (n) {
    case 1:
      return contains(s, "总体") || contains(s, "概述") || contains(s, "基本情况");
    case 2:
      return contains(s, "主动公开");
    case 3:
      return contains(s, "申请") && !contains(s, "本年新收") && !contains(s, "上年结转");
    case 4:
      return contains(s, "复议") || contains(s, "诉讼");
    case 5:
      return contains(s, "问题") || contains(s, "改进");
    case 6:
      return contains(s, "其他") || contains(s, "需要报告");
    default:
      return false;
  }
}

bool ends_heading(std::string_view s) {
  for (std::string_view e : {"情况", "措施", "事项", "问题", "改进", "情况：", "事项："}) {
    if (s.size() >= e.size() && s.substr(s.size() - e.size()) == e) return true;
  }
  return false;
}

/// Cheap test before building the plain text: the trimmed line (after `#`/`*`) starts with 一…六.
bool may_be_heading(std::string_view raw) {
  raw = text::trim(raw);
  size_t k = 0;
  while (k < raw.size() && (raw[k] == '#' || raw[k] == '*' || raw[k] == ' ')) ++k;
  raw.remove_prefix(k);
  for (auto n : kNumerals) {
    if (raw.substr(0, n.size()) == n) return true;
  }
  return false;
}

}  // namespace

int section_number(std::string_view plain) {
  if (core::utf8::count_code_points(plain) > 60) return 0;
  for (size_t k = 0; k < kNumerals.size(); ++k) {
    std::string_view n = kNumerals[k];
    if (plain.substr(0, n.size()) != n) continue;
    std::string_view rest = plain.substr(n.size());
    for (std::string_view sep : {"、", ".", "，", ",", " ", "．"}) {
      if (rest.substr(0, sep.size()) == sep) {
        int number = static_cast<int>(k) + 1;
        return has_words(number, rest.substr(sep.size())) ? number : 0;
      }
    }
    return 0;
  }
  return 0;
}

void find_sections(Document& doc, Report& report) {
  const size_t n = doc.lines.size();
  size_t start = doc.title_end != kNone ? doc.title_end : doc.body_begin;
  int last = 0;
  for (size_t i = start; i < n && last < 6; ++i) {
    std::string_view raw = doc.lines[i];
    if (raw.empty() || raw[0] == '\t' || doc.skipped(i) || !may_be_heading(raw)) continue;
    std::string plain = plain_line(raw);
    int number = section_number(plain);
    if (number <= last) continue;
    SectionSpan& s = doc.sections[number];
    s.heading = i;
    s.heading_end = i + 1;
    // A heading wrapped at the page width continues on the next line ("…提起行政诉讼" / "情况").
    if (!ends_heading(plain)) {
      for (size_t j = i + 1; j < n && j <= i + 3; ++j) {
        if (doc.lines.blank(j) || doc.skipped(j)) continue;
        std::string next = plain_line(doc.lines[j]);
        if (core::utf8::count_code_points(next) <= 15 && ends_heading(next)) {
          plain += next;
          s.heading_end = j + 1;
        }
        break;
      }
    }
    s.heading_text = std::move(plain);
    last = number;
    i = s.heading_end - 1;
  }
  // Spans: each section runs to the next heading found.
  size_t next_begin = n;
  for (int k = 6; k >= 1; --k) {
    SectionSpan& s = doc.sections[k];
    if (!s.found()) continue;
    s.begin = s.heading_end;
    s.end = next_begin;
    next_begin = s.heading;
  }
  SectionSpan& pre = doc.sections[0];
  pre.begin = start;
  pre.end = next_begin;
  doc.prose_end = n;
  for (int k = 1; k <= 6; ++k) {
    if (doc.sections[k].found()) continue;
    // Where it was expected: between the previous and the next heading found.
    size_t before = start, after = n;
    for (int j = k - 1; j >= 1; --j) {
      if (doc.sections[j].found()) {
        before = doc.sections[j].heading;
        break;
      }
    }
    for (int j = k + 1; j <= 6; ++j) {
      if (doc.sections[j].found()) {
        after = doc.sections[j].heading;
        break;
      }
    }
    report.diagnose(
        core::Severity::Warning, std::string(codes::kSection), doc.lines.number(before),
        "section heading " + std::string(kExpected[k]) + " not found (looked from line " +
            std::to_string(doc.lines.number(before)) + " to line " +
            std::to_string(after >= n ? doc.lines.number(n - 1) : doc.lines.number(after)) + ")");
  }
}

}  // namespace gongkai::report::parse
