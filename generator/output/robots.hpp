#pragma once
// /robots.txt: every crawler may read everything; names the sitemap when there is one.
#include <string>

#include "output/page_list.hpp"
#include "site/config.hpp"

namespace gongkai::output {

/// "User-agent: *\nAllow: /\nSitemap: <base_url>sitemap.xml\n" (no Sitemap line without base_url).
std::string robots_txt(const site::Config& config);

FileGenerator robots_generator();

}  // namespace gongkai::output
