#include "serve/watcher.hpp"

#include <dirent.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace gongkai::serve {

namespace {

constexpr uint32_t kMask = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO |
                           IN_ATTRIB | IN_MODIFY | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;

/// Editor swap files, backups and hidden entries: not sources (the build skips them too).
bool ignored_name(std::string_view name) {
  return name.empty() || name.front() == '.' || name.back() == '~';
}

std::string join(const std::string& dir, const std::string& name) {
  return dir == "/" ? "/" + name : dir + "/" + name;
}

void split(const std::string& path, std::string& dir, std::string& name) {
  std::string p = path;
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  size_t slash = p.rfind('/');
  dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : p.substr(0, slash));
  name = slash == std::string::npos ? p : p.substr(slash + 1);
}

bool is_dir(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

void signal_fd(int fd) {
  uint64_t one = 1;
  while (write(fd, &one, sizeof one) < 0 && errno == EINTR) {
  }
}

}  // namespace

Watcher::Watcher(std::vector<std::string> paths, std::chrono::milliseconds debounce,
                 std::function<void()> on_change)
    : paths_(std::move(paths)), debounce_(debounce), on_change_(std::move(on_change)) {}

Watcher::~Watcher() {
  stop();
}

int Watcher::add_watch(const std::string& dir) {
  int wd = inotify_add_watch(inotify_fd_, dir.c_str(), kMask);
  if (wd >= 0) return wd;
  if (errno == ENOSPC) {
    throw std::runtime_error("cannot watch " + dir +
                             ": the inotify watch limit is reached (raise "
                             "fs.inotify.max_user_watches)");
  }
  // Vanished or unreadable meanwhile: nothing to watch there.
  return -1;
}

void Watcher::add_tree(const std::string& dir) {
  int wd = add_watch(dir);
  if (wd < 0) return;
  Watch& w = watches_[wd];
  w.dir = dir;
  w.recursive = true;
  w.names.clear();
  DIR* d = opendir(dir.c_str());
  if (!d) return;
  std::vector<std::string> subdirs;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (ignored_name(name)) continue;  // also "." and ".."
    bool dir_entry = e->d_type == DT_DIR || (e->d_type == DT_UNKNOWN && is_dir(join(dir, name)));
    if (dir_entry) subdirs.push_back(join(dir, name));
  }
  closedir(d);
  for (const auto& sub : subdirs) add_tree(sub);
}

void Watcher::add_named(const std::string& dir, const std::string& name) {
  int wd = add_watch(dir);
  if (wd < 0) return;
  Watch& w = watches_[wd];
  w.dir = dir;
  if (!w.recursive) w.names.insert(name);
}

void Watcher::start() {
  if (thread_.joinable()) return;
  inotify_fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (inotify_fd_ < 0) {
    throw std::runtime_error(std::string("cannot watch files: inotify: ") + std::strerror(errno));
  }
  wake_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (wake_fd_ < 0) {
    int e = errno;
    close(inotify_fd_);
    inotify_fd_ = -1;
    throw std::runtime_error(std::string("cannot watch files: eventfd: ") + std::strerror(e));
  }
  try {
    for (const auto& path : paths_) {
      if (is_dir(path)) {
        add_tree(path);
      } else {
        std::string dir, name;
        split(path, dir, name);
        if (is_dir(dir)) add_named(dir, name);  // a file, or a path that may appear later
      }
    }
  } catch (...) {
    close(inotify_fd_);
    close(wake_fd_);
    inotify_fd_ = wake_fd_ = -1;
    watches_.clear();
    throw;
  }
  {
    std::lock_guard<std::mutex> hold(mutex_);
    stopping_ = false;
    watch_count_ = watches_.size();
  }
  thread_ = std::thread([this] { run(); });
}

void Watcher::stop() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard<std::mutex> hold(mutex_);
    stopping_ = true;
  }
  signal_fd(wake_fd_);
  thread_.join();
  flushed_.notify_all();
  close(inotify_fd_);
  close(wake_fd_);
  inotify_fd_ = wake_fd_ = -1;
  watches_.clear();
}

void Watcher::flush() {
  std::unique_lock<std::mutex> lock(mutex_);
  if (!thread_.joinable() || stopping_) return;
  uint64_t mine = ++flush_requested_;
  signal_fd(wake_fd_);
  flushed_.wait(lock, [&] { return flush_done_ >= mine || stopping_; });
}

size_t Watcher::watch_count() const {
  std::lock_guard<std::mutex> hold(mutex_);
  return watch_count_;
}

bool Watcher::drain() {
  alignas(inotify_event) char buffer[64 * 1024];
  bool changed = false;
  for (;;) {
    ssize_t n = read(inotify_fd_, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // EAGAIN: nothing more queued
    for (ssize_t at = 0; at < n;) {
      const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
      at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
      if (event->mask & IN_Q_OVERFLOW) {
        changed = true;  // events were lost: assume the worst
        continue;
      }
      auto it = watches_.find(event->wd);
      if (it == watches_.end()) continue;
      if (event->mask & IN_IGNORED) {  // the folder is gone
        watches_.erase(it);
        continue;
      }
      const Watch& w = it->second;
      if (event->len == 0) {  // the watched folder itself changed (moved, deleted, attributes)
        changed = changed || w.recursive;
        continue;
      }
      std::string name = event->name;  // NUL-padded to len
      bool relevant = w.recursive ? !ignored_name(name) : w.names.count(name) > 0;
      if (!relevant) continue;
      changed = true;
      if ((event->mask & IN_ISDIR) && (event->mask & (IN_CREATE | IN_MOVED_TO))) {
        add_tree(join(w.dir, name));  // a new folder (or a watched path that now exists)
      }
    }
  }
  std::lock_guard<std::mutex> hold(mutex_);
  watch_count_ = watches_.size();
  return changed;
}

void Watcher::run() {
  using Clock = std::chrono::steady_clock;
  bool pending = false;
  Clock::time_point deadline{};
  auto fire = [&] {
    pending = false;
    try {
      on_change_();
    } catch (...) {
      // The callback reports its own failures; the watcher keeps watching.
    }
  };
  for (;;) {
    int timeout = -1;
    if (pending) {
      auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
      timeout = static_cast<int>(std::max<int64_t>(0, left.count()));
    }
    pollfd fds[2] = {{inotify_fd_, POLLIN, 0}, {wake_fd_, POLLIN, 0}};
    int ready = poll(fds, 2, timeout);
    if (ready < 0 && errno == EINTR) continue;
    try {
      if ((fds[0].revents & POLLIN) && drain()) {
        pending = true;
        deadline = Clock::now() + debounce_;
      }
    } catch (...) {
      pending = true;  // a watch could not be added (limit): still rebuild what we know of
    }
    uint64_t flush_target = 0;
    if (fds[1].revents & POLLIN) {
      uint64_t count;
      while (read(wake_fd_, &count, sizeof count) < 0 && errno == EINTR) {
      }
      std::lock_guard<std::mutex> hold(mutex_);
      if (stopping_) return;
      flush_target = flush_requested_;
    }
    if (flush_target > 0) {
      try {
        if (drain()) pending = true;
      } catch (...) {
        pending = true;
      }
      if (pending) fire();
      std::lock_guard<std::mutex> hold(mutex_);
      flush_done_ = flush_target;
      flushed_.notify_all();
      continue;
    }
    if (pending && Clock::now() >= deadline) fire();
  }
}

}  // namespace gongkai::serve
