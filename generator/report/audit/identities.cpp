// A001–A004: the four identities of the tables (spec "Identities", 1–4), one finding per failing
// instance. An instance that involves a cell not read is not assessable: no finding (A005 reports
// the cell itself).
#include <string>

#include "report/audit/labels.hpp"
#include "report/audit/rule.hpp"

namespace gongkai::report::audit::detail {

namespace {

std::string_view code_of(Identity k) {
  switch (k) {
    case Identity::Balance:
      return "A001";
    case Identity::RowSum:
      return "A002";
    case Identity::OutcomeSum:
      return "A003";
    case Identity::ReviewSum:
      return "A004";
  }
  return "A001";
}

int64_t scaled(const Number& n, uint8_t scale) {
  int64_t v = n.units;
  for (uint8_t s = n.scale; s < scale; ++s) v *= 10;
  return v;
}

/// The label of a term within its instance: the row for per-column identities, else the field.
std::string_view term_label(Identity k, CellIndex i, bool zh) {
  return k == Identity::Balance || k == Identity::OutcomeSum ? group_label(i, zh)
                                                             : field_label(i, zh);
}

std::string heading(const IdentityInstance& inst, bool zh) {
  CellIndex first = inst.terms.front().cell;
  std::string out;
  switch (inst.kind) {
    case Identity::Balance:
    case Identity::OutcomeSum:
      out = zh ? std::string(table_label(Table::Applications, true)) + "「" +
                     std::string(field_label(first, true)) + "」列"
               : std::string(table_label(Table::Applications, false)) + ", column " +
                     std::string(field_label(first, false));
      break;
    case Identity::RowSum:
      out = zh ? std::string(table_label(Table::Applications, true)) + "「" +
                     std::string(group_label(first, true)) + "」行"
               : std::string(table_label(Table::Applications, false)) + ", row " +
                     std::string(group_label(first, false));
      break;
    case Identity::ReviewSum:
      out = zh ? std::string(table_label(Table::Review, true)) + "「" +
                     std::string(group_label(first, true)) + "」"
               : std::string(table_label(Table::Review, false)) + ", " +
                     std::string(group_label(first, false));
      break;
  }
  return out;
}

/// One side of the identity: "a (1) + b (2) = 3". Long sides (the outcome rows, the six applicant
/// columns) list only their non-zero terms and say how many others are 0.
std::string side_text(const Report& r, const IdentityInstance& inst, int sign, uint8_t scale,
                      bool zh) {
  std::string parts;
  size_t count = 0, zeros = 0;
  int64_t sum = 0;
  for (const auto& t : inst.terms) {
    if (t.sign != sign) continue;
    ++count;
    const Number& v = *r.cell(t.cell).value;
    sum += scaled(v, scale);
  }
  bool long_side = count > 4;
  for (const auto& t : inst.terms) {
    if (t.sign != sign) continue;
    const Number& v = *r.cell(t.cell).value;
    if (long_side && v.units == 0) {
      ++zeros;
      continue;
    }
    if (!parts.empty()) parts += " + ";
    parts += term_label(inst.kind, t.cell, zh);
    parts += zh ? "（" : " (";
    parts += v.to_string();
    parts += zh ? "）" : ")";
  }
  std::string out;
  if (parts.empty()) {
    out =
        zh ? "全部" + std::to_string(count) + "项均为0" : "all " + std::to_string(count) + " are 0";
    return out;
  }
  out = parts;
  if (zeros) {
    out += zh ? "（其余" + std::to_string(zeros) + "项为0）"
              : " (the other " + std::to_string(zeros) + " are 0)";
  }
  if (count > 1) out += " = " + Number{sum, scale}.to_string();
  return out;
}

}  // namespace

void check_identities(Context& ctx) {
  const Report& r = ctx.report;
  for (const auto& inst : identity_instances(r.layout)) {
    bool assessable = true;
    uint8_t scale = 0;
    for (const auto& t : inst.terms) {
      const Cell& c = r.cell(t.cell);
      if (c.status != CellStatus::Read || !c.value) {
        assessable = false;
        break;
      }
      if (c.value->scale > scale) scale = c.value->scale;
    }
    if (!assessable) continue;
    int64_t left = 0, right = 0;
    for (const auto& t : inst.terms) {
      int64_t v = scaled(*r.cell(t.cell).value, scale);
      (t.sign > 0 ? left : right) += v;
    }
    if (left == right) continue;
    Finding f = make_finding(code_of(inst.kind));
    f.instance = std::string(to_string(inst.kind)) + ":" + std::string(inst.where);
    for (const auto& t : inst.terms) add_cell(f, r, t.cell);
    std::string diff = Number{left - right, scale}.to_string();
    f.message = heading(inst, false) + ": " + side_text(r, inst, 1, scale, false) + ", but " +
                side_text(r, inst, -1, scale, false) + "; difference " + diff;
    f.message_zh = heading(inst, true) + "：" + side_text(r, inst, 1, scale, true) + "，而" +
                   side_text(r, inst, -1, scale, true) + "，相差" + diff;
    finish(f);
    ctx.out.push_back(std::move(f));
  }
}

}  // namespace gongkai::report::audit::detail
