#include "output/data_json.hpp"

#include <algorithm>

#include "core/diagnostic.hpp"
#include "core/parallel.hpp"
#include "output/absolute_url.hpp"
#include "output/report_json_text.hpp"
#include "report/report_json.hpp"

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

std::optional<size_t> report_json_head_size(std::string_view report_json) {
  const auto at = report_json.find(",\"sections\":[");
  if (at == std::string_view::npos) return std::nullopt;
  return at;
}

/// Every report.json (put(i, …) for report i, from several threads), then data/reports.json
/// (put(reports.size(), …)).
void make_json_files(const ContextEnv& env, const JsonReuse& reuse,
                     const std::function<void(size_t, OutputFile&&)>& put) {
  const auto& reports = env.site.reports;
  // Kept: only the report.json files whose inputs changed are made, and no entry at all.
  const bool all_kept = reuse.kept_all && reuse.kept_all();
  // reports.json: each entry is its report.json's head (meta and cells, most of the bytes) and
  // its short tail, one entry a line. The reports are made a block at a time and their entries
  // appended in order, so that neither every report.json nor every entry is held at once.
  std::string all;
  if (!all_kept) {
    all = "{\"gongkai_reports\":" + std::to_string(kReportsJsonVersion) +
          ",\"report_format\":" + std::to_string(report::kReportJsonVersion) + ",\"title\":";
    append_json_string(all, env.site.config.title);
    all += ",\"base_url\":";
    append_json_string(all, env.site.config.base_url);
    all += ",\"count\":" + std::to_string(reports.size()) + ",\"reports\":[";
  }
  constexpr size_t kBlock = 256;
  std::vector<std::string> entries(std::min(kBlock, reports.size()));
  for (size_t begin = 0; begin < reports.size(); begin += kBlock) {
    const size_t n = std::min(kBlock, reports.size() - begin);
    core::parallel_for(n, env.jobs, [&](size_t k) {
      const size_t i = begin + k;
      if (reuse.kept_head) {
        if (auto head = reuse.kept_head(i, !all_kept)) {
          if (!all_kept) entries[k] = std::move(*head) + entry_tail(env, reports[i]);
          return;
        }
      }
      size_t head = 0;
      OutputFile file{reports[i].url + "report.json", report_json_file(env, reports[i], &head)};
      if (!all_kept) {
        entries[k].assign(file.bytes, 0, head);
        entries[k] += entry_tail(env, reports[i]);
      }
      put(i, std::move(file));
    });
    if (all_kept) continue;
    for (size_t k = 0; k < n; ++k) {
      all += begin + k ? ",\n" : "\n";
      all += entries[k];
    }
    if (begin == 0 && n < reports.size()) {
      // Room for the rest at the first block's average and a quarter more, so that the string
      // (the size of every report's data together) is not copied as it grows.
      const size_t average = all.size() / n + 1;
      all.reserve(all.size() + average * (reports.size() - n) * 5 / 4);
    }
  }
  if (all_kept) return;
  all += "\n]}\n";
  put(reports.size(), {"data/reports.json", std::move(all)});
}

FileGenerator report_json_generator() {
  FileGenerator g;
  g.name = "json";
  g.generate = [](const ContextEnv& env, std::vector<OutputFile>& files) {
    const size_t first = files.size();
    files.resize(first + env.site.reports.size() + 1);
    make_json_files(env, {}, [&](size_t i, OutputFile&& f) { files[first + i] = std::move(f); });
  };
  g.stream = [](const ContextEnv& env, const std::function<void(OutputFile &&)>& emit) {
    make_json_files(env, {}, [&](size_t, OutputFile&& f) { emit(std::move(f)); });
  };
  return g;
}

}  // namespace gongkai::output
