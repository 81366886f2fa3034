// Builds the sample portal (site.yaml, content/, themes/default) with the gongkai binary into a
// temporary folder and checks what a reader of the site sees.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "site_check.hpp"

namespace fs = std::filesystem;
using gongkai::testing::HtmlCell;
using gongkai::testing::row_of;

namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Builds once per test process into a fresh temporary folder.
const fs::path& built_site() {
  static const fs::path dir = [] {
    fs::path out = fs::temp_directory_path() / ("gongkai-build-test-" + std::to_string(getpid()));
    fs::remove_all(out);
    std::string cmd = std::string("cd '") + GONGKAI_SOURCE_DIR + "' && '" + GONGKAI_BINARY +
                      "' build --config site.yaml --out '" + out.string() + "' --quiet --jobs 2";
    int rc = std::system(cmd.c_str());
    if (rc != 0) throw std::runtime_error("gongkai build failed: " + cmd);
    return out;
  }();
  return dir;
}

struct Cleanup {
  ~Cleanup() {
    std::error_code ec;
    fs::remove_all(fs::temp_directory_path() / ("gongkai-build-test-" + std::to_string(getpid())),
                   ec);
  }
} cleanup;

const gongkai::testing::SiteCheck& checked() {
  static const auto check = gongkai::testing::check_site(built_site().string());
  return check;
}

const gongkai::testing::HtmlPage& page(const std::string& path) {
  auto it = checked().pages.find(path);
  if (it == checked().pages.end()) throw std::runtime_error("no page " + path);
  return it->second;
}

bool missing(const HtmlCell& c) {
  return c.tag == "td" && c.cls.find("missing") != std::string::npos && c.text.rfind("—", 0) == 0;
}

}  // namespace

TEST_CASE("dongchangfu 2025: 行政处罚 15, the five 行政复议 cells missing, not 0", "[build]") {
  const auto& p = page("agencies/dongchangfuqu-yiliaobaozhangju/2025/index.html");
  auto punishment = row_of(p, "table-p3", "行政处罚");
  REQUIRE(punishment.size() == 2);
  CHECK(punishment[1].text == "15");
  CHECK(punishment[1].href.rfind("source.html#L", 0) == 0);  // traceable to its line

  auto reconsideration = row_of(p, "table-r", "行政复议");
  REQUIRE(reconsideration.size() == 6);
  for (size_t i = 1; i < 6; ++i) {
    INFO("cell " << i << ": " << reconsideration[i].text);
    CHECK(missing(reconsideration[i]));
  }
  auto direct = row_of(p, "table-r", "未经复议直接起诉");
  REQUIRE(direct.size() == 6);
  CHECK(direct[5].text == "0");  // a printed 0 stays 0
}

TEST_CASE("zibo-yiyuan 2023: 5 applications received, 5 disclosed", "[build]") {
  const auto& p = page("agencies/zibo-yiyuan/2023/index.html");
  auto received = row_of(p, "table-a", "一、本年新收政府信息公开申请数量");
  REQUIRE(received.size() == 8);
  CHECK(received[1].text == "5");  // natural persons
  CHECK(received[7].text == "5");  // total
  auto disclosed = row_of(p, "table-a", "（一）予以公开");
  REQUIRE(disclosed.size() == 8);
  CHECK(disclosed[7].text == "5");
  CHECK(p.text.find("100%") != std::string::npos);  // disclosure rate 5 of 5
  // The year's CSV has the same figures.
  std::string csv = read_file(built_site() / "years/2023/data.csv");
  CHECK(csv.find("淄博市医疗保障局沂源分局,山东省 · 淄博市 · 沂源县,2023,") != std::string::npos);
}

TEST_CASE("zibo-gaoxin: one agency page shows both of its names", "[build]") {
  const auto& p = page("agencies/zibo-gaoxin/index.html");
  CHECK(p.text.find("淄博市医疗保障局高新技术产业开发区分局") != std::string::npos);
  CHECK(p.text.find("淄博市医疗保障局高新区分局") != std::string::npos);
  size_t agency_pages = 0;
  for (const auto& [path, _] : checked().pages) {
    if (path.rfind("agencies/", 0) == 0 && path.find("gaoxin") != std::string::npos &&
        std::count(path.begin(), path.end(), '/') == 2) {
      ++agency_pages;
    }
  }
  CHECK(agency_pages == 1);
  CHECK(fs::exists(built_site() / "agencies/zibo-gaoxin/2023/index.html"));
}

TEST_CASE("every page is valid HTML5 and every internal link resolves", "[build]") {
  const auto& c = checked();
  std::string problems;
  for (const auto& p : c.problems) problems += p + "\n";
  INFO(problems);
  CHECK(c.problems.empty());
  CHECK(c.pages.size() >= 20);
  CHECK(c.links_checked > 1000);
  for (const char* path : {"index.html", "agencies/index.html", "audit/index.html", "404.html",
                           "about/index.html", "methodology/index.html", "years/2023/index.html",
                           "compare/applications/index.html", "css/site.css", "js/sort-table.js"}) {
    INFO(path);
    CHECK(fs::exists(built_site() / path));
  }
}

