#pragma once
// Publishing file by file: a build hands each page to the publisher as soon as it is rendered
// (from any thread), so the site never has to sit whole in memory; commit() then swaps the staged
// tree in atomically, exactly as publish() does (publish() is this class over a list of files).
#include <sys/types.h>

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "output/publish.hpp"

namespace gongkai::output {

/// Identifies one version of a file on disk without reading it: a file staged by the publisher is
/// either written anew (a new inode) or hard-linked unchanged (same inode, size and mtime).
struct FileStamp {
  uint64_t inode = 0, size = 0;
  int64_t mtime_ns = 0;
  bool operator==(const FileStamp& o) const {
    return inode == o.inode && size == o.size && mtime_ns == o.mtime_ns;
  }
  bool operator!=(const FileStamp& o) const { return !(*this == o); }
};

class Publisher {
 public:
  /// Locks the parent of out_dir, removes what a killed run left beside it, lists the current
  /// tree and creates the staging folder. Throws PublishError (out_dir untouched).
  explicit Publisher(const std::string& out_dir, const PublishOptions& options = {});
  /// Without commit(): removes the staging folder (keeps it as the spare tree with
  /// keep_spare); out_dir stays exactly as it was.
  ~Publisher();
  Publisher(const Publisher&) = delete;
  Publisher& operator=(const Publisher&) = delete;

  /// Creates in the staging folder every folder these file paths need, on several threads (folders
  /// are the slow part of staging on ext4: made one by one as files arrive they serialise).
  /// Optional: add() makes what is still missing. Bad paths are left to add() to report.
  void make_folders(const std::vector<std::string>& file_paths);

  /// Stages one file (safe from several threads): hard-linked from the current tree when its
  /// bytes are the same, written anew otherwise; folders are made as needed. Returns the staged
  /// file's stamp. Throws PublishError for a bad path, a path given twice or an OS error.
  FileStamp add(const std::string& path, std::string_view bytes);
  /// Stages the current tree's file `path` unchanged when it is still the version `stamp`
  /// describes (same inode, size and mtime); false (nothing staged) otherwise.
  bool keep(const std::string& path, const FileStamp& stamp);
  /// True when the current tree's file `path` is still the version `stamp` describes (what keep()
  /// checks; nothing staged).
  bool current_is(const std::string& path, const FileStamp& stamp) const;
  /// True when the current tree's file `path` holds exactly `bytes` (for checks: nothing staged).
  bool current_equals(const std::string& path, std::string_view bytes) const;

  /// Carries over the current tree's top-level dot-entries that no staged path starts with,
  /// swaps the staged tree in and removes the old one. Once only.
  PublishStats commit();

 private:
  void make_parents(const std::string& path);
  /// Makes one folder of the staging tree (the mutex held): nothing when the recycled tree has
  /// it, else removes a file in its place and creates it.
  void make_folder_locked(const std::string& dir);
  /// Takes `path` for this build; throws when it was staged already.
  void claim(const std::string& path, const std::string& shown);
  /// True when the staging tree already holds the inode `ino` at `path` (a recycled tree).
  bool staged_already(const std::string& path, ino_t ino) const;
  /// Removes what the recycled staging tree has at `path` (a file or a folder), if anything.
  void clear_slot(const std::string& path, const std::string& shown);
  void note_staged(size_t count);

  struct Names {
    std::string parent, name, staging, old, spare, shown;
    std::string beside(const std::string& entry) const;
  };
  Names t_;
  PublishOptions options_;
  unsigned jobs_ = 0;
  UniqueFd parent_, old_, stage_;
  bool have_old_ = false, done_ = false;
  mode_t old_mode_ = 0;
  std::vector<std::string> old_files_;  ///< sorted: every file of the current tree
  std::string shown_stage_;
  /// What the recycled staging tree held when it was opened: path → is a folder (empty when the
  /// staging folder was made new).
  std::unordered_map<std::string, bool> recycled_;
  std::mutex mutex_;  ///< guards the members below
  std::unordered_set<std::string> dirs_made_;
  std::unordered_set<std::string> staged_;
  size_t written_ = 0, unchanged_ = 0;
};

}  // namespace gongkai::output
