#pragma once
// /sitemap.xml (sitemaps.org 0.9): every HTML page of the site by its absolute URL. Past
// `limit` URLs (the protocol's 50,000) the URLs go into sitemap-1.xml, sitemap-2.xml… and
// sitemap.xml becomes a sitemap index naming them. No <lastmod>: the build knows no dates of its
// pages, and a made-up date would change every build.
#include <string>
#include <vector>

#include "output/output_file.hpp"
#include "output/page_list.hpp"

namespace gongkai::output {

/// The protocol's cap on URLs per sitemap file.
inline constexpr size_t kSitemapLimit = 50000;

/// Absolute URLs of every HTML page of `pages` but the 404 page, in page-list order (a page that
/// is its folder's index.html is named by its folder, as in canonical links).
std::vector<std::string> sitemap_urls(const site::Config& config,
                                      const std::vector<PageSpec>& pages);

/// sitemap.xml alone when urls.size() <= limit, else sitemap.xml as an index of sitemap-<n>.xml
/// files of at most `limit` URLs each (limit ≥ 1). `base_url`: where the sitemap files live.
std::vector<OutputFile> sitemap_files(const std::string& base_url,
                                      const std::vector<std::string>& urls,
                                      size_t limit = kSitemapLimit);

/// Writes the sitemap (nothing without base_url).
FileGenerator sitemap_generator();

}  // namespace gongkai::output
