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

Json region_cell(const ContextEnv& env, const site::MetricDef& m, const site::ComparisonRow& row,
                 int year) {
  site::MetricTotal total;
  for (uint32_t a : row.agencies) {
    if (const auto* e = report_of(env.site, a, year))
      site::accumulate(total, site::evaluate(m, e->report));
  }
  if (total.reports == 0) return no_report_json();
  Json c = total_json(m, total);
  if (c["state"] == "read" && !total.complete()) {
    c["note"] = env.t("total.partial", {{"with_value", std::to_string(total.reports_with_value)},
                                        {"reports", std::to_string(total.reports)}});
  }
  return c;
}

}  // namespace

Json compare_context(const ContextEnv& env, const site::Comparison& cmp) {
  Json ctx = page_frame(env, "compare", cmp.url, cmp.config.title, "compare");
  add_crumb(env, ctx, env.t("compare.title"), cmp.url);
  Json metrics = Json::array();
  int n = 0;
  for (const auto& m : cmp.metrics) {
    ++n;
    Json columns = Json::array();
    for (int y : cmp.years) {
      columns.push_back(
          {{"label", std::to_string(y)}, {"href", env.link("years/" + std::to_string(y) + "/")}});
    }
    Json rows = Json::array();
    int sort = 0;
    for (const auto& row : cmp.rows) {
      Json cells = Json::array();
      for (int y : cmp.years) {
        if (cmp.aggregated || row.agencies.size() != 1) {
          cells.push_back(region_cell(env, m, row, y));
        } else if (const auto* e = report_of(env.site, row.agencies.front(), y)) {
          cells.push_back(metric_json(env, m, *e));
        } else {
          cells.push_back(no_report_json());
        }
      }
      const size_t hash = std::min(row.url.find('#'), row.url.size());
      rows.push_back({{"label", row.label},
                      {"href", env.link(row.url.substr(0, hash)) + row.url.substr(hash)},
                      {"sort", sort++},
                      {"cells", std::move(cells)}});
    }
    const std::string label = m.zh.empty() ? m.id : env.pick(m.zh, m.en);
    std::string formula = env.pick(m.formula_zh, m.formula_en);
    if (formula.empty()) formula = m.id;
    metrics.push_back(
        {{"label", label},
         {"formula", formula},
         {"table",
          {{"id", "metric-" + std::to_string(n)},
           {"caption",
            env.t("compare.caption",
                  {{"metric", label},
                   {"first", cmp.years.empty() ? "" : std::to_string(cmp.years.front())},
                   {"last", cmp.years.empty() ? "" : std::to_string(cmp.years.back())}})},
           {"corner", env.t("compare.row")},
           {"columns", std::move(columns)},
           {"rows", std::move(rows)},
           {"sortable", true}}}});
  }
  ctx["compare"] = {{"title", cmp.config.title},
                    {"description", cmp.config.description},
                    {"aggregated", cmp.aggregated},
                    {"metrics", std::move(metrics)}};
  return ctx;
}

}  // namespace gongkai::output
