#pragma once
// The site model: every report placed under its agency and year, agencies grouped by region in
// pinyin order, comparisons resolved. Built once per build from the config and the read reports;
// pages and extra outputs (feeds, data exports) are all functions of it.
#include <cstdint>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "report/report.hpp"
#include "site/config.hpp"
#include "site/content_page.hpp"
#include "site/metrics.hpp"
#include "site/slug.hpp"

#include "report/audit/audit.hpp"

namespace gongkai::site {

using Finding = report::audit::Finding;

/// One report file, read.
struct ReportEntry {
  std::string file;  ///< path below the reports folder ("zibo-gaoxin-2023.txt")
  /// The file's bytes, offered as a download; the source view decodes them again (cheaper than
  /// keeping every text twice).
  std::string original;
  report::Report report;
  std::vector<Finding> findings;  ///< the audit's, in rule order
  // Filled by assign_agencies and build_site:
  uint32_t agency = 0;  ///< index into Site::agencies
  int year = 0;
  std::string url;  ///< "agencies/<slug>/<year>/" (a second report of one year: "<year>-2/")
};

struct Agency {
  std::string name;  ///< canonical (site.yaml) or as the first report writes it
  std::vector<std::string>
      names;  ///< every name: canonical first, then aliases and names as written
  std::vector<std::string> region;  ///< province, city, county; empty when unknown
  std::string kind, level;
  std::string slug;
  std::string url;                ///< "agencies/<slug>/"
  bool configured = false;        ///< declared in site.yaml
  std::vector<uint32_t> reports;  ///< indexes into Site::reports, by year
};

struct RegionGroup {
  std::vector<std::string> path;   ///< empty: region unknown
  std::string anchor;              ///< id on the agencies index ("r-shandongsheng-ziboshi")
  std::vector<uint32_t> agencies;  ///< pinyin order
};

struct YearEntry {
  int year = 0;
  std::string url;                ///< "years/<year>/"
  std::vector<uint32_t> reports;  ///< agency order (region, then pinyin)
};

struct ComparisonRow {
  std::string label;
  std::string url;                 ///< agency page, or the agencies index anchor of a region
  std::vector<uint32_t> agencies;  ///< one agency, or every agency of a region
};

struct Comparison {
  ComparisonConfig config;
  std::string url;  ///< "compare/<id>/"
  std::vector<MetricDef> metrics;
  std::vector<int> years;  ///< ascending
  std::vector<ComparisonRow> rows;
  bool aggregated = false;  ///< rows are regions: values are sums over their agencies
};

struct Site {
  Config config;
  std::vector<ReportEntry> reports;  ///< in file order
  std::vector<Agency> agencies;      ///< region order, then pinyin order of names
  std::vector<RegionGroup> regions;  ///< pinyin order of paths; unknown region last
  std::vector<YearEntry> years;      ///< newest first
  std::vector<Comparison> comparisons;
  std::vector<ContentPage> pages;
  std::vector<uint32_t> latest;  ///< reports, newest first (at most config.latest_reports)

  /// A site path ("agencies/x/") as a link target: "agencies/x/index.html" unless pretty_urls.
  std::string link(std::string_view dir) const;
};

/// Places each report under an agency (matching names and aliases after normalisation) and fills
/// what site.yaml knows about it into report.meta (region, kind, level), before the audit reads it.
/// Reports without an agency name or a year cannot be placed: they are dropped with a warning.
void assign_agencies(Site& site, core::DiagnosticSink& sink);

/// Builds agencies' slugs and URLs, regions, years, latest reports and comparisons.
/// Call after assign_agencies (and the audit).
/// `slugger`: an ICU transliterator already made (making one takes a quarter of a second, so the
/// build makes it while the reports are read); null: make one here.
void build_site(Site& site, core::DiagnosticSink& sink, const Slugger* slugger = nullptr);

}  // namespace gongkai::site
