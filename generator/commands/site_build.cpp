#include "commands/site_build.hpp"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <future>
#include <mutex>
#include <thread>

#include "core/hash.hpp"
#include "core/parallel.hpp"
#include "output/build_manifest.hpp"
#include "output/context.hpp"
#include "output/data_json.hpp"
#include "output/engine_renderer.hpp"
#include "output/page_list.hpp"
#include "output/publish.hpp"
#include "output/publisher.hpp"
#include "output/render_pages.hpp"
#include "output/report_context.hpp"
#include "output/theme.hpp"
#include "output/value_hash.hpp"
#include "site/content_page.hpp"
#include "site/load_reports.hpp"
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

/// Everything besides a page's own template name and context that decides its bytes: this very
/// gongkai (its filters and number formats), the language, every template the theme chain could
/// load, and the UI strings. A change to any of them renders every page again; bytes that come out
/// the same are still not rewritten.
uint64_t setup_hash(const core::FileSystem& fs, const std::string& version,
                    const site::Config& config, const output::Theme& theme) {
  std::string all = version + '\n' + config.language + '\n';
  auto add_folder = [&](const std::string& dir) {
    all += "folder\n";
    for (const auto& name : fs.list_files(dir)) {
      auto bytes = fs.read(core::join_path(dir, name));
      all += name + '\t' + (bytes ? core::hex64(core::hash64(*bytes)) : "unreadable") + '\n';
    }
  };
  for (const auto& dir : theme.template_dirs) add_folder(dir);
  add_folder(core::join_path(theme.dir, "i18n"));
  return core::hash64(all);
}

