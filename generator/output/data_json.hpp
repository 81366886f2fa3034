#pragma once
// The data as JSON: /agencies/<slug>/<year>/report.json for each report (the documented Report
// JSON, docs/report-json.md, with its prose, plus a `portal` object: where the report sits on the
// site and its audit findings) and /data/reports.json (every report's Report JSON without the
// prose, each with a `portal` object giving the findings' count and codes; one report a line).
// In both, `path` is the report's path below the reports folder (the CSV's `file` column): the
// output never names a folder of the machine that built it.
#include <string>

#include "output/context.hpp"
#include "output/page_list.hpp"

namespace gongkai::output {

/// The version of the reports.json wrapper (`"gongkai_reports"` key).
constexpr int kReportsJsonVersion = 1;

/// Appends `,"portal":{…}`: agency {name, slug, url}, url, json_url, and the findings — in full
/// (`findings`: [{code, severity, message, message_zh, line, lines, cells}]) or as
/// `findings_count` and `finding_codes`. URLs are absolute when the site has a base_url.
void append_portal_json(std::string& out, const ContextEnv& env, const site::ReportEntry& entry,
                        bool full_findings);

/// One report's report.json: Report JSON with prose and diagnostics, then the full portal object.
/// `head_size`: the length of its head (append_report_json_head), which reports.json reuses.
std::string report_json_file(const ContextEnv& env, const site::ReportEntry& entry,
                             size_t* head_size = nullptr);

/// Writes every report's report.json and data/reports.json. Reads the reports' prose: it must run
/// before the build lets go of it.
FileGenerator report_json_generator();

}  // namespace gongkai::output
