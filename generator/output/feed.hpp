#pragma once
// RSS 2.0 feeds of the reports: /feed.xml for the whole site and /agencies/<slug>/feed.xml for each
// agency, newest first, at most `feed.limit` items. Every link is absolute (from base_url), every
// date comes from the reports (never the clock), so an unchanged site gives unchanged feeds.
#include <string>
#include <vector>

#include "output/context.hpp"
#include "output/page_list.hpp"
#include "report/report.hpp"

namespace gongkai::output {

/// The date a report is published under in feeds: its signature date (落款), or, when it has none,
/// 1 January of the year after the report year (the earliest day a report on that year can
/// appear).
report::Date publication_date(const site::ReportEntry& entry);

/// "Fri, 19 Jan 2024 00:00:00 +0800": RFC 822 (as RFC 1123 writes years), midnight China time.
std::string rfc822_date(const report::Date& date);

/// `reports` (indexes into site.reports) newest first: by publication date, then report year,
/// then URL (unique), all descending but the URL.
std::vector<uint32_t> newest_first(const site::Site& site, std::vector<uint32_t> reports);

/// One channel.
struct FeedChannel {
  std::string title;
  std::string link;  ///< absolute URL of the page the feed is about
  std::string self;  ///< absolute URL of the feed itself
  std::string description;
};

/// The RSS 2.0 document of `reports` (already ordered; at most config.feed_limit are taken).
std::string rss_feed(const ContextEnv& env, const FeedChannel& channel,
                     const std::vector<uint32_t>& reports);

/// True when the site writes feeds (they need absolute URLs: base_url must be set).
bool has_feeds(const site::Config& config);
/// "agencies/<slug>/feed.xml"
std::string agency_feed_path(const site::Agency& agency);
/// What a page head links to as an alternate (RSS) version of an agency's page or report:
/// {title, href} with href a site path, or none when the site writes no feeds.
Value agency_feed_link(const ContextEnv& env, const site::Agency& agency);

/// Writes feed.xml and every agency's feed.xml (nothing without base_url).
FileGenerator feed_generator();

}  // namespace gongkai::output
