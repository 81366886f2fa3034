#include <map>

#include "output/cell_context.hpp"
#include "output/number_format.hpp"
#include "output/site_contexts.hpp"

namespace gongkai::output {
namespace {

std::string join(const std::vector<std::string>& parts, size_t from, std::string_view sep) {
  std::string s;
  for (size_t i = from; i < parts.size(); ++i) s += (s.empty() ? "" : std::string(sep)) + parts[i];
  return s;
}

Json agency_entry(const ContextEnv& env, const site::Agency& a) {
  Json years = Json::array();
  for (uint32_t i : a.reports) {
    const auto& e = env.site.reports[i];
    std::string_view u = e.url;
    u.remove_suffix(1);
    years.push_back(
        {{"label", std::string(u.substr(u.rfind('/') + 1))}, {"href", env.link(e.url)}});
  }
  return {{"name", a.name},
          {"href", env.link(a.url)},
          {"aliases",
           std::vector<std::string>(a.names.begin() + (a.names.empty() ? 0 : 1), a.names.end())},
          {"years", std::move(years)}};
}

}  // namespace

Json home_context(const ContextEnv& env) {
  const site::Site& site = env.site;
  Json ctx = page_frame(env, "home", "", "", "");
  Json home;
  size_t findings = 0;
  for (const auto& r : site.reports) findings += r.findings.size();
  home["counts"] = {{"reports", format_integer(static_cast<int64_t>(site.reports.size()))},
                    {"agencies", format_integer(static_cast<int64_t>(site.agencies.size()))},
                    {"years", site.years.size()},
                    {"findings", format_integer(static_cast<int64_t>(findings))}};

  // Totals per year: reports, applications received, disclosed, lawsuits (partial totals marked).
  std::vector<site::MetricDef> metrics;
  for (const char* id : {"applications_received", "disclosed", "disclosure_rate", "lawsuits"}) {
    metrics.push_back(*site::find_metric(id));
  }
  Json columns = Json::array({{{"label", env.t("home.reports")}}});
  for (const auto& m : metrics)
    columns.push_back(
        {{"label", env.pick(m.zh, m.en)}, {"title", env.pick(m.formula_zh, m.formula_en)}});
  Json rows = Json::array();
  for (const auto& y : site.years) {
    std::vector<site::MetricTotal> totals(metrics.size());
    for (uint32_t i : y.reports) {
      for (size_t k = 0; k < metrics.size(); ++k) {
        site::accumulate(totals[k], site::evaluate(metrics[k], site.reports[i].report));
      }
    }
    Json cells = Json::array();
    cells.push_back({{"state", "read"},
                     {"v", format_integer(static_cast<int64_t>(y.reports.size()))},
                     {"n", y.reports.size()},
                     {"href", env.link(y.url)}});
    for (size_t k = 0; k < metrics.size(); ++k) {
      Json c = total_json(metrics[k], totals[k]);
      if (c["state"] == "read") {
        c["href"] = env.link(y.url);
        if (!totals[k].complete()) {
          c["note"] =
              env.t("total.partial", {{"with_value", std::to_string(totals[k].reports_with_value)},
                                      {"reports", std::to_string(totals[k].reports)}});
        }
      }
      cells.push_back(std::move(c));
    }
    rows.push_back({{"label", std::to_string(y.year)},
                    {"href", env.link(y.url)},
                    {"sort", y.year},
                    {"cells", std::move(cells)}});
  }
  home["totals"] = {{"id", "totals"},
                    {"caption", env.t("home.totals_caption")},
                    {"corner", env.t("home.year")},
                    {"columns", std::move(columns)},
                    {"rows", std::move(rows)},
                    {"sortable", false}};

  Json latest = Json::array();
  for (uint32_t i : site.latest) {
    const auto& e = site.reports[i];
    latest.push_back(
        {{"agency", site.agencies[e.agency].name},
         {"year", e.year},
         {"href", env.link(e.url)},
         {"signed_on", e.report.meta.signed_on.value ? e.report.meta.signed_on.value->iso() : ""}});
  }
  home["latest"] = std::move(latest);

  // Regions: provinces (or the top level) with how many agencies each has.
  Json regions = Json::array();
  std::string current;
  for (const auto& g : site.regions) {
    std::string top = g.path.empty() ? env.t("agency.region_unknown") : g.path.front();
    if (regions.empty() || top != current) {
      current = top;
      regions.push_back(
          {{"label", top}, {"href", env.link("agencies/") + "#" + g.anchor}, {"agencies", 0}});
    }
    regions.back()["agencies"] = regions.back()["agencies"].get<size_t>() + g.agencies.size();
  }
  home["regions"] = std::move(regions);
  ctx["home"] = std::move(home);
  return ctx;
}

Json agencies_context(const ContextEnv& env) {
  const site::Site& site = env.site;
  Json ctx = page_frame(env, "agencies", "agencies/", env.t("agencies.title"), "agencies");
  add_crumb(env, ctx, env.t("nav.agencies"), "agencies/");
  Json regions = Json::array();
  for (const auto& g : site.regions) {
    Json agencies = Json::array();
    for (uint32_t i : g.agencies) agencies.push_back(agency_entry(env, site.agencies[i]));
    regions.push_back(
        {{"label", g.path.empty() ? env.t("agency.region_unknown") : join(g.path, 0, " · ")},
         {"anchor", g.anchor},
         {"agencies", std::move(agencies)}});
  }
  ctx["agencies"] = {{"count", site.agencies.size()}, {"regions", std::move(regions)}};
  return ctx;
}

}  // namespace gongkai::output
