// The open data of the sample portal: data/reports.csv, each year's data.csv, data/reports.json,
// each report's report.json and the data page, checked against the reader's values and the golden
// cells of the samples (tests/golden/samples/*.cells, read by a person).
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "data_site.hpp"
#include "output/data_columns.hpp"
#include "output/report_json_text.hpp"
#include "report/parse/reader.hpp"
#include "report/report_cells.hpp"
#include "report/report_json.hpp"
#include "report/schema.hpp"

using namespace gongkai;
using Json = nlohmann::ordered_json;
using testing::sample_site;
namespace fs = std::filesystem;

namespace {

const std::string kBase = "https://example.org/gongkai/";
const std::vector<std::string> kSamples = {"dongchangfu-2025.md", "weibin-2023.txt",
                                           "xinhua-2024.txt", "zibo-gaoxin-2023.txt",
                                           "zibo-yiyuan-2023.txt"};

/// id → value ("null" when unread) of a golden .cells file, and its ids in file order.
struct Golden {
  std::map<std::string, std::string> values;
  std::vector<std::string> order;
};
Golden golden(const std::string& sample) {
  const std::string stem = sample.substr(0, sample.rfind('.'));
  const std::string text = testing::source_file("tests/golden/samples/" + stem + ".cells");
  Golden g;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(at, end - at);
    at = end + 1;
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    const std::string id = line.substr(0, tab);
    g.values[id] = line.substr(tab + 1);
    if (id.rfind("meta.", 0) != 0) g.order.push_back(id);
  }
  return g;
}

report::Report parsed(const std::string& sample) {
  return report::parse::read_report(sample, testing::source_file("content/reports/" + sample));
}

/// Rows of a CSV as header name → field.
std::vector<std::map<std::string, std::string>> csv_records(const std::string& text,
                                                            std::vector<std::string>* header) {
  auto rows = testing::parse_csv(text);
  REQUIRE(!rows.empty());
  *header = rows[0];
  std::vector<std::map<std::string, std::string>> out;
  for (size_t r = 1; r < rows.size(); ++r) {
    REQUIRE(rows[r].size() == header->size());
    std::map<std::string, std::string> rec;
    for (size_t c = 0; c < header->size(); ++c) rec[(*header)[c]] = rows[r][c];
    out.push_back(std::move(rec));
  }
  return out;
}

}  // namespace

TEST_CASE("reports.csv: BOM, CRLF, metadata columns then every cell id in spec order", "[data]") {
  const std::string& csv = sample_site().at("data/reports.csv");
  REQUIRE(csv.rfind("\xEF\xBB\xBF"
                    "agency,agency_as_written,agency_slug,region,",
                    0) == 0);
  CHECK(csv.size() >= 2);
  CHECK(csv.substr(csv.size() - 2) == "\r\n");
  std::vector<std::string> header;
  auto records = csv_records(csv, &header);
  REQUIRE(records.size() == 5);

  const auto& metas = output::meta_columns();
  REQUIRE(header.size() == metas.size() + output::data_cells().size());
  for (size_t k = 0; k < metas.size(); ++k) CHECK(header[k] == metas[k].name);
  // One column per cell of either format, each once.
  std::map<std::string, size_t> column;
  for (size_t k = metas.size(); k < header.size(); ++k) column[header[k]] = k;
  CHECK(column.size() == header.size() - metas.size());
  CHECK(column.size() == report::cell_count());
  // Each sample's cells (golden files list them in the spec's order of its layout) appear in the
  // same order among the columns — in table P, the 2019 format's cells that 2021 shares
  // (licensing.decisions …) keep 2021's place, and its own cells follow in its order.
  for (const auto& sample : kSamples) {
    INFO(sample);
    const auto g = golden(sample);
    std::map<std::string, size_t> last;  // per group: table, and shared with 2021 or not
    for (const auto& id : g.order) {
      INFO(id);
      REQUIRE(column.count(id) == 1);
      const auto c = *report::find_cell(id);
      const std::string group =
          id.substr(0, id.find('.')) + (output::cell_column_info(c).in_2021 ? "" : " 2019 only");
      CHECK(column[id] > last[group]);
      last[group] = column[id];
    }
  }
  // A 2019 report's own cells of table P come after the 2021 ones.
  CHECK(column.at("proactive.rules.new_made") > column.at("proactive.fees.amount"));
  CHECK(column.at("proactive.procurement.amount") <
        column.at("applications.new_received.natural_person"));
  // The spec's tables in order: P, then A, then R.
  CHECK(header[metas.size()] == "proactive.rules.issued");
  CHECK(header.back().rfind("review.", 0) == 0);
}

