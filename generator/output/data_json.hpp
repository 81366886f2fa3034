#pragma once
// The data as JSON: /agencies/<slug>/<year>/report.json for each report (the documented Report
// JSON, docs/report-json.md, with its prose, plus a `portal` object: where the report sits on the
// site and its audit findings) and /data/reports.json (every report's Report JSON without the
// prose, each with a `portal` object giving the findings' count and codes; one report a line).
// In both, `path` is the report's path below the reports folder (the CSV's `file` column): the
// output never names a folder of the machine that built it.
#include <functional>
#include <optional>
#include <string>
#include <string_view>

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

/// The length of the head of a report.json made by report_json_file (what reports.json reuses):
/// everything before its `,"sections":[` — no JSON string can hold `,"` (a quote in a string is
/// escaped), and the head has no key of that name. Nullopt when the bytes have none.
std::optional<size_t> report_json_head_size(std::string_view report_json);

/// What an incremental build takes over from the last one instead of making it again.
struct JsonReuse {
  /// kept_head(i, want_head): report i's report.json was kept (the caller staged the last
  /// build's file); with want_head, the head of its bytes (report_json_head_size) for
  /// reports.json, else any string. Nullopt: make it and put() it.
  std::function<std::optional<std::string>(size_t, bool)> kept_head;
  /// True when data/reports.json was kept: it is then neither made nor put().
  std::function<bool()> kept_all;
};

/// The files of report_json_generator(), with reuse: put(i, file) for report i's report.json
/// (from several threads at once), then put(reports.size(), file) for data/reports.json.
void make_json_files(const ContextEnv& env, const JsonReuse& reuse,
                     const std::function<void(size_t, OutputFile&&)>& put);

}  // namespace gongkai::output
