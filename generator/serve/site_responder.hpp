#pragma once
// The dev server's answer to a GET of a path of the served site, independent of the HTTP library.
#include <cstdint>
#include <string>
#include <string_view>

namespace gongkai::serve {

/// What an HTML page gets besides its bytes while serving.
struct LiveState {
  bool live_reload = true;
  uint64_t generation = 0;  ///< rebuilds finished so far
  std::string error;        ///< the last rebuild's error, empty when it succeeded
};

struct Reply {
  int status = 200;
  std::string content_type;
  std::string body;
  std::string location;  ///< for redirects
};

/// Answers a GET of `target` (the raw request target) from the folder `root`: the file, a
/// folder's index.html (a folder without the trailing slash redirects to it), the site's own
/// 404.html with status 404, 400 for a malformed or escaping path. HTML gets the live-reload
/// script and, after a failed rebuild, the error banner.
Reply respond(const std::string& root, std::string_view target, const LiveState& live);

}  // namespace gongkai::serve
