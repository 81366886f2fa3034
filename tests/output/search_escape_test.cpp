// search.json, and text that must not break any file: a report whose agency name and prose hold
// <script>, & and quotes (tests/fixtures/data/escape-2023.txt, a copy of the weibin sample).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "commands/site_build.hpp"
#include "core/diagnostic.hpp"
#include "data_site.hpp"
#include "output/search_index.hpp"
#include "output/strings.hpp"
#include "xml_check.hpp"

using namespace gongkai;
using Json = nlohmann::json;
using testing::sample_site;

namespace {

const std::string kName = "卫滨区<script>alert(\"x\")</script>&\"医保\"局";

const testing::DataSite& escape_site() {
  static const testing::DataSite site = testing::build_data_site(
      {"", "", {{"escape-2023.txt", testing::source_file("tests/fixtures/data/escape-2023.txt")}}});
  return site;
}

/// The one agency whose name is kName: its folder below agencies/.
std::string escape_folder(const Json& index) {
  for (const auto& a : index.at("a")) {
    if (a.at(0) == kName) return a.at(3);
  }
  return {};
}

}  // namespace

TEST_CASE("search.json: agencies with aliases, regions, years, reports, excerpts", "[search]") {
  const Json j = Json::parse(sample_site().at("search.json"));
  CHECK(j.at("v") == 1);
  CHECK(j.at("pretty") == false);
  const auto& agencies = j.at("a");
  REQUIRE(agencies.size() == 5);
  bool gaoxin = false;
  for (const auto& a : agencies) {
    REQUIRE(a.size() == 4);
    if (a.at(0) == "淄博市医疗保障局高新技术产业开发区分局") {
      gaoxin = true;
      CHECK(a.at(1) == "淄博市医疗保障局高新区分局|高新区医保分局");
      CHECK(a.at(2) == "山东省 · 淄博市 · 高新区");
      CHECK(a.at(3) == "agencies/zibo-gaoxin/");
    }
    CHECK(sample_site().has(a.at(3).get<std::string>() + "index.html"));
  }
  CHECK(gaoxin);
  // Regions with a place (the unplaced 新华区 has none), each an anchor on the agencies index.
  const std::string& index = sample_site().at("agencies/index.html");
  REQUIRE(j.at("g").size() == 4);
  for (const auto& g : j.at("g")) {
    CHECK(index.find("id=\"" + g.at(1).get<std::string>() + "\"") != std::string::npos);
  }
  CHECK(j.at("y") == Json::array({2025, 2024, 2023}));
  const auto& reports = j.at("r");
  REQUIRE(reports.size() == 5);
  for (const auto& r : reports) {
    const std::string folder = agencies.at(r.at(0).get<size_t>()).at(3);
    CHECK(sample_site().has(folder + r.at(1).get<std::string>() + "/index.html"));
  }
  // Excerpts: the overview and problems sections of each report, cut with "…".
  const auto& x = j.at("x");
  REQUIRE(x.size() >= 5);
  for (const auto& e : x) {
    CHECK(e.at(0).get<size_t>() < reports.size());
    CHECK((e.at(1) == "overview" || e.at(1) == "problems"));
    CHECK(!e.at(2).get<std::string>().empty());
  }
  CHECK(j.at("s").at("results").get<std::string>().find("{count}") != std::string::npos);
}

TEST_CASE("excerpts: spaces collapsed, cut after N characters with an ellipsis", "[search]") {
  CHECK(output::excerpt("  一二\n 三四五  ", 10) == "一二 三四五");
  CHECK(output::excerpt("一二三四五六", 4) == "一二三四…");
  CHECK(output::excerpt("一二三四", 4) == "一二三四");
  CHECK(output::excerpt("ab\x01"
                        "cd",
                        10) == "abcd");
}

TEST_CASE("the build summary gives the search index's size", "[search]") {
  commands::BuildResult r;
  r.reports = 5;
  r.search_index_bytes = 2867;
  CHECK(commands::summary_line(r).find(", search index 2.8 KB in ") != std::string::npos);
  CHECK(sample_site().result.search_index_bytes == sample_site().at("search.json").size());
}

