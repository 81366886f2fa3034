#pragma once
// The files of a new site, checked and ordered before anything touches the disk.
#include <string>
#include <string_view>
#include <vector>

#include "output/output_file.hpp"

namespace gongkai::output {

struct OutputPlan {
  std::vector<std::string> dirs;         ///< every folder the files need, parents before children
  std::vector<const OutputFile*> files;  ///< sorted by path
  std::vector<std::string> top_names;    ///< first path parts, sorted, unique
};

/// Empty when `path` may name a file of the site; otherwise why not. A path is relative and
/// '/'-separated, with no empty, "." or ".." parts, no NUL and no backslash (a backslash is a
/// separator on Windows hosts and is refused by the dev server).
std::string check_output_path(std::string_view path);

/// Checks every path, and that no path is given twice or is both a file and a folder ("a" and
/// "a/b"); throws PublishError naming the first bad path.
OutputPlan plan_output(const std::vector<OutputFile>& files);

}  // namespace gongkai::output
