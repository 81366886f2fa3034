// A013: the prose says how many applications were received and table A disagrees.
#include "report/audit/application_prose.hpp"

#include <string>

#include "report/audit/prose_scan.hpp"
#include "report/audit/rule.hpp"

namespace gongkai::report::audit {

using prose::at;
using prose::contains;

namespace {

constexpr std::string_view kVerbs[] = {"接收到", "收到", "接收", "受理", "新收"};
constexpr std::string_view kUnits[] = {"件", "条", "个", "份"};
constexpr std::string_view kOtherMatters[] = {"复议", "诉讼", "提案", "建议",
                                              "投诉", "举报", "信访"};

bool about_other_matters(std::string_view clause) {
  for (auto w : kOtherMatters) {
    if (contains(clause, w)) return true;
  }
  return false;
}

/// The receiving verb at s[i] (收到, 接收, 受理, 新收): its byte length, 0 when none. The lead
/// character is tested byte by byte: 收 E6 94 B6, 接 E6 8E A5, 受 E5 8F 97, 新 E6 96 B0.
size_t verb_at(std::string_view s, size_t i) {
  if (i + 6 > s.size()) return 0;
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  bool lead = (b(0) == 0xE6 && ((b(1) == 0x94 && b(2) == 0xB6) || (b(1) == 0x8E && b(2) == 0xA5) ||
                                (b(1) == 0x96 && b(2) == 0xB0))) ||
              (b(0) == 0xE5 && b(1) == 0x8F && b(2) == 0x97);
  if (!lead) return 0;
  for (auto v : kVerbs) {
    if (at(s, i, v)) return v.size();
  }
  return 0;
}

bool negated_before(std::string_view clause, size_t verb) {
  std::string_view before = clause.substr(0, verb);
  auto ends = [&](std::string_view w) {
    return before.size() >= w.size() && before.substr(before.size() - w.size()) == w;
  };
  return ends("未") || ends("没有");
}

/// "不予受理" is a decision on an application, not a count of them.
bool refused_before(std::string_view clause, size_t verb) {
  std::string_view w = "不予";
  return verb >= w.size() && clause.substr(verb - w.size(), w.size()) == w;
}

/// The first count after 申请 in `rest`: digits, spaces allowed before the unit.
std::optional<int64_t> count_after_application(std::string_view rest) {
  size_t a = rest.find("申请");
  if (a == std::string_view::npos) return std::nullopt;
  size_t len = 0;
  for (size_t i = a; i < rest.size(); ++i) {
    if (prose::digit_at(rest, i, len) < 0) continue;
    size_t j = i;
    auto v = prose::read_integer(rest, j);
    if (!v) return std::nullopt;
    j = prose::skip_spaces(rest, j);
    for (auto u : kUnits) {
      if (at(rest, j, u)) return v;
    }
    return std::nullopt;  // a number that is not a count ("第23号", "12345热线")
  }
  return std::nullopt;
}

/// The statements of one paragraph: the first receiving verb of each clause decides.
void statements_of(const Block& block, std::vector<ApplicationStatement>& out) {
  std::string_view s = block.text;
  for (size_t i = 0; i < s.size();) {
    size_t len = verb_at(s, i);
    if (!len) {
      i += prose::char_len(static_cast<unsigned char>(s[i]));
      continue;
    }
    prose::Span cl = prose::clause_around(s, i);
    std::string_view clause = cl.of(s);
    size_t verb = i - cl.begin;
    i = cl.end;  // one statement per clause; the clause's end is a character boundary
    if (refused_before(clause, verb)) continue;
    // What was received is told after the verb (the agency before it may be a 信访局).
    std::string_view rest = clause.substr(verb + len);
    if (about_other_matters(rest)) continue;
    prose::Span sp = prose::sentence_around(s, cl.begin);
    std::string_view sentence = sp.of(s);
    uint32_t line = prose::line_at(block, sp.begin);
    if (negated_before(clause, verb)) {
      if (contains(rest, "申请") && contains(rest, "公开")) out.push_back({0, sentence, line});
    } else if (auto n = count_after_application(rest)) {
      out.push_back({*n, sentence, line});
    }
  }
}

}  // namespace

std::vector<ApplicationStatement> stated_applications(const Report& r) {
  std::vector<ApplicationStatement> out;
  prose::for_each_paragraph(
      r, [](SectionKey k) { return k == SectionKey::Overview || k == SectionKey::Applications; },
      [&](const Section&, const Block& block) { statements_of(block, out); });
  return out;
}

namespace detail {

void check_application_prose(Context& ctx) {
  const Report& r = ctx.report;
  static const auto index = find_cell("applications.new_received.total");
  static const auto carried_index = find_cell("applications.carried_over.total");
  const Cell& received = r.cell(*index);
  if (received.status != CellStatus::Read || !received.value || !received.value->is_integer()) {
    return;  // the missing cell is its own finding
  }
  int64_t table = received.value->units;
  const Cell& carried = r.cell(*carried_index);
  bool has_carried =
      carried.status == CellStatus::Read && carried.value && carried.value->is_integer();
  int64_t with_carried = table + (has_carried ? carried.value->units : 0);
  std::vector<int64_t> reported;
  for (const auto& st : stated_applications(r)) {
    if (st.count == table || (has_carried && st.count == with_carried)) continue;
    bool again = false;
    for (int64_t v : reported) again = again || v == st.count;
    if (again) continue;
    reported.push_back(st.count);
    Finding f = make_finding("A013");
    std::string said = std::to_string(st.count), printed = std::to_string(table);
    f.message = "the text says " + said +
                " applications were received, but table A's new "
                "applications (一、本年新收 / 总计) are " +
                printed;
    f.message_zh = "正文称收到政府信息公开申请" + said +
                   "件，而申请处理情况表“一、本年新收政府信息公开申请数量”总计为" + printed + "件";
    if (has_carried && with_carried != table) {
      f.message += " (" + std::to_string(with_carried) + " with those carried over)";
      f.message_zh += "（含上年结转为" + std::to_string(with_carried) + "件）";
    }
    add_line(f, st.line);
    f.line = st.line;
    add_cell(f, r, *index);
    if (has_carried) add_cell(f, r, *carried_index);
    finish(f);
    ctx.out.push_back(std::move(f));
  }
}

}  // namespace detail

}  // namespace gongkai::report::audit