TEST_CASE("reports.csv: every value is the reader's, empty where it read none", "[data]") {
  std::vector<std::string> header;
  auto records = csv_records(sample_site().at("data/reports.csv"), &header);
  std::map<std::string, const std::map<std::string, std::string>*> by_file;
  for (const auto& r : records) by_file[r.at("file")] = &r;
  REQUIRE(by_file.size() == kSamples.size());
  for (const auto& sample : kSamples) {
    INFO(sample);
    REQUIRE(by_file.count(sample) == 1);
    const auto& row = *by_file[sample];
    const auto g = golden(sample);
    const auto report = parsed(sample);
    size_t nulls = 0;
    for (report::CellIndex c : output::data_cells()) {
      const std::string id(report::cell_def(c).id);
      INFO(id);
      const std::string& field = row.at(id);
      // Against the golden file, read by a person ("null": not read; not listed: not in its
      // format).
      auto it = g.values.find(id);
      const std::string want = it == g.values.end() || it->second == "null" ? "" : it->second;
      CHECK(field == want);
      // And against the reader.
      const auto& cell = report.cell(c);
      CHECK(field == (cell.value ? cell.value->to_string() : std::string()));
      if (it != g.values.end() && it->second == "null") {
        ++nulls;
        CHECK(field.empty());  // never 0
      }
    }
    if (sample == "dongchangfu-2025.md") CHECK(nulls >= 5);  // its five 行政复议 cells
    CHECK(row.at("year") == g.values.at("meta.year"));
    CHECK(row.at("agency_as_written") == g.values.at("meta.agency"));
    CHECK(row.at("format") == g.values.at("meta.format"));
    CHECK(row.at("shape") == g.values.at("meta.shape"));
    CHECK(row.at("signed") ==
          (g.values.at("meta.signed") == "null" ? "" : g.values.at("meta.signed")));
    CHECK(row.at("url").rfind(kBase + "agencies/", 0) == 0);
    CHECK(row.at("json_url") == row.at("url") + "report.json");
    CHECK(sample_site().has(row.at("json_url").substr(kBase.size())));
    CHECK(sample_site().has(row.at("url").substr(kBase.size()) + "index.html"));
  }
  const auto& gaoxin = *by_file["zibo-gaoxin-2023.txt"];
  CHECK(gaoxin.at("agency") == "淄博市医疗保障局高新技术产业开发区分局");
  CHECK(gaoxin.at("agency_slug") == "zibo-gaoxin");
  CHECK(gaoxin.at("region") == "山东省 · 淄博市 · 高新区");
  CHECK(gaoxin.at("signed") == "2024-01-19");
  CHECK(gaoxin.at("findings") == "0");
  const auto& dongchangfu = *by_file["dongchangfu-2025.md"];
  CHECK(dongchangfu.at("proactive.punishment.decisions") == "15");
  CHECK(dongchangfu.at("review.reconsideration.upheld").empty());
}

TEST_CASE("each year's data.csv: BOM, the year's reports, absolute report URLs", "[data]") {
  for (const std::string year : {"2023", "2024", "2025"}) {
    INFO(year);
    const std::string& csv = sample_site().at("years/" + year + "/data.csv");
    CHECK(csv.rfind("\xEF\xBB\xBF"
                    "agency,region,year,report,",
                    0) == 0);
    std::vector<std::string> header;
    auto records = csv_records(csv, &header);
    CHECK(records.size() == (year == "2023" ? 3u : 1u));
    for (const auto& r : records) {
      CHECK(r.at("year") == year);
      CHECK(r.at("report").rfind(kBase + "agencies/", 0) == 0);
    }
  }
}

TEST_CASE("the Report JSON writer gives to_json's bytes", "[data]") {
  std::vector<std::string> files;
  for (const auto& s : kSamples) files.push_back("content/reports/" + s);
  // A sample of the fixture corpus: every shape and format, faults included.
  std::vector<std::string> corpus;
  for (const auto& e : fs::directory_iterator(fs::path(GONGKAI_TESTS_DIR) / "fixtures/corpus")) {
    const auto ext = e.path().extension();
    if (ext == ".txt" || ext == ".md") corpus.push_back(e.path().filename().string());
  }
  std::sort(corpus.begin(), corpus.end());
  for (size_t k = 0; k < corpus.size(); k += 5)
    files.push_back("tests/fixtures/corpus/" + corpus[k]);
  REQUIRE(files.size() > 60);
  for (const auto& f : files) {
    INFO(f);
    const auto r = report::parse::read_report(f, testing::source_file(f));
    std::string head, text;
    output::append_report_json_head(head, r);
    text = head;
    output::append_report_json_sections(text, r);
    output::append_report_json_diagnostics(text, r);
    text += '}';
    CHECK(text == report::to_json(r).dump());
    std::string lean = head;
    output::append_report_json_diagnostics(lean, r);
    lean += '}';
    CHECK(lean == report::to_json(r, {.prose = false}).dump());
  }
}

