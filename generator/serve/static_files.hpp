#pragma once
// Reading what the dev server serves, without ever leaving the served folder.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::serve {

struct StaticFile {
  enum class Kind : uint8_t { File, Folder, Missing };
  Kind kind = Kind::Missing;
  std::string bytes;  ///< the file's bytes (File only)
};

/// Reads `parts` (from parse_request_path: no "..", no '/') below `root`. Symlinks are followed
/// only while they stay below root (openat2 RESOLVE_BENEATH; on kernels without openat2 no symlink
/// is followed at all); one that leads out, a missing root, or anything but a regular file or a
/// folder is Missing.
StaticFile read_static(const std::string& root, const std::vector<std::string>& parts);

/// The Content-Type for a file name, by extension, with "; charset=utf-8" for text types;
/// "application/octet-stream" when unknown.
std::string content_type_for(std::string_view name);
/// True for text/html.
bool is_html_type(std::string_view content_type);

}  // namespace gongkai::serve
