#include "output/publish.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <exception>
#include <mutex>
#include <thread>

#include "output/output_plan.hpp"

namespace gongkai::output {

namespace {

/// out_dir split into the folder that holds it and its name, plus the names used beside it.
struct Target {
  std::string parent;   ///< as given ("." when out_dir has no '/')
  std::string name;     ///< "public"
  std::string staging;  ///< ".public.staging"
  std::string old;      ///< ".public.old" (two-rename fallback only)
  std::string shown;    ///< out_dir as given, for messages

  std::string beside(const std::string& entry) const {
    return parent == "." ? entry : (parent == "/" ? "/" + entry : parent + "/" + entry);
  }
};

Target locate(const std::string& out_dir) {
  std::string path = out_dir;
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  Target t;
  t.shown = out_dir;
  size_t slash = path.rfind('/');
  t.parent = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
  t.name = slash == std::string::npos ? path : path.substr(slash + 1);
  if (t.name.empty() || t.name == "." || t.name == "..") {
    throw PublishError("output folder \"" + out_dir + "\" must end with a folder name", out_dir);
  }
  t.staging = "." + t.name + ".staging";
  t.old = "." + t.name + ".old";
  return t;
}

/// Holds an exclusive flock on the parent folder: two publishes never interleave their steps.
void lock(int parent_fd, const Target& t) {
  while (flock(parent_fd, LOCK_EX) != 0) {
    if (errno != EINTR) throw PublishError("cannot lock folder", t.parent, errno);
  }
}

/// Removes what a killed run left beside out_dir. A run killed between the two renames of the
/// fallback left no out_dir and the old tree aside: that tree goes back, out_dir is whole again.
void recover(int parent_fd, const Target& t) {
  struct stat st;
  bool have_out = stat_entry(parent_fd, t.name, st, t.shown);
  bool have_old = stat_entry(parent_fd, t.old, st, t.beside(t.old));
  if (have_old && !have_out) {
    if (renameat(parent_fd, t.old.c_str(), parent_fd, t.name.c_str()) != 0) {
      throw PublishError("cannot move back", t.beside(t.old), errno);
    }
  } else if (have_old) {
    remove_tree(parent_fd, t.old, t.beside(t.old));
  }
  remove_tree(parent_fd, t.staging, t.beside(t.staging));
}

void step(const PublishOptions& options, PublishStep s, size_t count = 0) {
  if (options.on_step) options.on_step(s, count);
}

struct StageCounts {
  std::atomic<size_t> written{0}, unchanged{0}, staged{0};
};

/// Puts every file of the plan into the staging folder, on several threads: hard-linked from the
/// old tree when its bytes are the same, written anew otherwise.
void stage_files(int old_fd, int stage_fd, const std::vector<std::string>& old_files,
                 const OutputPlan& plan, const std::string& shown_stage,
                 const PublishOptions& options, StageCounts& counts) {
  for (const auto& dir : plan.dirs) {
    if (mkdirat(stage_fd, dir.c_str(), 0777) != 0) {
      throw PublishError("cannot create folder", shown_stage + "/" + dir, errno);
    }
  }
  const auto& files = plan.files;
  unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  if (files.size() < 128) jobs = 1;  // thread start-up costs more than it saves
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto work = [&] {
    constexpr size_t kChunk = 32;
    try {
      while (!failed.load(std::memory_order_relaxed)) {
        size_t begin = next.fetch_add(kChunk);
        if (begin >= files.size()) break;
        size_t end = std::min(begin + kChunk, files.size());
        for (size_t i = begin; i < end && !failed.load(std::memory_order_relaxed); ++i) {
          const OutputFile& file = *files[i];
          std::string shown = shown_stage + "/" + file.path;
          if (old_fd >= 0 && std::binary_search(old_files.begin(), old_files.end(), file.path) &&
              file_equals(old_fd, file.path, file.bytes)) {
            link_or_copy(old_fd, file.path, stage_fd, shown);
            counts.unchanged.fetch_add(1, std::memory_order_relaxed);
          } else {
            write_new_file(stage_fd, file.path, file.bytes, shown);
            counts.written.fetch_add(1, std::memory_order_relaxed);
          }
          step(options, PublishStep::FileStaged, counts.staged.fetch_add(1) + 1);
        }
      }
    } catch (...) {
      std::lock_guard<std::mutex> hold(error_mutex);
      if (!error) error = std::current_exception();
      failed = true;
    }
  };
  std::vector<std::thread> threads;
  for (unsigned i = 1; i < jobs; ++i) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  if (error) std::rethrow_exception(error);
}

/// How many old files the new site does not have (both lists sorted).
size_t count_removed(const std::vector<std::string>& old_files, const OutputPlan& plan) {
  size_t removed = 0, j = 0;
  for (const auto& path : old_files) {
    while (j < plan.files.size() && plan.files[j]->path < path) ++j;
    if (j == plan.files.size() || plan.files[j]->path != path) ++removed;
  }
  return removed;
}

bool exchange_unsupported(int error) {
  return error == EINVAL || error == ENOSYS || error == ENOTSUP || error == EOPNOTSUPP;
}

/// Swaps the staged tree in; returns the name under which the old tree now sits (empty: none).
std::string swap_in(int parent_fd, const Target& t, bool have_old, const PublishOptions& options) {
  const char* staging = t.staging.c_str();
  const char* name = t.name.c_str();
  if (!have_old) {
    if (renameat2(parent_fd, staging, parent_fd, name, RENAME_NOREPLACE) == 0) return {};
    if (!exchange_unsupported(errno) || renameat(parent_fd, staging, parent_fd, name) != 0) {
      throw PublishError("cannot move the new site to", t.shown, errno);
    }
    return {};
  }
  if (options.exchange && renameat2(parent_fd, staging, parent_fd, name, RENAME_EXCHANGE) == 0) {
    return t.staging;
  }
  if (options.exchange && !exchange_unsupported(errno)) {
    throw PublishError("cannot swap the new site with", t.shown, errno);
  }
  if (renameat(parent_fd, name, parent_fd, t.old.c_str()) != 0) {
    throw PublishError("cannot move aside", t.shown, errno);
  }
  try {
    step(options, PublishStep::MovedAside);
  } catch (...) {
    renameat(parent_fd, t.old.c_str(), parent_fd, name);
    throw;
  }
  if (renameat(parent_fd, staging, parent_fd, name) != 0) {
    int e = errno;
    renameat(parent_fd, t.old.c_str(), parent_fd, name);  // put the old tree back
    throw PublishError("cannot move the new site to", t.shown, e);
  }
  return t.old;
}

}  // namespace

PublishStats publish(const std::string& out_dir, const std::vector<OutputFile>& files,
                     const PublishOptions& options) {
  const OutputPlan plan = plan_output(files);
  const Target t = locate(out_dir);
  UniqueFd parent(open(t.parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!parent) throw PublishError("cannot open folder", t.parent, errno);
  lock(parent.get(), t);
  recover(parent.get(), t);
  step(options, PublishStep::Locked);

  struct stat out_stat;
  bool have_old = stat_entry(parent.get(), t.name, out_stat, t.shown);
  if (have_old && S_ISLNK(out_stat.st_mode)) {
    throw PublishError("output folder " + t.shown + " is a symlink; it must be a real folder",
                       t.shown);
  }
  if (have_old && !S_ISDIR(out_stat.st_mode)) {
    throw PublishError("output folder " + t.shown + " exists and is not a folder", t.shown);
  }
  UniqueFd old_fd;
  std::vector<std::string> carried, old_files;
  if (have_old) {
    old_fd = open_dir(parent.get(), t.name, t.shown);
    for (auto& name : list_names(old_fd.get(), t.shown)) {
      if (name[0] == '.' &&
          !std::binary_search(plan.top_names.begin(), plan.top_names.end(), name)) {
        carried.push_back(std::move(name));
      }
    }
    old_files = list_tree(old_fd.get(), t.shown, carried);
  }

  const std::string shown_stage = t.beside(t.staging);
  if (mkdirat(parent.get(), t.staging.c_str(), 0777) != 0) {
    throw PublishError("cannot create folder", shown_stage, errno);
  }
  PublishStats stats;
  std::string old_name;
  try {
    UniqueFd stage = open_dir(parent.get(), t.staging, shown_stage);
    if (have_old && fchmod(stage.get(), out_stat.st_mode & 07777) != 0) {
      throw PublishError("cannot set mode of", shown_stage, errno);
    }
    StageCounts counts;
    stage_files(old_fd.get(), stage.get(), old_files, plan, shown_stage, options, counts);
    for (const auto& name : carried) {
      clone_entry(old_fd.get(), name, stage.get(), shown_stage + "/" + name);
    }
    stats.written = counts.written;
    stats.unchanged = counts.unchanged;
    stats.removed = count_removed(old_files, plan);
    step(options, PublishStep::Staged);
    old_name = swap_in(parent.get(), t, have_old, options);
  } catch (...) {
    try {
      remove_tree(parent.get(), t.staging, shown_stage);
    } catch (...) {
      // The first error is the one to report; the next publish removes the staging folder.
    }
    throw;
  }
  step(options, PublishStep::Swapped);
  if (!old_name.empty()) {
    size_t removed = 0;
    try {
      remove_tree(parent.get(), old_name, t.beside(old_name),
                  [&] { step(options, PublishStep::Removing, ++removed); });
    } catch (const PublishError& e) {
      stats.cleanup_error = e.what();
    }
  }
  return stats;
}

}  // namespace gongkai::output