/// A testing seam: GONGKAI_TEST_KILL_AT=staged:N kills the build (SIGKILL) once N files are in
/// the staging folder, =swapped right after the new site was swapped in.
std::function<void(output::PublishStep, size_t)> kill_hook() {
  const char* at = std::getenv("GONGKAI_TEST_KILL_AT");
  if (!at || !*at) return {};
  std::string spec = at;
  size_t staged = 0;
  if (spec.rfind("staged:", 0) == 0) staged = std::strtoull(spec.c_str() + 7, nullptr, 10);
  return [spec, staged](output::PublishStep step, size_t count) {
    if ((staged && step == output::PublishStep::FileStaged && count == staged) ||
        (spec == "swapped" && step == output::PublishStep::Swapped)) {
      std::raise(SIGKILL);
    }
  };
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
  std::unique_ptr<output::ContextEnv> env;
  std::unique_ptr<output::PageRenderer> renderer;
  const unsigned jobs = core::resolve_jobs(options.jobs);
  // Making the ICU transliterator for slugs takes a while: do it while the reports are read.
  std::future<std::unique_ptr<site::Slugger>> slugger =
      std::async(std::launch::async, [] { return std::make_unique<site::Slugger>(); });
  auto failed = [&] { return sink.count(core::Severity::Error) > 0; };

  // What the last build made (empty without the cache), and what this one makes.
  std::string cache_dir, manifest_path, version;
  output::BuildManifest previous, manifest;
  uint64_t setup = 0, config_hash = 0;
  // A testing seam: GONGKAI_TEST_VERIFY_KEPT=1 renders the pages a rebuild would keep as well and
  // fails the build (G006) when one differs from the file it would have kept.
  const char* verify_env = std::getenv("GONGKAI_TEST_VERIFY_KEPT");
  const bool verify = verify_env && std::string(verify_env) == "1";
  // Pages are staged into the output folder's staging folder as they are rendered, so the site
  // never sits whole in memory; nothing is visible until commit() swaps the staged tree in.
  std::unique_ptr<output::Publisher> publisher;
  std::mutex files_mutex;  // guards result.files_built and the first publishing error
  std::string publish_error;
  std::vector<std::string> stale;  // pages kept wrongly (GONGKAI_TEST_VERIFY_KEPT)
  std::atomic<size_t> files{0};
  // Fingerprints of the inputs (made before the data files): each report's own, and the site's.
  std::vector<uint64_t> report_inputs;
  uint64_t site_inputs = 0;
  // The manifest's fingerprint of a file from the inputs behind it and the kind of file.
  auto file_key = [&](uint64_t inputs, std::string_view kind) {
    std::string key(reinterpret_cast<const char*>(&inputs), sizeof inputs);
    key += kind;
    return core::hash64(key, site_inputs);
  };
  // Stages one file (or keeps it in memory without `write`); false after a publishing error.
  auto emit = [&](const std::string& path,
                  std::string&& bytes) -> std::optional<output::FileStamp> {
    files.fetch_add(1, std::memory_order_relaxed);
    if (!publisher) {
      std::lock_guard<std::mutex> hold(files_mutex);
      result.files_built.push_back({path, std::move(bytes)});
      return std::nullopt;
    }
    try {
      return publisher->add(path, bytes);
    } catch (const std::exception& e) {
      std::lock_guard<std::mutex> hold(files_mutex);
      if (publish_error.empty()) publish_error = e.what();
      return std::nullopt;
    }
  };

  // Every report.json and data/reports.json, keeping from the last build (as pages are kept) those
  // whose inputs did not change: a report.json's are its report's (report_input_hashes) and the
  // site's, reports.json's every report's. A kept report.json is read back for reports.json.
  auto keep_json = [&] {
    const bool reuse = previous.out_dir == result.out_dir;
    const size_t n = site.reports.size();
    std::vector<std::string> paths(n + 1);
    std::vector<output::PageRecord> records(n + 1);
    std::vector<uint8_t> recorded(n + 1, 0), check(n + 1, 0);
    for (size_t i = 0; i < n; ++i) {
      paths[i] = site.reports[i].url + "report.json";
      records[i].key = file_key(report_inputs[i], "report.json");
    }
    paths[n] = "data/reports.json";
    {
      std::string all;
      for (uint64_t h : report_inputs) all.append(reinterpret_cast<const char*>(&h), sizeof h);
      records[n].key = file_key(core::hash64(all), "reports.json");
    }
    // The last build's record when it has the same key and its file is still the one it wrote.
    auto previous_file = [&](size_t i) -> const output::FileStamp* {
      if (!reuse) return nullptr;
      auto it = previous.pages.find(paths[i]);
      if (it == previous.pages.end() || it->second.key != records[i].key) return nullptr;
      if (!publisher->current_is(paths[i], it->second.file)) return nullptr;
      return &it->second.file;
    };
    auto keep = [&](size_t i, const output::FileStamp& stamp) {
      try {
        if (!publisher->keep(paths[i], stamp)) return false;
      } catch (const std::exception&) {
        return false;  // could not link it: make it (add() reports a lasting error)
      }
      records[i].file = stamp;
      recorded[i] = 1;
      files.fetch_add(1, std::memory_order_relaxed);
      return true;
    };
    output::JsonReuse hooks;
    hooks.kept_all = [&] {
      const auto* stamp = previous_file(n);
      if (stamp && verify) check[n] = 1;
      return stamp && !verify && keep(n, *stamp);
    };
    hooks.kept_head = [&](size_t i, bool want_head) -> std::optional<std::string> {
      const auto* stamp = previous_file(i);
      if (!stamp) return std::nullopt;
      if (verify) {
        check[i] = 1;  // made, and compared with the file it would have kept
        return std::nullopt;
      }
      if (!want_head) {
        if (!keep(i, *stamp)) return std::nullopt;
        return std::string();
      }
      std::string why;
      auto bytes = fs.read(core::join_path(result.out_dir, paths[i]), &why);
      if (!bytes) return std::nullopt;
      auto head = output::report_json_head_size(*bytes);
      if (!head || !keep(i, *stamp)) return std::nullopt;
      bytes->resize(*head);
      return std::move(*bytes);
    };
    output::make_json_files(*env, hooks, [&](size_t i, output::OutputFile&& f) {
      if (check[i] && !publisher->current_equals(f.path, f.bytes)) {
        std::lock_guard<std::mutex> hold(files_mutex);
        stale.push_back(f.path);
      }
      if (auto stamp = emit(f.path, std::move(f.bytes))) {
        records[i].file = *stamp;
        recorded[i] = 1;
      }
    });
    for (size_t i = 0; i <= n; ++i) {
      if (recorded[i]) manifest.pages.emplace(paths[i], records[i]);
    }
  };

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
         config_hash = core::hash64(*text);
         if (!options.base_url.empty()) site.config.base_url = options.base_url;
         result.out_dir =
             options.out.empty() ? site.config.resolve(site.config.output_dir) : options.out;
         cache_dir = core::join_path(site.config.root, std::string(site::kDefaultCacheDir));
         // One manifest per output folder: `gongkai serve` (.gongkai-serve/) and `gongkai build`
         // (public/) then stay incremental however they alternate.
         manifest_path = core::join_path(
             cache_dir, options.out.empty()
                            ? std::string("build-manifest")
                            : "build-manifest." + core::hex64(core::hash64(result.out_dir)));
         manifest.out_dir = result.out_dir;
         version = reader_version(fs);
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
           cache = std::make_unique<site::ReportCache>(cache_dir, version);
           previous = output::read_build_manifest(fs, manifest_path);
         }
         std::atomic<size_t> done{0};
         Progress progress(options.progress, "reading reports",
                           site::list_report_files(fs, dir).size(), done);
         site.reports = site::load_reports(fs, dir, jobs, sink, cache.get(), &done);
         if (cache) cache->prune_unused();  // entries of files gone or changed
         for (const auto& r : site.reports) manifest.reports[r.file] = core::hash64(r.original);
         auto changes = output::compare_reports(previous.reports, manifest.reports);
         result.reports_new = changes.added;
         result.reports_changed = changes.changed;
         result.reports_removed = changes.removed;
         result.report_files = manifest.reports.size();
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
         setup = setup_hash(fs, version, site.config, theme);
       }},
      {"data files",
       [&] {
         // Before rendering: the JSON and the search index read the reports' prose, which
         // rendering lets go of. Each generator is timed on its own ("data: feeds" …).
         if (!options.dump_contexts.empty()) return;
         if (options.write) {
           output::PublishOptions publish_options;
           publish_options.jobs = output::kDefaultIoJobs;
           publish_options.on_step = kill_hook();
           publish_options.keep_spare = true;
           try {
             publisher = std::make_unique<output::Publisher>(result.out_dir, publish_options);
             // Every page's folder at once, on the I/O threads (the data files go into them
             // too): made one by one as files arrive, folders serialise the staging.
             std::vector<std::string> paths;
             for (const auto& p : output::list_pages(*env)) paths.push_back(p.path);
             publisher->make_folders(paths);
           } catch (const std::exception& e) {
             sink.add(error("G003", result.out_dir, e.what()));
             return;
           }
           report_inputs = output::report_input_hashes(*env);
           auto site_value = output::hash_value(env->site_value());
           std::string all;
           for (uint64_t h : {setup, config_hash, site_value.value_or(0),
                              uint64_t(site_value.has_value()), uint64_t(env->report_json)}) {
             all.append(reinterpret_cast<const char*>(&h), sizeof h);
           }
           site_inputs = core::hash64(all);
         }
         for (const auto& g : output::file_generators()) {
           const auto t0 = Clock::now();
           std::vector<output::OutputFile> made;
           if (g.name == "json" && publisher) {
             keep_json();
           } else if (g.stream) {
             g.stream(*env, [&](output::OutputFile&& f) { emit(f.path, std::move(f.bytes)); });
           } else {
             g.generate(*env, made);
           }
           for (const auto& f : made) {
             if (f.path == "search.json") result.search_index_bytes = f.bytes.size();
           }
           // Staged at once: the data exports of a big site are large.
           core::parallel_for(made.size(), publisher ? output::kDefaultIoJobs : 1,
                              [&](size_t i) { emit(made[i].path, std::move(made[i].bytes)); });
           result.steps.push_back({"· " + g.name,
                                   std::chrono::duration<double>(Clock::now() - t0).count(),
                                   resident_mib()});
         }
       }},
      {"render pages",
       [&] {
         auto pages = output::list_pages(*env);
         result.pages = pages.size();
         if (!options.dump_contexts.empty()) {
           std::string tsv;
           std::vector<output::OutputFile> dumps(pages.size());
           core::parallel_for(pages.size(), jobs, [&](size_t i) {
             dumps[i] = {pages[i].path + ".json", tmpl::dump_json(pages[i].context(), -1, false)};
           });
           for (size_t i = 0; i < pages.size(); ++i) {
             tsv += pages[i].path + "\t" + pages[i].template_name + "\t" + dumps[i].path + "\n";
           }
           dumps.push_back({"pages.tsv", std::move(tsv)});
           output::publish(options.dump_contexts, dumps);
           return;
         }
         // A page is kept from the last build when the fingerprint of its inputs is the one the
         // manifest recorded and its file is still the one published then; otherwise rendered.
         // Report and source pages (most of the site) are fingerprinted from their inputs without
         // building their contexts; the other pages from their contexts.
         const bool reuse = publisher && previous.out_dir == result.out_dir;
         std::vector<output::PageRecord> records(pages.size());
         std::vector<uint8_t> recorded(pages.size(), 0), check(pages.size(), 0);
         auto decide = [&](size_t i, uint64_t inputs) {
           records[i].key = file_key(inputs, pages[i].template_name);
           recorded[i] = 1;
           if (!reuse) return false;
           auto it = previous.pages.find(pages[i].path);
           if (it == previous.pages.end() || it->second.key != records[i].key) return false;
           if (verify) {
             // Render it, and compare with the file it would have kept.
             check[i] = publisher->current_is(pages[i].path, it->second.file);
             return false;
           }
           try {
             if (!publisher->keep(pages[i].path, it->second.file)) return false;
           } catch (const std::exception&) {
             return false;  // could not link it: render it (add() reports a lasting error)
           }
           records[i].file = it->second.file;
           files.fetch_add(1, std::memory_order_relaxed);
           return true;
         };
         // Report and source pages are decided first, and their files linked on the I/O threads
         // (most of a rebuild's file-system work), not one by one on the render threads.
         std::vector<uint8_t> kept(pages.size(), 0);
         if (publisher) {
           core::parallel_for(
               pages.size(), output::kDefaultIoJobs,
               [&](size_t i) {
                 const int64_t r = pages[i].report;
                 if (r >= 0 && decide(i, report_inputs[static_cast<size_t>(r)])) kept[i] = 1;
               },
               64);
         }
         output::PageHooks hooks;
         hooks.keep_unbuilt = [&](size_t i) { return pages[i].report >= 0 && kept[i]; };
         hooks.keep = [&](size_t i, const output::Value& context) {
           if (pages[i].report >= 0 || !publisher) return false;  // decided before
           auto h = output::hash_value(context);
           return h && decide(i, *h);  // no fingerprint: render
         };
         hooks.emit = [&](size_t i, std::string&& bytes) {
           if (check[i] && !publisher->current_equals(pages[i].path, bytes)) {
             std::lock_guard<std::mutex> hold(files_mutex);
             stale.push_back(pages[i].path);
           }
           auto stamp = emit(pages[i].path, std::move(bytes));
           if (stamp) {
             records[i].file = *stamp;
           } else {
             recorded[i] = 0;
           }
         };
         // Once both pages of a report are done nothing reads its text any more: its prose goes,
         // its original file goes to the output. The model shrinks as the site grows.
         std::vector<std::atomic<uint8_t>> left(site.reports.size());
         for (auto& l : left) l = 2;
         hooks.done = [&](size_t page) {
           const int64_t r = pages[page].report;
           if (r < 0 || left[static_cast<size_t>(r)].fetch_sub(1) != 1) return;
           site::ReportEntry& e = site.reports[static_cast<size_t>(r)];
           emit(e.url + output::report_files(e, env->report_json).original, std::move(e.original));
           std::string().swap(e.original);
           std::vector<report::Section>().swap(e.report.sections);
         };
         std::atomic<size_t> done{0};
         Progress progress(options.progress, "rendering pages", pages.size(), done);
         auto rendered = output::render_pages(pages, *renderer, jobs, sink, &done, hooks);
         result.pages_rendered = rendered.value_or(0);
         std::sort(stale.begin(), stale.end());
         for (const auto& path : stale) {
           sink.add(error("G006", path,
                          "this page would have been kept from the last build, but rendering it "
                          "gives other bytes: its inputs' fingerprint misses something"));
         }
         for (size_t i = 0; i < pages.size(); ++i) {
           if (recorded[i]) manifest.pages.emplace(pages[i].path, records[i]);
         }
       }},
      {"other files",
       [&] {
         if (!options.dump_contexts.empty()) return;
         std::vector<output::OutputFile> made = std::move(theme.static_files);
         core::parallel_for(made.size(), publisher ? output::kDefaultIoJobs : 1,
                            [&](size_t i) { emit(made[i].path, std::move(made[i].bytes)); });
       }},
      {"write",
       [&] {
         result.files = files.load();
         if (!options.dump_contexts.empty()) return;
         if (!publisher) {
           std::sort(result.files_built.begin(), result.files_built.end(),
                     [](const auto& a, const auto& b) { return a.path < b.path; });
           return;
         }
         if (!publish_error.empty()) {
           sink.add(error("G003", result.out_dir, publish_error));
           return;
         }
         try {
           auto stats = publisher->commit();
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
           return;
         }
         // The next build compares with this one. Without it that build renders every page again
         // and counts every report as new: a warning, not a failure.
         std::string why;
         if (!output::write_build_manifest(manifest_path, manifest, &why)) {
           core::Diagnostic d = error("G005", manifest_path, why);
           d.severity = core::Severity::Warning;
           sink.add(std::move(d));
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
  publisher.reset();  // a failed build: the staging folder goes, the output folder is untouched
  result.reports = site.reports.size();
  result.agencies = site.agencies.size();
  for (const auto& r : site.reports) result.findings += r.findings.size();
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  result.ok = !failed();
  return result;
}

std::string summary_line(const BuildResult& r) {
  auto count = [](size_t n, const char* one, const char* many) {
    return std::to_string(n) + ' ' + (n == 1 ? one : many);
  };
  // Files left out of the site (not a report, no year) are still new/changed/removed files.
  std::string files_read = r.report_files == r.reports
                               ? std::string()
                               : " from " + count(r.report_files, "file", "files");
  char buf[400];
  int n = std::snprintf(
      buf, sizeof buf,
      "built %s%s (%zu new, %zu changed, %zu removed), %s, %s (%zu rendered, %zu kept), %s (%zu "
      "written, %zu unchanged, %zu removed), %s",
      count(r.reports, "report", "reports").c_str(), files_read.c_str(), r.reports_new,
      r.reports_changed, r.reports_removed, count(r.agencies, "agency", "agencies").c_str(),
      count(r.pages, "page", "pages").c_str(), r.pages_rendered, r.pages - r.pages_rendered,
      count(r.files, "file", "files").c_str(), r.written, r.unchanged, r.removed,
      count(r.findings, "finding", "findings").c_str());
  if (r.search_index_bytes > 0 && n > 0 && static_cast<size_t>(n) < sizeof buf) {
    n += std::snprintf(buf + n, sizeof buf - static_cast<size_t>(n), ", search index %.1f KB",
                       static_cast<double>(r.search_index_bytes) / 1024.0);
  }
  if (n > 0 && static_cast<size_t>(n) < sizeof buf)
    std::snprintf(buf + n, sizeof buf - static_cast<size_t>(n), " in %.2f s", r.seconds);
  return buf;
}

}  // namespace gongkai::commands
