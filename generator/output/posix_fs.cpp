#include "output/posix_fs.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

namespace gongkai::output {

namespace {

std::string os_message(int error) {
  return std::strerror(error);
}

std::string join(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  return a + "/" + b;
}

/// The entries of an open folder (its fd is duplicated, the caller's stays open).
struct DirEntry {
  std::string name;
  unsigned char type;  // DT_* (DT_UNKNOWN when the file system does not say)
};

std::vector<DirEntry> read_entries(int dir_fd, const std::string& shown) {
  int dup_fd = fcntl(dir_fd, F_DUPFD_CLOEXEC, 0);
  if (dup_fd < 0) throw PublishError("cannot read folder", shown, errno);
  DIR* dir = fdopendir(dup_fd);
  if (!dir) {
    int e = errno;
    close(dup_fd);
    throw PublishError("cannot read folder", shown, e);
  }
  rewinddir(dir);
  std::vector<DirEntry> out;
  errno = 0;
  while (dirent* entry = readdir(dir)) {
    if (std::strcmp(entry->d_name, ".") != 0 && std::strcmp(entry->d_name, "..") != 0) {
      out.push_back({entry->d_name, entry->d_type});
    }
    errno = 0;
  }
  int e = errno;
  closedir(dir);
  if (e != 0) throw PublishError("cannot read folder", shown, e);
  return out;
}

unsigned char type_of(int dir_fd, const DirEntry& entry, const std::string& shown) {
  if (entry.type != DT_UNKNOWN) return entry.type;
  struct stat st;
  if (!stat_entry(dir_fd, entry.name, st, shown)) return DT_UNKNOWN;
  if (S_ISDIR(st.st_mode)) return DT_DIR;
  if (S_ISREG(st.st_mode)) return DT_REG;
  if (S_ISLNK(st.st_mode)) return DT_LNK;
  return DT_UNKNOWN;
}

void write_all(int fd, std::string_view bytes, const std::string& shown) {
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw PublishError("cannot write", shown, errno);
    }
    done += static_cast<size_t>(n);
  }
}

