#pragma once
// One file of the built site, in memory until it is published.
#include <string>

namespace gongkai::output {

struct OutputFile {
  std::string path;  ///< relative to the site root, '/'-separated ("agencies/x/2023/index.html")
  std::string bytes;
};

}  // namespace gongkai::output
