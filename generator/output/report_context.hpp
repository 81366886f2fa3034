#pragma once
// The report page (/agencies/<slug>/<year>/) and its source page (…/source/).
#include "core/source_file.hpp"
#include "output/context.hpp"

namespace gongkai::output {

/// The downloads of a report, named relative to its page: the original file as received, and the
/// report's JSON when the build writes one.
struct ReportFiles {
  std::string original;  ///< "original.txt" (the file's own extension)
  std::string json;      ///< "report.json", or empty
};
ReportFiles report_files(const site::ReportEntry& entry, bool with_json);

/// For each report (Site::reports order), a fingerprint of everything its report and source pages
/// are made from apart from what every page shares (site.yaml, the `site` variable, strings,
/// templates, gongkai itself — the caller adds those): its file's name and bytes, URL, year,
/// findings, its agency (names, region, kind, level, slug) and the agency's other reports (their
/// files, bytes and URLs: the year links and the year-on-year audit). Cheaper than building the
/// contexts, so a rebuild can skip the pages of unchanged reports without making them. Call while
/// every report still has its `original` bytes. Keep it in step with the two context builders.
std::vector<uint64_t> report_input_hashes(const ContextEnv& env);

Value report_context(const ContextEnv& env, const site::ReportEntry& entry,
                     const ReportFiles& files);
Value source_context(const ContextEnv& env, const site::ReportEntry& entry,
                     const ReportFiles& files);

/// "2023", or "2023-2" for a second report of one year (the last segment of its URL).
std::string year_label(const site::ReportEntry& entry);

/// The source text as HTML: one line per row, each with an `id="L<n>"` anchor and its number;
/// lines that findings or missing cells point at are marked.
std::string source_html(const site::ReportEntry& entry, const core::SourceFile& text);

}  // namespace gongkai::output
