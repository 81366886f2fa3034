#include <algorithm>

#include "output/cell_context.hpp"
#include "output/chart.hpp"
#include "output/feed.hpp"
#include "output/report_context.hpp"
#include "output/site_contexts.hpp"

namespace gongkai::output {

const std::vector<site::MetricDef>& key_metrics() {
  static const std::vector<site::MetricDef> metrics = [] {
    std::vector<site::MetricDef> out;
    for (const char* id : {"applications_received", "applications_handled", "disclosed",
                           "partially_disclosed", "disclosure_rate", "reconsiderations", "lawsuits",
                           "corrected", "licensing", "punishments"}) {
      out.push_back(*site::find_metric(id));
    }
    return out;
  }();
  return metrics;
}

namespace {

Value trend_chart(const ContextEnv& env, const site::Agency& agency) {
  const auto received = *site::find_metric("applications_received");
  const auto disclosed = *site::find_metric("disclosed");
  std::vector<ChartGroup> groups;
  std::string values;
  for (uint32_t i : agency.reports) {
    const auto& e = env.site.reports[i];
    ChartGroup g;
    g.label = year_label(e);
    values += g.label + ": ";
    for (const auto* m : {&received, &disclosed}) {
      auto v = site::evaluate(*m, e.report);
      if (v.has_value()) {
        g.values.push_back(v.number.to_double());
        g.texts.push_back(metric_text(*m, v));
      } else {
        g.values.push_back(std::nullopt);
        g.texts.push_back("—");
      }
      values += env.pick(m->zh, m->en) + " " + g.texts.back() + (m == &received ? ", " : "; ");
    }
    groups.push_back(std::move(g));
  }
  ChartOptions options;
  options.width = std::clamp(static_cast<int>(groups.size()) * 110 + 80, 360, 720);
  options.note = env.t("agency.chart_note");
  return bar_chart(
      "trend", env.t("agency.chart_title", {{"name", agency.name}}),
      env.t("agency.chart_desc", {{"values", values}}),
      {{env.pick(received.zh, received.en), "s1"}, {env.pick(disclosed.zh, disclosed.en), "s2"}},
      groups, options);
}

}  // namespace

Value agency_context(const ContextEnv& env, const site::Agency& agency) {
  PageFrame frame(env, "agency", agency.url, agency.name, "agencies");
  frame.page("feed", agency_feed_link(env, agency));
  frame.crumb(env, env.t("nav.agencies"), "agencies/");
  frame.crumb(env, agency.name, agency.url);
  std::vector<Value> reports, findings, columns;
  for (uint32_t i : agency.reports) {
    const auto& e = env.site.reports[i];
    const std::string label = year_label(e);
    reports.push_back(Obj(4)("year_label", label)(keys::href, env.link(e.url))(
                          keys::title, e.report.meta.title.value
                                           ? *e.report.meta.title.value
                                           : agency.name)("counts", finding_counts(e))
                          .value());
    columns.push_back(Obj(2)(keys::label, label)(keys::href, env.link(e.url)).value());
    int number = 0;
    for (const auto& f : e.findings) {
      ++number;
      findings.push_back(Obj(5)(keys::severity, severity_value(f.severity))(keys::code, f.code)(
                             "message", finding_message(env, f))("year_label", label)(
                             keys::href, env.link(e.url) + "#finding-" + std::to_string(number))
                             .value());
    }
  }
  std::vector<Value> rows;
  for (const auto& m : key_metrics()) {
    std::vector<Value> cells;
    for (uint32_t i : agency.reports) cells.push_back(metric_value(env, m, env.site.reports[i]));
    rows.push_back(
        Obj(3)(keys::label, env.pick(m.zh, m.en))(
            keys::title, env.pick(m.formula_zh, m.formula_en))(keys::cells, list(std::move(cells)))
            .value());
  }
  Value table = Obj(6)("id", "agency-years")(
                    "caption", env.t("agency.table_caption", {{"name", agency.name}}))(
                    "corner", env.t("agency.metric"))("columns", list(std::move(columns)))(
                    "rows", list(std::move(rows)))("sortable", false)
                    .value();
  Value a = Obj(9)("name", agency.name)(
                "aliases",
                strings(std::vector<std::string>(
                    agency.names.begin() + (agency.names.empty() ? 0 : 1), agency.names.end())))(
                "region", strings(agency.region))("configured", agency.configured)(
                "reports", list(std::move(reports)))("findings", list(std::move(findings)))(
                "table", std::move(table))("chart", trend_chart(env, agency))
                .value();
  return frame.finish(env, "agency", std::move(a));
}

}  // namespace gongkai::output
