// A008: a sentence about the report's own year names another year (likely copied from an earlier
// report); A009: the title, the report year and the statistics period disagree.
#include "report/audit/years.hpp"

#include <string>

#include "core/utf8.hpp"
#include "report/audit/labels.hpp"
#include "report/audit/prose_scan.hpp"
#include "report/audit/rule.hpp"

namespace gongkai::report::audit {

using prose::at;
using prose::contains;
using prose::skip_spaces;

namespace {

/// Reads "YYYY年" or "YYYY年度" at s[i] (spaces allowed after the digits); sets i past it.
std::optional<int> year_at(std::string_view s, size_t& i, bool& du) {
  size_t j = i;
  int digits = 0;
  auto v = prose::read_integer(s, j, &digits);
  if (!v || digits != 4 || *v < 1990 || *v > 2099) return std::nullopt;
  j = skip_spaces(s, j);
  if (!at(s, j, "年")) return std::nullopt;
  j += std::string_view("年").size();
  du = at(s, j, "度");
  if (du) j += std::string_view("度").size();
  i = j;
  return static_cast<int>(*v);
}

bool starts_with_any(std::string_view s, size_t i, std::initializer_list<std::string_view> words) {
  for (auto w : words) {
    if (at(s, i, w)) return true;
  }
  return false;
}

/// How a statement about the year's own work goes on after "Y年度": 我单位, 本机关, 未收到, 无,
/// 没有….
bool summary_word_at(std::string_view s, size_t i) {
  return starts_with_any(s, i, {"我", "本", "未", "无", "没有", "不存在"});
}

bool is_fee_sentence(std::string_view s) {
  return contains(s, "收费") || contains(s, "收取") || contains(s, "费用") || contains(s, "处理费");
}

bool is_future(std::string_view s) {
  return contains(s, "将") || contains(s, "计划") || contains(s, "拟") || contains(s, "力争");
}

/// True when the digits at s[i] open a clause: only spaces and 在/于 between them and the clause's
/// start.
bool opens_clause(std::string_view s, size_t i) {
  size_t begin = prose::clause_around(s, i).begin;
  size_t k = skip_spaces(s, begin);
  for (std::string_view lead : {"在", "于"}) {
    if (at(s, k, lead)) k = skip_spaces(s, k + lead.size());
  }
  return k == i;
}

/// "…" after the first `max` code points.
std::string excerpt(std::string_view s, size_t max = 60) {
  size_t i = 0, n = 0;
  while (i < s.size() && n < max) {
    core::utf8::next(s, i);
    ++n;
  }
  std::string out(s.substr(0, i));
  if (i < s.size()) out += "…";
  return out;
}

/// The claims of one paragraph. Driven by the digits: a year is rare, sentences are not.
void claims_of(const Section& section, const Block& block, std::vector<YearClaim>& out) {
  std::string_view s = block.text;
  size_t len = 0;
  for (size_t i = 0; i < s.size();) {
    if (prose::digit_at(s, i, len) < 0) {
      i += prose::char_len(static_cast<unsigned char>(s[i]));
      continue;
    }
    size_t start = i;
    // Past this run of digits whatever it is.
    while (prose::digit_at(s, i, len) >= 0) i += len;
    size_t j = start;
    bool du = false;
    auto year = year_at(s, j, du);
    if (!year || !opens_clause(s, start)) continue;
    // "2024年度，我局…": the statement goes on after the comma.
    j = skip_spaces(s, j);
    if (size_t end = prose::clause_end_at(s, j); end && !prose::sentence_end_at(s, j)) {
      j = skip_spaces(s, j + end);
    }
    prose::Span sp = prose::sentence_around(s, start);
    std::string_view sentence = sp.of(s);
    bool fee = is_fee_sentence(sentence);
    bool summary = du && summary_word_at(s, j);
    bool fee_claim = fee && (du || summary_word_at(s, j) ||
                             starts_with_any(s, j, {"共", "全年", "政府信息公开"}));
    if (!summary && !fee_claim) continue;
    out.push_back(
        {*year, sentence, prose::line_at(block, sp.begin), section.key, fee, is_future(sentence)});
  }
}

}  // namespace

std::optional<int> first_year(std::string_view text) {
  size_t len = 0;
  for (size_t i = 0; i < text.size();) {
    if (prose::digit_at(text, i, len) < 0) {
      ++i;
      continue;
    }
    size_t j = i;
    bool du = false;
    if (auto y = year_at(text, j, du)) return y;
    while (prose::digit_at(text, i, len) >= 0) i += len;
  }
  return std::nullopt;
}

std::optional<int> report_year(const Report& r) {
  if (r.meta.year) return *r.meta.year.value;
  if (r.meta.title) return first_year(*r.meta.title.value);
  return std::nullopt;
}

std::vector<YearClaim> year_claims(const Report& r) {
  std::vector<YearClaim> out;
  prose::for_each_paragraph(
      r, [](SectionKey) { return true; },
      [&](const Section& section, const Block& block) { claims_of(section, block, out); });
  return out;
}

namespace detail {

void check_years(Context& ctx) {
  const Report& r = ctx.report;
  auto year = report_year(r);
  if (!year) return;
  std::string ys = std::to_string(*year);
  for (const auto& claim : year_claims(r)) {
    if (claim.year == *year || (claim.year > *year && claim.future)) continue;
    Finding f = make_finding("A008");
    std::string cs = std::to_string(claim.year);
    f.instance = "year:" + cs;
    std::string quote = excerpt(claim.sentence);
    f.message = std::string(section_label(claim.section, false)) + " says “" + quote +
                "”, naming " + cs + " as the year reported on, in a " + ys +
                " report: likely copied from an earlier report";
    f.message_zh = std::string(section_label(claim.section, true)) + "中“" + quote + "”所述年份为" +
                   cs + "年，与报告年度" + ys + "年不符，可能沿用了往年报告的文字";
    add_line(f, claim.line);
    finish(f);
    ctx.out.push_back(std::move(f));
  }
  const Meta& m = r.meta;
  if (m.title && m.year) {
    auto title_year = first_year(*m.title.value);
    if (title_year && *title_year != *year) {
      Finding f = make_finding("A009");
      f.instance = "title";
      std::string ts = std::to_string(*title_year);
      f.message = "the title names " + ts + " but the report year is " + ys;
      f.message_zh = "标题中的年份为" + ts + "年，而报告年度为" + ys + "年";
      add_line(f, m.title.line);
      add_line(f, m.year.line);
      finish(f);
      ctx.out.push_back(std::move(f));
    }
  }
  bool start_off = m.period_start && m.period_start.value->year != *year;
  bool end_off = m.period_end && m.period_end.value->year != *year;
  if (start_off || end_off) {
    Finding f = make_finding("A009");
    f.instance = "period";
    std::string from = m.period_start ? m.period_start.value->iso() : "?";
    std::string to = m.period_end ? m.period_end.value->iso() : "?";
    f.message =
        "the statistics period " + from + " to " + to + " is not within the report year " + ys;
    f.message_zh = "统计期限" + from + "至" + to + "不在报告年度" + ys + "年内";
    add_line(f, m.period_start.line);
    add_line(f, m.period_end.line);
    finish(f);
    ctx.out.push_back(std::move(f));
  }
}

}  // namespace detail

}  // namespace gongkai::report::audit
