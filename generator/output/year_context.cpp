#include <cstdio>
#include <set>

#include "output/cell_context.hpp"
#include "output/chart.hpp"
#include "output/csv.hpp"
#include "output/number_format.hpp"
#include "output/site_contexts.hpp"

namespace gongkai::output {
namespace {

const std::vector<const site::MetricDef*>& year_metrics() {
  static const std::vector<const site::MetricDef*> out = [] {
    std::vector<const site::MetricDef*> v;
    for (const auto& m : key_metrics()) {
      if (m.id != "applications_handled" && m.id != "corrected" && m.id != "licensing")
        v.push_back(&m);
    }
    return v;
  }();
  return out;
}

std::string region_text(const std::vector<std::string>& region) {
  std::string s;
  for (const auto& part : region) s += (s.empty() ? "" : " · ") + part;
  return s;
}

/// Histogram of the reports of a year by a metric's value; missing values get a bar of their own.
Value histogram(const ContextEnv& env, const site::YearEntry& year, const site::MetricDef& metric,
                const std::vector<std::pair<std::string, double>>& bins, const std::string& id,
                const std::string& title, const std::string& desc) {
  std::vector<size_t> counts(bins.size() + 2, 0);  // + not applicable + missing
  for (uint32_t i : year.reports) {
    auto v = site::evaluate(metric, env.site.reports[i].report);
    if (v.state == site::MetricValue::State::NotApplicable) {
      ++counts[bins.size()];
    } else if (!v.has_value()) {
      ++counts[bins.size() + 1];
    } else {
      double x = metric.ratio() ? v.rate : v.number.to_double();
      size_t b = 0;
      while (b + 1 < bins.size() && x >= bins[b + 1].second) ++b;
      ++counts[b];
    }
  }
  std::vector<ChartGroup> groups;
  std::string values;
  auto add = [&](const std::string& label, size_t count, const char* css_class) {
    ChartGroup g;
    g.label = label;
    g.css_class = css_class;
    g.values = {static_cast<double>(count)};
    g.texts = {format_integer(static_cast<int64_t>(count))};
    values += label + ": " + g.texts[0] + "; ";
    groups.push_back(std::move(g));
  };
  for (size_t b = 0; b < bins.size(); ++b) add(bins[b].first, counts[b], "");
  if (metric.ratio()) add(env.t("year.chart_na"), counts[bins.size()], "muted");
  add(env.t("year.chart_missing"), counts[bins.size() + 1], "muted");
  ChartOptions options;
  options.width = 460;
  options.height = 240;
  options.note = env.t("year.chart_note");
  return bar_chart(id, title, Strings::fill(desc, {{"values", values}}),
                   {{env.t("year.reports_axis"), "s1"}}, groups, options);
}

}  // namespace

Value year_context(const ContextEnv& env, const site::YearEntry& year) {
  const std::string y = std::to_string(year.year);
  PageFrame frame(env, "year", year.url, env.t("year.title", {{"year", y}}), "years");
  frame.crumb(env, env.t("year.title", {{"year", y}}), year.url);
  std::set<uint32_t> agencies;
  for (uint32_t i : year.reports) agencies.insert(env.site.reports[i].agency);

  std::vector<Value> columns;
  for (const auto* m : year_metrics()) {
    columns.push_back(Obj(2)(keys::label, env.pick(m->zh, m->en))(
                          keys::title, env.pick(m->formula_zh, m->formula_en))
                          .value());
  }
  columns.push_back(
      Obj(2)(keys::label, env.t("audit.title"))(keys::title, env.t("year.findings_title")).value());
  thread_local const Value sort_key("sort"), sub_key("sub");
  std::vector<Value> rows;
  rows.reserve(year.reports.size());
  std::vector<site::MetricTotal> totals(year_metrics().size());
  size_t findings_total = 0;
  for (uint32_t i : year.reports) {
    const auto& e = env.site.reports[i];
    const auto& a = env.site.agencies[e.agency];
    std::vector<Value> cells;
    cells.reserve(year_metrics().size() + 1);
    for (size_t k = 0; k < year_metrics().size(); ++k) {
      const auto& m = *year_metrics()[k];
      cells.push_back(metric_value(env, m, e));
      site::accumulate(totals[k], site::evaluate(m, e.report));
    }
    findings_total += e.findings.size();
    cells.push_back(
        Obj(4)(keys::state, constants::read)(keys::v,
                                             count_text(static_cast<int64_t>(e.findings.size())))(
            keys::n, e.findings.size())(keys::href, env.link(e.url) + "#findings-heading")
            .value());
    rows.push_back(Obj(5)(keys::label, a.name)(keys::href, env.link(e.url))(sort_key, e.agency)(
                       sub_key, region_text(a.region))(keys::cells, list(std::move(cells)))
                       .value());
  }
  std::vector<Value> total_cells;
  for (size_t k = 0; k < year_metrics().size(); ++k)
    total_cells.push_back(total_value(env, *year_metrics()[k], totals[k]));
  total_cells.push_back(
      Obj(6)(keys::state, constants::read)(
          keys::v, format_integer(static_cast<int64_t>(findings_total)))(keys::n, findings_total)(
          keys::complete, true)(keys::with_value, year.reports.size())(keys::reports,
                                                                       year.reports.size())
          .value());
  Value table =
      Obj(7)("id", "year-table")("caption", env.t("year.table_caption", {{"year", y}}))(
          "corner", env.t("year.agency"))("columns", list(std::move(columns)))(
          "rows", list(std::move(rows)))("totals", Obj(2)(keys::label, env.t("year.totals"))(
                                                       keys::cells, list(std::move(total_cells)))
                                                       .value())("sortable", true)
          .value();
  std::vector<Value> charts;
  charts.push_back(histogram(
      env, year, *site::find_metric("applications_received"),
      {{"0", 0}, {"1–9", 1}, {"10–49", 10}, {"50–99", 50}, {"100–499", 100}, {"500+", 500}},
      "dist-received", env.t("year.chart_received_title", {{"year", y}}),
      env.t("year.chart_received_desc")));
  charts.push_back(histogram(
      env, year, *site::find_metric("disclosure_rate"),
      {{"<20", 0}, {"20–39", 0.2}, {"40–59", 0.4}, {"60–79", 0.6}, {"80–99", 0.8}, {"100", 1.0}},
      "dist-rate", env.t("year.chart_rate_title", {{"year", y}}), env.t("year.chart_rate_desc")));
  Value yv =
      Obj(6)("year", year.year)("reports", year.reports.size())("agencies", agencies.size())(
          "csv_href", "data.csv")("table", std::move(table))("charts", list(std::move(charts)))
          .value();
  return frame.finish(env, "year", std::move(yv));
}

std::string year_csv(const ContextEnv& env, const site::YearEntry& year) {
  std::string out(kCsvBom);
  out += "agency,region,year,report";
  for (const auto* m : year_metrics()) out += "," + m->id;
  out += ",findings";
  out += kCsvRowEnd;
  for (uint32_t i : year.reports) {
    const auto& e = env.site.reports[i];
    const auto& a = env.site.agencies[e.agency];
    append_csv_field(out, a.name);
    out += ',';
    append_csv_field(out, region_text(a.region));
    out += ',' + std::to_string(e.year) + ',';
    append_csv_field(out,
                     env.site.config.base_url.empty() ? e.url : env.site.config.base_url + e.url);
    for (const auto* m : year_metrics()) {
      out += ',';
      auto v = site::evaluate(*m, e.report);
      if (!v.has_value()) continue;  // missing, absent or not applicable: an empty field, never 0
      if (m->ratio()) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.4f", v.rate);
        out += buf;
      } else {
        out += v.number.to_string();
      }
    }
    out += ',' + std::to_string(e.findings.size());
    out += kCsvRowEnd;
  }
  return out;
}

}  // namespace gongkai::output
