// The RSS feeds: the sample portal's /feed.xml and agency feeds read back as XML, and the order
// and date rules on reports made by hand.
#include <catch2/catch.hpp>

#include "../site/report_builder.hpp"
#include "core/diagnostic.hpp"
#include "data_site.hpp"
#include "output/context.hpp"
#include "output/feed.hpp"
#include "site/site_model.hpp"
#include "xml_check.hpp"

using namespace gongkai;
using testing::parse_xml;
using testing::sample_site;

namespace {

const std::string kBase = "https://example.org/gongkai/";  // the sample's base_url: a sub-path

testing::XmlDocument feed(const std::string& path) {
  auto doc = parse_xml(sample_site().at(path));
  INFO(path << ": " << doc.error);
  REQUIRE(doc.root);
  REQUIRE(doc.root->name == "rss");
  REQUIRE(doc.root->attributes.at("version") == "2.0");
  REQUIRE(doc.root->child("channel"));
  return doc;
}

/// Reports made by hand, with the signature dates given (nullopt: none).
site::Site dated_site(
    const std::vector<std::tuple<std::string, int, std::optional<report::Date>>>& reports,
    const std::string& yaml = "base_url: https://example.org/p/\n") {
  core::DiagnosticSink sink;
  site::Site s;
  s.config = site::parse_config("site.yaml", yaml, sink);
  for (const auto& [name, year, signed_on] : reports) {
    site::ReportEntry e;
    e.file = name + std::to_string(year) + ".txt";
    e.report = testing::make_report(name, year);
    if (signed_on) {
      e.report.meta.signed_on.value = *signed_on;
      e.report.meta.signed_on.line = 90;
    }
    s.reports.push_back(std::move(e));
  }
  site::assign_agencies(s, sink);
  site::build_site(s, sink);
  return s;
}

std::vector<std::string> agencies_of(const site::Site& s, const std::vector<uint32_t>& order) {
  std::vector<std::string> out;
  for (uint32_t i : order)
    out.push_back(s.agencies[s.reports[i].agency].name + " " + std::to_string(s.reports[i].year));
  return out;
}

}  // namespace

TEST_CASE("RFC 822 dates with the weekday and a numeric +0800 zone", "[feed]") {
  // Weekdays read off a calendar.
  CHECK(output::rfc822_date({2024, 1, 19}) == "Fri, 19 Jan 2024 00:00:00 +0800");
  CHECK(output::rfc822_date({2024, 1, 1}) == "Mon, 01 Jan 2024 00:00:00 +0800");
  CHECK(output::rfc822_date({2026, 1, 1}) == "Thu, 01 Jan 2026 00:00:00 +0800");
  CHECK(output::rfc822_date({2024, 2, 29}) == "Thu, 29 Feb 2024 00:00:00 +0800");
  CHECK(output::rfc822_date({2019, 12, 31}) == "Tue, 31 Dec 2019 00:00:00 +0800");
  CHECK(output::rfc822_date({2000, 3, 1}) == "Wed, 01 Mar 2000 00:00:00 +0800");
}

TEST_CASE("a report without a signature date is dated 1 January of the next year", "[feed]") {
  auto s =
      dated_site({{"甲市乙局", 2023, std::nullopt}, {"甲市丙局", 2023, report::Date{2024, 3, 5}}});
  for (const auto& e : s.reports) {
    const auto d = output::publication_date(e);
    if (e.report.meta.signed_on.value) {
      CHECK(d == report::Date{2024, 3, 5});
    } else {
      CHECK(d == report::Date{2024, 1, 1});
    }
  }
}

TEST_CASE("feed order: signature date, then report year, then URL", "[feed]") {
  auto s = dated_site({{"戊局", 2023, std::nullopt},
                       {"丙局", 2023, std::nullopt},
                       {"丁局", 2024, report::Date{2024, 2, 10}},
                       {"乙局", 2022, report::Date{2024, 3, 1}},
                       {"甲局", 2023, report::Date{2024, 3, 1}}});
  std::vector<uint32_t> all = {0, 1, 2, 3, 4};
  // 丙 (bing) and 戊 (wu): same date, same year, the URL decides.
  CHECK(agencies_of(s, output::newest_first(s, all)) ==
        std::vector<std::string>{"甲局 2023", "乙局 2022", "丁局 2024", "丙局 2023", "戊局 2023"});
  // Whatever order they come in.
  CHECK(agencies_of(s, output::newest_first(s, {4, 3, 2, 1, 0})) ==
        agencies_of(s, output::newest_first(s, all)));
}

