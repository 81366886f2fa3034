// The pieces between the site model and the templates: number formats, UI strings, chart scales,
// relative roots, the year CSV and the source view.
#include <catch2/catch.hpp>

#include "commands/site_build.hpp"
#include "core/file_system.hpp"
#include "output/cell_context.hpp"
#include "output/chart.hpp"
#include "output/number_format.hpp"
#include "output/report_context.hpp"
#include "output/site_contexts.hpp"
#include "report_builder.hpp"
#include "site/load_reports.hpp"
#include "site/site_model.hpp"

using namespace gongkai;
using gongkai::report::Number;

TEST_CASE("numbers get thousands separators, decimals keep every printed digit", "[output]") {
  CHECK(output::format_integer(0) == "0");
  CHECK(output::format_integer(999) == "999");
  CHECK(output::format_integer(1000) == "1,000");
  CHECK(output::format_integer(1234567) == "1,234,567");
  CHECK(output::format_integer(-1234) == "-1,234");
  CHECK(output::format_number(*Number::parse("5949.088667")) == "5,949.088667");
  CHECK(output::format_number(*Number::parse("-15")) == "-15");
  CHECK(output::format_percent(5.0 / 6.0) == "83.3%");
  CHECK(output::format_percent(1.0) == "100%");
  CHECK(output::format_percent(0.0) == "0%");
}

TEST_CASE("UI strings: nested keys, placeholders, fallback to English then to the key",
          "[output]") {
  core::DiagnosticSink sink;
  output::Strings t;
  t.load("zh.yaml", "home:\n  count: \"{n} 份报告\"\n  only_zh: 中文\n", sink);
  t.load("en.yaml", "home:\n  count: \"{n} reports\"\n  only_en: English\n", sink);
  CHECK(sink.items().empty());
  CHECK(t.format("home.count", {{"n", "12"}}) == "12 份报告");
  CHECK(t.get("home.only_en") == "English");
  CHECK(t.get("no.such.key") == "no.such.key");
  CHECK(output::Strings::fill("{a} and {b}", {{"a", "1"}}) == "1 and {b}");
  t.load("bad.yaml", "a: [1, 2\n", sink);
  REQUIRE(sink.items().size() == 1);
  CHECK(sink.items()[0].code == "C001");
}

TEST_CASE("every page knows its way back to the site root", "[output]") {
  CHECK(output::root_prefix("") == "./");
  CHECK(output::root_prefix("audit/") == "../");
  CHECK(output::root_prefix("agencies/zibo-gaoxin/2023/") == "../../../");
}

TEST_CASE("chart axes end on round numbers", "[output]") {
  double top = 0, step = 0;
  output::nice_scale(0, top, step);
  CHECK(top == 1);
  output::nice_scale(7, top, step);
  CHECK(step == 2);
  CHECK(top == 8);
  output::nice_scale(1234, top, step);
  CHECK(step == 500);
  CHECK(top == 1500);
}

namespace {

/// Two reports of 2023: one gives every value, one leaves its new applications empty.
site::Site small_site() {
  core::DiagnosticSink sink;
  site::Site s;
  s.config = site::parse_config("site.yaml", "base_url: https://example.org/p/\n", sink);
  for (auto& [name, received] : std::vector<std::pair<std::string, std::optional<int>>>{
           {"甲市乙局", 12}, {"甲市丙局", std::nullopt}}) {
    site::ReportEntry e;
    e.file = name + ".txt";
    e.report = testing::make_report(name, 2023,
                                    {{"applications.new_received.total", received},
                                     {"applications.total.total", 4},
                                     {"applications.disclosed.total", 3}});
    e.original = "第一行 <b>&\n\n第三行\n";
    s.reports.push_back(std::move(e));
  }
  site::assign_agencies(s, sink);
  site::build_site(s, sink);
  return s;
}

}  // namespace

TEST_CASE("the year CSV leaves a missing value empty, never 0", "[output]") {
  site::Site s = small_site();
  output::Strings t;
  output::ContextEnv env(s, t);
  const std::string csv = output::year_csv(env, s.years.front());
  CHECK(csv.rfind("\xEF\xBB\xBF"
                  "agency,region,year,report,applications_received,disclosed,",
                  0) == 0);
  // Agencies in pinyin order: 丙 (bing) before 乙 (yi).
  const std::string bing = "甲市丙局,,2023,https://example.org/p/agencies/";
  const std::string yi = "甲市乙局,,2023,https://example.org/p/agencies/";
  REQUIRE(csv.find(bing) != std::string::npos);
  REQUIRE(csv.find(yi) != std::string::npos);
  CHECK(csv.find(bing) < csv.find(yi));
  const std::string bing_row =
      csv.substr(csv.find(bing), csv.find("\r\n", csv.find(bing)) - csv.find(bing));
  const std::string yi_row =
      csv.substr(csv.find(yi), csv.find("\r\n", csv.find(yi)) - csv.find(yi));
  CHECK(bing_row.find("/2023/,,3,0,0.7500,") != std::string::npos);  // received: empty field
  CHECK(yi_row.find("/2023/,12,3,0,0.7500,") != std::string::npos);
}

TEST_CASE("the source view escapes the text and anchors every line", "[output]") {
  site::Site s = small_site();
  const auto& e = s.reports.front();
  const core::SourceFile text(e.file, site::source_text(e.original));
  const std::string html = output::source_html(e, text);
  CHECK(html.find("<span id=\"L1\">第一行 &lt;b&gt;&amp;</span>") != std::string::npos);
  CHECK(html.find("<span id=\"L2\"></span>") != std::string::npos);
  CHECK(html.find("<span id=\"L3\">第三行</span>") != std::string::npos);
  CHECK(html.find("id=\"L4\"") == std::string::npos);
}

TEST_CASE("line ends of every kind count as the reader counts them", "[output]") {
  CHECK(site::source_text("a\r\nb\rc\n") == "a\nb\nc\n");
  CHECK(site::source_text("\xEF\xBB\xBF"
                          "x") == "x");
}

TEST_CASE("a missing cell reaches the templates as missing, not as 0", "[output]") {
  auto r = testing::make_report("甲局", 2023, {{"review.reconsideration.total", std::nullopt}});
  output::NumberedFindings none;
  auto index = *report::find_cell("review.reconsideration.total");
  auto cell = output::cell_value(r, index, none);
  CHECK(cell.get("state").as_string() == "missing");
  CHECK(cell.get("v").is_none());
  CHECK(cell.get("line").as_int() == 100 + index);
  auto read = output::cell_value(r, *report::find_cell("review.reconsideration.upheld"), none);
  CHECK(read.get("state").as_string() == "read");
  CHECK(read.get("v").as_string() == "0");
}

TEST_CASE("the summary line counts in words a reader expects", "[output]") {
  commands::BuildResult r;
  r.reports = 1;
  r.report_files = 2;  // one file was left out of the site (not a report)
  r.reports_new = 2;
  r.agencies = 1;
  r.pages = 9;
  r.pages_rendered = 9;
  r.files = 21;
  r.written = 21;
  r.findings = 1;
  CHECK(commands::summary_line(r) ==
        "built 1 report from 2 files (2 new, 0 changed, 0 removed), 1 agency, 9 pages (9 rendered, "
        "0 kept), 21 files (21 written, 0 unchanged, 0 removed), 1 finding in 0.00 s");
  r.reports = r.report_files = 5;
  r.agencies = 5;
  r.findings = 7;
  CHECK(commands::summary_line(r).rfind(
            "built 5 reports (2 new, 0 changed, 0 removed), 5 agencies, ", 0) == 0);
}