TEST_CASE("an agency the configuration does not know still gets its pages", "[build]") {
  const auto& p = page("agencies/xinhuaqu-yiliaobaozhangju/index.html");
  CHECK(p.text.find("新华区医疗保障局") != std::string::npos);
  CHECK(p.text.find("地区未知") != std::string::npos);
}

TEST_CASE("the same inputs give byte-identical output", "[build]") {
  fs::path again =
      fs::temp_directory_path() / ("gongkai-build-test-again-" + std::to_string(getpid()));
  fs::remove_all(again);
  std::string cmd = std::string("cd '") + GONGKAI_SOURCE_DIR + "' && '" + GONGKAI_BINARY +
                    "' build --config site.yaml --out '" + again.string() + "' --quiet --jobs 1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  size_t compared = 0;
  for (const auto& e : fs::recursive_directory_iterator(built_site())) {
    if (!e.is_regular_file()) continue;
    auto rel = fs::relative(e.path(), built_site());
    INFO(rel.string());
    REQUIRE(fs::exists(again / rel));
    CHECK(read_file(e.path()) == read_file(again / rel));
    ++compared;
  }
  fs::remove_all(again);
  CHECK(compared > 20);
}

namespace {

/// A small site in a temporary folder: the default theme of this repository, one sample report,
/// and whatever files the test adds. Removed at the end of the test.
struct TempSite {
  fs::path dir;
  explicit TempSite(const std::string& name) {
    dir = fs::temp_directory_path() / ("gongkai-" + name + "-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "content/reports");
    fs::copy_file(fs::path(GONGKAI_SOURCE_DIR) / "content/reports/weibin-2023.txt",
                  dir / "content/reports/weibin-2023.txt");
    write("site.yaml", "themes_dir: " + (fs::path(GONGKAI_SOURCE_DIR) / "themes").string() + "\n");
  }
  ~TempSite() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  void write(const std::string& rel, const std::string& text) const {
    fs::create_directories((dir / rel).parent_path());
    std::ofstream(dir / rel, std::ios::binary) << text;
  }
  /// Runs `gongkai build` there; returns the exit status, stderr in *err.
  int build(std::string* err, const std::string& args = "") const {
    std::string cmd = "cd '" + dir.string() + "' && '" + GONGKAI_BINARY +
                      "' build --quiet --no-cache " + args + " 2> build.err";
    int rc = std::system(cmd.c_str());
    if (err) *err = read_file(dir / "build.err");
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  }
};

}  // namespace

TEST_CASE("a site overrides one template of the theme by giving its own", "[build]") {
  TempSite site("override");
  site.write("templates/partials/footer.html", "<footer><p>OUR OWN FOOTER</p></footer>\n");
  std::string err;
  REQUIRE(site.build(&err) == 0);
  INFO(err);
  std::string home = read_file(site.dir / "public/index.html");
  CHECK(home.find("OUR OWN FOOTER") != std::string::npos);
  std::string report =
      read_file(site.dir / "public/agencies/weibinqu-yiliaobaozhangju/2023/index.html");
  CHECK(report.find("OUR OWN FOOTER") != std::string::npos);
  CHECK(report.find("id=\"table-a\"") != std::string::npos);  // the rest is still the theme's
}

TEST_CASE("a template error names the template, line, column and the page, and nothing is written",
          "[build]") {
  TempSite site("broken");
  site.write(
      "templates/report.html",
      "{% extends \"base.html\" %}\n{% block content %}\n<p>{{ report.title | nosuchfilter }}</p>\n"
      "{% endblock %}\n");
  std::string err;
  CHECK(site.build(&err) == 1);
  INFO(err);
  // Named by its file: the site's templates/report.html, not the theme's report.html.
  CHECK(err.find("agencies/weibinqu-yiliaobaozhangju/2023/index.html: error: T001: "
                 "templates/report.html:3:22:") != std::string::npos);
  CHECK(err.find("nosuchfilter") != std::string::npos);
  CHECK(err.find("failed (1 error)") != std::string::npos);
  CHECK_FALSE(fs::exists(site.dir / "public"));
}

TEST_CASE("a runtime template error names each template of the chain by its file", "[build]") {
  TempSite site("broken-partial");
  site.write("templates/partials/footer.html", "<footer>{{ none.x.y }}</footer>\n");
  std::string err;
  CHECK(site.build(&err) == 1);
  INFO(err);
  CHECK(err.find("T001: templates/partials/footer.html:1:") != std::string::npos);
  // It was included by the theme's base.html: that one is the theme's file.
  CHECK(err.find("default/templates/base.html:") != std::string::npos);
  CHECK_FALSE(fs::exists(site.dir / "public"));
}

TEST_CASE("configuration errors name file, line and column, and usage errors exit with 2",
          "[build]") {
  TempSite site("config");
  site.write("site.yaml", "titel: x\n");
  std::string err;
  CHECK(site.build(&err) == 1);
  CHECK(err.find("site.yaml:1:1: error: C002: unknown key 'titel'") != std::string::npos);
  CHECK(site.build(&err, "--config nowhere.yaml") == 2);
  CHECK(site.build(&err, "--jobs many") == 2);
}
