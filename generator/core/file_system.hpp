#pragma once
// The file-system seam: the build reads through it, so tests can run a whole site from memory.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::core {

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  /// The whole file; nullopt (and *error set) when it cannot be read.
  virtual std::optional<std::string> read(const std::string& path, std::string* error = nullptr) const = 0;
  virtual bool is_file(const std::string& path) const = 0;
  virtual bool is_directory(const std::string& path) const = 0;
  /// Every regular file below dir, as paths relative to dir with '/' separators, sorted bytewise.
  /// Hidden entries (a name starting with '.') are skipped.
  virtual std::vector<std::string> list_files(const std::string& dir) const = 0;
};

class DiskFileSystem final : public FileSystem {
 public:
  std::optional<std::string> read(const std::string& path, std::string* error = nullptr) const override;
  bool is_file(const std::string& path) const override;
  bool is_directory(const std::string& path) const override;
  std::vector<std::string> list_files(const std::string& dir) const override;
};

/// Files held in memory, keyed by normalised path ("a/b/c.txt"); directories are implied by files.
class MemoryFileSystem final : public FileSystem {
 public:
  void put(const std::string& path, std::string data);
  std::optional<std::string> read(const std::string& path, std::string* error = nullptr) const override;
  bool is_file(const std::string& path) const override;
  bool is_directory(const std::string& path) const override;
  std::vector<std::string> list_files(const std::string& dir) const override;

 private:
  std::map<std::string, std::string> files_;
};

/// Joins two path parts with one '/'; an empty part is skipped.
std::string join_path(std::string_view a, std::string_view b);
/// Removes "./" parts and repeated or trailing slashes ("./a//b/" → "a/b"); keeps a leading "/".
std::string normalize_path(std::string_view p);

}  // namespace gongkai::core
