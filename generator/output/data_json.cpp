#include "output/data_json.hpp"

#include "core/diagnostic.hpp"
#include "output/absolute_url.hpp"
#include "output/report_json_text.hpp"
#include "report/report_json.hpp"
#include "site/parallel.hpp"

namespace gongkai::output {
namespace {

void url(std::string& out, const ContextEnv& env, const std::string& path) {
  append_json_string(out,
                     env.site.config.base_url.empty() ? path : absolute_url(env.site.config, path));
}

/// The tail of a report's entry in reports.json: its diagnostics and short portal, closed.
std::string entry_tail(const ContextEnv& env, const site::ReportEntry& entry) {
  std::string out;
  append_report_json_diagnostics(out, entry.report);
  append_portal_json(out, env, entry, false);
  out += '}';
  return out;
}

}  // namespace

void append_portal_json(std::string& out, const ContextEnv& env, const site::ReportEntry& e,
                        bool full_findings) {
  const site::Agency& a = env.site.agencies[e.agency];
  out += ",\"portal\":{\"agency\":{\"name\":";
  append_json_string(out, a.name);
  out += ",\"slug\":";
  append_json_string(out, a.slug);
  out += ",\"url\":";
  url(out, env, a.url);
  out += "},\"url\":";
  url(out, env, e.url);
  out += ",\"json_url\":";
  url(out, env, e.url + "report.json");
  if (full_findings) {
    out += ",\"findings\":[";
    for (size_t k = 0; k < e.findings.size(); ++k) {
      const auto& f = e.findings[k];
      out += k ? ",{\"code\":" : "{\"code\":";
      append_json_string(out, f.code);
      out += ",\"severity\":\"";
      out += core::to_string(f.severity);
      out += "\",\"message\":";
      append_json_string(out, f.message);
      out += ",\"message_zh\":";
      append_json_string(out, f.message_zh);
      out += ",\"line\":" + std::to_string(f.line) + ",\"lines\":[";
      for (size_t n = 0; n < f.lines.size(); ++n) {
        if (n) out += ',';
        out += std::to_string(f.lines[n]);
      }
      out += "],\"cells\":[";
      for (size_t n = 0; n < f.cells.size(); ++n) {
        if (n) out += ',';
        append_json_string(out, report::cell_def(f.cells[n]).id);
      }
      out += "]}";
    }
    out += "]}";
  } else {
    out += ",\"findings_count\":" + std::to_string(e.findings.size()) + ",\"finding_codes\":[";
    for (size_t k = 0; k < e.findings.size(); ++k) {
      if (k) out += ',';
      append_json_string(out, e.findings[k].code);
    }
    out += "]}";
  }
}

std::string report_json_file(const ContextEnv& env, const site::ReportEntry& entry,
                             size_t* head_size) {
  // Written into a scratch buffer that keeps its capacity, then copied out at its exact size:
  // the whole site stays in memory until it is published, so slack would add up.
  thread_local std::string scratch;
  scratch.clear();
  append_report_json_head(scratch, entry.report, entry.file);
  if (head_size) *head_size = scratch.size();
  append_report_json_sections(scratch, entry.report);
  append_report_json_diagnostics(scratch, entry.report);
  append_portal_json(scratch, env, entry, true);
  scratch += "}\n";
  return std::string(scratch);
}

FileGenerator report_json_generator() {
  return {"json", [](const ContextEnv& env, std::vector<OutputFile>& files) {
            const auto& reports = env.site.reports;
            const size_t first = files.size();
            files.resize(first + reports.size());
            std::vector<size_t> heads(reports.size());
            std::vector<std::string> tails(reports.size());
            site::parallel_for(reports.size(), env.jobs, [&](size_t i) {
              files[first + i] = {reports[i].url + "report.json",
                                  report_json_file(env, reports[i], &heads[i])};
              tails[i] = entry_tail(env, reports[i]);
            });
            // reports.json: each entry is its report.json's head (meta and cells, most of the
            // bytes) and its short tail, one entry a line; sized exactly before it is filled.
            std::string all = "{\"gongkai_reports\":" + std::to_string(kReportsJsonVersion) +
                              ",\"report_format\":" + std::to_string(report::kReportJsonVersion) +
                              ",\"title\":";
            append_json_string(all, env.site.config.title);
            all += ",\"base_url\":";
            append_json_string(all, env.site.config.base_url);
            all += ",\"count\":" + std::to_string(reports.size()) + ",\"reports\":[";
            size_t size = all.size() + 8;
            for (size_t i = 0; i < reports.size(); ++i) size += heads[i] + tails[i].size() + 2;
            all.reserve(size);
            for (size_t i = 0; i < reports.size(); ++i) {
              all += i ? ",\n" : "\n";
              all.append(files[first + i].bytes, 0, heads[i]);
              all += tails[i];
            }
            all += "\n]}\n";
            files.push_back({"data/reports.json", std::move(all)});
          }};
}

}  // namespace gongkai::output
