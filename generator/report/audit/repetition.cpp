// A014 (compare_with_previous): section 五 nearly identical to the previous year's.
#include "report/audit/repetition.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include "core/utf8.hpp"
#include "report/audit/audit.hpp"
#include "report/audit/rule.hpp"

namespace gongkai::report::audit {

namespace {

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000 || c == 0xA0;
}

void append_code_points(std::string_view s, std::vector<char32_t>& out) {
  for (size_t i = 0; i < s.size();) {
    char32_t c = core::utf8::next(s, i);
    if (!is_space(c)) out.push_back(c);
  }
}

}  // namespace

std::vector<uint64_t> problem_grams(const Report& r) {
  std::vector<uint64_t> grams;
  const Section* s = r.section(SectionKey::Problems);
  if (!s) return grams;
  std::vector<char32_t> text;
  for (const auto& b : s->blocks) {
    append_code_points(b.heading, text);
    append_code_points(b.text, text);
  }
  if (text.size() < 3) return grams;
  grams.reserve(text.size() - 2);
  for (size_t i = 0; i + 2 < text.size(); ++i) {
    grams.push_back((uint64_t(text[i]) << 42) | (uint64_t(text[i + 1]) << 21) | text[i + 2]);
  }
  std::sort(grams.begin(), grams.end());
  grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
  return grams;
}

double jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() && b.empty()) return 1.0;
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++common;
      ++i;
      ++j;
    }
  }
  return double(common) / double(a.size() + b.size() - common);
}

std::optional<Finding> compare_with_previous(const Report& previous, const Report& current) {
  auto a = problem_grams(previous);
  auto b = problem_grams(current);
  if (a.size() < kMinProblemsGrams || b.size() < kMinProblemsGrams) return std::nullopt;
  double similarity = jaccard(a, b);
  if (similarity < kCopiedProblemsThreshold) return std::nullopt;
  Finding f = detail::make_finding("A014");
  char pct[16];
  std::snprintf(pct, sizeof pct, "%.0f%%", similarity * 100);
  std::string prev = previous.meta.year ? std::to_string(*previous.meta.year.value) : "previous";
  std::string prev_zh =
      previous.meta.year ? std::to_string(*previous.meta.year.value) + "年度" : "上一年度";
  f.instance = "copied_problems:" + previous.path;
  f.message = "section 5 (problems and improvements) repeats the " + prev + " report's (" +
              previous.path + ", " + pct + " of character 3-grams shared)";
  f.message_zh = "第五部分“存在的主要问题及改进情况”与" + prev_zh + "报告（" + previous.path +
                 "）雷同（字符三元组相似度" + pct + "）";
  if (const Section* s = current.section(SectionKey::Problems)) detail::add_line(f, s->line);
  detail::finish(f);
  return f;
}

}  // namespace gongkai::report::audit
