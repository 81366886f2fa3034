#include "output/report_grids.hpp"

namespace gongkai::output {
namespace {

Json header(const std::string& text, int colspan = 1, int rowspan = 1, bool num = true,
            const char* scope = "col") {
  return {
      {"text", text}, {"scope", scope}, {"colspan", colspan}, {"rowspan", rowspan}, {"num", num}};
}

std::string label(const ContextEnv& env, const report::Label& l) {
  return env.pick(std::string(l.zh), std::string(l.en));
}

report::CellIndex cell_of(const std::string& id) {
  return *report::find_cell(id);
}

}  // namespace

Json proactive_grids(const ContextEnv& env, const report::Report& r, const NumberedFindings& f) {
  Json grids = Json::array();
  int n = 0;
  for (const auto& block : report::proactive_blocks(r.format)) {
    ++n;
    Json head_row = Json::array({header(env.t("grid.item"), 1, 1, false)});
    for (const auto& field : block.fields) {
      std::string text = label(env, field);
      // The 2019 procurement amount has no fixed unit: say the one the report printed.
      if (field.id == "amount" && block.items.front().id == "procurement" &&
          r.procurement_unit.value) {
        text += "（" + *r.procurement_unit.value + "）";
      }
      head_row.push_back(header(text));
    }
    Json rows = Json::array();
    for (const auto& item : block.items) {
      Json cells = Json::array();
      for (const auto& field : block.fields) {
        auto index =
            report::find_cell("proactive." + std::string(item.id) + "." + std::string(field.id));
        cells.push_back(index ? cell_json(r, *index, f) : Json{{"state", "absent"}});
      }
      rows.push_back({{"group", false},
                      {"label", label(env, item)},
                      {"level", 0},
                      {"cells", std::move(cells)}});
    }
    grids.push_back(
        {{"id", "table-p" + std::to_string(n)},
         {"caption", env.t("grid.proactive_caption", {{"heading", std::string(block.heading)}})},
         {"cols", block.fields.size() + 1},
         {"head", Json::array({std::move(head_row)})},
         {"rows", std::move(rows)}});
  }
  return grids;
}

Json applications_grid(const ContextEnv& env, const report::Report& r, const NumberedFindings& f) {
  const auto& columns = report::application_columns();
  // Two header rows, as printed: 自然人 | 法人或其他组织 (five kinds) | 总计.
  Json top = Json::array({header(env.t("grid.item"), 1, 2, false)});
  top.push_back(header(label(env, columns[0]), 1, 2));
  top.push_back(header(env.t("grid.legal_persons"), 5, 1));
  top.push_back(header(label(env, columns[6]), 1, 2));
  Json second = Json::array();
  for (size_t i = 1; i <= 5; ++i) second.push_back(header(label(env, columns[i])));

  Json rows = Json::array();
  std::vector<std::string_view> open;  // group labels currently open
  for (const auto& row : report::application_rows(r.layout)) {
    size_t depth = row.path.size() - 1;
    size_t common = 0;
    while (common < open.size() && common < depth && open[common] == row.path[common]) ++common;
    open.resize(common);
    for (size_t g = common; g < depth; ++g) {
      rows.push_back({{"group", true}, {"label", std::string(row.path[g])}, {"level", g}});
      open.push_back(row.path[g]);
    }
    Json cells = Json::array();
    for (const auto& column : columns) {
      cells.push_back(cell_json(
          r, cell_of("applications." + std::string(row.id) + "." + std::string(column.id)), f));
    }
    rows.push_back({{"group", false},
                    {"label", env.english ? std::string(row.en) : std::string(row.path.back())},
                    {"title", env.english ? std::string(row.path.back()) : std::string(row.en)},
                    {"level", depth},
                    {"cells", std::move(cells)}});
  }
  Json grid = {{"id", "table-a"},
               {"caption", env.t("grid.applications_caption")},
               {"cols", columns.size() + 1},
               {"head", Json::array({std::move(top), std::move(second)})},
               {"rows", std::move(rows)}};
  return Json::array({std::move(grid)});
}

Json review_grid(const ContextEnv& env, const report::Report& r, const NumberedFindings& f) {
  Json head = Json::array({header(env.t("grid.review_group"), 1, 1, false)});
  for (const auto& field : report::review_fields()) head.push_back(header(label(env, field)));
  Json rows = Json::array();
  const auto& groups = report::review_groups();
  for (size_t g = 0; g < groups.size(); ++g) {
    if (g == 1)
      rows.push_back({{"group", true}, {"label", env.t("grid.litigation")}, {"level", 0}});
    Json cells = Json::array();
    for (const auto& field : report::review_fields()) {
      cells.push_back(cell_json(
          r, cell_of("review." + std::string(groups[g].id) + "." + std::string(field.id)), f));
    }
    rows.push_back({{"group", false},
                    {"label", label(env, groups[g])},
                    {"level", g == 0 ? 0 : 1},
                    {"cells", std::move(cells)}});
  }
  Json grid = {{"id", "table-r"},
               {"caption", env.t("grid.review_caption")},
               {"cols", report::review_fields().size() + 1},
               {"head", Json::array({std::move(head)})},
               {"rows", std::move(rows)}};
  return Json::array({std::move(grid)});
}

}  // namespace gongkai::output
