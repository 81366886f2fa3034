#include "output/publisher.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>

#include "core/parallel.hpp"
#include "output/output_plan.hpp"

namespace gongkai::output {

namespace {

FileStamp stamp_of(const struct stat& st) {
  return {static_cast<uint64_t>(st.st_ino), static_cast<uint64_t>(st.st_size),
          static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

bool exchange_unsupported(int error) {
  return error == EINVAL || error == ENOSYS || error == ENOTSUP || error == EOPNOTSUPP;
}

bool is_real_folder(int dir_fd, const std::string& name, const std::string& shown) {
  struct stat st;
  return stat_entry(dir_fd, name, st, shown) && S_ISDIR(st.st_mode);
}

}  // namespace

std::string Publisher::Names::beside(const std::string& entry) const {
  return parent == "." ? entry : (parent == "/" ? "/" + entry : parent + "/" + entry);
}

Publisher::Publisher(const std::string& out_dir, const PublishOptions& options)
    : options_(options), jobs_(options.jobs ? options.jobs : kDefaultIoJobs) {
  // out_dir split into the folder that holds it and its name, plus the names used beside it.
  std::string path = out_dir;
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  t_.shown = out_dir;
  size_t slash = path.rfind('/');
  t_.parent = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
  t_.name = slash == std::string::npos ? path : path.substr(slash + 1);
  if (t_.name.empty() || t_.name == "." || t_.name == "..") {
    throw PublishError("output folder \"" + out_dir + "\" must end with a folder name", out_dir);
  }
  t_.staging = "." + t_.name + ".staging";
  t_.old = "." + t_.name + ".old";
  t_.spare = "." + t_.name + ".spare";
  shown_stage_ = t_.beside(t_.staging);

  parent_ = UniqueFd(open(t_.parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!parent_) throw PublishError("cannot open folder", t_.parent, errno);
  // Two publishes never interleave their steps: an exclusive flock on the parent folder, held
  // until parent_ is closed.
  while (flock(parent_.get(), LOCK_EX) != 0) {
    if (errno != EINTR) throw PublishError("cannot lock folder", t_.parent, errno);
  }
  // What a killed run left beside out_dir. A run killed between the two renames of the fallback
  // left no out_dir and the old tree aside: that tree goes back, out_dir is whole again.
  struct stat st;
  const int pfd = parent_.get();
  bool have_out = stat_entry(pfd, t_.name, st, t_.shown);
  bool have_aside = stat_entry(pfd, t_.old, st, t_.beside(t_.old));
  if (have_aside && !have_out) {
    if (renameat(pfd, t_.old.c_str(), pfd, t_.name.c_str()) != 0) {
      throw PublishError("cannot move back", t_.beside(t_.old), errno);
    }
  } else if (have_aside) {
    remove_tree_parallel(pfd, t_.old, t_.beside(t_.old), jobs_);
  }
  // A staging folder left by a killed run is an earlier tree with some files of a newer one:
  // with keep_spare it is recycled like the spare tree (every entry is checked before use).
  bool recycle = false;
  if (options_.keep_spare && is_real_folder(pfd, t_.staging, shown_stage_)) {
    recycle = true;
    remove_tree_parallel(pfd, t_.spare, t_.beside(t_.spare), jobs_);
  } else {
    remove_tree_parallel(pfd, t_.staging, shown_stage_, jobs_);
    if (options_.keep_spare && is_real_folder(pfd, t_.spare, t_.beside(t_.spare))) {
      if (renameat(pfd, t_.spare.c_str(), pfd, t_.staging.c_str()) != 0) {
        throw PublishError("cannot move", t_.beside(t_.spare), errno);
      }
      recycle = true;
    } else {
      remove_tree_parallel(pfd, t_.spare, t_.beside(t_.spare), jobs_);
    }
  }
  if (options_.on_step) options_.on_step(PublishStep::Locked, 0);

  have_old_ = stat_entry(pfd, t_.name, st, t_.shown);
  if (have_old_ && S_ISLNK(st.st_mode)) {
    throw PublishError("output folder " + t_.shown + " is a symlink; it must be a real folder",
                       t_.shown);
  }
  if (have_old_ && !S_ISDIR(st.st_mode)) {
    throw PublishError("output folder " + t_.shown + " exists and is not a folder", t_.shown);
  }
  if (have_old_) {
    old_mode_ = st.st_mode & 07777;
    old_ = open_dir(pfd, t_.name, t_.shown);
    // Top-level dot-entries (.git, .well-known) are carried over whole or are the site's own:
    // never compared file by file.
    std::vector<std::string> dot_names;
    for (auto& name : list_names(old_.get(), t_.shown)) {
      if (name[0] == '.') dot_names.push_back(std::move(name));
    }
    old_files_ = list_tree(old_.get(), t_.shown, dot_names);
    std::sort(old_files_.begin(), old_files_.end());
  }
  if (!recycle && mkdirat(pfd, t_.staging.c_str(), 0777) != 0) {
    throw PublishError("cannot create folder", shown_stage_, errno);
  }
  try {
    stage_ = open_dir(pfd, t_.staging, shown_stage_);
    if (have_old_ && fchmod(stage_.get(), old_mode_) != 0) {
      throw PublishError("cannot set mode of", shown_stage_, errno);
    }
    if (recycle) {
      for (auto& e : list_entries(stage_.get(), shown_stage_)) {
        recycled_.emplace(std::move(e.path), e.is_folder);
      }
    }
  } catch (...) {
    stage_ = UniqueFd();
    try {
      remove_tree_parallel(pfd, t_.staging, shown_stage_, jobs_);
    } catch (...) {
      // The next publish removes it.
    }
    throw;
  }
}

Publisher::~Publisher() {
  if (done_ || !parent_) return;
  stage_ = UniqueFd();
  try {
    if (options_.keep_spare) {
      // Still a good start for the next build: every entry is checked before use.
      renameat(parent_.get(), t_.staging.c_str(), parent_.get(), t_.spare.c_str());
    } else {
      remove_tree_parallel(parent_.get(), t_.staging, shown_stage_, jobs_);
    }
  } catch (...) {
    // The first error is the one reported; the next publish removes the staging folder.
  }
}

void Publisher::make_folder_locked(const std::string& dir) {
  auto it = recycled_.find(dir);
  if (it != recycled_.end()) {
    if (it->second) {
      dirs_made_.insert(dir);
      return;
    }
    if (unlinkat(stage_.get(), dir.c_str(), 0) != 0 && errno != ENOENT) {
      throw PublishError("cannot remove", shown_stage_ + "/" + dir, errno);
    }
  }
  if (mkdirat(stage_.get(), dir.c_str(), 0777) != 0) {
    throw PublishError("cannot create folder", shown_stage_ + "/" + dir, errno);
  }
  dirs_made_.insert(dir);
}

void Publisher::make_folders(const std::vector<std::string>& file_paths) {
  std::vector<std::vector<std::string>> levels;  // levels[d]: folders with d slashes
  {
    std::unordered_set<std::string> seen;
    std::lock_guard<std::mutex> hold(mutex_);
    for (const auto& path : file_paths) {
      if (!check_output_path(path).empty()) continue;
      size_t depth = 0;
      for (size_t slash = path.find('/'); slash != std::string::npos;
           slash = path.find('/', slash + 1), ++depth) {
        std::string dir = path.substr(0, slash);
        if (dirs_made_.count(dir) || !seen.insert(dir).second) continue;
        auto it = recycled_.find(dir);
        if (it != recycled_.end() && it->second) {
          dirs_made_.insert(std::move(dir));  // the recycled tree has it
          continue;
        }
        if (levels.size() <= depth) levels.resize(depth + 1);
        levels[depth].push_back(std::move(dir));
      }
    }
  }
  for (auto& level : levels) {
    std::sort(level.begin(), level.end());
    core::parallel_for(
        level.size(), jobs_,
        [&](size_t i) {
          const std::string& dir = level[i];
          if (recycled_.count(dir) && unlinkat(stage_.get(), dir.c_str(), 0) != 0 &&
              errno != ENOENT) {
            throw PublishError("cannot remove", shown_stage_ + "/" + dir, errno);
          }
          if (mkdirat(stage_.get(), dir.c_str(), 0777) != 0) {
            throw PublishError("cannot create folder", shown_stage_ + "/" + dir, errno);
          }
        },
        16);
    std::lock_guard<std::mutex> hold(mutex_);
    for (auto& dir : level) dirs_made_.insert(std::move(dir));
  }
}

void Publisher::make_parents(const std::string& path) {
  for (size_t slash = path.find('/'); slash != std::string::npos;
       slash = path.find('/', slash + 1)) {
    std::string dir = path.substr(0, slash);
    std::lock_guard<std::mutex> hold(mutex_);
    if (!dirs_made_.count(dir)) make_folder_locked(dir);
  }
}

void Publisher::claim(const std::string& path, const std::string& shown) {
  std::lock_guard<std::mutex> hold(mutex_);
  if (!staged_.insert(path).second) throw PublishError("cannot create", shown, EEXIST);
}

bool Publisher::staged_already(const std::string& path, ino_t ino) const {
  if (recycled_.empty()) return false;
  auto it = recycled_.find(path);
  if (it == recycled_.end() || it->second) return false;
  struct stat st;
  return fstatat(stage_.get(), path.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
         S_ISREG(st.st_mode) && st.st_ino == ino;
}

void Publisher::clear_slot(const std::string& path, const std::string& shown) {
  auto it = recycled_.find(path);
  if (it == recycled_.end()) return;
  if (it->second) {
    remove_tree(stage_.get(), path, shown);
  } else if (unlinkat(stage_.get(), path.c_str(), 0) != 0 && errno != ENOENT) {
    throw PublishError("cannot remove", shown, errno);
  }
}

void Publisher::note_staged(size_t count) {
  if (options_.on_step) options_.on_step(PublishStep::FileStaged, count);
}

FileStamp Publisher::add(const std::string& path, std::string_view bytes) {
  if (auto why = check_output_path(path); !why.empty()) {
    throw PublishError("bad output path \"" + path + "\": " + why, path);
  }
  make_parents(path);
  const std::string shown = shown_stage_ + "/" + path;
  claim(path, shown);
  struct stat st;
  bool same = have_old_ && std::binary_search(old_files_.begin(), old_files_.end(), path) &&
              file_equals(old_.get(), path, bytes, &st);
  if (same) {
    if (!staged_already(path, st.st_ino)) {
      clear_slot(path, shown);
      link_or_copy(old_.get(), path, stage_.get(), shown);
      if (fstatat(stage_.get(), path.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        throw PublishError("cannot inspect", shown, errno);
      }
    }
  } else {
    clear_slot(path, shown);
    write_new_file(stage_.get(), path, bytes, shown, &st);
  }
  size_t count;
  {
    std::lock_guard<std::mutex> hold(mutex_);
    ++(same ? unchanged_ : written_);
    count = written_ + unchanged_;
  }
  note_staged(count);
  return stamp_of(st);
}

bool Publisher::current_is(const std::string& path, const FileStamp& stamp) const {
  if (!have_old_ || !std::binary_search(old_files_.begin(), old_files_.end(), path)) return false;
  struct stat st;
  return fstatat(old_.get(), path.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
         stamp_of(st) == stamp;
}

bool Publisher::keep(const std::string& path, const FileStamp& stamp) {
  if (!current_is(path, stamp)) return false;
  struct stat st;
  if (fstatat(old_.get(), path.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) return false;
  make_parents(path);
  const std::string shown = shown_stage_ + "/" + path;
  claim(path, shown);
  if (!staged_already(path, st.st_ino)) {
    clear_slot(path, shown);
    link_or_copy(old_.get(), path, stage_.get(), shown);
  }
  size_t count;
  {
    std::lock_guard<std::mutex> hold(mutex_);
    ++unchanged_;
    count = written_ + unchanged_;
  }
  note_staged(count);
  return true;
}

bool Publisher::current_equals(const std::string& path, std::string_view bytes) const {
  return have_old_ && std::binary_search(old_files_.begin(), old_files_.end(), path) &&
         file_equals(old_.get(), path, bytes);
}

PublishStats Publisher::commit() {
  if (done_) throw PublishError("publish committed twice", t_.shown);
  const int pfd = parent_.get();
  std::vector<std::string> staged(staged_.begin(), staged_.end());
  std::sort(staged.begin(), staged.end());
  PublishStats stats;
  stats.written = written_;
  stats.unchanged = unchanged_;
  size_t j = 0;
  for (const auto& path : old_files_) {
    while (j < staged.size() && staged[j] < path) ++j;
    if (j == staged.size() || staged[j] != path) ++stats.removed;
  }
  // A recycled tree still holds what the new site does not: remove it. An entry goes when it is
  // neither staged nor a folder in use and its folder stays (a folder that goes takes its
  // contents along).
  if (!recycled_.empty()) {
    std::vector<std::pair<std::string, bool>> stale;
    for (const auto& [path, folder] : recycled_) {
      // In use (as a file or as a folder, whatever it was in the recycled tree).
      if (dirs_made_.count(path) || staged_.count(path)) continue;
      size_t slash = path.rfind('/');
      if (slash != std::string::npos && !dirs_made_.count(path.substr(0, slash))) continue;
      stale.emplace_back(path, folder);
    }
    std::sort(stale.begin(), stale.end());
    core::parallel_for(stale.size(), jobs_, [&](size_t i) {
      const auto& [path, folder] = stale[i];
      const std::string shown = shown_stage_ + "/" + path;
      if (folder) {
        remove_tree(stage_.get(), path, shown);
      } else if (unlinkat(stage_.get(), path.c_str(), 0) != 0 && errno != ENOENT) {
        throw PublishError("cannot remove", shown, errno);
      }
    });
  }
  if (have_old_) {
    std::vector<std::string> top;
    for (const auto& p : staged) top.push_back(p.substr(0, p.find('/')));
    top.erase(std::unique(top.begin(), top.end()), top.end());
    for (const auto& name : list_names(old_.get(), t_.shown)) {
      if (name[0] == '.' && !std::binary_search(top.begin(), top.end(), name)) {
        clone_entry(old_.get(), name, stage_.get(), shown_stage_ + "/" + name);
      }
    }
  }
  if (options_.on_step) options_.on_step(PublishStep::Staged, 0);

  // Swap the staged tree in; old_name: where the old tree now sits (empty: there was none).
  const char* staging = t_.staging.c_str();
  const char* name = t_.name.c_str();
  std::string old_name;
  if (!have_old_) {
    if (renameat2(pfd, staging, pfd, name, RENAME_NOREPLACE) != 0 &&
        (!exchange_unsupported(errno) || renameat(pfd, staging, pfd, name) != 0)) {
      throw PublishError("cannot move the new site to", t_.shown, errno);
    }
  } else if (options_.exchange && renameat2(pfd, staging, pfd, name, RENAME_EXCHANGE) == 0) {
    old_name = t_.staging;
  } else {
    if (options_.exchange && !exchange_unsupported(errno)) {
      throw PublishError("cannot swap the new site with", t_.shown, errno);
    }
    if (renameat(pfd, name, pfd, t_.old.c_str()) != 0) {
      throw PublishError("cannot move aside", t_.shown, errno);
    }
    try {
      if (options_.on_step) options_.on_step(PublishStep::MovedAside, 0);
    } catch (...) {
      renameat(pfd, t_.old.c_str(), pfd, name);
      throw;
    }
    if (renameat(pfd, staging, pfd, name) != 0) {
      int e = errno;
      renameat(pfd, t_.old.c_str(), pfd, name);  // put the old tree back
      throw PublishError("cannot move the new site to", t_.shown, e);
    }
    old_name = t_.old;
  }
  done_ = true;
  stage_ = UniqueFd();
  old_ = UniqueFd();
  if (options_.on_step) options_.on_step(PublishStep::Swapped, 0);
  if (old_name.empty()) return stats;
  // The old tree is the next build's staging tree (kept as the spare), or goes.
  if (options_.keep_spare && renameat(pfd, old_name.c_str(), pfd, t_.spare.c_str()) == 0) {
    return stats;
  }
  std::atomic<size_t> removed{0};
  try {
    remove_tree_parallel(pfd, old_name, t_.beside(old_name), jobs_, [&] {
      if (options_.on_step) options_.on_step(PublishStep::Removing, ++removed);
    });
  } catch (const PublishError& e) {
    stats.cleanup_error = e.what();
  }
  return stats;
}

}  // namespace gongkai::output
