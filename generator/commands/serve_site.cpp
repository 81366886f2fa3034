#include "commands/serve_site.hpp"

#include <pthread.h>
#include <signal.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>

#include "commands/site_build.hpp"
#include "serve/dev_server.hpp"
#include "site/config.hpp"

namespace gongkai::commands {
namespace {

namespace stdfs = std::filesystem;

/// One build into the serve folder; the message is what the terminal and the banner show.
serve::RebuildResult build_once(const BuildOptions& options) {
  core::DiskFileSystem fs;
  core::DiagnosticSink sink(50);
  BuildResult result = build_site(fs, options, sink);
  std::string text;
  for (const auto& d : sink.items()) text += core::format(d) + "\n";
  if (sink.dropped()) text += "… and " + std::to_string(sink.dropped()) + " more\n";
  if (result.ok) {
    text += summary_line(result);
  } else {
    const size_t errors = sink.count(core::Severity::Error);
    text += "the build failed: " + std::to_string(errors) + (errors == 1 ? " error" : " errors");
  }
  return {result.ok, text};
}

}  // namespace

SiteSources site_sources(const core::FileSystem& fs, const std::string& config_file) {
  core::DiagnosticSink sink(1);
  site::Config config;
  if (auto text = fs.read(config_file)) config = site::parse_config(config_file, *text, sink);
  if (!fs.is_file(config_file) || sink.count(core::Severity::Error) > 0) {
    // Unreadable or invalid: the defaults, relative to the configuration's folder.
    config = site::Config();
    const size_t slash = config_file.rfind('/');
    config.file = config_file;
    config.root = slash == std::string::npos ? "." : config_file.substr(0, slash ? slash : 1);
  }
  SiteSources sources;
  sources.root = config.root;
  sources.watch = {config_file, config.resolve(config.content_dir),
                   core::join_path(config.resolve(config.themes_dir), config.theme),
                   config.resolve(config.templates_dir), config.resolve(config.static_dir)};
  return sources;
}

std::string local_base_url(const std::string& bind, int port) {
  std::string host = bind;
  if (host == "0.0.0.0" || host.empty()) host = "127.0.0.1";
  if (host == "::" || host == "[::]") host = "::1";
  if (host.find(':') != std::string::npos && host.front() != '[') host = "[" + host + "]";
  return "http://" + host + ":" + std::to_string(port) + "/";
}

bool is_within(const std::string& path, const std::string& folder) {
  std::error_code ec;
  const stdfs::path p = stdfs::weakly_canonical(stdfs::absolute(path), ec).lexically_normal();
  const stdfs::path f = stdfs::weakly_canonical(stdfs::absolute(folder), ec).lexically_normal();
  auto pi = p.begin();
  for (auto fi = f.begin(); fi != f.end(); ++fi, ++pi) {
    if (fi->empty()) continue;  // the trailing "" of "a/b/"
    if (pi == p.end() || *pi != *fi) return false;
  }
  return true;
}

std::unique_ptr<serve::DevServer> listen_first_free(const ServeSiteOptions& options,
                                                    serve::ServeOptions serve_options,
                                                    std::function<serve::RebuildResult()> rebuild,
                                                    std::ostream& log) {
  const int last = options.port_given || options.port == 0
                       ? options.port
                       : std::min(options.port + kPortTries, 65535);
  for (int port = options.port;; ++port) {
    serve_options.port = port;
    auto server =
        std::make_unique<serve::DevServer>(serve_options, rebuild, std::vector<std::string>());
    try {
      server->start();
      if (port != options.port) {
        log << "gongkai serve: port " << options.port << " is in use; using " << port << "\n";
      }
      return server;
    } catch (const serve::ListenError& e) {
      if (!e.in_use || port >= last) throw;
    }
  }
}

int serve_site(const ServeSiteOptions& options) {
  // SIGINT and SIGTERM end the server, SIGUSR1 asks for new watches (site.yaml named other
  // folders); all three are taken by sigwait in this thread. Blocked before any thread starts,
  // so that every thread inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGUSR1);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  const pthread_t main_thread = pthread_self();

  core::DiskFileSystem fs;
  if (!fs.is_file(options.config)) {
    std::cerr << "gongkai serve: no configuration file " << options.config
              << " (give one with --config)\n";
    return 2;
  }
  if (!options.base_url.empty() && options.base_url.rfind("http://", 0) != 0 &&
      options.base_url.rfind("https://", 0) != 0) {
    std::cerr << "gongkai serve: --base-url must be an absolute http(s) URL\n";
    return 2;
  }
  const SiteSources sources = site_sources(fs, options.config);
  BuildOptions build;
  build.config = options.config;
  build.out = options.out.empty() ? core::join_path(sources.root, kServeDir) : options.out;
  build.jobs = options.jobs;
  for (const auto& watched : sources.watch) {
    if (is_within(build.out, watched)) {
      std::cerr << "gongkai serve: the output folder " << build.out << " is inside the watched "
                << watched << ": every build would start another; choose another --out\n";
      return 2;
    }
    if (is_within(watched, build.out)) {  // publishing replaces the whole folder
      std::cerr << "gongkai serve: the output folder " << build.out << " holds the source "
                << watched << ", which every build would delete; choose another --out\n";
      return 2;
    }
  }

  // What the rebuild callback shares with this thread.
  struct Shared {
    std::mutex mutex;
    std::vector<std::string> watch;                   ///< watched now
    std::optional<std::vector<std::string>> rewatch;  ///< to watch instead
  };
  auto shared = std::make_shared<Shared>();
  shared->watch = sources.watch;
  auto build_options = std::make_shared<BuildOptions>(build);
  auto rebuild = [build_options, shared, config = options.config, main_thread] {
    serve::RebuildResult result = build_once(*build_options);
    // site.yaml may now name another theme or other folders: watch those.
    core::DiskFileSystem disk;
    SiteSources now = site_sources(disk, config);
    std::lock_guard<std::mutex> hold(shared->mutex);
    if (now.watch != (shared->rewatch ? *shared->rewatch : shared->watch)) {
      shared->rewatch = std::move(now.watch);
      pthread_kill(main_thread, SIGUSR1);
    }
    return result;
  };

  serve::ServeOptions serve_options;
  serve_options.root = build.out;
  serve_options.bind = options.bind;
  serve_options.live_reload = options.live_reload;
  std::unique_ptr<serve::DevServer> server;
  try {
    server = listen_first_free(options, serve_options, rebuild, std::cerr);
    // The port is known: every build is for this address (the 404 page and canonical links
    // are absolute).
    build_options->base_url =
        options.base_url.empty() ? local_base_url(options.bind, server->port()) : options.base_url;
    if (build_options->base_url.back() != '/') build_options->base_url += '/';
    server->watch(sources.watch);
  } catch (const std::exception& e) {
    std::cerr << "gongkai serve: " << e.what() << "\n";
    if (dynamic_cast<const serve::ListenError*>(&e) && options.port_given) {
      std::cerr << "(another program uses it? --port 0 picks a free port)\n";
    }
    return 1;
  }
  const std::string url = local_base_url(options.bind, server->port());
  serve::RebuildResult first = server->rebuild_now();
  if (!first.ok && !fs.is_file(core::join_path(build.out, "index.html"))) {
    std::cerr << "gongkai serve: there is no good site yet: every page shows the error until a "
                 "build succeeds\n";
  }
  std::cerr << "Serving " << build.out << " at " << url << " (Ctrl-C to stop)\n";
  std::cerr.flush();

  for (;;) {
    int received = 0;
    if (sigwait(&signals, &received) != 0) continue;
    if (received != SIGUSR1) break;
    std::vector<std::string> paths;
    {
      std::lock_guard<std::mutex> hold(shared->mutex);
      if (!shared->rewatch) continue;
      paths = std::move(*shared->rewatch);
      shared->rewatch.reset();
      shared->watch = paths;
    }
    try {
      server->watch(paths);
    } catch (const std::exception& e) {
      std::cerr << "gongkai serve: " << e.what() << "\n";
      server->stop();
      return 1;
    }
    // A change made while no watcher ran would be lost: build once more.
    server->rebuild_now();
  }
  std::cerr << "\nStopping.\n";
  server->stop();
  return 0;
}

}  // namespace gongkai::commands
