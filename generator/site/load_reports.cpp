#include "site/load_reports.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "core/parallel.hpp"
#include "report/audit/audit.hpp"
#include "report/parse/reader.hpp"
#include "site/report_cache.hpp"
#include "text/decode.hpp"

namespace gongkai::site {

std::vector<std::string> list_report_files(const core::FileSystem& fs, const std::string& dir) {
  std::vector<std::string> files;
  if (!fs.is_directory(dir)) return files;
  for (auto& f : fs.list_files(dir)) {
    auto ends = [&](std::string_view ext) {
      return f.size() > ext.size() && f.compare(f.size() - ext.size(), ext.size(), ext) == 0;
    };
    if (ends(".txt") || ends(".md")) files.push_back(std::move(f));
  }
  return files;
}

std::string source_text(std::string_view bytes) {
  text::Decoded decoded = text::decode(bytes);
  if (!decoded.ok) return {};
  std::string& t = decoded.text;
  if (t.find('\r') == std::string::npos) return std::move(t);
  std::string out;
  out.reserve(t.size());
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] != '\r') {
      out += t[i];
    } else {
      out += '\n';
      if (i + 1 < t.size() && t[i + 1] == '\n') ++i;
    }
  }
  return out;
}

std::vector<ReportEntry> load_reports(const core::FileSystem& fs, const std::string& dir,
                                      unsigned jobs, core::DiagnosticSink& sink, ReportCache* cache,
                                      std::atomic<size_t>* done) {
  const auto files = list_report_files(fs, dir);
  std::vector<ReportEntry> entries(files.size());
  std::vector<std::string> errors(files.size());
  core::parallel_for(files.size(), jobs, [&](size_t i) {
    ReportEntry& e = entries[i];
    e.file = files[i];
    const std::string path = core::join_path(dir, files[i]);
    auto bytes = fs.read(path, &errors[i]);
    if (!bytes) {
      if (errors[i].empty()) errors[i] = "cannot read";
      return;
    }
    e.original = std::move(*bytes);
    std::optional<report::Report> cached;
    if (cache) cached = cache->lookup(path, e.original);
    if (cached) {
      e.report = std::move(*cached);
    } else {
      e.report = report::parse::read_report(path, e.original);
      if (cache) cache->store(path, e.original, e.report);  // a failed store only costs speed
    }
    if (done) done->fetch_add(1, std::memory_order_relaxed);
  });
  std::vector<ReportEntry> out;
  out.reserve(entries.size());
  for (size_t i = 0; i < entries.size(); ++i) {
    if (!errors[i].empty()) {
      core::Diagnostic d;
      d.severity = core::Severity::Error;
      d.code = "G002";
      d.file = core::join_path(dir, files[i]);
      d.message = errors[i];
      sink.add(std::move(d));
      continue;
    }
    out.push_back(std::move(entries[i]));
  }
  return out;
}

void audit_reports(Site& site, unsigned jobs) {
  core::parallel_for(site.reports.size(), jobs, [&](size_t i) {
    ReportEntry& e = site.reports[i];
    report::audit::Options options;
    options.kind = e.report.meta.kind;
    options.level = e.report.meta.level;
    e.findings = report::audit::audit_report(e.report, options);
  });
  // 年年雷同: each report against the same agency's report of the year before.
  std::map<std::pair<uint32_t, int>, uint32_t> by_year;
  for (uint32_t i = 0; i < site.reports.size(); ++i) {
    by_year.emplace(std::make_pair(site.reports[i].agency, site.reports[i].year), i);
  }
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  for (const auto& [key, i] : by_year) {
    auto prev = by_year.find({key.first, key.second - 1});
    if (prev != by_year.end()) pairs.emplace_back(prev->second, i);
  }
  std::vector<std::optional<report::audit::Finding>> found(pairs.size());
  core::parallel_for(pairs.size(), jobs, [&](size_t k) {
    found[k] = report::audit::compare_with_previous(site.reports[pairs[k].first].report,
                                                    site.reports[pairs[k].second].report);
  });
  for (size_t k = 0; k < pairs.size(); ++k) {
    if (found[k]) site.reports[pairs[k].second].findings.push_back(std::move(*found[k]));
  }
}

}  // namespace gongkai::site
