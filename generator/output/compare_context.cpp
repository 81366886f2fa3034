#include <algorithm>

#include "output/cell_context.hpp"
#include "output/site_contexts.hpp"

namespace gongkai::output {
namespace {

/// The report of an agency for a year (the first one when a year has two), or nullptr.
const site::ReportEntry* report_of(const site::Site& site, uint32_t agency, int year) {
  for (uint32_t i : site.agencies[agency].reports) {
    if (site.reports[i].year == year) return &site.reports[i];
  }
  return nullptr;
}

Value region_cell(const ContextEnv& env, const site::MetricDef& m, const site::ComparisonRow& row,
                  int year) {
  site::MetricTotal total;
  for (uint32_t a : row.agencies) {
    if (const auto* e = report_of(env.site, a, year))
      site::accumulate(total, site::evaluate(m, e->report));
  }
  if (total.reports == 0) return no_report_value();
  return total_value(env, m, total);
}

}  // namespace

Value compare_context(const ContextEnv& env, const site::Comparison& cmp) {
  PageFrame frame(env, "compare", cmp.url, cmp.config.title, "compare");
  frame.crumb(env, env.t("compare.title"), cmp.url);
  std::vector<Value> metrics;
  int n = 0;
  for (const auto& m : cmp.metrics) {
    ++n;
    std::vector<Value> columns;
    for (int y : cmp.years) {
      columns.push_back(Obj(2)(keys::label, std::to_string(y))(
                            keys::href, env.link("years/" + std::to_string(y) + "/"))
                            .value());
    }
    std::vector<Value> rows;
    int sort = 0;
    for (const auto& row : cmp.rows) {
      std::vector<Value> cells;
      for (int y : cmp.years) {
        if (cmp.aggregated || row.agencies.size() != 1) {
          cells.push_back(region_cell(env, m, row, y));
        } else if (const auto* e = report_of(env.site, row.agencies.front(), y)) {
          cells.push_back(metric_value(env, m, *e));
        } else {
          cells.push_back(no_report_value());
        }
      }
      const size_t hash = std::min(row.url.find('#'), row.url.size());
      rows.push_back(Obj(4)(keys::label, row.label)(
                         keys::href, env.link(row.url.substr(0, hash)) + row.url.substr(hash))(
                         "sort", sort++)(keys::cells, list(std::move(cells)))
                         .value());
    }
    const std::string label = m.zh.empty() ? m.id : env.pick(m.zh, m.en);
    std::string formula = env.pick(m.formula_zh, m.formula_en);
    if (formula.empty()) formula = m.id;
    const std::string first = cmp.years.empty() ? "" : std::to_string(cmp.years.front());
    const std::string last = cmp.years.empty() ? "" : std::to_string(cmp.years.back());
    Value table = Obj(6)("id", "metric-" + std::to_string(n))(
                      "caption", env.t("compare.caption",
                                       {{"metric", label}, {"first", first}, {"last", last}}))(
                      "corner", env.t("compare.row"))("columns", list(std::move(columns)))(
                      "rows", list(std::move(rows)))("sortable", true)
                      .value();
    metrics.push_back(
        Obj(3)(keys::label, label)("formula", formula)("table", std::move(table)).value());
  }
  return frame.finish(env, "compare",
                      Obj(4)(keys::title, cmp.config.title)("description", cmp.config.description)(
                          "aggregated", cmp.aggregated)("metrics", list(std::move(metrics)))
                          .value());
}

}  // namespace gongkai::output
