#include "output/feed.hpp"

#include <algorithm>
#include <cstdio>

#include "core/html_escape.hpp"
#include "output/absolute_url.hpp"
#include "output/cell_context.hpp"
#include "output/number_format.hpp"
#include "output/xml_escape.hpp"
#include "site/metrics.hpp"

namespace gongkai::output {
namespace {

void element(std::string& out, const char* indent, const char* name, std::string_view text) {
  out += indent;
  out += '<';
  out += name;
  out += '>';
  append_xml_escaped(out, text);
  out += "</";
  out += name;
  out += ">\n";
}

/// The item's description: HTML (escaped once more when it goes into the XML) with the report's
/// key figures and its number of findings. Links in it are absolute: a feed reader has no base.
std::string item_description(const ContextEnv& env, const site::ReportEntry& entry,
                             const std::string& link) {
  struct Key {
    const char* metric;
    const char* label;
  };
  static const Key figures[] = {{"applications_received", "report.key.received"},
                                {"disclosed", "report.key.disclosed"},
                                {"disclosure_rate", "report.key.rate"},
                                {"reconsiderations", "report.key.reconsiderations"},
                                {"lawsuits", "report.key.lawsuits"}};
  std::string html = "<ul>";
  for (const auto& k : figures) {
    const auto metric = site::find_metric(k.metric);
    const auto v = site::evaluate(*metric, entry.report);
    std::string text;
    using State = site::MetricValue::State;
    switch (v.state) {
      case State::Value:
        text = metric_text(*metric, v);
        break;
      case State::NotApplicable:
        text = env.t("cell.na");
        break;
      case State::Missing:
        text = "— " + env.t("cell.missing_short");  // not given: never shown as 0
        break;
      case State::Absent:
        text = env.t("cell.absent_mark");
        break;
    }
    html += "<li>";
    core::append_html_escaped(html, env.t(k.label));
    html += env.t("feed.separator");
    core::append_html_escaped(html, text);
    html += "</li>";
  }
  html += "</ul><p>";
  core::append_html_escaped(
      html, env.t("feed.findings", {{"count", std::to_string(entry.findings.size())}}));
  html += "</p><p><a href=\"";
  core::append_html_escaped(html, link);
  html += "\">";
  core::append_html_escaped(html, env.t("feed.read_report"));
  html += "</a></p>";
  return html;
}

}  // namespace

report::Date publication_date(const site::ReportEntry& entry) {
  if (entry.report.meta.signed_on.value) return *entry.report.meta.signed_on.value;
  return report::Date{entry.year + 1, 1, 1};
}

std::string rfc822_date(const report::Date& date) {
  static const char* const days[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
  static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const int64_t n = date.days_since_epoch();
  const int64_t weekday = ((n % 7) + 7) % 7;  // 1970-01-01 was a Thursday
  const int month = std::clamp(date.month, 1, 12);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d 00:00:00 +0800", days[weekday], date.day,
                months[month - 1], date.year);
  return buf;
}

std::vector<uint32_t> newest_first(const site::Site& site, std::vector<uint32_t> reports) {
  std::vector<std::pair<report::Date, uint32_t>> keyed;
  keyed.reserve(reports.size());
  for (uint32_t i : reports) keyed.emplace_back(publication_date(site.reports[i]), i);
  std::sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    const auto& ea = site.reports[a.second];
    const auto& eb = site.reports[b.second];
    if (ea.year != eb.year) return ea.year > eb.year;
    return ea.url < eb.url;
  });
  for (size_t k = 0; k < keyed.size(); ++k) reports[k] = keyed[k].second;
  return reports;
}

bool has_feeds(const site::Config& config) {
  return !config.base_url.empty();
}

std::string agency_feed_path(const site::Agency& agency) {
  return agency.url + "feed.xml";
}

Value agency_feed_link(const ContextEnv& env, const site::Agency& agency) {
  if (!has_feeds(env.site.config) || agency.reports.empty()) return Value::none();
  return Obj(2)(keys::title, env.t("feed.agency_title", {{"agency", agency.name}}))(
             keys::href, agency_feed_path(agency))
      .value();
}

std::string rss_feed(const ContextEnv& env, const FeedChannel& channel,
                     const std::vector<uint32_t>& reports) {
  const auto& config = env.site.config;
  const size_t count = std::min(reports.size(), static_cast<size_t>(config.feed_limit));
  std::string out;
  out.reserve(1024 + count * 1200);
  out +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n"
      "<channel>\n";
  element(out, "  ", "title", channel.title);
  element(out, "  ", "link", channel.link);
  out += "  <atom:link href=\"";
  append_xml_escaped(out, channel.self);
  out += "\" rel=\"self\" type=\"application/rss+xml\"/>\n";
  element(out, "  ", "description", channel.description);
  element(out, "  ", "language", config.language == "en" ? "en" : "zh-cn");
  element(out, "  ", "generator", "gongkai");
  // The newest item's date, not the build's: an unchanged site gives a byte-identical feed.
  if (count > 0) {
    element(out, "  ", "lastBuildDate",
            rfc822_date(publication_date(env.site.reports[reports.front()])));
  }
  for (size_t k = 0; k < count; ++k) {
    const auto& e = env.site.reports[reports[k]];
    const auto& agency = env.site.agencies[e.agency];
    const std::string link = absolute_url(config, e.url);
    out += "  <item>\n";
    element(out, "    ", "title",
            env.t("feed.item_title", {{"agency", agency.name}, {"year", std::to_string(e.year)}}));
    element(out, "    ", "link", link);
    out += "    <guid isPermaLink=\"true\">";
    append_xml_escaped(out, link);
    out += "</guid>\n";
    element(out, "    ", "pubDate", rfc822_date(publication_date(e)));
    element(out, "    ", "description", item_description(env, e, link));
    out += "  </item>\n";
  }
  out += "</channel>\n</rss>\n";
  return out;
}

FileGenerator feed_generator() {
  return {
      "feeds", [](const ContextEnv& env, std::vector<OutputFile>& files) {
        const auto& site = env.site;
        const auto& config = site.config;
        if (!has_feeds(config)) return;
        std::vector<uint32_t> all(site.reports.size());
        for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<uint32_t>(i);
        FeedChannel channel{
            config.title, config.base_url, absolute_url(config, "feed.xml"),
            config.description.empty() ? env.t("feed.description") : config.description};
        files.push_back({"feed.xml", rss_feed(env, channel, newest_first(site, all))});
        for (const auto& a : site.agencies) {
          if (a.reports.empty()) continue;  // a listed agency with no report yet: no feed
          FeedChannel ac{env.t("feed.agency_title", {{"agency", a.name}}),
                         absolute_url(config, a.url), absolute_url(config, agency_feed_path(a)),
                         env.t("feed.agency_description", {{"agency", a.name}})};
          files.push_back({agency_feed_path(a), rss_feed(env, ac, newest_first(site, a.reports))});
        }
      }};
}

}  // namespace gongkai::output
