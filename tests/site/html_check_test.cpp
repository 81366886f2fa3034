#include <catch2/catch.hpp>

#include "html_check.hpp"

using gongkai::testing::check_html;

namespace {
std::string page(const std::string& body) {
  return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta "
         "charset=\"utf-8\"><title>t</title></head><body>" +
         body + "</body></html>";
}
}  // namespace

TEST_CASE("a well-formed page passes", "[html]") {
  auto p = check_html(page(
      "<h1 id=\"h\">x</h1><table id=\"t\" aria-labelledby=\"h\"><thead><tr><th scope=\"col\">a</th>"
      "<th scope=\"col\">b</th></tr></thead><tbody><tr><th scope=\"row\">行政处罚</th><td "
      "class=\"num\">"
      "<a href=\"source/index.html#L3\">15</a></td></tr></tbody></table>"
      "<svg viewBox=\"0 0 1 1\" role=\"img\"><title>c</title><rect width=\"1\" "
      "height=\"1\"/></svg>"));
  INFO(p.errors.size());
  CHECK(p.errors.empty());
  CHECK(p.lang == "zh-CN");
  CHECK(p.title == "t");
  CHECK(p.links == std::vector<std::string>{"source/index.html#L3"});
  auto row = gongkai::testing::row_of(p, "t", "行政处罚");
  REQUIRE(row.size() == 2);
  CHECK(row[1].text == "15");
  CHECK(row[1].href == "source/index.html#L3");
}

TEST_CASE("parse errors and page-level faults are reported", "[html]") {
  CHECK_FALSE(check_html(page("<h1>x</h1><p>a</span></p>")).errors.empty());  // stray end tag
  CHECK_FALSE(
      check_html(page("<h1>x</h1><table><div>a</div></table>")).errors.empty());  // misnested
  CHECK_FALSE(check_html(page("<h1>x</h1><p class=a class=b>a</p>"))
                  .errors.empty());  // duplicate attribute
  CHECK_FALSE(
      check_html(page("<h1>x</h1><p id=a></p><p id=a></p>")).errors.empty());  // duplicate id
  CHECK_FALSE(check_html(page("<p>no heading</p>")).errors.empty());
  CHECK_FALSE(
      check_html(page("<h1>x</h1><table><tr><th>a</th></tr></table>")).errors.empty());  // no scope
  CHECK_FALSE(check_html(page("<h1 aria-labelledby=\"nope\">x</h1>")).errors.empty());
  CHECK_FALSE(check_html("<html><head><title>t</title></head><body><h1>x</h1></body></html>")
                  .errors.empty());
}