TEST_CASE("<script>, & and quotes in a report stay text in every file", "[search][feed]") {
  const auto& site = escape_site();
  const Json index = Json::parse(site.at("search.json"));
  const std::string folder = escape_folder(index);
  REQUIRE(!folder.empty());
  CHECK(folder.find('<') == std::string::npos);

  // The site's feed and the agency's feed: well-formed, the name read back as written.
  for (const std::string path : {std::string("feed.xml"), folder + "feed.xml"}) {
    INFO(path);
    const auto doc = testing::parse_xml(site.at(path));
    INFO(doc.error);
    REQUIRE(doc.root);
    bool found = false;
    for (const auto* item : doc.root->child("channel")->all("item")) {
      if (item->child_text("title").rfind(kName, 0) == 0) found = true;
    }
    CHECK(found);
    CHECK(site.at(path).find("<script>") == std::string::npos);
  }
  const auto sitemap = testing::parse_xml(site.at("sitemap.xml"));
  CHECK(sitemap.root);

  // CSV: the quoted field reads back as written.
  auto rows = testing::parse_csv(site.at("data/reports.csv"));
  bool in_csv = false;
  for (const auto& r : rows) in_csv = in_csv || r.at(0) == kName;
  CHECK(in_csv);
  // JSON: the name and the prose read back as written.
  const Json report = Json::parse(site.at(folder + "2023/report.json"));
  CHECK(report.at("meta").at("agency").at("value") == kName);
  CHECK(report.at("portal").at("agency").at("name") == kName);
  CHECK(report.dump().find("<script>alert(1)</script>公开 & 透明") != std::string::npos);
  const Json all = Json::parse(site.at("data/reports.json"));
  CHECK(all.at("count") == 6);
  // The search index carries the excerpt as text; the script sets it with textContent.
  bool excerpt = false;
  for (const auto& x : index.at("x")) {
    excerpt = excerpt ||
              x.at(2).get<std::string>().find("<script>alert(1)</script>") != std::string::npos;
  }
  CHECK(excerpt);
  // The HTML pages escape it.
  const std::string& page = site.at(folder + "2023/index.html");
  CHECK(page.find("<script>alert") == std::string::npos);
  CHECK(page.find("&lt;script&gt;alert") != std::string::npos);
}

TEST_CASE("without JavaScript the search form leads to the agencies index", "[search]") {
  const auto& site = sample_site();
  for (const auto& [path, action] : std::vector<std::pair<std::string, std::string>>{
           {"index.html", "./agencies/index.html"},
           {"data/index.html", "../agencies/index.html"},
           {"agencies/zibo-gaoxin/2023/index.html", "../../../agencies/index.html"}}) {
    INFO(path);
    const std::string& page = site.at(path);
    CHECK(page.find("<form class=\"site-search\" role=\"search\" method=\"get\" action=\"" +
                    action + "\"") != std::string::npos);
    CHECK(page.find("<input id=\"site-search-q\" name=\"q\" type=\"search\"") != std::string::npos);
    CHECK(page.find("js/search.js\" defer></script>") != std::string::npos);
  }
  CHECK(site.has("js/search.js"));
}

TEST_CASE("every string of the feeds, data page and search exists in both languages",
          "[search][feed]") {
  std::vector<std::string> keys = {"data.cell_columns",
                                   "data.column",
                                   "data.columns",
                                   "data.columns_lead",
                                   "data.empty_note",
                                   "data.files",
                                   "data.formats.both",
                                   "data.formats.only_2019",
                                   "data.formats.only_2021",
                                   "data.formats_heading",
                                   "data.lead",
                                   "data.licence",
                                   "data.licence_link",
                                   "data.licence_none",
                                   "data.machine",
                                   "data.meaning",
                                   "data.meta_columns",
                                   "data.per_report",
                                   "data.title",
                                   "data.years",
                                   "data.table.proactive",
                                   "data.table.applications",
                                   "data.table.review",
                                   "feed.agency_description",
                                   "feed.agency_title",
                                   "feed.description",
                                   "feed.findings",
                                   "feed.item_title",
                                   "feed.read_report",
                                   "feed.separator",
                                   "feed.site_title",
                                   "nav.data",
                                   "report.key.received",
                                   "report.key.disclosed",
                                   "report.key.rate",
                                   "report.key.reconsiderations",
                                   "report.key.lawsuits",
                                   "search.button",
                                   "search.label",
                                   "search.loading",
                                   "search.placeholder",
                                   "search.unavailable",
                                   "search.results",
                                   "search.results_more",
                                   "search.no_results",
                                   "search.report_title",
                                   "search.year_title",
                                   "search.kind.agency",
                                   "search.kind.region",
                                   "search.kind.year",
                                   "search.kind.report",
                                   "search.kind.excerpt"};
  for (const std::string file :
       {"csv", "json", "report_json", "year_csv", "feed", "agency_feed", "sitemap", "search"}) {
    keys.push_back("data.file." + file + ".title");
    keys.push_back("data.file." + file + ".text");
  }
  for (const std::string lang : {"zh-CN", "en"}) {
    INFO(lang);
    core::DiagnosticSink sink;
    output::Strings t;  // this language alone, no fallback
    const std::string file = "themes/default/i18n/" + lang + ".yaml";
    t.load(file, testing::source_file(file), sink);
    CHECK(sink.items().empty());
    for (const auto& k : keys) {
      INFO(k);
      CHECK(t.has(k));
    }
  }
}
