// The data files of a site built from the fixture corpus (300 synthetic reports of both formats and
// every shape, faults included), against what each report truly says (tests/fixtures/corpus/
// truth.jsonl, written by the corpus generator).
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "data_site.hpp"
#include "output/data_columns.hpp"
#include "report/schema.hpp"
#include "xml_check.hpp"

using namespace gongkai;
using Json = nlohmann::json;

namespace {

const std::string kBase = "https://example.org/c/";

const testing::DataSite& corpus_site() {
  static const testing::DataSite site = testing::build_data_site(
      {"title: corpus\nbase_url: " + kBase + "\n", "", {}, "tests/fixtures/corpus"});
  return site;
}

/// file name → truth record.
const std::map<std::string, Json>& truth() {
  static const std::map<std::string, Json> records = [] {
    std::map<std::string, Json> out;
    std::ifstream in(std::string(GONGKAI_TESTS_DIR) + "/fixtures/corpus/truth.jsonl");
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      Json j = Json::parse(line);
      std::string file = j.at("file").get<std::string>();  // before j is moved (C++17 order)
      out[file] = std::move(j);
    }
    return out;
  }();
  return records;
}

/// The date a feed gives a report of the truth: its signature date, else 1 January next year.
std::string feed_day(const Json& t) {
  if (!t.at("date").is_null()) return t.at("date").get<std::string>();
  return std::to_string(t.at("year").get<int>() + 1) + "-01-01";
}

}  // namespace

TEST_CASE("corpus: every CSV value is the true one, empty where the report gives none", "[data]") {
  REQUIRE(truth().size() == 300);
  auto rows = testing::parse_csv(corpus_site().at("data/reports.csv"));
  REQUIRE(rows.size() == 301);
  const auto& header = rows[0];
  std::map<std::string, size_t> col;
  for (size_t k = 0; k < header.size(); ++k) col[header[k]] = k;
  size_t values = 0, empties = 0;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    REQUIRE(row.size() == header.size());
    const std::string file = row[col.at("file")];
    INFO(file);
    REQUIRE(truth().count(file) == 1);
    const Json& t = truth().at(file);
    CHECK(row[col.at("year")] == std::to_string(t.at("year").get<int>()));
    CHECK(row[col.at("format")] == t.at("format").get<std::string>());
    CHECK(row[col.at("shape")] == t.at("shape").get<std::string>());
    CHECK(row[col.at("signed")] == (t.at("date").is_null() ? "" : t.at("date").get<std::string>()));
    // Cells the report's format does not print are not in its truth: empty.
    for (report::CellIndex c : output::data_cells()) {
      const std::string id(report::cell_def(c).id);
      const std::string& field = row[col.at(id)];
      INFO(id << " = '" << field << "'");
      const auto it = t.at("cells").find(id);
      if (it == t.at("cells").end() || it->is_null()) {
        CHECK(field.empty());
        ++empties;
      } else if (it->is_number_integer()) {
        CHECK(field == std::to_string(it->get<int64_t>()));
        ++values;
      } else {
        REQUIRE(!field.empty());
        CHECK(std::abs(std::stod(field) - it->get<double>()) < 1e-9);
        ++values;
      }
    }
  }
  CHECK(values > 50000);
  CHECK(empties > 0);
}

TEST_CASE("corpus: the feed takes the 50 newest by the true dates, in order", "[feed]") {
  // The truth's order: (day, year) descending; the URL breaks ties, which the test checks as
  // ascending within a tie.
  std::vector<std::pair<std::string, int>> keys;
  for (const auto& [file, t] : truth()) keys.emplace_back(feed_day(t), t.at("year").get<int>());
  std::sort(keys.rbegin(), keys.rend());

  const auto doc = testing::parse_xml(corpus_site().at("feed.xml"));
  INFO(doc.error);
  REQUIRE(doc.root);
  const auto items = doc.root->child("channel")->all("item");
  REQUIRE(items.size() == 50);
  // Item k → its report's truth through the CSV's url and file columns.
  auto rows = testing::parse_csv(corpus_site().at("data/reports.csv"));
  std::map<std::string, size_t> col;
  for (size_t k = 0; k < rows[0].size(); ++k) col[rows[0][k]] = k;
  std::map<std::string, std::string> file_of_url;
  for (size_t r = 1; r < rows.size(); ++r)
    file_of_url[rows[r][col.at("url")]] = rows[r][col.at("file")];
  static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::string previous_url;
  for (size_t k = 0; k < items.size(); ++k) {
    const std::string url = items[k]->child_text("link");
    INFO("item " << k << " " << url);
    REQUIRE(file_of_url.count(url) == 1);
    const Json& t = truth().at(file_of_url[url]);
    const std::string day = feed_day(t);
    CHECK(day == keys[k].first);
    CHECK(t.at("year").get<int>() == keys[k].second);
    // "Fri, 19 Jan 2024 00:00:00 +0800"
    const std::string date = items[k]->child_text("pubDate");
    CHECK(date.substr(5) == day.substr(8, 2) + " " + months[std::stoi(day.substr(5, 2)) - 1] + " " +
                                day.substr(0, 4) + " 00:00:00 +0800");
    if (k > 0 && keys[k] == keys[k - 1]) CHECK(previous_url < url);
    previous_url = url;
  }
  CHECK(doc.root->child("channel")->child_text("lastBuildDate") == items[0]->child_text("pubDate"));
}

TEST_CASE("corpus: agency feeds hold each agency's reports, the sitemap every page", "[feed]") {
  const auto& site = corpus_site();
  size_t feeds = 0, items = 0;
  for (const auto& [path, bytes] : site.files) {
    if (path.rfind("agencies/", 0) != 0 || path.size() < 9 ||
        path.substr(path.size() - 9) != "/feed.xml")
      continue;
    ++feeds;
    const auto doc = testing::parse_xml(bytes);
    INFO(path << ": " << doc.error);
    REQUIRE(doc.root);
    for (const auto* item : doc.root->child("channel")->all("item")) {
      ++items;
      CHECK(item->child_text("link").rfind(kBase + path.substr(0, path.size() - 8), 0) == 0);
    }
  }
  CHECK(items == 300);  // no agency has more than feed.limit reports
  const Json index = Json::parse(site.at("search.json"));
  CHECK(feeds == index.at("a").size());
  CHECK(index.at("r").size() == 300);
  const auto sitemap = testing::parse_xml(site.at("sitemap.xml"));
  REQUIRE(sitemap.root);
  size_t pages = 0;
  for (const auto& [path, bytes] : site.files) {
    if (path.size() > 5 && path.substr(path.size() - 5) == ".html" && path != "404.html") ++pages;
  }
  CHECK(sitemap.root->all("url").size() == pages);
}
