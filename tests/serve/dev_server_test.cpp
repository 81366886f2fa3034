#include "serve/dev_server.hpp"

#include <utime.h>

#include <catch2/catch.hpp>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <sstream>

#include "../output/tree_util.hpp"
#include "http_util.hpp"
#include "output/publish.hpp"

using namespace gongkai;
using namespace gongkai::serve;
using namespace gongkai::testing;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

const std::string kSecret = "TOP SECRET, outside the site";

/// A published site of edition `n`, as the build would leave it.
void publish_site(const std::string& root, int n) {
  output::publish(root, {
                            {"index.html", "<!doctype html><html><body><h1>edition " +
                                               std::to_string(n) + "</h1></body></html>\n"},
                            {"404.html", "<html><body><p>这一页不存在</p></body></html>\n"},
                            {"agencies/zibo/index.html", "<html><body>淄博</body></html>"},
                            {"css/site.css", "body{margin:0}"},
                            {"data/reports.json", "[]"},
                            {"feed.xml", "<rss/>"},
                        });
}

/// A project in a temporary folder: content/, public/ and a secret file beside them.
struct Project {
  TempDir tmp;
  std::string root = tmp / "public";
  std::ostringstream log;

  Project() {
    write_file(tmp / "content/reports/a.txt", "report A");
    write_file(tmp / "secret.txt", kSecret);
    publish_site(root, 1);
  }
  ServeOptions options() {
    ServeOptions o;
    o.root = root;
    o.port = 0;
    o.debounce = 10ms;
    o.log = &log;
    o.heartbeat = 1s;
    return o;
  }
};

/// Rebuilds the test site (a new edition each time) or fails when told to; lets the test wait
/// for a number of rebuilds.
struct Rebuilds {
  std::mutex mutex;
  std::condition_variable cv;
  int count = 0;
  bool fail = false;
  std::string root;

  std::function<RebuildResult()> callback() {
    return [this] {
      std::unique_lock<std::mutex> lock(mutex);
      int n = ++count;
      bool failing = fail;
      lock.unlock();
      RebuildResult result{true, "rebuilt: edition " + std::to_string(n + 1)};
      if (failing) {
        result = {false, "templates/base.html:3:5: error: unknown tag <oops>"};
      } else {
        publish_site(root, n + 1);
      }
      cv.notify_all();
      return result;
    };
  }
  bool wait_for(int n) {
    std::unique_lock<std::mutex> lock(mutex);
    return cv.wait_for(lock, 30s, [&] { return count >= n; });
  }
  int current() {
    std::lock_guard<std::mutex> hold(mutex);
    return count;
  }
};

/// Reads Server-Sent Events from the reload endpoint.
class EventStream {
 public:
  explicit EventStream(int port) : connection_(port) {
    connection_.send_all("GET /__gongkai/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  }
  /// The data of the next `reload` event; empty when the stream ended (or hung for 20 s).
  std::string next_reload() {
    for (;;) {
      size_t at = buffer_.find("event: reload\ndata: ", scanned_);
      if (at != std::string::npos) {
        size_t end = buffer_.find('\n', at + 20);
        if (end != std::string::npos) {
          scanned_ = end;
          return buffer_.substr(at + 20, end - at - 20);
        }
      }
      if (!connection_.receive(buffer_)) return {};
    }
  }
  const std::string& raw() const { return buffer_; }

 private:
  Connection connection_;
  std::string buffer_;
  size_t scanned_ = 0;
};

}  // namespace

TEST_CASE("the dev server serves pages with their types and the reload script") {
  Project project;
  DevServer server(project.options(), [] { return RebuildResult{}; }, {});
  server.start();
  REQUIRE(server.port() > 0);
  CHECK(server.url() == "http://127.0.0.1:" + std::to_string(server.port()) + "/");

  auto home = http_get(server.port(), "/");
  CHECK(home.status == 200);
  CHECK(home.header("content-type") == "text/html; charset=utf-8");
  CHECK(home.header("cache-control") == "no-store");
  CHECK(home.body.find("<h1>edition 1</h1>") != std::string::npos);
  size_t script = home.body.find("<script>/* gongkai serve: live reload */");
  REQUIRE(script != std::string::npos);
  CHECK(home.body.find("</body>") > script);  // injected before </body>
  // Never in the built file itself.
  CHECK(read_file(project.root + "/index.html").find("<script>") == std::string::npos);

  auto agency = http_get(server.port(), "/agencies/zibo/");
  CHECK(agency.status == 200);
  CHECK(agency.body.find("淄博") != std::string::npos);
  auto redirect = http_get(server.port(), "/agencies/zibo?x=1");
  CHECK(redirect.status == 301);
  CHECK(redirect.header("location") == "/agencies/zibo/?x=1");

  auto css = http_get(server.port(), "/css/site.css");
  CHECK(css.status == 200);
  CHECK(css.header("content-type") == "text/css; charset=utf-8");
  CHECK(css.body == "body{margin:0}");  // no script in what is not HTML
  CHECK(http_get(server.port(), "/data/reports.json").header("content-type") ==
        "application/json; charset=utf-8");
  CHECK(http_get(server.port(), "/feed.xml").header("content-type") ==
        "application/xml; charset=utf-8");

  auto head = http_request(server.port(), "HEAD", "/css/site.css");
  CHECK(head.status == 200);
  CHECK(head.header("content-length") == "14");
  CHECK(head.body.empty());
  CHECK(http_request(server.port(), "POST", "/").status == 405);
  server.stop();
}

TEST_CASE("a missing page gets the site's own 404 page with status 404") {
  Project project;
  DevServer server(project.options(), [] { return RebuildResult{}; }, {});
  server.start();
  for (const char* target : {"/nope.html", "/agencies/nobody/", "/index.html/"}) {
    INFO(target);
    auto reply = http_get(server.port(), target);
    CHECK(reply.status == 404);
    CHECK(reply.header("content-type") == "text/html; charset=utf-8");
    CHECK(reply.body.find("这一页不存在") != std::string::npos);
    CHECK(reply.body.find("gongkai serve: live reload") != std::string::npos);
  }
  fs::remove(project.root + "/404.html");
  auto plain = http_get(server.port(), "/nope.html");
  CHECK(plain.status == 404);
  CHECK(plain.body.find("404 Not Found") != std::string::npos);
}

TEST_CASE("no request reaches a file outside the served folder") {
  Project project;
  fs::create_directory_symlink("..", project.root + "/up");
  fs::create_symlink(project.tmp / "secret.txt", project.root + "/absolute.txt");
  fs::create_symlink("../secret.txt", project.root + "/relative.txt");
  fs::create_symlink("css/site.css", project.root + "/inside.css");  // stays inside: allowed
  DevServer server(project.options(), [] { return RebuildResult{}; }, {});
  server.start();
  for (const char* target :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/..%2fsecret.txt",
        "/%2e%2e%2fsecret.txt", "/..%5csecret.txt", "/..\\secret.txt", "/css/../../secret.txt",
        "/css/%2e%2e/%2e%2e/secret.txt", "/secret.txt%00.html", "/%00/../secret.txt",
        "/up/secret.txt", "/absolute.txt", "/relative.txt", "//secret.txt",
        "/css/..%2f..%2fsecret.txt", "/%252e%252e/secret.txt"}) {
    INFO(target);
    auto reply = http_get(server.port(), target);
    CHECK((reply.status == 400 || reply.status == 404));
    CHECK(reply.body.find("TOP SECRET") == std::string::npos);
  }
  auto inside = http_get(server.port(), "/inside.css");
  CHECK(inside.status == 200);
  CHECK(inside.body == "body{margin:0}");
}

