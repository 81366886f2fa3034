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
  std::string path;               ///< output file, '/'-separated ("agencies/x/2023/index.html")
  std::string template_name;      ///< "report.html"
  std::function<Json()> context;  ///< built when the page is rendered (on a worker thread)
};

/// Every templated page of the site: home, agencies, agency, report, source, year, comparison,
/// audit, plain pages, 404.
std::vector<PageSpec> list_pages(const ContextEnv& env, bool report_json);

/// A maker of files that need no template (CSV, originals, JSON…): appends them to `out`.
struct FileGenerator {
  std::string name;
  std::function<void(const ContextEnv&, std::vector<OutputFile>& out)> generate;
};
/// The generators of this issue: originals of the reports, each year's data.csv.
std::vector<FileGenerator> file_generators();

}  // namespace gongkai::output
