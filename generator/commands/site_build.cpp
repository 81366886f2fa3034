#include "commands/site_build.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <future>
#include <thread>

#include "core/hash.hpp"
#include "output/context.hpp"
#include "output/engine_renderer.hpp"
#include "output/page_list.hpp"
#include "output/publish.hpp"
#include "output/render_pages.hpp"
#include "output/report_context.hpp"
#include "output/theme.hpp"
#include "site/content_page.hpp"
#include "site/load_reports.hpp"
#include "site/parallel.hpp"
#include "site/report_cache.hpp"
#include "site/site_model.hpp"
#include "template/json.hpp"

namespace gongkai::commands {
namespace {

using Clock = std::chrono::steady_clock;

core::Diagnostic error(std::string code, std::string file, std::string message) {
  core::Diagnostic d;
  d.severity = core::Severity::Error;
  d.code = std::move(code);
  d.file = std::move(file);
  d.message = std::move(message);
  return d;
}

/// Prints "step: done/total" on one terminal line while a long step runs.
class Progress {
 public:
  Progress(bool enabled, const char* what, size_t total, const std::atomic<size_t>& done)
      : enabled_(enabled) {
    if (!enabled_) return;
    thread_ = std::thread([this, what, total, &done] {
      auto start = Clock::now();
      while (!stop_.load()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (Clock::now() - start < std::chrono::milliseconds(500))
          continue;  // short steps stay quiet
        std::fprintf(stderr, "\r%s %zu/%zu", what, done.load(), total);
        shown_ = true;
      }
    });
  }
  ~Progress() {
    if (!enabled_) return;
    stop_ = true;
    thread_.join();
    if (shown_) std::fprintf(stderr, "\r\033[K");
  }

