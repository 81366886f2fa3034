#pragma once
// The parse cache: Reports read by an earlier build, kept on disk so that a rebuild parses only
// the files that changed. One entry per (parser version, path, file bytes), in `<dir>/reports/`.
#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "report/report.hpp"

namespace gongkai::site {

/// The cache folder at the project root (ignored by git).
inline constexpr std::string_view kDefaultCacheDir = ".gongkai-cache";

class ReportCache {
 public:
  /// `dir` is created on the first store. `parser_version` must change whenever the parser would
  /// read the same bytes differently: entries of another version are never returned.
  ReportCache(std::string dir, std::string parser_version);

  /// The entry key of one input: xxHash 64 of the parser version, the path and the file bytes.
  uint64_t key(std::string_view path, std::string_view bytes) const;
  /// The Report stored for exactly these inputs; nullopt when there is none or it is unreadable,
  /// corrupt, or of another format version (a miss, never an error). Marks the key as used.
  std::optional<report::Report> lookup(std::string_view path, std::string_view bytes);
  /// Stores the Report read from these inputs (a temporary file renamed into place, so a reader
  /// or another thread storing the same entry never sees half of it); marks the key as used.
  /// False, with *error set, when it cannot write: the build goes on without the cache.
  bool store(std::string_view path, std::string_view bytes, const report::Report& report,
             std::string* error = nullptr);
  /// Removes every entry whose key is not in `keep`, and temporary files of interrupted stores;
  /// returns how many entries were removed. Not to be run while another thread stores.
  size_t prune(const std::unordered_set<uint64_t>& keep);
  /// prune() keeping what lookup() and store() touched since this cache was made.
  size_t prune_unused();
  /// The keys lookup() and store() were asked about so far.
  std::unordered_set<uint64_t> used() const;
  const std::string& dir() const { return dir_; }

 private:
  std::string entry_path(uint64_t key) const;
  void mark_used(uint64_t key);

  std::string dir_;
  std::string reports_dir_;
  std::string parser_version_;
  mutable std::mutex mutex_;
  std::unordered_set<uint64_t> used_;
  std::atomic<uint64_t> temp_counter_{0};
};

}  // namespace gongkai::site
