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
