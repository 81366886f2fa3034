#include "serve/request_path.hpp"

#include <catch2/catch.hpp>

#include "serve/live_reload.hpp"
#include "serve/static_files.hpp"

using namespace gongkai::serve;
using Parts = std::vector<std::string>;

TEST_CASE("request paths are split and then decoded part by part") {
  auto root = parse_request_path("/");
  CHECK(root.ok);
  CHECK(root.parts.empty());
  CHECK(root.trailing_slash);

  auto page = parse_request_path("/agencies/zibo/2023/?from=home#top");
  CHECK(page.ok);
  CHECK(page.parts == Parts{"agencies", "zibo", "2023"});
  CHECK(page.trailing_slash);

  auto file = parse_request_path("/data/%E5%85%AC%E5%BC%80%20x.json");
  CHECK(file.ok);
  CHECK(file.parts == Parts{"data", "公开 x.json"});
  CHECK_FALSE(file.trailing_slash);
  CHECK(parse_request_path("/.well-known/security.txt").ok);
}

TEST_CASE("paths that could leave the root or confuse it are refused") {
  for (const char* target : {"",
                             "index.html",
                             "/..",
                             "/../secret.txt",
                             "/a/../../secret.txt",
                             "/%2e%2e/secret.txt",
                             "/%2E%2E/secret.txt",
                             "/.%2e/secret.txt",
                             "/..%2fsecret.txt",
                             "/%2e%2e%2fsecret.txt",
                             "/..%5csecret.txt",
                             "/..\\secret.txt",
                             "/a%5c..%5c..%5csecret.txt",
                             "/index.html%00.txt",
                             "/%00",
                             "//etc/passwd",
                             "/a//b",
                             "/a//",
                             "/./index.html",
                             "/a/.",
                             "/%zz",
                             "/%2",
                             "/abc%"}) {
    INFO(target);
    CHECK_FALSE(parse_request_path(target).ok);
  }
}

TEST_CASE("a folder's URL is rebuilt from its decoded parts and never from the raw target") {
  CHECK(encode_url_path({}, false) == "/");
  CHECK(encode_url_path({"agencies", "zibo"}, true) == "/agencies/zibo/");
  CHECK(encode_url_path({"公开 x"}, false) == "/%E5%85%AC%E5%BC%80%20x");
}

TEST_CASE("content types say UTF-8 for text") {
  CHECK(content_type_for("index.html") == "text/html; charset=utf-8");
  CHECK(content_type_for("a/B.HTML") == "text/html; charset=utf-8");
  CHECK(content_type_for("css/site.css") == "text/css; charset=utf-8");
  CHECK(content_type_for("js/app.js") == "text/javascript; charset=utf-8");
  CHECK(content_type_for("data/reports.json") == "application/json; charset=utf-8");
  CHECK(content_type_for("data/reports.csv") == "text/csv; charset=utf-8");
  CHECK(content_type_for("feed.xml") == "application/xml; charset=utf-8");
  CHECK(content_type_for("chart.svg") == "image/svg+xml; charset=utf-8");
  CHECK(content_type_for("logo.png") == "image/png");
  CHECK(content_type_for("font.woff2") == "font/woff2");
  CHECK(content_type_for("README") == "application/octet-stream");
  CHECK(content_type_for("archive.html.bak") == "application/octet-stream");
}

TEST_CASE("the reload script and the error banner go before the last </body>") {
  std::string html = "<html><body><p>a</body> in text</p></BODY></html>";
  CHECK(inject_before_body_end(html, "<X>") ==
        "<html><body><p>a</body> in text</p><X></BODY></html>");
  CHECK(inject_before_body_end("no body", "<X>") == "no body<X>");
  CHECK(inject_before_body_end("", "<X>") == "<X>");
  std::string script = reload_script(7);
  CHECK(script.find("new EventSource(\"/__gongkai/events\")") != std::string::npos);
  CHECK(script.find("var g=\"7\"") != std::string::npos);
  std::string banner = error_banner("base.html:3:5: unknown tag <oops> & \"more\"");
  CHECK(banner.find("base.html:3:5: unknown tag &lt;oops&gt; &amp; &#34;more&#34;") !=
        std::string::npos);
  CHECK(banner.find("<oops>") == std::string::npos);
  CHECK(reload_event(3) == "event: reload\ndata: 3\n\n");
}
