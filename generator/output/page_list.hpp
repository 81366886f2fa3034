#pragma once
// What the build writes: pages rendered from a template and a context, and other files made
// directly from the model. Both are plain lists, so other outputs (feeds, sitemap, data exports,
// search index) are added as one more generator without touching the rest.
#include <functional>
#include <string>
#include <vector>

#include "output/context.hpp"
#include "output/output_file.hpp"

namespace gongkai::output {

struct PageSpec {
  std::string path;                ///< output file, '/'-separated ("agencies/x/2023/index.html")
  std::string template_name;       ///< "report.html"
  std::function<Value()> context;  ///< built when the page is rendered (on a worker thread)
  int64_t report = -1;  ///< the Site::reports entry it shows (report and source pages), else -1
};

/// Every templated page of the site: home, agencies, agency, year, comparison, audit, plain pages,
/// 404, then each report's page and source page (last, and in pairs, so that the build can let go
/// of a report's text as soon as both are rendered).
std::vector<PageSpec> list_pages(const ContextEnv& env);

/// A maker of files that need no template (CSV, JSON, feeds…): appends them to `out`.
struct FileGenerator {
  std::string name;
  std::function<void(const ContextEnv&, std::vector<OutputFile>& out)> generate;
};
/// Each year's data.csv, data/reports.csv, every report.json and data/reports.json, search.json,
/// the feeds, the sitemap and robots.txt. They run before the pages are rendered (the JSON and the
/// search index read the reports' prose, which the build lets go of while rendering). (The
/// reports' original files are moved out of the model by the build itself rather than copied.)
std::vector<FileGenerator> file_generators();

}  // namespace gongkai::output