 private:
  bool enabled_;
  std::atomic<bool> stop_{false};
  bool shown_ = false;
  std::thread thread_;
};

/// Cached Reports must come from this very reader: the version, and a hash of this executable (so a
/// rebuilt gongkai never reuses what an older one read).
std::string reader_version(const core::FileSystem& fs) {
  std::string version = GONGKAI_VERSION;
  if (auto exe = fs.read("/proc/self/exe")) version += "-" + core::hex64(core::hash64(*exe));
  return version;
}

/// Resident memory of this process in MiB (0 when /proc is not there).
size_t resident_mib() {
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  if (!f) return 0;
  unsigned long pages = 0, resident = 0;
  int n = std::fscanf(f, "%lu %lu", &pages, &resident);
  std::fclose(f);
  return n == 2 ? resident * 4096 / (1024 * 1024) : 0;
}

}  // namespace

BuildResult build_site(const core::FileSystem& fs, const BuildOptions& options,
                       core::DiagnosticSink& sink) {
  BuildResult result;
  const auto start = Clock::now();
  site::Site site;
  output::Theme theme;
  std::vector<output::OutputFile> files, originals;
  std::unique_ptr<output::ContextEnv> env;
  std::unique_ptr<output::PageRenderer> renderer;
  const unsigned jobs = site::resolve_jobs(options.jobs);
  // Making the ICU transliterator for slugs takes a while: do it while the reports are read.
  std::future<std::unique_ptr<site::Slugger>> slugger =
      std::async(std::launch::async, [] { return std::make_unique<site::Slugger>(); });
  auto failed = [&] { return sink.count(core::Severity::Error) > 0; };

  struct Step {
    const char* name;
    std::function<void()> run;
  };
  const std::vector<Step> steps = {
      {"load config",
       [&] {
         std::string why;
         auto text = fs.read(options.config, &why);
         if (!text) {
           sink.add(error("C000", options.config, "cannot read the site configuration: " + why));
           return;
         }
         site.config = site::parse_config(options.config, *text, sink);
         result.out_dir =
             options.out.empty() ? site.config.resolve(site.config.output_dir) : options.out;
       }},
      {"load pages",
       [&] {
         const auto dir = core::join_path(site.config.resolve(site.config.content_dir), "pages");
         site.pages = site::load_content_pages(fs, dir, sink);
       }},
      {"read reports",
       [&] {
         const auto dir = core::join_path(site.config.resolve(site.config.content_dir), "reports");
         std::unique_ptr<site::ReportCache> cache;
         if (options.cache) {
           cache = std::make_unique<site::ReportCache>(
               core::join_path(site.config.root, std::string(site::kDefaultCacheDir)),
               reader_version(fs));
         }
         std::atomic<size_t> done{0};
         Progress progress(options.progress, "reading reports",
                           site::list_report_files(fs, dir).size(), done);
         site.reports = site::load_reports(fs, dir, jobs, sink, cache.get(), &done);
         if (cache) cache->prune_unused();  // entries of files gone or changed
       }},
      {"place reports", [&] { site::assign_agencies(site, sink); }},
      {"audit", [&] { site::audit_reports(site, jobs); }},
      {"build model", [&] { site::build_site(site, sink, slugger.get().get()); }},
      {"load theme",
       [&] {
         theme = output::load_theme(fs, site.config, sink);
         env = std::make_unique<output::ContextEnv>(site, theme.strings);
         env->report_json = true;  // the data files step writes each report's report.json
         env->jobs = jobs;
         if (!options.dump_contexts.empty()) return;
         renderer = output::make_engine_renderer(fs, theme);
       }},
      {"data files",
       [&] {
         // Before rendering: the JSON and the search index read the reports' prose, which
         // rendering lets go of. Each generator is timed on its own ("data: feeds" …).
         if (!options.dump_contexts.empty()) return;
         for (const auto& g : output::file_generators()) {
           const auto t0 = Clock::now();
           const size_t before = files.size();
           g.generate(*env, files);
           for (size_t i = before; i < files.size(); ++i) {
             if (files[i].path == "search.json") result.search_index_bytes = files[i].bytes.size();
           }
           result.steps.push_back({"· " + g.name,
                                   std::chrono::duration<double>(Clock::now() - t0).count(),
                                   resident_mib()});
         }
       }},
      {"render pages",
       [&] {
         auto pages = output::list_pages(*env);
         if (!options.dump_contexts.empty()) {
           std::string tsv;
           std::vector<output::OutputFile> dumps(pages.size());
           site::parallel_for(pages.size(), jobs, [&](size_t i) {
             dumps[i] = {pages[i].path + ".json", tmpl::dump_json(pages[i].context(), -1, false)};
           });
           for (size_t i = 0; i < pages.size(); ++i) {
             tsv += pages[i].path + "\t" + pages[i].template_name + "\t" + dumps[i].path + "\n";
           }
           dumps.push_back({"pages.tsv", std::move(tsv)});
           output::publish(options.dump_contexts, dumps);
           result.pages = pages.size();
           return;
         }
         std::atomic<size_t> done{0};
         Progress progress(options.progress, "rendering pages", pages.size(), done);
         // Once both pages of a report are rendered nothing reads its text any more: its prose
         // goes, its original file moves to the output. The model shrinks as the site grows.
         std::vector<std::atomic<uint8_t>> left(site.reports.size());
         for (auto& l : left) l = 2;
         originals.resize(site.reports.size());
         auto rendered = [&](size_t page) {
           const int64_t r = pages[page].report;
           if (r < 0 || left[static_cast<size_t>(r)].fetch_sub(1) != 1) return;
           site::ReportEntry& e = site.reports[static_cast<size_t>(r)];
           originals[static_cast<size_t>(r)] = {
               e.url + output::report_files(e, env->report_json).original, std::move(e.original)};
           std::vector<report::Section>().swap(e.report.sections);
         };
         output::render_pages(pages, *renderer, jobs, files, sink, &done, rendered);
         result.pages = pages.size();
       }},
      {"other files",
       [&] {
         if (!options.dump_contexts.empty()) return;
         // The reports' files as received (moved out of the model while rendering).
         for (auto& f : originals) files.push_back(std::move(f));
         for (auto& f : theme.static_files) files.push_back(std::move(f));
       }},
      {"write",
       [&] {
         result.files = files.size();
         if (!options.dump_contexts.empty()) return;
         if (!options.write) {
           result.files_built = std::move(files);
           return;
         }
         try {
           output::PublishOptions publish_options;
           publish_options.jobs = jobs;
           auto stats = output::publish(result.out_dir, files, publish_options);
           result.written = stats.written;
           result.unchanged = stats.unchanged;
           result.removed = stats.removed;
           if (!stats.cleanup_error.empty()) {
             core::Diagnostic d = error("G004", result.out_dir, stats.cleanup_error);
             d.severity = core::Severity::Warning;
             sink.add(std::move(d));
           }
         } catch (const std::exception& e) {
           sink.add(error("G003", result.out_dir, e.what()));
         }
       }},
  };
  for (const auto& step : steps) {
    const auto t0 = Clock::now();
    try {
      step.run();
    } catch (const std::exception& e) {
      sink.add(error("G000", "", std::string(step.name) + ": " + e.what()));
    }
    result.steps.push_back(
        {step.name, std::chrono::duration<double>(Clock::now() - t0).count(), resident_mib()});
    if (failed()) break;
  }
  result.reports = site.reports.size();
  result.agencies = site.agencies.size();
  for (const auto& r : site.reports) result.findings += r.findings.size();
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  result.ok = !failed();
  return result;
}

std::string summary_line(const BuildResult& r) {
  char buf[320];
  int n = std::snprintf(
      buf, sizeof buf,
      "built %zu reports, %zu agencies, %zu pages (%zu files, %zu written), %zu findings",
      r.reports, r.agencies, r.pages, r.files, r.written, r.findings);
  if (r.search_index_bytes > 0 && n > 0 && static_cast<size_t>(n) < sizeof buf) {
    n += std::snprintf(buf + n, sizeof buf - static_cast<size_t>(n), ", search index %.1f KB",
                       static_cast<double>(r.search_index_bytes) / 1024.0);
  }
  if (n > 0 && static_cast<size_t>(n) < sizeof buf)
    std::snprintf(buf + n, sizeof buf - static_cast<size_t>(n), " in %.2f s", r.seconds);
  return buf;
}

}  // namespace gongkai::commands
