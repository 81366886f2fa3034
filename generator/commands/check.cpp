// gongkai check [PATHS…] [--format text|json] [--strict]
#include "commands/check.hpp"

#include <algorithm>
#include <atomic>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "commands/commands.hpp"
#include "report/audit/audit.hpp"
#include "report/parse/reader.hpp"
#include "site/agency_catalogue.hpp"
#include "site/config.hpp"

namespace gongkai::commands {

namespace {

/// One printed item: a parse diagnostic or an audit finding.
struct Item {
  core::Diagnostic diagnostic;
  std::vector<report::CellIndex> cells;
  std::vector<uint32_t> lines;
  std::string instance;
};

/// What one file gave.
struct Checked {
  std::string path;
  bool unreadable = false;  ///< could not be read, or no report text at all (P001)
  std::vector<Item> items;
  // Kept for 年年雷同 across files: only what compare_with_previous reads.
  report::Report problems;
  std::string agency;
  int year = 0;
};

bool is_report_file(const std::string& name) {
  auto ends = [&](std::string_view ext) {
    return name.size() >= ext.size() &&
           name.compare(name.size() - ext.size(), ext.size(), ext) == 0;
  };
  return ends(".txt") || ends(".md");
}

/// What site.yaml says about agencies, when there is one.
struct SiteAgencies {
  std::optional<site::Config> config;
  std::optional<site::AgencyCatalogue> catalogue;
};

/// Reads the site configuration; its problems go to `sink`. Without a usable one, the check runs
/// on the reports alone (names as printed, kind and level from front matter).
SiteAgencies load_site(const CheckOptions& o, const core::FileSystem& fs,
                       core::DiagnosticSink& sink) {
  SiteAgencies s;
  if (!o.config_given && !fs.is_file(o.config)) return s;
  std::string why;
  auto text = fs.read(o.config, &why);
  if (!text) {
    sink.add({core::Severity::Error, "C000", "cannot read the site configuration: " + why,
              "无法读取站点配置：" + why, o.config, 0, 0});
    return s;
  }
  site::Config config = site::parse_config(o.config, *text, sink);
  site::AgencyCatalogue catalogue(config, sink);
  if (sink.count(core::Severity::Error)) return s;
  s.config = std::move(config);
  s.catalogue.emplace(std::move(catalogue));
  return s;
}

/// The files to check, in order: each path as given, a folder's .txt and .md files sorted.
std::vector<std::string> collect(const CheckOptions& o, const SiteAgencies& site,
                                 const core::FileSystem& fs, std::vector<std::string>& missing) {
  std::vector<std::string> paths = o.paths;
  if (paths.empty()) {
    std::string content = site.config ? site.config->resolve(site.config->content_dir) : "content";
    std::string reports = core::join_path(content, "reports");
    paths.push_back(fs.is_directory(reports) ? reports : content);
  }
  std::vector<std::string> files;
  for (const auto& p : paths) {
    if (fs.is_directory(p)) {
      for (const auto& f : fs.list_files(p)) {
        if (is_report_file(f)) files.push_back(core::join_path(p, f));
      }
    } else if (fs.is_file(p)) {
      files.push_back(p);
    } else {
      missing.push_back(p);
    }
  }
  return files;
}

Item from_diagnostic(const core::Diagnostic& d) {
  Item it{d, {}, {}, {}};
  if (d.line) it.lines.push_back(d.line);
  return it;
}

Item from_finding(const report::audit::Finding& f, const std::string& file) {
  return {report::audit::to_diagnostic(f, file), f.cells, f.lines, f.instance};
}

Checked check_file(const std::string& path, const SiteAgencies& site, const core::FileSystem& fs) {
  Checked c;
  c.path = path;
  std::string error;
  auto bytes = fs.read(path, &error);
  if (!bytes) {
    c.unreadable = true;
    c.items.push_back(from_diagnostic(
        {core::Severity::Error, "", "cannot read: " + error, "无法读取：" + error, path, 0, 0}));
    return c;
  }
  report::Report r = report::parse::read_report(path, *bytes);
  for (const auto& d : r.diagnostics) {
    if (d.code == "P001") c.unreadable = true;
  }
  for (const auto& d : r.diagnostics) {
    if (c.unreadable || !report::audit::restated_by_audit(d.code))
      c.items.push_back(from_diagnostic(d));
  }
  if (c.unreadable) return c;
  // As the site does: front matter first, then the agency's entry in site.yaml.
  report::audit::Options options{r.meta.kind, r.meta.level};
  std::optional<size_t> configured;
  if (site.catalogue && r.meta.agency) configured = site.catalogue->find(*r.meta.agency.value);
  if (configured) {
    const site::AgencyConfig& a = site.config->agencies[*configured];
    if (options.kind.empty()) options.kind = a.kind;
    if (options.level.empty()) options.level = a.level;
  }
  for (const auto& f : report::audit::audit_report(r, options))
    c.items.push_back(from_finding(f, path));
  if (r.meta.agency && r.meta.year) {
    c.agency = configured ? site.config->agencies[*configured].name : *r.meta.agency.value;
    c.year = *r.meta.year.value;
    c.problems.path = r.path;
    c.problems.meta.year = r.meta.year;
    if (const report::Section* s = r.section(report::SectionKey::Problems)) {
      c.problems.sections.push_back(*s);
    }
  }
  return c;
}

/// 年年雷同 between the files of one agency (its site.yaml name, else the name as printed) in
/// consecutive years.
void compare_years(std::vector<Checked>& all) {
  std::map<std::pair<std::string, int>, size_t> index;
  for (size_t k = 0; k < all.size(); ++k) {
    if (!all[k].agency.empty()) index.emplace(std::make_pair(all[k].agency, all[k].year), k);
  }
  for (auto& c : all) {
    if (c.agency.empty()) continue;
    auto prev = index.find({c.agency, c.year - 1});
    if (prev == index.end()) continue;
    if (auto f = report::audit::compare_with_previous(all[prev->second].problems, c.problems)) {
      c.items.push_back(from_finding(*f, c.path));
    }
  }
}

nlohmann::ordered_json to_json(const Item& it) {
  nlohmann::ordered_json cells = nlohmann::ordered_json::array();
  for (auto i : it.cells) cells.push_back(report::cell_def(i).id);
  const core::Diagnostic& d = it.diagnostic;
  return {{"file", d.file},
          {"line", d.line},
          {"column", d.column},
          {"severity", core::to_string(d.severity)},
          {"code", d.code},
          {"message", d.message},
          {"message_zh", d.message_zh},
          {"cells", cells},
          {"lines", it.lines},
          {"instance", it.instance}};
}

}  // namespace

int run_check(const CheckOptions& o, const core::FileSystem& fs, std::ostream& out,
              std::ostream& err) {
  core::DiagnosticSink config_problems;
  const SiteAgencies site = load_site(o, fs, config_problems);
  std::vector<std::string> missing;
  std::vector<std::string> files = collect(o, site, fs, missing);
  std::vector<Checked> all(files.size());
  unsigned jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = std::min<unsigned>(jobs, std::max<size_t>(1, files.size()));
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t k; (k = next++) < files.size();) all[k] = check_file(files[k], site, fs);
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  compare_years(all);

