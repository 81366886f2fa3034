// A005: cells expected but not read (status Missing). One finding per run of missing cells of one
// row (A), item (P) or group (R), naming every cell; one per table when none of its cells was read.
#include <string>

#include "report/audit/labels.hpp"
#include "report/audit/rule.hpp"

namespace gongkai::report::audit::detail {

namespace {

void add_group_finding(Context& ctx, const std::vector<CellIndex>& run) {
  const Report& r = ctx.report;
  const CellDef& first = cell_def(run.front());
  Finding f = make_finding("A005");
  f.instance = "missing:" + std::string(to_string(first.table)) + "." + std::string(first.group);
  std::string names_en, names_zh;
  for (CellIndex i : run) {
    add_cell(f, r, i);
    if (!names_en.empty()) {
      names_en += ", ";
      names_zh += "、";
    }
    names_en += field_label(i, false);
    names_zh += field_label(i, true);
  }
  std::string where_en = std::string(table_label(first.table, false)) + ", " +
                         std::string(group_label(run.front(), false));
  std::string where_zh = std::string(table_label(first.table, true)) + "「" +
                         std::string(group_label(run.front(), true)) + "」";
  if (run.size() == 1) {
    f.message =
        where_en + " / " + names_en +
        ": cell not filled in or not readable; the identities involving it cannot be checked";
    f.message_zh = where_zh + "「" + names_zh + "」单元格未填写或无法读取，涉及的勾稽关系无法核对";
  } else {
    f.message = where_en + ": " + std::to_string(run.size()) +
                " cells not filled in or not readable (" + names_en +
                "); the identities involving them cannot be checked";
    f.message_zh = where_zh + "：" + names_zh + "共" + std::to_string(run.size()) +
                   "个单元格未填写或无法读取，涉及的勾稽关系无法核对";
  }
  finish(f);
  ctx.out.push_back(std::move(f));
}

void add_table_finding(Context& ctx, Table t, const std::vector<CellIndex>& cells) {
  Finding f = make_finding("A005");
  f.instance = "missing:" + std::string(to_string(t));
  for (CellIndex i : cells) add_cell(f, ctx.report, i);
  f.message = std::string(table_label(t, false)) + ": none of its " + std::to_string(cells.size()) +
              " cells could be read; the identities involving them cannot be checked";
  f.message_zh = std::string(table_label(t, true)) + "：全部" + std::to_string(cells.size()) +
                 "个单元格均未能读取，涉及的勾稽关系无法核对";
  finish(f);
  ctx.out.push_back(std::move(f));
}

}  // namespace

void check_missing_cells(Context& ctx) {
  const Report& r = ctx.report;
  const auto& order = cells_of(r.layout);
  size_t k = 0;
  while (k < order.size()) {
    Table table = cell_def(order[k]).table;
    size_t end = k;
    size_t expected = 0, missing = 0;
    while (end < order.size() && cell_def(order[end]).table == table) {
      CellStatus s = r.cell(order[end]).status;
      if (s != CellStatus::Absent) ++expected;
      if (s == CellStatus::Missing) ++missing;
      ++end;
    }
    if (missing > 1 && missing == expected) {
      std::vector<CellIndex> all;
      for (size_t j = k; j < end; ++j) {
        if (r.cell(order[j]).status == CellStatus::Missing) all.push_back(order[j]);
      }
      add_table_finding(ctx, table, all);
    } else if (missing) {
      std::vector<CellIndex> run;
      for (size_t j = k; j < end; ++j) {
        CellIndex i = order[j];
        if (!run.empty() && cell_def(run.back()).group != cell_def(i).group) {
          add_group_finding(ctx, run);
          run.clear();
        }
        if (r.cell(i).status == CellStatus::Missing) run.push_back(i);
      }
      if (!run.empty()) add_group_finding(ctx, run);
    }
    k = end;
  }
}

}  // namespace gongkai::report::audit::detail
