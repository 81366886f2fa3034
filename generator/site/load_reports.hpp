#pragma once
// Reading the reports folder: every *.txt and *.md below it, decoded and parsed on several threads.
#include <atomic>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/file_system.hpp"
#include "site/site_model.hpp"

namespace gongkai::site {

/// The report files below `dir`, relative to it, sorted bytewise.
std::vector<std::string> list_report_files(const core::FileSystem& fs, const std::string& dir);

class ReportCache;

/// Reads and parses every report file below `dir` on `jobs` threads (0: all cores), in file order,
/// taking Reports from `cache` when it has them (and storing the ones it had not; null: no cache).
/// A file that cannot be read is left out with an error; the reader's own diagnostics stay on the
/// report (shown on its page) and are not repeated in `sink`. `done` counts files read.
std::vector<ReportEntry> load_reports(const core::FileSystem& fs, const std::string& dir,
                                      unsigned jobs, core::DiagnosticSink& sink,
                                      ReportCache* cache = nullptr,
                                      std::atomic<size_t>* done = nullptr);

/// The decoded text of a report file, line ends made LF (CRLF and CR count as line ends, as the
/// reader counts them), so that line n of it is the reader's line n. Empty when not text.
std::string source_text(std::string_view bytes);

/// Runs the audit over every report (and the year-on-year comparison of consecutive reports of one
/// agency) on `jobs` threads. Call after assign_agencies.
void audit_reports(Site& site, unsigned jobs);

}  // namespace gongkai::site
