#include "core/join.hpp"
#include "output/cell_context.hpp"
#include "output/number_format.hpp"
#include "output/report_context.hpp"
#include "output/site_contexts.hpp"

namespace gongkai::output {
namespace {

Value agency_entry(const ContextEnv& env, const site::Agency& a) {
  std::vector<Value> years;
  for (uint32_t i : a.reports) {
    const auto& e = env.site.reports[i];
    years.push_back(Obj(2)(keys::label, year_label(e))(keys::href, env.link(e.url)).value());
  }
  return Obj(4)("name", a.name)(keys::href, env.link(a.url))(
             "aliases", strings(std::vector<std::string>(
                            a.names.begin() + (a.names.empty() ? 0 : 1), a.names.end())))(
             "years", list(std::move(years)))
      .value();
}

}  // namespace

Value home_context(const ContextEnv& env) {
  const site::Site& site = env.site;
  PageFrame frame(env, "home", "", "", "");
  size_t findings = 0;
  for (const auto& r : site.reports) findings += r.findings.size();
  Value counts =
      Obj(4)("reports", format_integer(static_cast<int64_t>(site.reports.size())))(
          "agencies", format_integer(static_cast<int64_t>(site.agencies.size())))(
          "years", site.years.size())("findings", format_integer(static_cast<int64_t>(findings)))
          .value();

  // Totals per year: reports, applications received, disclosed, rate, lawsuits (partial totals
  // marked).
  std::vector<site::MetricDef> metrics;
  for (const char* id : {"applications_received", "disclosed", "disclosure_rate", "lawsuits"}) {
    metrics.push_back(*site::find_metric(id));
  }
  std::vector<Value> columns = {Obj(1)(keys::label, env.t("home.reports")).value()};
  for (const auto& m : metrics) {
    columns.push_back(
        Obj(2)(keys::label, env.pick(m.zh, m.en))(keys::title, env.pick(m.formula_zh, m.formula_en))
            .value());
  }
  std::vector<Value> rows;
  for (const auto& y : site.years) {
    std::vector<site::MetricTotal> totals(metrics.size());
    for (uint32_t i : y.reports) {
      for (size_t k = 0; k < metrics.size(); ++k) {
        site::accumulate(totals[k], site::evaluate(metrics[k], site.reports[i].report));
      }
    }
    std::vector<Value> cells;
    cells.push_back(Obj(4)(keys::state, constants::read)(
                        keys::v, format_integer(static_cast<int64_t>(y.reports.size())))(
                        keys::n, y.reports.size())(keys::href, env.link(y.url))
                        .value());
    for (size_t k = 0; k < metrics.size(); ++k)
      cells.push_back(total_value(env, metrics[k], totals[k], env.link(y.url)));
    rows.push_back(Obj(4)(keys::label, std::to_string(y.year))(keys::href, env.link(y.url))(
                       "sort", y.year)(keys::cells, list(std::move(cells)))
                       .value());
  }
  Value totals =
      Obj(6)("id", "totals")("caption", env.t("home.totals_caption"))("corner", env.t("home.year"))(
          "columns", list(std::move(columns)))("rows", list(std::move(rows)))("sortable", false)
          .value();

  std::vector<Value> latest;
  for (uint32_t i : site.latest) {
    const auto& e = site.reports[i];
    latest.push_back(
        Obj(4)("agency", site.agencies[e.agency].name)("year", e.year)(keys::href, env.link(e.url))(
            "signed_on", e.report.meta.signed_on.value ? e.report.meta.signed_on.value->iso() : "")
            .value());
  }

  // Regions: provinces (or the top level) with how many agencies each has.
  struct Top {
    std::string label, href;
    size_t agencies = 0;
  };
  std::vector<Top> tops;
  for (const auto& g : site.regions) {
    std::string top = g.path.empty() ? env.t("agency.region_unknown") : g.path.front();
    if (tops.empty() || tops.back().label != top)
      tops.push_back({top, env.link("agencies/") + "#" + g.anchor, 0});
    tops.back().agencies += g.agencies.size();
  }
  std::vector<Value> regions;
  for (const auto& t : tops) {
    regions.push_back(
        Obj(3)(keys::label, t.label)(keys::href, t.href)("agencies", t.agencies).value());
  }
  Value home = Obj(4)("counts", std::move(counts))("totals", std::move(totals))(
                   "latest", list(std::move(latest)))("regions", list(std::move(regions)))
                   .value();
  return frame.finish(env, "home", std::move(home));
}

Value agencies_context(const ContextEnv& env) {
  const site::Site& site = env.site;
  PageFrame frame(env, "agencies", "agencies/", env.t("agencies.title"), "agencies");
  frame.crumb(env, env.t("nav.agencies"), "agencies/");
  std::vector<Value> regions;
  for (const auto& g : site.regions) {
    std::vector<Value> agencies;
    for (uint32_t i : g.agencies) agencies.push_back(agency_entry(env, site.agencies[i]));
    regions.push_back(Obj(3)(keys::label, g.path.empty() ? env.t("agency.region_unknown")
                                                         : core::join(g.path, " · "))(
                          "anchor", g.anchor)("agencies", list(std::move(agencies)))
                          .value());
  }
  return frame.finish(
      env, "agencies",
      Obj(2)("count", site.agencies.size())("regions", list(std::move(regions))).value());
}

}  // namespace gongkai::output