  int status = config_problems.count(core::Severity::Error) ? 1 : 0;
  for (const auto& d : config_problems.items()) err << core::format(d) << '\n';
  size_t counts[3] = {0, 0, 0};
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const auto& p : missing) {
    err << p << ": error: no such file or folder\n";
    status = 1;
  }
  for (const auto& c : all) {
    if (c.unreadable) status = 1;
    for (const auto& it : c.items) {
      ++counts[static_cast<int>(it.diagnostic.severity)];
      if (o.format == "json") {
        array.push_back(to_json(it));
      } else {
        out << core::format(it.diagnostic) << '\n';
      }
    }
  }
  if (o.format == "json") out << array.dump(2) << '\n';
  out.flush();  // the summary below goes to err: keep it after the listing
  size_t errors = counts[static_cast<int>(core::Severity::Error)];
  if (o.strict && errors) status = 1;
  err << all.size() << (all.size() == 1 ? " report: " : " reports: ") << errors
      << (errors == 1 ? " error, " : " errors, ")
      << counts[static_cast<int>(core::Severity::Warning)] << " warnings, "
      << counts[static_cast<int>(core::Severity::Info)] << " info\n";
  return status;
}

void add_check(CLI::App& app, int& status) {
  auto options = std::make_shared<CheckOptions>();
  auto* cmd =
      app.add_subcommand("check", "Read reports; print their diagnostics and audit findings");
  cmd->add_option("paths", options->paths,
                  "report files and folders (default: content/reports, else content)");
  cmd->add_option("--format", options->format, "text (file:line: severity: code: message) or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_flag("--strict", options->strict, "exit 1 when any error is found");
  auto* config = cmd->add_option("--config", options->config,
                                 "site configuration: agencies' aliases, kind and level "
                                 "(default: site.yaml when there is one)");
  cmd->callback([options, config, &status] {
    options->config_given = config->count() > 0;
    core::DiskFileSystem fs;
    status = run_check(*options, fs, std::cout, std::cerr);
  });
}

}  // namespace gongkai::commands
