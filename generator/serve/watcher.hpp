#pragma once
// Watching the site's sources with inotify: folders recursively (new sub-folders followed), single
// files through their folder (so editors that save by renaming are seen), bursts of events
// debounced into one call.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace gongkai::serve {

class Watcher {
 public:
  /// `paths`: folders (watched with everything below them) and files; a path that does not exist
  /// yet is watched for through its parent folder. `on_change` runs on the watcher's thread once
  /// changes stop for `debounce`; changes made while it runs cause one more call after it.
  /// Names starting with '.' or ending with '~' (editor swap and backup files) inside watched
  /// folders are ignored, as the build ignores them.
  Watcher(std::vector<std::string> paths, std::chrono::milliseconds debounce,
          std::function<void()> on_change);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  /// Sets up the watches and starts the thread; throws std::runtime_error saying why it cannot
  /// (no inotify, watch limit reached).
  void start();
  /// Stops the thread (waits for a running on_change to return). Idempotent.
  void stop();
  /// Blocks until every change made before this call has been seen and, if there was one, its
  /// on_change has returned, without waiting out the debounce: what tests wait on.
  void flush();
  /// How many folders are watched.
  size_t watch_count() const;

 private:
  struct Watch {
    std::string dir;              ///< the folder
    bool recursive = false;       ///< every name in it counts, sub-folders are watched too
    std::set<std::string> names;  ///< otherwise only these names (files given, paths to come)
  };

  void run();
  void add_tree(const std::string& dir);
  void add_named(const std::string& dir, const std::string& name);
  int add_watch(const std::string& dir);
  /// Reads every queued event; true when one of them is a change.
  bool drain();

  std::vector<std::string> paths_;
  std::chrono::milliseconds debounce_;
  std::function<void()> on_change_;
  int inotify_fd_ = -1;
  int wake_fd_ = -1;  ///< eventfd: stop or flush requested
  std::thread thread_;
  std::map<int, Watch> watches_;  ///< by inotify watch descriptor (watcher thread only after start)

  mutable std::mutex mutex_;
  std::condition_variable flushed_;
  bool stopping_ = false;
  uint64_t flush_requested_ = 0, flush_done_ = 0;
  size_t watch_count_ = 0;
};

}  // namespace gongkai::serve
