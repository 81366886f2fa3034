#pragma once
// Thin wrappers over the POSIX *at() calls the writer needs: everything is relative to an open
// folder, never follows a symlink it did not ask for, and turns a failed call into an error that
// names the path and the OS message.
#include <sys/stat.h>

#include <cerrno>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::output {

/// A failed file-system operation: what() is "<action> <path>: <OS message>".
class PublishError : public std::runtime_error {
 public:
  PublishError(std::string_view action, std::string path, int error);
  /// An error that is not an OS call failing (a bad output path, a conflict).
  explicit PublishError(std::string message, std::string path = {});
  const std::string& path() const { return path_; }
  /// errno of the failed call; 0 when the error is not an OS one.
  int code() const { return code_; }

 private:
  std::string path_;
  int code_ = 0;
};

/// An owned file descriptor, closed when it goes.
class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}
  UniqueFd(UniqueFd&& o) noexcept : fd_(o.release()) {}
  UniqueFd& operator=(UniqueFd&& o) noexcept;
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  ~UniqueFd();
  int get() const { return fd_; }
  explicit operator bool() const { return fd_ >= 0; }
  int release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_ = -1;
};

/// Opens a folder below `dir_fd` (AT_FDCWD for the working folder) without following a symlink at
/// the last step; `shown` is the path used in the error message.
UniqueFd open_dir(int dir_fd, const std::string& name, const std::string& shown);
/// lstat() relative to dir_fd; false when the entry does not exist, throws on other errors.
bool stat_entry(int dir_fd, const std::string& name, struct stat& st, const std::string& shown);

/// Writes all of `bytes` to a new file (it must not exist) with mode 0666 minus the umask; `st`
/// (may be null) receives the new file's status.
void write_new_file(int dir_fd, const std::string& name, std::string_view bytes,
                    const std::string& shown, struct stat* st = nullptr);
/// True when the regular file `name` below dir_fd holds exactly `bytes`; false when it differs or
/// cannot be read (the caller then writes it anew, so a read error costs a write, never a wrong
/// file). `st` (may be null) receives the file's status when it was opened.
bool file_equals(int dir_fd, const std::string& name, std::string_view bytes,
                 struct stat* st = nullptr);

/// Hard-links `name` from one folder to another; when the file system refuses (no hard links,
/// another owner's file, too many links) copies it and keeps its mode, access and modify times.
void link_or_copy(int from_fd, const std::string& name, int to_fd, const std::string& shown);

/// Copies the entry `name` (a folder, file or symlink) from one folder to another: folders anew,
/// files and symlinks hard-linked (else copied: files keeping their times, symlinks as symlinks).
void clone_entry(int from_fd, const std::string& name, int to_fd, const std::string& shown);

/// Removes `name` below dir_fd and everything in it, never following a symlink. Absent: no-op.
/// `on_entry` (may be empty) is called after each entry removed.
void remove_tree(int dir_fd, const std::string& name, const std::string& shown,
                 const std::function<void()>& on_entry = {});

/// Every regular file and symlink below the folder, as '/'-separated paths relative to it,
/// without descending into symlinked folders. Top-level names in `skip` are left out.
std::vector<std::string> list_tree(int dir_fd, const std::string& shown,
                                   const std::vector<std::string>& skip = {});
/// The names in a folder (not "." or ".."), sorted.
std::vector<std::string> list_names(int dir_fd, const std::string& shown);

struct TreeEntry {
  std::string path;  ///< '/'-separated, relative to the folder listed
  bool is_folder = false;
};
/// Every entry below the folder (files, symlinks and folders, a folder before what it holds),
/// without descending into symlinked folders.
std::vector<TreeEntry> list_entries(int dir_fd, const std::string& shown);

struct FolderEntry {
  std::string name;
  bool is_folder = false;  ///< a real folder (a symlink to one is not)
};
/// The entries of an open folder, unsorted, each with whether it is a folder.
std::vector<FolderEntry> read_folder(int dir_fd, const std::string& shown);

/// remove_tree() on up to `jobs` threads: folders are emptied in parallel, then removed deepest
/// first. `on_entry` may be called from several threads at once.
void remove_tree_parallel(int dir_fd, const std::string& name, const std::string& shown,
                          unsigned jobs, const std::function<void()>& on_entry = {});

}  // namespace gongkai::output
