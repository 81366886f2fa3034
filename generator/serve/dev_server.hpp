#pragma once
// `gongkai serve`: serves the published site on loopback, rebuilds when sources change, and
// reloads open pages. The command itself only builds the rebuild callback and calls
// run_dev_server().
#include <chrono>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace gongkai::serve {

/// What a rebuild says: ok and a summary line, or not ok and the error (file:line: message…).
struct RebuildResult {
  bool ok = true;
  std::string message;
};

struct ServeOptions {
  std::string root = "public";  ///< the folder served: the build's output folder
  std::string bind = "127.0.0.1";
  int port = 1313;  ///< 0: any free port (DevServer::port() says which)
  /// Quiet time after the last change before rebuilding: a burst of saves is one rebuild.
  std::chrono::milliseconds debounce{100};
  bool live_reload = true;      ///< inject the reload script (and error banner) into HTML
  std::ostream* log = nullptr;  ///< where rebuild results are printed; nullptr: std::cerr
  unsigned threads = 16;        ///< HTTP worker threads (each open page holds one for events)
  /// Seconds between keep-alive comments on the event stream (to notice closed pages).
  std::chrono::seconds heartbeat{15};
};

/// Why DevServer::start() cannot listen; `in_use`: the port is taken (EADDRINUSE).
struct ListenError : std::runtime_error {
  ListenError(const std::string& message, bool in_use)
      : std::runtime_error(message), in_use(in_use) {}
  bool in_use;
};

/// The server and the watcher, run in-process: start(), then stop() (or the destructor).
class DevServer {
 public:
  /// `rebuild` runs on the watcher's thread after changes below `watch_paths`; it must publish
  /// atomically into options.root (output::publish does) so that requests never see half a site.
  DevServer(ServeOptions options, std::function<RebuildResult()> rebuild,
            std::vector<std::string> watch_paths);
  ~DevServer();
  DevServer(const DevServer&) = delete;
  DevServer& operator=(const DevServer&) = delete;

  /// Binds, starts serving and watching; throws ListenError when it cannot bind, and
  /// std::runtime_error when it cannot watch.
  void start();
  /// Watches `paths` instead of the watch paths given so far (after start(); not from the rebuild
  /// callback). Throws std::runtime_error when it cannot watch; the old watch is gone then.
  void watch(std::vector<std::string> paths);
  /// Stops serving and watching; open event streams end. Idempotent.
  void stop();
  /// start(), prints where it serves, blocks until SIGINT or SIGTERM, then stop(). Call it from
  /// the main thread before any other thread starts (the signals are taken with sigwait).
  void run();
  /// The port bound (useful with port 0); 0 before start().
  int port() const;
  /// "http://127.0.0.1:1313/"
  std::string url() const;

  /// Runs the rebuild callback now, records its result (pages reload; a failure shows its
  /// banner) and prints it. Called by the watcher; callable directly.
  RebuildResult rebuild_now();
  /// Records the result of a rebuild run elsewhere (the first build, before start()).
  void record(const RebuildResult& result);
  /// Waits until changes made before the call are seen and their rebuild has finished.
  void flush_watcher();
  /// How many rebuilds have finished (the generation pages are reloaded to).
  uint64_t generation() const;
  /// The message of the last rebuild if it failed, else empty.
  std::string last_error() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// `gongkai serve`: runs `rebuild` once (the first build), serves options.root at
/// http://bind:port/, rebuilds after changes below `watch_paths` (content/, the theme,
/// templates/, site.yaml) and reloads open pages, until SIGINT or SIGTERM. A failed rebuild is
/// printed and shown on the pages while the last good site stays served. Returns the exit status:
/// 0 after a signal, 1 when it cannot listen or watch.
int run_dev_server(const ServeOptions& options, std::function<RebuildResult()> rebuild,
                   std::vector<std::string> watch_paths);

}  // namespace gongkai::serve