TEST_CASE("feed.limit caps the items, 50 by default", "[feed]") {
  std::vector<std::tuple<std::string, int, std::optional<report::Date>>> many;
  for (int k = 0; k < 60; ++k)
    many.emplace_back("局" + std::to_string(100 + k), 2023, std::nullopt);
  auto s = dated_site(many);
  CHECK(s.config.feed_limit == 50);
  output::Strings t;
  output::ContextEnv env(s, t);
  std::vector<uint32_t> all(60);
  for (uint32_t i = 0; i < 60; ++i) all[i] = i;
  const auto order = output::newest_first(s, all);
  auto doc = parse_xml(output::rss_feed(
      env, {"t", "https://example.org/p/", "https://example.org/p/feed.xml", "d"}, order));
  REQUIRE(doc.root);
  CHECK(doc.root->child("channel")->all("item").size() == 50);

  auto three = dated_site(many, "base_url: https://example.org/p/\nfeed:\n  limit: 3\n");
  CHECK(three.config.feed_limit == 3);
  output::ContextEnv env3(three, t);
  doc = parse_xml(output::rss_feed(
      env3, {"t", "https://example.org/p/", "https://example.org/p/feed.xml", "d"}, order));
  REQUIRE(doc.root);
  CHECK(doc.root->child("channel")->all("item").size() == 3);

  core::DiagnosticSink sink;
  site::parse_config("site.yaml", "feed:\n  limit: 0\n", sink);
  REQUIRE(sink.items().size() == 1);
  CHECK(sink.items()[0].code == "C005");
}

TEST_CASE("the sample's feed: newest first, dates from the reports, absolute links", "[feed]") {
  auto doc = feed("feed.xml");
  const auto* channel = doc.root->child("channel");
  CHECK(channel->child_text("title") == "医疗保障部门政府信息公开年报");
  CHECK(channel->child_text("link") == kBase);
  const auto* self = channel->child("atom:link");
  REQUIRE(self);
  CHECK(self->attributes.at("href") == kBase + "feed.xml");
  CHECK(self->attributes.at("rel") == "self");

  const auto items = channel->all("item");
  struct Expected {
    std::string path, date;
  };
  // zibo-gaoxin is signed 2024-01-19; the others carry no signature date: 1 January of the next
  // year. weibin and zibo-yiyuan tie on date and year: URL order.
  const std::vector<Expected> expected = {
      {"agencies/dongchangfuqu-yiliaobaozhangju/2025/", "Thu, 01 Jan 2026 00:00:00 +0800"},
      {"agencies/xinhuaqu-yiliaobaozhangju/2024/", "Wed, 01 Jan 2025 00:00:00 +0800"},
      {"agencies/zibo-gaoxin/2023/", "Fri, 19 Jan 2024 00:00:00 +0800"},
      {"agencies/weibinqu-yiliaobaozhangju/2023/", "Mon, 01 Jan 2024 00:00:00 +0800"},
      {"agencies/zibo-yiyuan/2023/", "Mon, 01 Jan 2024 00:00:00 +0800"},
  };
  REQUIRE(items.size() == expected.size());
  for (size_t k = 0; k < items.size(); ++k) {
    INFO("item " << k);
    CHECK(items[k]->child_text("link") == kBase + expected[k].path);
    const auto* guid = items[k]->child("guid");
    REQUIRE(guid);
    CHECK(guid->text == kBase + expected[k].path);
    CHECK(guid->attributes.at("isPermaLink") == "true");
    CHECK(items[k]->child_text("pubDate") == expected[k].date);
    // The description is HTML; its one link is the report's absolute URL.
    const std::string html = items[k]->child_text("description");
    CHECK(html.find("<a href=\"" + kBase + expected[k].path + "\">") != std::string::npos);
    CHECK(html.find("href=\"../") == std::string::npos);
  }
  CHECK(items[2]->child_text("title") ==
        "淄博市医疗保障局高新技术产业开发区分局 2023年政府信息公开工作年度报告");
  // The newest item's date, not the clock's.
  CHECK(channel->child_text("lastBuildDate") == expected[0].date);
}

