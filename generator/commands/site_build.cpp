#include "commands/site_build.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <thread>

#include "output/context.hpp"
#include "output/page_list.hpp"
#include "output/render_pages.hpp"
#include "output/theme.hpp"
#include "output/write_plain.hpp"
#include "site/content_page.hpp"
#include "site/load_reports.hpp"
#include "site/parallel.hpp"
#include "site/site_model.hpp"

#if __has_include("output/engine_renderer.hpp")
#include "output/engine_renderer.hpp"
#define GONGKAI_HAS_ENGINE 1
#endif

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

}  // namespace

BuildResult build_site(const core::FileSystem& fs, const BuildOptions& options,
                       core::DiagnosticSink& sink) {
  BuildResult result;
  const auto start = Clock::now();
  site::Site site;
  output::Theme theme;
  std::vector<output::OutputFile> files;
  std::unique_ptr<output::ContextEnv> env;
  std::unique_ptr<output::PageRenderer> renderer;
  const unsigned jobs = site::resolve_jobs(options.jobs);
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
         site.reports = site::load_reports(fs, dir, jobs, sink);
       }},
      {"place reports", [&] { site::assign_agencies(site, sink); }},
      {"audit", [&] { site::audit_reports(site, jobs); }},
      {"build model", [&] { site::build_site(site, sink); }},
      {"load theme",
       [&] {
         theme = output::load_theme(fs, site.config, sink);
         env = std::make_unique<output::ContextEnv>(site, theme.strings);
#ifdef GONGKAI_HAS_ENGINE
         renderer = output::make_engine_renderer(fs, theme, site.config, sink);
#else
         sink.add(error("T000", theme.dir, "the template engine is not built into this gongkai"));
#endif
       }},
      {"render pages",
       [&] {
         auto pages = output::list_pages(*env, /*report_json=*/false);
         std::atomic<size_t> done{0};
         Progress progress(options.progress, "rendering pages", pages.size(), done);
         output::render_pages(pages, *renderer, jobs, files, sink, &done);
         result.pages = pages.size();
       }},
      {"other files",
       [&] {
         for (const auto& g : output::file_generators()) g.generate(*env, files);
         for (auto& f : theme.static_files) files.push_back(std::move(f));
       }},
      {"write",
       [&] {
         result.files = files.size();
         if (!options.write) {
           result.files_built = std::move(files);
           return;
         }
         try {
           output::write_plain(result.out_dir, files);
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
    result.steps.push_back({step.name, std::chrono::duration<double>(Clock::now() - t0).count()});
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
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "built %zu reports, %zu agencies, %zu pages (%zu files), %zu findings in %.2f s",
                r.reports, r.agencies, r.pages, r.files, r.findings, r.seconds);
  return buf;
}

}  // namespace gongkai::commands