/// Copies a regular file's bytes, mode and times into a new file of the same name.
void copy_file(int from_fd, const std::string& name, int to_fd, const std::string& shown) {
  UniqueFd in(openat(from_fd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
  if (!in) throw PublishError("cannot read", shown, errno);
  struct stat st;
  if (fstat(in.get(), &st) != 0) throw PublishError("cannot read", shown, errno);
  UniqueFd out(openat(to_fd, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                      st.st_mode & 07777));
  if (!out) throw PublishError("cannot create", shown, errno);
  char buffer[1 << 16];
  for (;;) {
    ssize_t n = ::read(in.get(), buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw PublishError("cannot read", shown, errno);
    }
    if (n == 0) break;
    write_all(out.get(), std::string_view(buffer, static_cast<size_t>(n)), shown);
  }
  struct timespec times[2] = {st.st_atim, st.st_mtim};
  if (futimens(out.get(), times) != 0) throw PublishError("cannot set times of", shown, errno);
  if (close(out.release()) != 0) throw PublishError("cannot write", shown, errno);
}

}  // namespace

PublishError::PublishError(std::string_view action, std::string path, int error)
    : std::runtime_error(std::string(action) + " " + path + ": " + os_message(error)),
      path_(std::move(path)),
      code_(error) {}

PublishError::PublishError(std::string message, std::string path)
    : std::runtime_error(std::move(message)), path_(std::move(path)) {}

UniqueFd& UniqueFd::operator=(UniqueFd&& o) noexcept {
  if (this != &o) {
    if (fd_ >= 0) close(fd_);
    fd_ = o.release();
  }
  return *this;
}

UniqueFd::~UniqueFd() {
  if (fd_ >= 0) close(fd_);
}

UniqueFd open_dir(int dir_fd, const std::string& name, const std::string& shown) {
  UniqueFd fd(openat(dir_fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  if (!fd) throw PublishError("cannot open folder", shown, errno);
  return fd;
}

bool stat_entry(int dir_fd, const std::string& name, struct stat& st, const std::string& shown) {
  if (fstatat(dir_fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0) return true;
  if (errno == ENOENT) return false;
  throw PublishError("cannot inspect", shown, errno);
}

void write_new_file(int dir_fd, const std::string& name, std::string_view bytes,
                    const std::string& shown, struct stat* st) {
  UniqueFd fd(
      openat(dir_fd, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666));
  if (!fd) throw PublishError("cannot create", shown, errno);
  write_all(fd.get(), bytes, shown);
  if (st && fstat(fd.get(), st) != 0) throw PublishError("cannot inspect", shown, errno);
  // close() reports delayed write errors (quota, NFS); a file we could not finish is an error.
  if (close(fd.release()) != 0) throw PublishError("cannot write", shown, errno);
}

bool file_equals(int dir_fd, const std::string& name, std::string_view bytes, struct stat* out) {
  UniqueFd fd(openat(dir_fd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
  if (!fd) return false;
  struct stat local;
  struct stat& st = out ? *out : local;
  if (fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  if (static_cast<uint64_t>(st.st_size) != bytes.size()) return false;
  char buffer[1 << 15];
  size_t done = 0;
  for (;;) {
    ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    if (n == 0) break;
    size_t got = static_cast<size_t>(n);
    if (done + got > bytes.size() || std::memcmp(buffer, bytes.data() + done, got) != 0) {
      return false;
    }
    done += got;
  }
  return done == bytes.size();
}

void link_or_copy(int from_fd, const std::string& name, int to_fd, const std::string& shown) {
  if (linkat(from_fd, name.c_str(), to_fd, name.c_str(), 0) == 0) return;
  int e = errno;
  // EPERM: protected_hardlinks and a file of another owner, or a file system without links;
  // EMLINK: the inode's link count is full; EXDEV cannot happen (same file system) but is harmless.
  if (e != EPERM && e != EMLINK && e != EXDEV && e != ENOTSUP && e != EOPNOTSUPP) {
    throw PublishError("cannot link", shown, e);
  }
  copy_file(from_fd, name, to_fd, shown);
}

void clone_entry(int from_fd, const std::string& name, int to_fd, const std::string& shown) {
  struct stat st;
  if (!stat_entry(from_fd, name, st, shown)) return;  // vanished meanwhile: nothing to carry
  if (S_ISREG(st.st_mode)) {
    link_or_copy(from_fd, name, to_fd, shown);
  } else if (S_ISLNK(st.st_mode)) {
    // linkat without AT_SYMLINK_FOLLOW links the symlink itself: same inode and times.
    if (linkat(from_fd, name.c_str(), to_fd, name.c_str(), 0) == 0) return;
    std::string target(static_cast<size_t>(st.st_size) + 1, '\0');
    ssize_t n = readlinkat(from_fd, name.c_str(), target.data(), target.size());
    if (n < 0) throw PublishError("cannot read link", shown, errno);
    target.resize(static_cast<size_t>(n));
    if (symlinkat(target.c_str(), to_fd, name.c_str()) != 0) {
      throw PublishError("cannot create link", shown, errno);
    }
  } else if (S_ISDIR(st.st_mode)) {
    if (mkdirat(to_fd, name.c_str(), st.st_mode & 07777) != 0) {
      throw PublishError("cannot create folder", shown, errno);
    }
    UniqueFd from = open_dir(from_fd, name, shown);
    UniqueFd to = open_dir(to_fd, name, shown);
    for (const auto& entry : read_entries(from.get(), shown)) {
      clone_entry(from.get(), entry.name, to.get(), join(shown, entry.name));
    }
    // mkdirat applied the umask; give the copy the original's mode.
    if (fchmod(to.get(), st.st_mode & 07777) != 0) {
      throw PublishError("cannot set mode of", shown, errno);
    }
  } else {
    throw PublishError("cannot carry over " + shown + ": not a file, folder or symlink", shown);
  }
}

namespace {

/// Removes everything in the folder `name` below dir_fd, then the folder itself.
void remove_folder(int dir_fd, const std::string& name, const std::string& shown,
                   const std::function<void()>& on_entry) {
  UniqueFd dir = open_dir(dir_fd, name, shown);
  for (const auto& entry : read_entries(dir.get(), shown)) {
    std::string child = join(shown, entry.name);
    if (type_of(dir.get(), entry, child) == DT_DIR) {
      remove_folder(dir.get(), entry.name, child, on_entry);
    } else if (unlinkat(dir.get(), entry.name.c_str(), 0) == 0) {
      if (on_entry) on_entry();
    } else if (errno == EISDIR) {  // the file system did not know the type and it changed since
      remove_folder(dir.get(), entry.name, child, on_entry);
    } else if (errno != ENOENT) {
      throw PublishError("cannot remove", child, errno);
    }
  }
  if (unlinkat(dir_fd, name.c_str(), AT_REMOVEDIR) != 0 && errno != ENOENT) {
    throw PublishError("cannot remove folder", shown, errno);
  }
  if (on_entry) on_entry();
}

}  // namespace

void remove_tree(int dir_fd, const std::string& name, const std::string& shown,
                 const std::function<void()>& on_entry) {
  struct stat st;
  if (!stat_entry(dir_fd, name, st, shown)) return;
  if (S_ISDIR(st.st_mode)) {
    remove_folder(dir_fd, name, shown, on_entry);
  } else if (unlinkat(dir_fd, name.c_str(), 0) == 0) {
    if (on_entry) on_entry();
  } else if (errno != ENOENT) {
    throw PublishError("cannot remove", shown, errno);
  }
}

namespace {

void list_below(int dir_fd, const std::string& prefix, const std::string& shown,
                std::vector<std::string>& out) {
  for (const auto& entry : read_entries(dir_fd, shown)) {
    std::string path = prefix.empty() ? entry.name : prefix + "/" + entry.name;
    std::string child = join(shown, entry.name);
    unsigned char type = type_of(dir_fd, entry, child);
    if (type == DT_DIR) {
      UniqueFd sub = open_dir(dir_fd, entry.name, child);
      list_below(sub.get(), path, child, out);
    } else if (type == DT_REG || type == DT_LNK) {
      out.push_back(std::move(path));
    }
  }
}

}  // namespace

std::vector<std::string> list_tree(int dir_fd, const std::string& shown,
                                   const std::vector<std::string>& skip) {
  std::vector<std::string> out;
  for (const auto& entry : read_entries(dir_fd, shown)) {
    if (std::find(skip.begin(), skip.end(), entry.name) != skip.end()) continue;
    std::string child = join(shown, entry.name);
    unsigned char type = type_of(dir_fd, entry, child);
    if (type == DT_DIR) {
      UniqueFd sub = open_dir(dir_fd, entry.name, child);
      list_below(sub.get(), entry.name, child, out);
    } else if (type == DT_REG || type == DT_LNK) {
      out.push_back(entry.name);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

namespace {

void entries_below(int dir_fd, const std::string& prefix, const std::string& shown,
                   std::vector<TreeEntry>& out) {
  for (const auto& entry : read_entries(dir_fd, shown)) {
    std::string path = prefix.empty() ? entry.name : prefix + "/" + entry.name;
    std::string child = join(shown, entry.name);
    const bool folder = type_of(dir_fd, entry, child) == DT_DIR;
    out.push_back({path, folder});
    if (folder) {
      UniqueFd sub = open_dir(dir_fd, entry.name, child);
      entries_below(sub.get(), path, child, out);
    }
  }
}

}  // namespace

std::vector<TreeEntry> list_entries(int dir_fd, const std::string& shown) {
  std::vector<TreeEntry> out;
  entries_below(dir_fd, "", shown, out);
  return out;
}

std::vector<FolderEntry> read_folder(int dir_fd, const std::string& shown) {
  std::vector<FolderEntry> out;
  for (auto& entry : read_entries(dir_fd, shown)) {
    bool folder = type_of(dir_fd, entry, join(shown, entry.name)) == DT_DIR;
    out.push_back({std::move(entry.name), folder});
  }
  return out;
}

std::vector<std::string> list_names(int dir_fd, const std::string& shown) {
  std::vector<std::string> out;
  for (auto& entry : read_entries(dir_fd, shown)) out.push_back(std::move(entry.name));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace gongkai::output