TEST_CASE("a missing value reads as missing in the feed, never as 0", "[feed]") {
  // dongchangfu 2025 leaves the five 行政复议 cells empty.
  auto doc = feed("feed.xml");
  const std::string html = doc.root->child("channel")->all("item")[0]->child_text("description");
  CHECK(html.find("<li>行政复议：— （缺失）</li>") != std::string::npos);
  CHECK(html.find("<li>本年新收申请：0</li>") != std::string::npos);
}

TEST_CASE("each agency with reports has its feed, linked from its pages' heads", "[feed]") {
  const auto& site = sample_site();
  for (const std::string slug : {"dongchangfuqu-yiliaobaozhangju", "weibinqu-yiliaobaozhangju",
                                 "xinhuaqu-yiliaobaozhangju", "zibo-gaoxin", "zibo-yiyuan"}) {
    INFO(slug);
    auto doc = feed("agencies/" + slug + "/feed.xml");
    const auto* channel = doc.root->child("channel");
    CHECK(channel->child_text("link") == kBase + "agencies/" + slug + "/");
    CHECK(channel->child("atom:link")->attributes.at("href") ==
          kBase + "agencies/" + slug + "/feed.xml");
    const auto items = channel->all("item");
    REQUIRE(items.size() == 1);
    CHECK(items[0]->child_text("link").rfind(kBase + "agencies/" + slug + "/", 0) == 0);
    CHECK(channel->child_text("lastBuildDate") == items[0]->child_text("pubDate"));

    const std::string& agency_page = site.at("agencies/" + slug + "/index.html");
    CHECK(agency_page.find("<link rel=\"alternate\" type=\"application/rss+xml\"") !=
          std::string::npos);
    CHECK(agency_page.find("href=\"../../agencies/" + slug + "/feed.xml\">") != std::string::npos);
    CHECK(agency_page.find("href=\"../../feed.xml\">") != std::string::npos);
  }
  const std::string& home = site.at("index.html");
  CHECK(home.find("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"") !=
        std::string::npos);
  CHECK(home.find("href=\"./feed.xml\">") != std::string::npos);
  const std::string& report = site.at("agencies/zibo-gaoxin/2023/index.html");
  CHECK(report.find("href=\"../../../agencies/zibo-gaoxin/feed.xml\">") != std::string::npos);
}

TEST_CASE("no base_url: no feeds, no sitemap, no alternate links", "[feed]") {
  std::string yaml = testing::source_file("site.yaml");
  const auto at = yaml.find("base_url:");
  REQUIRE(at != std::string::npos);
  yaml.erase(at, yaml.find('\n', at) - at);
  auto site = testing::build_data_site({yaml});
  CHECK_FALSE(site.has("feed.xml"));
  CHECK_FALSE(site.has("agencies/zibo-gaoxin/feed.xml"));
  CHECK_FALSE(site.has("sitemap.xml"));
  CHECK(site.at("robots.txt") == "User-agent: *\nAllow: /\n");
  CHECK(site.at("index.html").find("application/rss+xml") == std::string::npos);
}

TEST_CASE("no file names the folder the site was built from", "[feed]") {
  // The test site lives at site/ of a memory file system: its reports at site/content/reports/.
  for (const auto& [path, bytes] : sample_site().files) {
    INFO(path);
    CHECK(bytes.find("site/content/") == std::string::npos);
  }
}

TEST_CASE("an unchanged input gives byte-identical feeds and data files", "[feed]") {
  auto again = testing::build_data_site();
  for (const std::string path :
       {"feed.xml", "agencies/zibo-gaoxin/feed.xml", "sitemap.xml", "robots.txt",
        "data/reports.csv", "data/reports.json", "search.json", "years/2023/data.csv",
        "agencies/zibo-gaoxin/2023/report.json", "data/index.html"}) {
    INFO(path);
    CHECK(again.at(path) == sample_site().at(path));
  }
}
