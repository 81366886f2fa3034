#pragma once
// The sample portal (site.yaml, content/, themes/default of the source tree) built in memory by
// commands::build_site, for the tests of the feeds, sitemap, data files and search index. A test
// can change site.yaml or add reports before building.
#include <map>
#include <string>
#include <vector>

#include "commands/site_build.hpp"

namespace gongkai::testing {

struct DataSite {
  std::map<std::string, std::string> files;  ///< output path → bytes
  std::vector<std::string> diagnostics;      ///< everything the build reported, formatted
  commands::BuildResult result;

  /// The file at `path`; throws when the build did not write it.
  const std::string& at(const std::string& path) const;
  bool has(const std::string& path) const { return files.count(path) != 0; }
};

struct DataSiteInput {
  std::string site_yaml;  ///< empty: the sample's site.yaml
  /// Appended to site.yaml (after the sample's, or after site_yaml).
  std::string extra_yaml;
  /// Extra reports: file name below content/reports/ → bytes.
  std::map<std::string, std::string> reports;
  /// Not empty: the reports of this folder of the source tree (its .txt and .md files) instead of
  /// the samples.
  std::string reports_dir;
};

/// Builds the sample portal with `input` in memory (no cache, two jobs).
DataSite build_data_site(const DataSiteInput& input = {});

/// The sample portal as it is, built once per test process.
const DataSite& sample_site();

/// Reads a file of the source tree (GONGKAI_SOURCE_DIR/<rel>).
std::string source_file(const std::string& rel);

/// RFC 4180 CSV (after an optional UTF-8 BOM) as rows of fields; throws on a malformed quote.
std::vector<std::vector<std::string>> parse_csv(std::string_view text);

}  // namespace gongkai::testing
