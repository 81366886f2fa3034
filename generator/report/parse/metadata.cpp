#include "report/parse/metadata.hpp"

#include "core/utf8.hpp"
#include "report/parse/codes.hpp"
#include "report/parse/dates.hpp"
#include "report/parse/markup.hpp"
#include "text/normalize.hpp"

namespace gongkai::report::parse {

namespace utf8 = core::utf8;

namespace {

bool contains_any(std::string_view s, std::initializer_list<std::string_view> words) {
  for (auto w : words) {
    if (s.find(w) != std::string_view::npos) return true;
  }
  return false;
}

/// Where a date that ends the line starts (the line may begin with the signer's name), or npos.
size_t date_at_end(std::string_view plain, DateParse& result, Date& date) {
  if (plain.size() < 3 ||
      (plain.substr(plain.size() - 3) != "日" && plain.substr(plain.size() - 3) != "号")) {
    return std::string_view::npos;
  }
  for (size_t i = 0; i < plain.size();) {
    size_t pos = i;
    Date d;
    DateParse r = parse_date_at(plain, pos, d);
    if (r != DateParse::None && pos == plain.size()) {
      result = r;
      date = d;
      return i;
    }
    utf8::next(plain, i);
  }
  return std::string_view::npos;
}

bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

bool email_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_ascii_digit(c) || c == '.' ||
         c == '_' || c == '-' || c == '+' || c == '%';
}

bool url_char(char c) {
  return email_char(c) || c == '/' || c == ':' || c == '?' || c == '=' || c == '&' || c == '#' ||
         c == '~';
}

/// The position just after `label` and an optional colon and spaces, or npos.
size_t after_label(std::string_view s, size_t at, std::string_view label) {
  size_t p = at + label.size();
  for (std::string_view colon : {"：", ":"}) {
    if (s.substr(p, colon.size()) == colon) {
      p += colon.size();
      break;
    }
  }
  while (p < s.size() && s[p] == ' ') ++p;
  return p;
}

/// The first occurrence of any label whose value `read` accepts; sets the field.
template <class Read>
void find_labelled(const text::TextRun& run, std::initializer_list<std::string_view> labels,
                   Field<std::string>& field, Read read) {
  if (field) return;
  const std::string& s = run.text();
  size_t best = std::string::npos;
  std::string value;
  size_t value_at = 0;
  for (auto label : labels) {
    for (size_t at = s.find(label); at != std::string::npos && at < best;
         at = s.find(label, at + label.size())) {
      size_t p = after_label(s, at, label);
      std::string v = read(std::string_view(s), p);
      if (!v.empty()) {
        best = at;
        value = std::move(v);
        value_at = p;
        break;
      }
    }
  }
  if (best != std::string::npos) field.set(std::move(value), run.line_at(value_at));
}

std::string read_phone(std::string_view s, size_t p) {
  std::string out;
  size_t digits = 0;
  while (p < s.size()) {
    char c = s[p];
    if (is_ascii_digit(c)) {
      ++digits;
    } else if (!(c == '-' && !out.empty())) {
      break;
    }
    out += c;
    ++p;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return digits >= 7 && digits <= 16 ? out : std::string();
}

std::string read_postcode(std::string_view s, size_t p) {
  size_t k = p;
  while (k < s.size() && is_ascii_digit(s[k])) ++k;
  return k - p == 6 ? std::string(s.substr(p, 6)) : std::string();
}

std::string read_email(std::string_view s, size_t p) {
  size_t k = p;
  while (k < s.size() && (email_char(s[k]) || s[k] == '@')) ++k;
  std::string_view v = s.substr(p, k - p);
  size_t at = v.find('@');
  if (at == std::string_view::npos || at == 0 || v.find('@', at + 1) != std::string_view::npos) {
    return {};
  }
  while (!v.empty() && (v.back() == '.' || v.back() == '-')) v.remove_suffix(1);
  if (v.find('.', at) == std::string_view::npos) return {};
  return std::string(v);
}

std::string read_website(std::string_view s, size_t p) {
  size_t k = p;
  while (k < s.size() && url_char(s[k])) ++k;
  std::string_view v = s.substr(p, k - p);
  while (!v.empty() && (v.back() == '.' || v.back() == ':' || v.back() == '/')) {
    if (v.back() == '/' && v.size() > 8) break;
    v.remove_suffix(1);
  }
  if (v.find('.') == std::string_view::npos || v.size() < 5) return {};
  return std::string(v);
}

std::string read_address(std::string_view s, size_t p) {
  static constexpr std::string_view kStops[] = {
      "，",   ",",        "；",       ";",    "。",       "）",   ")",    "\n",  "、邮编",
      "邮编", "邮政编码", "联系电话", "电话", "电子邮箱", "邮箱", "传真", "网址"};
  size_t end = s.size();
  for (auto stop : kStops) {
    size_t k = s.find(stop, p);
    if (k != std::string_view::npos && k < end) end = k;
  }
  std::string_view v = text::trim(s.substr(p, end - p));
  if (utf8::count_code_points(v) < 4) return {};
  return std::string(v);
}

/// A website not behind a label: the first token starting with www. or http.
void find_bare_website(const text::TextRun& run, Field<std::string>& field) {
  if (field) return;
  const std::string& s = run.text();
  size_t best = std::string::npos;
  for (std::string_view start : {"http://", "https://", "www."}) {
    size_t k = s.find(start);
    while (k != std::string::npos && k > 0 && (email_char(s[k - 1]) || s[k - 1] == '@')) {
      k = s.find(start, k + 1);
    }
    if (k < best) best = k;
  }
  if (best == std::string::npos) return;
  std::string v = read_website(s, best);
  if (!v.empty()) field.set(std::move(v), run.line_at(best));
}

/// The lines joined without separators: lines and even paragraphs may be cut mid-word (a converter
/// splits "20" / "20 年" into two paragraphs).
text::TextRun prose_run(const Document& doc, size_t begin, size_t end) {
  text::TextRun run;
  for (size_t i = begin; i < end && i < doc.lines.size(); ++i) {
    if (doc.lines.blank(i) || doc.skipped(i)) continue;
    std::string_view raw = doc.lines[i];
    if (raw[0] == '\t' || (doc.shape == Shape::Markdown && text::trim(raw).substr(0, 1) == "|")) {
      continue;
    }
    std::string plain = plain_line(raw);
    if (plain.empty()) continue;
    run.append(plain, doc.lines.number(i));
  }
  return run;
}

/// True when a line of [begin, end) holds one of the words (a cheap test before joining lines).
bool any_line_has(const Document& doc, size_t begin, size_t end,
                  std::initializer_list<std::string_view> words) {
  for (size_t i = begin; i < end && i < doc.lines.size(); ++i) {
    std::string_view s = doc.lines[i];
    if (s.size() < 3) continue;
    for (auto w : words) {
      if (s.find(w) != std::string_view::npos) return true;
    }
  }
  return false;
}

}  // namespace

void read_signature(Document& doc, Report& report) {
  const size_t n = doc.lines.size();
  size_t from = doc.title_end != kNone ? doc.title_end : doc.body_begin;
  for (int k = 6; k >= 1; --k) {
    if (doc.sections[k].found()) {
      from = doc.sections[k].heading_end;
      break;
    }
  }
  size_t end = n;
  if (doc.shape == Shape::DocxText) {
    // Chart data extracted after the text: lines with TABs between words ("数量\t", "2021年\t…").
    for (size_t i = from; i < n; ++i) {
      std::string_view s = doc.lines[i];
      if (!s.empty() && s[0] != '\t' && s.find('\t') != std::string_view::npos) {
        end = i;
        break;
      }
    }
  }
  doc.prose_end = end;
  size_t date_line = kNone;
  Date date;
  DateParse result = DateParse::None;
  size_t name_in_line = std::string_view::npos;
  for (size_t i = end; i-- > from;) {
    if (doc.lines.blank(i) || doc.skipped(i) || doc.lines[i][0] == '\t') continue;
    std::string plain = plain_line(doc.lines[i]);
    while (plain.size() >= 3 && plain.substr(plain.size() - 3) == "。")
      plain.resize(plain.size() - 3);
    DateParse r = DateParse::None;
    Date d;
    size_t at = date_at_end(plain, r, d);
    if (at == std::string_view::npos) continue;
    std::string_view prefix = text::trim(std::string_view(plain).substr(0, at));
    if (utf8::count_code_points(prefix) > 40 || contains_any(prefix, {"。", "，", "；", "："})) {
      continue;  // a sentence that ends with a date is prose, not a signature
    }
    date_line = i;
    date = d;
    result = r;
    name_in_line = prefix.empty() ? std::string_view::npos : at;
    break;
  }
  if (date_line == kNone) {
    report.diagnose(
        core::Severity::Info, std::string(codes::kNoSignature),
        doc.lines.number(end > from ? end - 1 : from),
        "no signature date (落款): no line from " + std::to_string(doc.lines.number(from)) +
            " to " + std::to_string(doc.lines.number(end > from ? end - 1 : from)) + " is a date");
    return;
  }
  doc.signature_begin = date_line;
  if (name_in_line == std::string_view::npos) {
    // The signer's name on the line before: short, no sentence punctuation, not a sub-heading.
    for (size_t j = date_line; j-- > from;) {
      if (doc.lines.blank(j) || doc.skipped(j)) continue;
      std::string plain = plain_line(doc.lines[j]);
      bool name = utf8::count_code_points(plain) <= 40 &&
                  !contains_any(plain, {"。", "，", "；", "：", ":", "、"}) &&
                  plain.substr(0, 3) != "（" && plain.substr(0, 1) != "(" &&
                  doc.lines[j][0] != '\t';
      if (name) doc.signature_begin = j;
      break;
    }
  }
  doc.prose_end = doc.signature_begin;
  uint32_t line = doc.lines.number(date_line);
  if (result == DateParse::Valid) {
    report.meta.signed_on.set(date, line);
  } else {
    report.diagnose(core::Severity::Warning, std::string(codes::kBadDate), line,
                    "the signature date is not a calendar date; left out");
  }
}

void find_period(const text::TextRun& run, Report& report, bool anywhere) {
  const std::string& s = run.text();
  for (size_t i = 0; i < s.size();) {
    // A year starts with 1 or 2, or 一 / 二 in Chinese numerals: try nowhere else.
    bool may_start = s[i] == '1' || s[i] == '2' || std::string_view(s).substr(i, 3) == "二" ||
                     std::string_view(s).substr(i, 3) == "一";
    if (!may_start) {
      utf8::next(s, i);
      continue;
    }
    size_t pos = i;
    Date start;
    DateParse r = parse_date_at(s, pos, start);
    if (r == DateParse::None) {
      utf8::next(s, i);
      continue;
    }
    size_t after_start = pos;
    for (std::string_view w : {"起", "开始"}) {
      if (std::string_view(s).substr(pos, w.size()) == w) pos += w.size();
    }
    bool linked = false;
    for (std::string_view w : {"至", "到", "—", "-", "～", "~"}) {
      if (std::string_view(s).substr(pos, w.size()) == w) {
        pos += w.size();
        linked = true;
        break;
      }
    }
    if (!linked) {
      i = after_start;
      continue;
    }
    if (!anywhere) {
      size_t from = i > 60 ? i - 60 : 0;
      std::string_view before = std::string_view(s).substr(from, i - from);
      if (!contains_any(before, {"统计", "期限", "时限", "涵盖"})) {
        i = after_start;
        continue;
      }
    }
    Date end;
    size_t end_at = pos;
    DateParse re = parse_date_at(s, pos, end);
    if (re == DateParse::None) {
      int m = 0, d = 0;
      if (r == DateParse::Valid && parse_month_day_at(s, pos, m, d)) {
        re = Date::valid(start.year, m, d) ? DateParse::Valid : DateParse::Invalid;
        end = Date{start.year, m, d};
      }
    }
    if (re == DateParse::None) {
      i = after_start;
      continue;
    }
    if (r != DateParse::Valid || re != DateParse::Valid || end < start) {
      report.diagnose(core::Severity::Warning, std::string(codes::kBadDate), run.line_at(i),
                      "the statistics period is not a valid range of dates; left out");
      return;
    }
    report.meta.period_start.set(start, run.line_at(i));
    report.meta.period_end.set(end, run.line_at(end_at));
    return;
  }
}

void find_contact(const text::TextRun& run, Contact& c, bool preamble) {
  find_labelled(run, {"联系电话", "咨询电话", "电话"}, c.phone, read_phone);
  find_labelled(run, {"邮政编码", "邮编"}, c.postcode, read_postcode);
  find_labelled(run,
                {"电子邮箱", "电子信箱", "电子邮件", "邮箱", "E-mail", "e-mail", "Email", "email"},
                c.email, read_email);
  find_labelled(run, {"通讯地址", "办公地址", "联系地址", "地址"}, c.address, read_address);
  find_labelled(run, {"网址", "网站地址"}, c.website, read_website);
  if (preamble) find_bare_website(run, c.website);
}

void read_period_and_contact(const Document& doc, Report& report) {
  const SectionSpan& pre = doc.sections[0];
  text::TextRun preamble = prose_run(doc, pre.begin, pre.end);
  find_period(preamble, report, true);
  find_contact(preamble, report.meta.contact, true);
  Contact& c = report.meta.contact;
  bool complete = c.phone && c.email && c.address && c.postcode;
  if (!report.meta.period_start || !complete) {
    // The overview sometimes states the period; contact details sometimes follow section 六.
    const SectionSpan& one = doc.sections[1];
    if (one.found() && !report.meta.period_start &&
        any_line_has(doc, one.begin, one.end, {"统计", "期限", "时限", "涵盖"})) {
      find_period(prose_run(doc, one.begin, one.end), report, false);
    }
    size_t from = doc.sections[5].found() ? doc.sections[5].begin : pre.end;
    if (!complete && any_line_has(doc, from, doc.lines.size(),
                                  {"电话", "邮编", "邮政编码", "邮箱", "信箱", "邮件", "mail",
                                   "地址", "网址"})) {
      text::TextRun rest = prose_run(doc, from, doc.lines.size());
      find_contact(rest, c, false);
    }
  }
}

}  // namespace gongkai::report::parse
