#include "site/load_reports.hpp"

#include <algorithm>
#include <map>

#include "site/parallel.hpp"

#if __has_include("report/parse/reader.hpp")
#include "report/parse/reader.hpp"
#include "text/decode.hpp"
#define GONGKAI_HAS_READER 1
#endif

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

std::vector<ReportEntry> load_reports(const core::FileSystem& fs, const std::string& dir,
                                      unsigned jobs, core::DiagnosticSink& sink) {
  const auto files = list_report_files(fs, dir);
  std::vector<ReportEntry> entries(files.size());
  std::vector<std::string> errors(files.size());
  parallel_for(files.size(), jobs, [&](size_t i) {
    ReportEntry& e = entries[i];
    e.file = files[i];
    const std::string path = core::join_path(dir, files[i]);
    auto bytes = fs.read(path, &errors[i]);
    if (!bytes) {
      if (errors[i].empty()) errors[i] = "cannot read";
      return;
    }
    e.original = std::move(*bytes);
#ifdef GONGKAI_HAS_READER
    e.report = report::parse::read_report(path, e.original);
    auto decoded = text::decode(e.original);
    e.source = core::SourceFile(path, decoded.ok ? std::move(decoded.text) : std::string());
#else
    errors[i] = "the report reader is not built into this gongkai";
#endif
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
#ifdef GONGKAI_HAS_AUDIT
  parallel_for(site.reports.size(), jobs, [&](size_t i) {
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
  parallel_for(pairs.size(), jobs, [&](size_t k) {
    found[k] = report::audit::compare_with_previous(site.reports[pairs[k].first].report,
                                                    site.reports[pairs[k].second].report);
  });
  for (size_t k = 0; k < pairs.size(); ++k) {
    if (found[k]) site.reports[pairs[k].second].findings.push_back(std::move(*found[k]));
  }
#else
  (void)site;
  (void)jobs;
#endif
}

}  // namespace gongkai::site
