#pragma once
// The whole build, as `gongkai build` and `gongkai serve` run it: load() reads everything, build()
// runs a flat list of named, timed steps (Zola's Site::load + Site::build). Pages are staged beside
// the output folder as they are rendered and swapped in at the end, only when every page rendered;
// pages whose inputs did not change since the last build are kept, not rendered. Errors carry the
// step's name.
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/file_system.hpp"
#include "output/output_file.hpp"

namespace gongkai::site {
struct Site;
}

namespace gongkai::commands {

struct BuildOptions {
  std::string config = "site.yaml";
  std::string out;        ///< empty: the config's output_dir
  unsigned jobs = 0;      ///< 0: every core
  bool progress = false;  ///< show progress on stderr (a terminal)
  bool write = true;      ///< false: keep the files in memory (tests)
  bool cache = true;      ///< keep read Reports in <site root>/.gongkai-cache between builds
  /// Not empty: write each page's context as JSON into this folder (`<page path>.json`, plus
  /// pages.tsv: path, template, context file) instead of rendering, for theme authors.
  std::string dump_contexts;
  /// Not empty: replaces the config's base_url (`gongkai serve` builds for its own address).
  std::string base_url;
};

struct StepTime {
  std::string name;
  double seconds = 0;
  size_t rss_mib = 0;  ///< resident memory after the step (Linux; 0 when unknown)
};

struct BuildResult {
  bool ok = false;
  size_t reports = 0, agencies = 0, pages = 0, files = 0, findings = 0;
  /// Report files new, changed (other bytes) and gone since the last build (as recorded in the
  /// cache folder's build-manifest; without it every report is new).
  size_t reports_new = 0, reports_changed = 0, reports_removed = 0;
  size_t report_files = 0;    ///< files read below content/reports (some may be left out)
  size_t pages_rendered = 0;  ///< the others were kept: their inputs had not changed
  size_t written = 0, unchanged = 0, removed = 0;  ///< what publishing did, file by file
  size_t search_index_bytes = 0;                   ///< size of search.json (0: none written)
  double seconds = 0;
  std::vector<StepTime> steps;
  std::string out_dir;
  std::vector<output::OutputFile> files_built;  ///< when !options.write
};

/// Runs the build; every problem goes to `sink` (file:line, or the page and template).
BuildResult build_site(const core::FileSystem& fs, const BuildOptions& options,
                       core::DiagnosticSink& sink);

/// "built 5 reports (1 new, 0 changed, 0 removed), 5 agencies, 26 pages (5 rendered, 21 kept),
/// 38 files (11 written, 27 unchanged, 0 removed), 7 findings, search index 3.1 KB in 0.31 s"
std::string summary_line(const BuildResult& r);

}  // namespace gongkai::commands
