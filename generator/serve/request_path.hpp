#pragma once
// What a request's target names below the served folder, checked before any file is opened.
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::serve {

struct RequestPath {
  bool ok = false;                 ///< false: a malformed or escaping path (answer 400)
  std::vector<std::string> parts;  ///< decoded path parts below the root ("agencies", "x")
  bool trailing_slash = false;     ///< the target ends with '/' (or is "/")
};

/// Parses the path of a raw request target ("/a/b%20c/?q=1"): split at '/' first, then each part
/// percent-decoded. Refused (ok false): a target not starting with '/', a bad %-escape, an empty
/// part ("//"), a "." or ".." part (raw or encoded), a part that decodes to contain '/', '\' or
/// NUL. Whatever it accepts names a path strictly below the root, before symlinks.
RequestPath parse_request_path(std::string_view target);

/// The parts as a URL path: "/" + each part percent-encoded + "/"-joined (+ "/" when asked).
std::string encode_url_path(const std::vector<std::string>& parts, bool trailing_slash);

}  // namespace gongkai::serve
