#pragma once
// What the last build made, kept in the cache folder (.gongkai-cache/build-manifest) so that the
// next build can say which reports are new, changed or gone, and keep the pages whose inputs did
// not change instead of rendering them again.
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>

#include "core/file_system.hpp"
#include "output/publisher.hpp"

namespace gongkai::output {

/// A page of the last build: the fingerprint of everything that made it (templates, strings,
/// gongkai itself, the page's template and context) and the file on disk that holds it.
struct PageRecord {
  uint64_t key = 0;
  FileStamp file;
};

struct BuildManifest {
  std::string out_dir;                      ///< the output folder the pages were published to
  std::map<std::string, uint64_t> reports;  ///< report file (below the reports folder) → hash
  std::unordered_map<std::string, PageRecord> pages;  ///< page path → record
};

/// The manifest at `path`; an empty one when it is missing, of another version or damaged (the
/// build then renders everything: a lost manifest costs time, never a wrong page).
BuildManifest read_build_manifest(const core::FileSystem& fs, const std::string& path);

/// Writes the manifest to `path` through a temporary file renamed into place (creating the
/// folder); false and `why` when it cannot.
bool write_build_manifest(const std::string& path, const BuildManifest& manifest, std::string* why);

struct ReportChanges {
  size_t added = 0, changed = 0, removed = 0;
};
/// Reports new, changed (same file, other bytes) and gone since `before`.
ReportChanges compare_reports(const std::map<std::string, uint64_t>& before,
                              const std::map<std::string, uint64_t>& now);

}  // namespace gongkai::output
