#include "output/report_grids.hpp"

#include <map>
#include <optional>
#include <tuple>

namespace gongkai::output {
namespace {

// Keys and constant strings made once per thread: a report page's grids hold some 300 small
// dicts, and every string Value made from a literal is one more allocation.
thread_local const Value k_text("text"), k_scope("scope"), v_col("col"), k_colspan("colspan"),
    k_rowspan("rowspan"), k_num("num"), k_id("id"), k_caption("caption"), k_cols("cols"),
    k_head("head"), k_rows("rows");

Value header(const std::string& text, int colspan = 1, int rowspan = 1, bool num = true) {
  return Obj(5)(k_text, text)(k_scope, v_col)(k_colspan, colspan)(k_rowspan, rowspan)(k_num, num)
      .value();
}

std::string label(const ContextEnv& env, const report::Label& l) {
  return env.pick(std::string(l.zh), std::string(l.en));
}

/// The cell of "<table>.<group>.<field>", looked up once per id and remembered: a report page
/// asks for some 250 of them.
std::optional<report::CellIndex> find(std::string_view table, std::string_view group,
                                      std::string_view field) {
  struct Key {
    std::string_view table, group, field;
    bool operator<(const Key& o) const {
      return std::tie(table, group, field) < std::tie(o.table, o.group, o.field);
    }
  };
  // Every id the grids ask for, built on first use (the labels' string_views are static).
  static const std::map<Key, report::CellIndex> index = [] {
    std::map<Key, report::CellIndex> m;
    for (report::CellIndex i = 0; i < report::cell_count(); ++i) {
      const auto& def = report::cell_def(i);
      std::string_view table = def.table == report::Table::Proactive      ? "proactive"
                               : def.table == report::Table::Applications ? "applications"
                                                                          : "review";
      m.emplace(Key{table, def.group, def.field}, i);
    }
    return m;
  }();
  auto it = index.find(Key{table, group, field});
  if (it == index.end()) return std::nullopt;
  return it->second;
}

report::CellIndex cell_of(std::string_view table, std::string_view group, std::string_view field) {
  return *find(table, group, field);
}

Value data_row(const std::string& text, size_t level, std::vector<Value> cells,
               const std::string& title = {}) {
  Obj row(5);
  row(keys::group, constants::no)(keys::label, text)(keys::level, level)(keys::cells,
                                                                         list(std::move(cells)));
  if (!title.empty()) row(keys::title, title);
  return row.value();
}

Value group_row(const std::string& text, size_t level) {
  return Obj(3)(keys::group, constants::yes)(keys::label, text)(keys::level, level).value();
}

Value grid(const char* id, const std::string& caption, size_t cols, std::vector<Value> head,
           std::vector<Value> rows) {
  return Obj(5)(k_id, id)(k_caption, caption)(k_cols, cols)(k_head, list(std::move(head)))(
             k_rows, list(std::move(rows)))
      .value();
}

}  // namespace

Value proactive_grids(const ContextEnv& env, const report::Report& r, const NumberedFindings& f) {
  std::vector<Value> grids;
  int n = 0;
  for (const auto& block : report::proactive_blocks(r.format)) {
    ++n;
    std::vector<Value> head_row = {header(env.t("grid.item"), 1, 1, false)};
    for (const auto& field : block.fields) {
      std::string text = label(env, field);
      // The 2019 procurement amount has no fixed unit: say the one the report printed.
      if (field.id == "amount" && block.items.front().id == "procurement" &&
          r.procurement_unit.value) {
        text += "（" + *r.procurement_unit.value + "）";
      }
      head_row.push_back(header(text));
    }
    std::vector<Value> rows;
    for (const auto& item : block.items) {
      std::vector<Value> cells;
      for (const auto& field : block.fields) {
        auto index = find("proactive", item.id, field.id);
        cells.push_back(index ? cell_value(r, *index, f)
                              : Obj(1)(keys::state, constants::absent).value());
      }
      rows.push_back(data_row(label(env, item), 0, std::move(cells)));
    }
    const std::string id = "table-p" + std::to_string(n);
    grids.push_back(grid(id.c_str(),
                         env.t("grid.proactive_caption", {{"heading", std::string(block.heading)}}),
                         block.fields.size() + 1, {list(std::move(head_row))}, std::move(rows)));
  }
  return list(std::move(grids));
}

Value applications_grid(const ContextEnv& env, const report::Report& r, const NumberedFindings& f) {
  const auto& columns = report::application_columns();
  // Two header rows, as printed: 自然人 | 法人或其他组织 (five kinds) | 总计.
  std::vector<Value> top = {
      header(env.t("grid.item"), 1, 2, false), header(label(env, columns[0]), 1, 2),
      header(env.t("grid.legal_persons"), 5, 1), header(label(env, columns[6]), 1, 2)};
  std::vector<Value> second;
  for (size_t i = 1; i <= 5; ++i) second.push_back(header(label(env, columns[i])));

  std::vector<Value> rows;
  std::vector<std::string_view> open;  // group labels currently open
  for (const auto& row : report::application_rows(r.layout)) {
    size_t depth = row.path.size() - 1;
    size_t common = 0;
    while (common < open.size() && common < depth && open[common] == row.path[common]) ++common;
    open.resize(common);
    for (size_t g = common; g < depth; ++g) {
      rows.push_back(group_row(std::string(row.path[g]), g));
      open.push_back(row.path[g]);
    }
    std::vector<Value> cells;
    cells.reserve(columns.size());
    for (const auto& column : columns) {
      cells.push_back(cell_value(r, cell_of("applications", row.id, column.id), f));
    }
    rows.push_back(data_row(env.english ? std::string(row.en) : std::string(row.path.back()), depth,
                            std::move(cells),
                            env.english ? std::string(row.path.back()) : std::string(row.en)));
  }
  std::vector<Value> grids;
  grids.push_back(grid("table-a", env.t("grid.applications_caption"), columns.size() + 1,
                       {list(std::move(top)), list(std::move(second))}, std::move(rows)));
  return list(std::move(grids));
}

Value review_grid(const ContextEnv& env, const report::Report& r, const NumberedFindings& f) {
  std::vector<Value> head = {header(env.t("grid.review_group"), 1, 1, false)};
  for (const auto& field : report::review_fields()) head.push_back(header(label(env, field)));
  std::vector<Value> rows;
  const auto& groups = report::review_groups();
  for (size_t g = 0; g < groups.size(); ++g) {
    if (g == 1) rows.push_back(group_row(env.t("grid.litigation"), 0));
    std::vector<Value> cells;
    for (const auto& field : report::review_fields()) {
      cells.push_back(cell_value(r, cell_of("review", groups[g].id, field.id), f));
    }
    rows.push_back(data_row(label(env, groups[g]), g == 0 ? 0 : 1, std::move(cells)));
  }
  std::vector<Value> grids;
  grids.push_back(grid("table-r", env.t("grid.review_caption"), report::review_fields().size() + 1,
                       {list(std::move(head))}, std::move(rows)));
  return list(std::move(grids));
}

}  // namespace gongkai::output
