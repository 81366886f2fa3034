#include <catch2/catch.hpp>

#include "site/content_page.hpp"

using gongkai::core::DiagnosticSink;
using gongkai::core::MemoryFileSystem;
using gongkai::site::load_content_pages;
using gongkai::site::markdown_to_html;

TEST_CASE("GFM tables and autolinks are rendered", "[pages]") {
  auto html = markdown_to_html("| a | b |\n|---|--:|\n| 1 | 2 |\n\nsee https://example.org\n");
  CHECK(html.find("<table>") != std::string::npos);
  CHECK(html.find("<th scope=\"col\">a</th>") != std::string::npos);
  CHECK(html.find("<th scope=\"col\" align=\"right\">b</th>") != std::string::npos);
  CHECK(html.find("<td align=\"right\">2</td>") != std::string::npos);
  CHECK(html.find("<a href=\"https://example.org\">https://example.org</a>") != std::string::npos);
}

TEST_CASE("raw HTML and javascript links are not passed through", "[pages]") {
  auto html = markdown_to_html(
      "<script>alert(1)</script>\n\nx <b onclick=\"y\">z</b> [l](javascript:alert(1))\n");
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("onclick") == std::string::npos);
  CHECK(html.find("javascript:") == std::string::npos);
}

TEST_CASE("pages take their title from front matter or the first heading", "[pages]") {
  MemoryFileSystem fs;
  fs.put("pages/about.md", "# 关于本站\n\n正文。\n");
  fs.put("pages/methodology.md", "---\ntitle: 方法\nweight: -1\n---\n# 不是标题\n");
  fs.put("pages/notes.txt", "ignored");
  DiagnosticSink sink;
  auto pages = load_content_pages(fs, "pages", sink);
  CHECK(sink.items().empty());
  REQUIRE(pages.size() == 2);
  CHECK(pages[0].slug == "methodology");  // weight -1 first
  CHECK(pages[0].title == "方法");
  CHECK(pages[0].html.find("<h1>不是标题</h1>") != std::string::npos);
  CHECK(pages[1].title == "关于本站");
  CHECK(pages[1].url == "about/");
  CHECK(pages[1].html == "<p>正文。</p>\n");
}

TEST_CASE("page names that are not URLs or that clash with the site's sections are errors",
          "[pages]") {
  MemoryFileSystem fs;
  fs.put("pages/agencies.md", "x");
  fs.put("pages/关于.md", "x");
  fs.put("pages/ok.md", "---\ntitel: x\n---\nbody\n");
  DiagnosticSink sink;
  auto pages = load_content_pages(fs, "pages", sink);
  REQUIRE(pages.size() == 1);
  REQUIRE(sink.items().size() == 3);
  CHECK(sink.items()[0].code == "C008");
  CHECK(sink.items()[1].code == "C002");
  CHECK(sink.items()[1].line == 2);
  CHECK(sink.items()[2].code == "C008");
}

TEST_CASE("a missing pages folder is no pages", "[pages]") {
  MemoryFileSystem fs;
  DiagnosticSink sink;
  CHECK(load_content_pages(fs, "pages", sink).empty());
}
