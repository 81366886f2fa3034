#include "output/page_list.hpp"

#include "output/data_csv.hpp"
#include "output/data_json.hpp"
#include "output/data_page.hpp"
#include "output/feed.hpp"
#include "output/report_context.hpp"
#include "output/robots.hpp"
#include "output/search_index.hpp"
#include "output/site_contexts.hpp"
#include "output/sitemap.hpp"

namespace gongkai::output {

std::vector<PageSpec> list_pages(const ContextEnv& env) {
  const site::Site& site = env.site;
  std::vector<PageSpec> pages;
  pages.reserve(site.reports.size() * 2 + site.agencies.size() + site.years.size() + 16);
  const ContextEnv* e = &env;
  pages.push_back({"index.html", "index.html", [e] { return home_context(*e); }});
  pages.push_back({"agencies/index.html", "agencies.html", [e] { return agencies_context(*e); }});
  for (const auto& a : site.agencies) {
    const site::Agency* agency = &a;
    pages.push_back(
        {a.url + "index.html", "agency.html", [e, agency] { return agency_context(*e, *agency); }});
  }
  for (const auto& y : site.years) {
    const site::YearEntry* year = &y;
    pages.push_back(
        {y.url + "index.html", "year.html", [e, year] { return year_context(*e, *year); }});
  }
  for (const auto& c : site.comparisons) {
    const site::Comparison* cmp = &c;
    pages.push_back(
        {c.url + "index.html", "compare.html", [e, cmp] { return compare_context(*e, *cmp); }});
  }
  pages.push_back({"audit/index.html", "audit.html", [e] { return audit_context(*e); }});
  pages.push_back({"data/index.html", "data.html", [e] { return data_context(*e); }});
  for (const auto& p : site.pages) {
    const site::ContentPage* page = &p;
    pages.push_back(
        {p.url + "index.html", "page.html", [e, page] { return content_page_context(*e, *page); }});
  }
  pages.push_back({"404.html", "404.html", [e] { return not_found_context(*e); }});
  for (size_t i = 0; i < site.reports.size(); ++i) {
    const site::ReportEntry* entry = &site.reports[i];
    const auto index = static_cast<int64_t>(i);
    pages.push_back(
        {entry->url + "index.html", "report.html",
         [e, entry] { return report_context(*e, *entry, report_files(*entry, e->report_json)); },
         index});
    pages.push_back(
        {entry->url + "source.html", "source.html",
         [e, entry] { return source_context(*e, *entry, report_files(*entry, e->report_json)); },
         index});
  }
  return pages;
}

std::vector<FileGenerator> file_generators() {
  std::vector<FileGenerator> out;
  out.push_back({"year csv", [](const ContextEnv& env, std::vector<OutputFile>& files) {
                   for (const auto& y : env.site.years)
                     files.push_back({y.url + "data.csv", year_csv(env, y)});
                 }});
  out.push_back(reports_csv_generator());
  out.push_back(report_json_generator());
  out.push_back(search_index_generator());
  out.push_back(feed_generator());
  out.push_back(sitemap_generator());
  out.push_back(robots_generator());
  return out;
}

}  // namespace gongkai::output