TEST_CASE("report.json: the Report JSON with prose, and where it sits on the site", "[data]") {
  for (const auto& sample : kSamples) {
    INFO(sample);
    std::vector<std::string> header;
    auto records = csv_records(sample_site().at("data/reports.csv"), &header);
    std::string path;
    for (const auto& r : records) {
      if (r.at("file") == sample) path = r.at("json_url").substr(kBase.size());
    }
    REQUIRE(!path.empty());
    const Json j = Json::parse(sample_site().at(path));
    const Json want = report::to_json(parsed(sample));
    CHECK(j.at("gongkai_report") == 1);
    CHECK(j.at("path") == sample);  // below the reports folder, not where the build ran
    CHECK(j.at("cells") == want.at("cells"));
    CHECK(j.at("sections") == want.at("sections"));
    CHECK(j.at("diagnostics") == want.at("diagnostics"));
    CHECK(j.at("meta").at("title") == want.at("meta").at("title"));
    CHECK(j.at("meta").at("signed") == want.at("meta").at("signed"));
    const Json& portal = j.at("portal");
    CHECK(portal.at("json_url") == kBase + path);
    CHECK(portal.at("url") ==
          kBase + path.substr(0, path.size() - std::string("report.json").size()));
    CHECK(portal.at("findings").is_array());
    // Each cell against the golden file.
    const auto g = golden(sample);
    for (const auto& [id, cell] : j.at("cells").items()) {
      INFO(id);
      REQUIRE(g.values.count(id) == 1);
      if (cell.at("status") == "read") {
        const std::string text =
            cell.contains("text") ? cell.at("text").get<std::string>() : cell.at("value").dump();
        CHECK(text == g.values.at(id));
      } else {
        CHECK(cell.at("value").is_null());
        if (cell.at("status") == "missing") CHECK(g.values.at(id) == "null");
      }
    }
  }
}

TEST_CASE("reports.json: every report without prose, one a line", "[data]") {
  const std::string& text = sample_site().at("data/reports.json");
  const Json j = Json::parse(text);
  CHECK(j.at("gongkai_reports") == 1);
  CHECK(j.at("report_format") == 1);
  CHECK(j.at("base_url") == kBase);
  CHECK(j.at("count") == 5);
  REQUIRE(j.at("reports").size() == 5);
  CHECK(std::count(text.begin(), text.end(), '\n') == 7);  // opening, 5 reports, closing
  for (const auto& r : j.at("reports")) {
    INFO(r.at("path"));
    CHECK_FALSE(r.contains("sections"));
    CHECK(r.contains("diagnostics"));
    const std::string json_url = r.at("portal").at("json_url");
    REQUIRE(json_url.rfind(kBase, 0) == 0);
    Json full = Json::parse(sample_site().at(json_url.substr(kBase.size())));
    // The same report as its report.json, prose and the full findings left out.
    full.erase("sections");
    Json a = r, b = full;
    const Json short_portal = a.at("portal");
    a.erase("portal");
    b.erase("portal");
    CHECK(a == b);
    CHECK(short_portal.at("findings_count") == full.at("portal").at("findings").size());
    CHECK(short_portal.at("finding_codes").size() == full.at("portal").at("findings").size());
  }
}

TEST_CASE("the data page explains every file and column, with the licence", "[data]") {
  const std::string& page = sample_site().at("data/index.html");
  for (const std::string href : {"../data/reports.csv", "../data/reports.json", "../feed.xml",
                                 "../sitemap.xml", "../search.json", "../years/2025/data.csv"}) {
    INFO(href);
    CHECK(page.find("href=\"" + href + "\"") != std::string::npos);
  }
  for (const auto& m : output::meta_columns()) {
    INFO(m.name);
    CHECK(page.find("<code>" + std::string(m.name) + "</code>") != std::string::npos);
  }
  for (report::CellIndex c : output::data_cells()) {
    const std::string id(report::cell_def(c).id);
    INFO(id);
    CHECK(page.find("<code>" + id + "</code>") != std::string::npos);
  }
  auto licensed =
      testing::build_data_site({"",
                                "data:\n  licence: 署名 4.0 国际 (CC BY 4.0)\n  licence_url: "
                                "https://creativecommons.org/licenses/by/4.0/\n"});
  const std::string& lp = licensed.at("data/index.html");
  CHECK(lp.find("署名 4.0 国际 (CC BY 4.0)") != std::string::npos);
  CHECK(lp.find("href=\"https://creativecommons.org/licenses/by/4.0/\"") != std::string::npos);
}
