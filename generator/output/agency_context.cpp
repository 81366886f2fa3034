#include <algorithm>

#include "output/cell_context.hpp"
#include "output/chart.hpp"
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

std::string last_segment(const std::string& url) {
  std::string_view u = url;
  u.remove_suffix(1);
  return std::string(u.substr(u.rfind('/') + 1));
}

Json trend_chart(const ContextEnv& env, const site::Agency& agency) {
  auto received = *site::find_metric("applications_received");
  auto disclosed = *site::find_metric("disclosed");
  std::vector<ChartGroup> groups;
  std::string values;
  for (uint32_t i : agency.reports) {
    const auto& e = env.site.reports[i];
    ChartGroup g;
    g.label = last_segment(e.url);
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

Json agency_context(const ContextEnv& env, const site::Agency& agency) {
  Json ctx = page_frame(env, "agency", agency.url, agency.name, "agencies");
  add_crumb(env, ctx, env.t("nav.agencies"), "agencies/");
  add_crumb(env, ctx, agency.name, agency.url);
  Json a;
  a["name"] = agency.name;
  a["aliases"] = std::vector<std::string>(agency.names.begin() + (agency.names.empty() ? 0 : 1),
                                          agency.names.end());
  a["region"] = agency.region;
  a["configured"] = agency.configured;
  Json reports = Json::array();
  Json findings = Json::array();
  Json table_columns = Json::array();
  for (uint32_t i : agency.reports) {
    const auto& e = env.site.reports[i];
    const std::string label = last_segment(e.url);
    reports.push_back(
        {{"year_label", label},
         {"href", env.link(e.url)},
         {"title", e.report.meta.title.value ? *e.report.meta.title.value : agency.name},
         {"counts", finding_counts(e)}});
    table_columns.push_back({{"label", label}, {"href", env.link(e.url)}});
    int number = 0;
    for (const auto& f : e.findings) {
      ++number;
      findings.push_back({{"severity", core::to_string(f.severity)},
                          {"code", f.code},
                          {"message", finding_message(env, f)},
                          {"year_label", label},
                          {"href", env.link(e.url) + "#finding-" + std::to_string(number)}});
    }
  }
  Json rows = Json::array();
  for (const auto& m : key_metrics()) {
    Json cells = Json::array();
    for (uint32_t i : agency.reports) cells.push_back(metric_json(env, m, env.site.reports[i]));
    rows.push_back({{"label", env.pick(m.zh, m.en)},
                    {"title", env.pick(m.formula_zh, m.formula_en)},
                    {"cells", std::move(cells)}});
  }
  a["reports"] = std::move(reports);
  a["findings"] = std::move(findings);
  a["table"] = {{"id", "agency-years"},
                {"caption", env.t("agency.table_caption", {{"name", agency.name}})},
                {"corner", env.t("agency.metric")},
                {"columns", std::move(table_columns)},
                {"rows", std::move(rows)},
                {"sortable", false}};
  a["chart"] = trend_chart(env, agency);
  ctx["agency"] = std::move(a);
  return ctx;
}

}  // namespace gongkai::output