TEST_CASE("touching a watched file rebuilds once and tells the open pages") {
  Project project;
  Rebuilds rebuilds;
  rebuilds.root = project.root;
  DevServer server(project.options(), rebuilds.callback(), {project.tmp / "content"});
  server.start();
  EventStream events(server.port());
  CHECK(events.next_reload() == "0");  // on connecting: the current generation

  REQUIRE(utime((project.tmp / "content/reports/a.txt").c_str(), nullptr) == 0);
  REQUIRE(rebuilds.wait_for(1));
  CHECK(events.next_reload() == "1");
  server.flush_watcher();  // every event of the touch seen: still one rebuild
  CHECK(rebuilds.current() == 1);
  CHECK(server.generation() == 1);

  auto home = http_get(server.port(), "/");
  CHECK(home.body.find("<h1>edition 2</h1>") != std::string::npos);
  CHECK(home.body.find("var g=\"1\"") != std::string::npos);  // the page knows its generation
  CHECK(project.log.str() == "rebuilt: edition 2\n");
  server.stop();
  CHECK(events.next_reload().empty());  // the stream ends with the server
}

TEST_CASE("a failed rebuild is printed and shown on the pages while the last good site stays") {
  Project project;
  Rebuilds rebuilds;
  rebuilds.root = project.root;
  rebuilds.fail = true;
  ServeOptions options = project.options();
  options.debounce = std::chrono::hours(1);  // only flush_watcher() rebuilds: exact counts
  DevServer server(options, rebuilds.callback(), {project.tmp / "content"});
  server.start();
  write_file(project.tmp / "content/reports/b.txt", "new report");
  server.flush_watcher();
  CHECK(rebuilds.current() == 1);
  CHECK(server.last_error() == "templates/base.html:3:5: error: unknown tag <oops>");
  CHECK(project.log.str() ==
        "gongkai serve: the rebuild failed; still serving the last good site\n"
        "templates/base.html:3:5: error: unknown tag <oops>\n");

  auto home = http_get(server.port(), "/");
  CHECK(home.status == 200);
  CHECK(home.body.find("<h1>edition 1</h1>") != std::string::npos);
  CHECK(home.body.find("gongkai serve: the rebuild failed.") != std::string::npos);
  CHECK(home.body.find("unknown tag &lt;oops&gt;") != std::string::npos);
  CHECK(http_get(server.port(), "/css/site.css").body == "body{margin:0}");  // no banner there

  // Fixed: the banner goes.
  {
    std::lock_guard<std::mutex> hold(rebuilds.mutex);
    rebuilds.fail = false;
  }
  write_file(project.tmp / "content/reports/b.txt", "fixed");
  server.flush_watcher();
  CHECK(server.last_error().empty());
  auto fixed = http_get(server.port(), "/");
  CHECK(fixed.body.find("<h1>edition 3</h1>") != std::string::npos);
  CHECK(fixed.body.find("gongkai-error") == std::string::npos);
}

TEST_CASE("a port in use is a clear error") {
  Project project;
  DevServer first(project.options(), [] { return RebuildResult{}; }, {});
  first.start();
  ServeOptions same = project.options();
  same.port = first.port();
  DevServer second(same, [] { return RebuildResult{}; }, {});
  CHECK_THROWS_WITH(second.start(), Catch::StartsWith("cannot listen on 127.0.0.1:" +
                                                      std::to_string(first.port())));
}
