#pragma once
// Publishing: make the output folder hold exactly the new site, in one atomic step.
//
// The new tree is assembled in a staging folder beside out_dir (`.<name>.staging`): files whose
// bytes did not change are hard-linked from the current tree (same inode, bytes and times, so rsync
// and object-store syncs see them unchanged), the others are written anew. Then one
// renameat2(RENAME_EXCHANGE) swaps staging and out_dir, and the old tree (now under the staging
// name) is removed. Where the file system refuses the exchange, two renames do it instead (old out
// to `.<name>.old`, new in): a reader may briefly find no tree, never a mixed one. A run killed at
// any point leaves out_dir wholly old or wholly new; the next publish removes what it left beside.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "output/output_file.hpp"
#include "output/posix_fs.hpp"

namespace gongkai::output {

/// Threads for file-system work when the caller does not say: 8, however many cores. Most of the
/// writer's time is spent waiting for the file system (creating, linking, removing entries), not
/// computing, so more threads than cores pay off: the kernel batches their journal updates.
inline constexpr unsigned kDefaultIoJobs = 8;

struct PublishStats {
  size_t written = 0;    ///< files new or changed
  size_t unchanged = 0;  ///< files hard-linked from the old tree
  size_t removed = 0;    ///< files of the old tree the new site no longer has
  /// Set when the new tree is published but the old one could not be removed (the next publish
  /// tries again); empty otherwise.
  std::string cleanup_error;
};

/// Where a publish is: a testing seam to fail or kill it at a chosen point.
enum class PublishStep : uint8_t {
  Locked,      ///< holds the lock, leftovers of an earlier run removed; nothing new exists yet
  FileStaged,  ///< one more file is in the staging folder (count = files staged so far)
  Staged,      ///< the staging folder holds the whole new tree
  MovedAside,  ///< two-rename fallback only: the old tree is aside, the new one not yet in
  Swapped,     ///< out_dir is the new tree; the old tree is still beside it
  Removing,    ///< one more entry of the old tree removed (count = entries so far)
};

struct PublishOptions {
  unsigned jobs = 0;     ///< threads for file-system work; 0 = kDefaultIoJobs (8)
  bool exchange = true;  ///< false: use the two-rename fallback (to test it)
  /// Keep the replaced tree beside out_dir (`.<name>.spare`) instead of removing it, and build the
  /// next staging tree from it: a rebuild then only touches the files that changed (folders and
  /// unchanged files are already there), instead of making and removing every entry of the site.
  /// Without it, a spare tree left by an earlier publish is removed.
  bool keep_spare = false;
  /// Called at each step (from worker threads for FileStaged). Throwing before Swapped fails the
  /// publish there, leaving out_dir as it was.
  std::function<void(PublishStep, size_t count)> on_step;
};

/// Makes out_dir hold exactly `files`, atomically: readers see the old tree or the new one, never a
/// mix, also if the process is killed at any point; unchanged files keep their inode, bytes and
/// mtime (hard-linked from the old tree); files no longer produced are gone. Top-level entries of
/// the old tree whose name starts with '.' and that no new path starts with (.gitkeep, .git,
/// .well-known) are carried over untouched. out_dir is created when missing; a file or a symlink
/// there is an error. On any error out_dir is left exactly as it was and PublishError is thrown
/// naming the path and the OS message. Two publishes into the same parent folder wait for each
/// other (flock on the parent).
PublishStats publish(const std::string& out_dir, const std::vector<OutputFile>& files,
                     const PublishOptions& options = {});

}  // namespace gongkai::output
