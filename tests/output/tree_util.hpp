#pragma once
// Helpers for writer tests: a fresh temporary folder, and a snapshot of a tree on disk (every
// entry's kind, bytes, inode and times) to compare before and after.
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "output/output_file.hpp"

namespace gongkai::testing {

/// A new empty folder under $TMPDIR (or /tmp), removed with everything in it when it goes.
class TempDir {
 public:
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/gongkai-test-XXXXXX";
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed: " + pattern);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& rel) const { return path_ + "/" + rel; }

 private:
  std::string path_;
};

struct EntryState {
  char kind = '?';    ///< 'f' file, 'd' folder, 'l' symlink
  std::string bytes;  ///< file bytes or link target
  ino_t inode = 0;
  timespec mtime{};
  mode_t mode = 0;
  bool operator==(const EntryState& o) const {
    return kind == o.kind && bytes == o.bytes && inode == o.inode &&
           mtime.tv_sec == o.mtime.tv_sec && mtime.tv_nsec == o.mtime.tv_nsec && mode == o.mode;
  }
};
using Snapshot = std::map<std::string, EntryState>;

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_file(const std::string& path, const std::string& bytes) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

/// Every entry below `root` (not following symlinks), keyed by relative path.
inline Snapshot snapshot(const std::string& root) {
  Snapshot out;
  std::vector<std::string> todo{""};
  while (!todo.empty()) {
    std::string rel = todo.back();
    todo.pop_back();
    std::string dir = rel.empty() ? root : root + "/" + rel;
    DIR* d = opendir(dir.c_str());
    if (!d) continue;
    while (dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (name == "." || name == "..") continue;
      std::string child = rel.empty() ? name : rel + "/" + name;
      std::string full = root + "/" + child;
      struct stat st;
      if (lstat(full.c_str(), &st) != 0) continue;
      EntryState s;
      s.inode = st.st_ino;
      s.mode = st.st_mode;
      if (S_ISDIR(st.st_mode)) {
        s.kind = 'd';
        s.inode = 0;  // folders are rebuilt; only their contents and mode count
        todo.push_back(child);
      } else if (S_ISLNK(st.st_mode)) {
        s.kind = 'l';
        s.mtime = st.st_mtim;
        s.bytes = std::filesystem::read_symlink(full).string();
      } else {
        s.kind = 'f';
        s.mtime = st.st_mtim;
        s.bytes = read_file(full);
      }
      out[child] = s;
    }
    closedir(d);
  }
  return out;
}

/// Only paths and bytes: what a reader of the site sees.
inline std::map<std::string, std::string> contents(const Snapshot& s) {
  std::map<std::string, std::string> out;
  for (const auto& [path, e] : s) {
    if (e.kind != 'd') out[path] = e.bytes;
  }
  return out;
}

inline std::map<std::string, std::string> contents(const std::vector<output::OutputFile>& files) {
  std::map<std::string, std::string> out;
  for (const auto& f : files) out[f.path] = f.bytes;
  return out;
}

/// The names in a folder, sorted (to check nothing was left beside the output folder).
inline std::vector<std::string> names_in(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    out.push_back(e.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace gongkai::testing
