#include "output/data_page.hpp"

#include "output/data_columns.hpp"
#include "output/feed.hpp"

namespace gongkai::output {
namespace {

Value file(const ContextEnv& env, const std::string& key, const std::string& path,
           const std::string& href) {
  return Obj(4)(keys::title, env.t("data.file." + key + ".title"))("path", path)(keys::href, href)(
             "text", env.t("data.file." + key + ".text"))
      .value();
}

}  // namespace

Value data_context(const ContextEnv& env) {
  const auto& site = env.site;
  PageFrame frame(env, "data", "data/", env.t("data.title"), "data");
  frame.crumb(env, env.t("data.title"), "data/");

  std::vector<Value> files;
  files.push_back(file(env, "csv", "/data/reports.csv", "data/reports.csv"));
  files.push_back(file(env, "json", "/data/reports.json", "data/reports.json"));
  std::vector<Value> per_report;
  // Links from the data page to an example of each per-report or per-agency file.
  std::string example_report, example_agency;
  if (!site.reports.empty()) example_report = site.reports.front().url;
  for (const auto& a : site.agencies) {
    if (!a.reports.empty()) {
      example_agency = a.url;
      break;
    }
  }
  per_report.push_back(file(env, "report_json", "/agencies/<slug>/<year>/report.json",
                            example_report.empty() ? "" : example_report + "report.json"));
  per_report.push_back(file(env, "year_csv", "/years/<year>/data.csv",
                            site.years.empty() ? "" : site.years.front().url + "data.csv"));
  std::vector<Value> feeds;
  if (has_feeds(site.config)) {
    feeds.push_back(file(env, "feed", "/feed.xml", "feed.xml"));
    feeds.push_back(file(env, "agency_feed", "/agencies/<slug>/feed.xml",
                         example_agency.empty() ? "" : example_agency + "feed.xml"));
    feeds.push_back(file(env, "sitemap", "/sitemap.xml", "sitemap.xml"));
  }
  feeds.push_back(file(env, "search", "/search.json", "search.json"));

  std::vector<Value> years;
  for (const auto& y : site.years)
    years.push_back(Obj(2)("year", y.year)(keys::href, y.url + "data.csv").value());

  std::vector<Value> metas;
  for (const auto& m : meta_columns()) {
    metas.push_back(
        Obj(2)("name", std::string(m.name))("text", std::string(env.english ? m.en : m.zh))
            .value());
  }
  std::vector<Value> tables;
  report::Table current = report::Table::Proactive;
  std::vector<Value> columns;
  auto flush = [&] {
    if (columns.empty()) return;
    tables.push_back(
        Obj(2)(keys::title, env.t("data.table." + std::string(report::to_string(current))))(
            "columns", list(std::move(columns)))
            .value());
    columns.clear();
  };
  for (report::CellIndex c : data_cells()) {
    const auto& def = report::cell_def(c);
    if (def.table != current) {
      flush();
      current = def.table;
    }
    const auto& info = cell_column_info(c);
    std::string formats = info.in_2019 && info.in_2021 ? env.t("data.formats.both")
                          : info.in_2019               ? env.t("data.formats.only_2019")
                                                       : env.t("data.formats.only_2021");
    columns.push_back(
        Obj(3)("name", std::string(def.id))("text", env.pick(info.zh, info.en))("formats", formats)
            .value());
  }
  flush();

  Value licence = Value::none();
  if (!site.config.data_licence.empty() || !site.config.data_licence_url.empty()) {
    licence = Obj(2)("text", site.config.data_licence)("url", site.config.data_licence_url).value();
  }
  Value data = Obj(9)("files", list(std::move(files)))("per_report", list(std::move(per_report)))(
                   "feeds", list(std::move(feeds)))("years", list(std::move(years)))(
                   "meta_columns", list(std::move(metas)))("cell_tables", list(std::move(tables)))(
                   "cell_count", data_cells().size())("licence", std::move(licence))(
                   "reports", site.reports.size())
                   .value();
  return frame.finish(env, "data", std::move(data));
}

}  // namespace gongkai::output
