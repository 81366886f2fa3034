#pragma once
// Absolute URLs, for the few places that need them (feeds, sitemap, data exports): base_url and
// the site path, the same URL a page names as its canonical link.
#include <string>
#include <string_view>

#include "site/config.hpp"

namespace gongkai::output {

/// "https://example.org/p/" + "agencies/x/2023/" (a folder stays a folder, as in canonical links).
/// Empty when the site has no base_url.
inline std::string absolute_url(const site::Config& config, std::string_view path) {
  if (config.base_url.empty()) return {};
  std::string out = config.base_url;
  out += path;
  return out;
}

}  // namespace gongkai::output
