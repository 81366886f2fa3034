#pragma once
// gongkai check: reads report files, prints their parse diagnostics and audit findings.
#include <iosfwd>
#include <string>
#include <vector>

#include "core/file_system.hpp"

namespace gongkai::commands {

struct CheckOptions {
  std::vector<std::string> paths;  ///< files and folders; empty: content/reports, else content
  std::string format = "text";     ///< "text" | "json"
  bool strict = false;             ///< exit 1 when any error-severity item is found
  unsigned jobs = 0;               ///< threads; 0: the machine's cores
  /// site.yaml: its agencies (aliases, kind, level) pair reports across years and set deadlines,
  /// and its content folder is the default path. Missing is fine unless `config_given`.
  std::string config = "site.yaml";
  bool config_given = false;
};

/// Runs the check over `fs`: items on `out` (text lines or one JSON array), errors and the summary
/// line on `err`. Returns the exit status: 1 when a file cannot be read or is no report text at all
/// (P001), when site.yaml has errors, or under --strict when any error is found; else 0.
int run_check(const CheckOptions& options, const core::FileSystem& fs, std::ostream& out,
              std::ostream& err);

}  // namespace gongkai::commands
