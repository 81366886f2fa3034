#pragma once
// site.yaml: the portal's configuration. Read strictly: an unknown key or a value of the wrong type
// is an error naming file:line:col, so a typo never silently changes the site.
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"

namespace gongkai::site {

/// One office, however its reports write its name.
struct AgencyConfig {
  std::string name;                  ///< canonical name, shown as the agency's title
  std::vector<std::string> aliases;  ///< other ways reports write it (abbreviations, old names)
  std::vector<std::string> region;   ///< province, city, county (as many levels as known)
  std::string slug;                  ///< URL segment; empty: transliterated from the name
  std::string kind;   ///< "department" | "government" | … (for deadlines); may be empty
  std::string level;  ///< "province" | "city" | "county" | "town"; may be empty
  uint32_t line = 0;  ///< where it is declared in site.yaml
};

/// A comparison page: some metrics over some years for some agencies or regions.
struct ComparisonConfig {
  std::string id;  ///< URL segment: /compare/<id>/
  std::string title;
  std::string description;
  std::vector<std::string> metrics;               ///< cell ids or named metrics (site/metrics.hpp)
  std::vector<int> years;                         ///< empty: every year with reports
  std::vector<std::string> agencies;              ///< names (canonical or alias)
  std::vector<std::vector<std::string>> regions;  ///< region path prefixes
  uint32_t line = 0;
};

struct MenuItem {
  std::string title;
  std::string url;  ///< site path ("about/") or an absolute URL ("https://…")
};

struct Config {
  std::string file;  ///< the site.yaml path as given (for messages)
  std::string root;  ///< folder of site.yaml: relative folders below are resolved against it

  std::string title = "政府信息公开工作年度报告";
  std::string description;
  std::string base_url;  ///< absolute, ends with '/'; only for absolute URLs (feeds, sitemap)
  std::string language = "zh-CN";  ///< "zh-CN" | "en": the theme's UI strings
  std::string theme = "default";
  std::string content_dir = "content";  ///< reports in <content>/reports, pages in <content>/pages
  std::string output_dir = "public";
  std::string themes_dir = "themes";
  std::string templates_dir =
      "templates";                    ///< the site's own templates, looked up before the theme's
  std::string static_dir = "static";  ///< the site's own static files, copied over the theme's
  bool pretty_urls = false;  ///< links end in "/" (needs a web server) instead of "/index.html"
  int latest_reports = 10;   ///< how many recent reports the home page lists
  int feed_limit = 50;       ///< `feed.limit`: items in each RSS feed, newest first (≥ 1)
  /// `data.licence`: the terms the data is published under, shown on the data page (plain text;
  /// empty: the page says no licence was stated). `data.licence_url`: a link to its full text.
  std::string data_licence, data_licence_url;
  /// `search.excerpt_chars`: characters of section text per excerpt in /search.json (0: none).
  int search_excerpt_chars = 40;

  std::vector<AgencyConfig> agencies;
  std::vector<ComparisonConfig> comparisons;
  std::vector<MenuItem> menu;  ///< empty: the theme's default menu

  /// A folder setting resolved against `root`.
  std::string resolve(std::string_view dir) const;
};

/// Parses site.yaml. Every problem goes to `sink` as a C0xx diagnostic with file:line:col; the
/// returned Config is meaningful only when no error was added.
Config parse_config(const std::string& file, std::string_view text, core::DiagnosticSink& sink);

}  // namespace gongkai::site
