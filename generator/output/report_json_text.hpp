#pragma once
// The Report JSON (report/report_json.hpp, docs/report-json.md) written straight into text, for the
// data export: the same bytes as report::to_json(report, options).dump(), without building a JSON
// tree first (about ten times faster, which matters at 10,000 reports written twice each). The
// tests hold the two to byte equality; report::to_json stays the definition of the format.
#include <string>
#include <string_view>

#include "report/report.hpp"

namespace gongkai::output {

/// A JSON string literal, escaped as nlohmann::json's dump() escapes it (UTF-8 kept as is; bytes
/// that are not UTF-8 become U+FFFD).
void append_json_string(std::string& out, std::string_view text);

/// The parts of one Report JSON object: `head` opens it ("{" … up to `procurement_unit`), then
/// `sections` and `diagnostics` each add their key (",\"sections\":[…]"); the caller closes it
/// with "}" (after any keys of its own). head + sections + diagnostics + "}" is
/// to_json(r).dump(); head + diagnostics + "}" is to_json(r, {.prose = false}).dump().
void append_report_json_head(std::string& out, const report::Report& r);
/// The head with `path` in place of r.path: the site's data files name a report by its path below
/// the reports folder, never by where the build machine keeps it.
void append_report_json_head(std::string& out, const report::Report& r, std::string_view path);
void append_report_json_sections(std::string& out, const report::Report& r);
void append_report_json_diagnostics(std::string& out, const report::Report& r);

}  // namespace gongkai::output
