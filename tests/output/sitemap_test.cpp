// The sitemap (one file, or an index past the per-file limit) and robots.txt.
#include <catch2/catch.hpp>

#include <set>

#include "data_site.hpp"
#include "output/sitemap.hpp"
#include "xml_check.hpp"

using namespace gongkai;
using testing::parse_xml;
using testing::sample_site;

namespace {

const std::string kBase = "https://example.org/gongkai/";
const std::string kNs = "http://www.sitemaps.org/schemas/sitemap/0.9";

std::vector<std::string> locs(const testing::XmlElement& root, const std::string& item) {
  std::vector<std::string> out;
  for (const auto* u : root.all(item)) out.push_back(u->child_text("loc"));
  return out;
}

}  // namespace

TEST_CASE("the sample's sitemap names every page once by its absolute URL", "[sitemap]") {
  const auto& site = sample_site();
  auto doc = parse_xml(site.at("sitemap.xml"));
  INFO(doc.error);
  REQUIRE(doc.root);
  CHECK(doc.root->name == "urlset");
  CHECK(doc.root->attributes.at("xmlns") == kNs);
  const auto urls = locs(*doc.root, "url");
  const std::set<std::string> unique(urls.begin(), urls.end());
  CHECK(unique.size() == urls.size());

  // Every HTML page the build wrote but the 404 page; folders by their folder URL.
  std::set<std::string> expected;
  for (const auto& [path, bytes] : site.files) {
    if (path.size() < 5 || path.substr(path.size() - 5) != ".html" || path == "404.html") continue;
    std::string p = path;
    if (p == "index.html") {
      p.clear();
    } else if (p.size() > 11 && p.substr(p.size() - 11) == "/index.html") {
      p.resize(p.size() - 10);
    }
    expected.insert(kBase + p);
  }
  CHECK(unique == expected);
  CHECK(unique.count(kBase) == 1);
  CHECK(unique.count(kBase + "data/") == 1);
  CHECK(unique.count(kBase + "agencies/zibo-gaoxin/2023/") == 1);
  CHECK(unique.count(kBase + "agencies/zibo-gaoxin/2023/source.html") == 1);
  CHECK(unique.count(kBase + "404.html") == 0);
  CHECK_FALSE(site.has("sitemap-1.xml"));
}

TEST_CASE("past the limit the sitemap becomes an index of numbered sitemaps", "[sitemap]") {
  std::vector<std::string> urls;
  for (int k = 0; k < 7; ++k)
    urls.push_back("https://example.org/p/page-" + std::to_string(k) + "/");
  urls.push_back("https://example.org/p/a&b/");  // escaped in <loc>

  SECTION("within the limit: one file") {
    auto files = output::sitemap_files("https://example.org/p/", urls, 8);
    REQUIRE(files.size() == 1);
    auto doc = parse_xml(files[0].bytes);
    REQUIRE(doc.root);
    CHECK(locs(*doc.root, "url") == urls);
  }
  SECTION("three per file: an index and three sitemaps") {
    auto files = output::sitemap_files("https://example.org/p/", urls, 3);
    REQUIRE(files.size() == 4);
    CHECK(files[0].path == "sitemap.xml");
    auto index = parse_xml(files[0].bytes);
    INFO(index.error);
    REQUIRE(index.root);
    CHECK(index.root->name == "sitemapindex");
    CHECK(index.root->attributes.at("xmlns") == kNs);
    CHECK(locs(*index.root, "sitemap") ==
          std::vector<std::string>{"https://example.org/p/sitemap-1.xml",
                                   "https://example.org/p/sitemap-2.xml",
                                   "https://example.org/p/sitemap-3.xml"});
    std::vector<std::string> all;
    for (size_t k = 1; k < 4; ++k) {
      CHECK(files[k].path == "sitemap-" + std::to_string(k) + ".xml");
      auto doc = parse_xml(files[k].bytes);
      INFO(doc.error);
      REQUIRE(doc.root);
      CHECK(doc.root->name == "urlset");
      auto part = locs(*doc.root, "url");
      CHECK(part.size() == (k < 3 ? 3u : 2u));
      all.insert(all.end(), part.begin(), part.end());
    }
    CHECK(all == urls);  // every URL once, in order
    CHECK(files[3].bytes.find("a&amp;b") != std::string::npos);
  }
  CHECK(output::kSitemapLimit == 50000);
}

TEST_CASE("robots.txt allows everything and names the sitemap", "[sitemap]") {
  CHECK(sample_site().at("robots.txt") ==
        "User-agent: *\nAllow: /\nSitemap: https://example.org/gongkai/sitemap.xml\n");
}

TEST_CASE("every absolute URL of the site keeps base_url's sub-path", "[sitemap]") {
  const std::string host = "https://example.org";
  size_t count = 0;
  for (const auto& [path, bytes] : sample_site().files) {
    size_t p = 0;
    while ((p = bytes.find(host, p)) != std::string::npos) {
      INFO(path << ": " << bytes.substr(p, 60));
      CHECK(bytes.compare(p, kBase.size(), kBase) == 0);
      CHECK(bytes.compare(p + kBase.size(), 1, "/") != 0);
      p += host.size();
      ++count;
    }
  }
  CHECK(count > 100);
}
