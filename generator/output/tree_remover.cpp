// remove_tree_parallel: removing a large tree is mostly waiting for the file system, one entry at
// a time; several threads let the kernel batch the work (on ext4, 8 threads remove a site's old
// tree several times faster than one).
#include <fcntl.h>
#include <unistd.h>

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

#include "core/parallel.hpp"
#include "output/posix_fs.hpp"

namespace gongkai::output {

namespace {

/// Empties every folder of a tree on several threads, leaving the (empty) folders, which it
/// lists by depth.
class TreeEmptier {
 public:
  TreeEmptier(int root_fd, std::string shown, const std::function<void()>& on_entry)
      : root_fd_(root_fd), shown_(std::move(shown)), on_entry_(on_entry) {
    pending_.push_back({"", 0});
  }

  void run(unsigned jobs) {
    std::vector<std::thread> pool;
    for (unsigned i = 1; i < jobs; ++i) pool.emplace_back([this] { work(); });
    work();
    for (auto& t : pool) t.join();
    if (error_) std::rethrow_exception(error_);
  }
  /// The folders below the root, by depth (1: directly in the root).
  const std::map<size_t, std::vector<std::string>, std::greater<>>& folders() const {
    return folders_;
  }

 private:
  struct Folder {
    std::string path;  ///< relative to the root; "" for the root itself
    size_t depth;
  };

  void work() {
    for (;;) {
      Folder folder;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [&] { return !pending_.empty() || busy_ == 0 || error_; });
        if (error_ || pending_.empty()) {
          ready_.notify_all();
          return;
        }
        folder = std::move(pending_.front());
        pending_.pop_front();
        ++busy_;
      }
      std::vector<Folder> found;
      try {
        empty(folder, found);
      } catch (...) {
        std::lock_guard<std::mutex> hold(mutex_);
        if (!error_) error_ = std::current_exception();
      }
      {
        std::lock_guard<std::mutex> hold(mutex_);
        for (auto& f : found) {
          folders_[f.depth].push_back(f.path);
          pending_.push_back(std::move(f));
        }
        --busy_;
      }
      ready_.notify_all();
    }
  }

  void empty(const Folder& folder, std::vector<Folder>& found) {
    std::string shown = folder.path.empty() ? shown_ : shown_ + "/" + folder.path;
    UniqueFd dir = folder.path.empty() ? UniqueFd(fcntl(root_fd_, F_DUPFD_CLOEXEC, 0))
                                       : open_dir(root_fd_, folder.path, shown);
    if (!dir) throw PublishError("cannot open folder", shown, errno);
    for (auto& entry : read_folder(dir.get(), shown)) {
      std::string path = folder.path.empty() ? entry.name : folder.path + "/" + entry.name;
      if (entry.is_folder) {
        found.push_back({std::move(path), folder.depth + 1});
      } else if (unlinkat(dir.get(), entry.name.c_str(), 0) == 0) {
        if (on_entry_) on_entry_();
      } else if (errno == EISDIR) {  // became a folder meanwhile
        found.push_back({std::move(path), folder.depth + 1});
      } else if (errno != ENOENT) {
        throw PublishError("cannot remove", shown + "/" + entry.name, errno);
      }
    }
  }

  int root_fd_;
  std::string shown_;
  const std::function<void()>& on_entry_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Folder> pending_;
  size_t busy_ = 0;
  std::exception_ptr error_;
  std::map<size_t, std::vector<std::string>, std::greater<>> folders_;
};

}  // namespace

void remove_tree_parallel(int dir_fd, const std::string& name, const std::string& shown,
                          unsigned jobs, const std::function<void()>& on_entry) {
  struct stat st;
  if (!stat_entry(dir_fd, name, st, shown)) return;
  if (!S_ISDIR(st.st_mode) || jobs <= 1) {
    remove_tree(dir_fd, name, shown, on_entry);
    return;
  }
  UniqueFd root = open_dir(dir_fd, name, shown);
  TreeEmptier emptier(root.get(), shown, on_entry);
  emptier.run(jobs);
  // Deepest first: each level's folders are empty once the level below is gone.
  for (const auto& [depth, paths] : emptier.folders()) {
    core::parallel_for(paths.size(), jobs, [&](size_t i) {
      if (unlinkat(root.get(), paths[i].c_str(), AT_REMOVEDIR) != 0 && errno != ENOENT) {
        throw PublishError("cannot remove folder", shown + "/" + paths[i], errno);
      }
      if (on_entry) on_entry();
    });
  }
  if (unlinkat(dir_fd, name.c_str(), AT_REMOVEDIR) != 0 && errno != ENOENT) {
    throw PublishError("cannot remove folder", shown, errno);
  }
  if (on_entry) on_entry();
}

}  // namespace gongkai::output
