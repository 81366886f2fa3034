// `gongkai serve` end to end: the real binary on a free loopback port, in a temporary copy of a
// small site, checked with a raw HTTP client (targets reach the server byte for byte).
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <optional>

#include "../output/tree_util.hpp"
#include "http_util.hpp"

using namespace gongkai::testing;
namespace fs = std::filesystem;

namespace {

const std::string kSource = GONGKAI_SOURCE_DIR;
const std::string kWeibinPage = "/agencies/weibinqu-yiliaobaozhangju/2023/";

/// A small site: two sample reports, the default theme of the source tree, a base_url far away,
/// an empty templates/ folder of its own.
struct SmallSite {
  TempDir tmp;
  SmallSite() {
    write_file(tmp / "site.yaml",
               "title: 服务测试门户\n"
               "base_url: https://example.org/portal/\n"
               "themes_dir: " +
                   kSource + "/themes\n");
    fs::create_directories(tmp / "content/reports");
    for (const char* name : {"weibin-2023.txt", "dongchangfu-2025.md"}) {
      fs::copy_file(kSource + "/content/reports/" + name, tmp / "content/reports/" + name);
    }
    fs::create_directories(tmp / "content/pages");
    fs::create_directories(tmp / "templates");
  }
  /// Replaces a file the way editors save: a new file renamed over the old one.
  void save(const std::string& rel, const std::string& bytes) {
    write_file(tmp / (".saving-" + fs::path(rel).filename().string()), bytes);
    fs::rename(tmp / (".saving-" + fs::path(rel).filename().string()), tmp / rel);
  }
};

/// `gongkai serve …` in a child process; its stdout and stderr are read into `log`.
class ServeProcess {
 public:
  explicit ServeProcess(std::vector<std::string> args) {
    args.insert(args.begin(), {GONGKAI_BINARY, "serve"});
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ == 0) {
      dup2(fds[1], STDOUT_FILENO);
      dup2(fds[1], STDERR_FILENO);
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(fds[1]);
    out_ = fds[0];
  }
  ~ServeProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    close(out_);
  }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  /// Reads the output until it contains `text`: false when the output ends first (or nothing
  /// comes for 20 s, a guard against a hung test).
  bool read_until(const std::string& text) {
    while (log.find(text) == std::string::npos) {
      if (!read_some(20000)) return false;
    }
    return true;
  }
  /// Reads what has been written so far, without waiting.
  void read_available() {
    while (read_some(0)) {
    }
  }
  /// The port of "Serving … at http://127.0.0.1:PORT/ (Ctrl-C to stop)"; 0 when not served.
  int port() {
    if (!read_until("(Ctrl-C to stop)\n")) return 0;
    const std::string prefix = " at http://127.0.0.1:";
    size_t at = log.find(prefix);
    return at == std::string::npos ? 0 : std::stoi(log.substr(at + prefix.size()));
  }
  /// Sends `signal` and returns the exit status (-1 when killed by a signal).
  int stop(int signal = SIGTERM) {
    kill(pid_, signal);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    read_available();
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  /// Waits for the process to exit by itself; its exit status (-1 when killed by a signal).
  int wait() {
    while (read_some(20000)) {
    }
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  std::string log;

 private:
  bool read_some(int timeout_ms) {
    pollfd p{out_, POLLIN, 0};
    if (poll(&p, 1, timeout_ms) <= 0) return false;
    char buffer[4096];
    ssize_t n = read(out_, buffer, sizeof buffer);
    if (n <= 0) return false;
    log.append(buffer, static_cast<size_t>(n));
    return true;
  }

  pid_t pid_ = -1;
  int out_ = -1;
};

/// The live-reload event stream: each rebuild announces its generation.
class EventStream {
 public:
  explicit EventStream(int port) : connection_(port) {
    connection_.send_all("GET /__gongkai/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  }
  /// The next generation announced; nullopt when the stream ends or none comes for 20 s (a
  /// guard against a hung test: keep-alive comments do not count).
  std::optional<uint64_t> next() {
    using Clock = std::chrono::steady_clock;
    const auto give_up = Clock::now() + std::chrono::seconds(20);
    for (;;) {
      size_t at = raw_.find("data: ", seen_);
      size_t end = at == std::string::npos ? at : raw_.find('\n', at);
      if (end != std::string::npos) {
        seen_ = end;
        return std::stoull(raw_.substr(at + 6, end - at - 6));
      }
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(give_up - Clock::now()).count();
      if (left <= 0 || !connection_.receive(raw_, static_cast<int>(left))) return std::nullopt;
    }
  }
  /// Waits through rebuilds until `done()` holds: false when the stream ends first or after 50
  /// rebuilds (bounded: a test never hangs).
  bool wait_until(const std::function<bool()>& done) {
    for (int rebuilds = 0; rebuilds < 50; ++rebuilds) {
      if (done()) return true;
      if (!next()) return false;
    }
    return done();
  }

 private:
  Connection connection_;
  std::string raw_;
  size_t seen_ = 0;
};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

size_t count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("gongkai serve builds, serves, rebuilds on change, keeps the last good site, stops") {
  SmallSite site;
  ServeProcess serve({"--config", site.tmp / "site.yaml", "--port", "0", "--jobs", "2"});
  const int port = serve.port();
  REQUIRE(port > 0);
  const std::string local = "http://127.0.0.1:" + std::to_string(port) + "/";
  CHECK(contains(serve.log, "built 2 reports (2 new, 0 changed, 0 removed), 2 agencies"));
  CHECK(contains(serve.log, "Serving " + site.tmp.path() + "/.gongkai-serve at " + local));
  // Built into a folder of its own: the deployable output is not touched.
  CHECK_FALSE(fs::exists(site.tmp / "public"));

  SECTION("pages, content types, the 404 page") {
    auto home = http_get(port, "/");
    CHECK(home.status == 200);
    CHECK(home.header("content-type") == "text/html; charset=utf-8");
    CHECK(contains(home.body, "服务测试门户"));
    CHECK(contains(home.body, "/__gongkai/events"));  // the reload script, only when serving
    CHECK_FALSE(contains(read_file(site.tmp / ".gongkai-serve/index.html"), "__gongkai"));

    auto report = http_get(port, kWeibinPage);
    CHECK(report.status == 200);
    CHECK(contains(report.body, "卫滨区医疗保障局"));
    CHECK(http_get(port, "/agencies/weibinqu-yiliaobaozhangju/2023").status == 301);

    auto css = http_get(port, "/css/site.css");
    CHECK(css.status == 200);
    CHECK(css.header("content-type") == "text/css; charset=utf-8");
    CHECK(css.body == read_file(kSource + "/themes/default/static/css/site.css"));

    auto missing = http_get(port, "/agencies/no-such-agency/");
    CHECK(missing.status == 404);
    CHECK(missing.header("content-type") == "text/html; charset=utf-8");
    CHECK(contains(missing.body, "页面不存在"));  // the theme's 404 title
    // The site's own 404 page, built for the local address instead of base_url.
    const std::string built_404 = read_file(site.tmp / ".gongkai-serve/404.html");
    const size_t body_end = built_404.rfind("</body>");
    REQUIRE(body_end != std::string::npos);
    CHECK(missing.body.substr(0, body_end) == built_404.substr(0, body_end));
    CHECK(contains(missing.body, "href=\"" + local + "css/site.css\""));
    CHECK_FALSE(contains(missing.body, "example.org"));
  }

  SECTION("no way out of the output folder") {
    for (const char* target :
         {"/../site.yaml", "/%2e%2e/site.yaml", "/%2E%2E/site.yaml", "/.%2e/site.yaml",
          "/..%2fsite.yaml", "/..%2Fsite.yaml", "/%2e%2e%2fsite.yaml", "/css/../../site.yaml",
          "/css/%2e%2e/%2e%2e/site.yaml", "/%252e%252e/site.yaml", "/%252e%252e%252fsite.yaml",
          "/..%5csite.yaml", "/..\\site.yaml", "/%2e%2e/content/reports/weibin-2023.txt",
          "..%2fsite.yaml", "/.gongkai-serve/../../site.yaml"}) {
      INFO(target);
      auto reply = http_get(port, target);
      CHECK((reply.status == 400 || reply.status == 404));
      CHECK_FALSE(contains(reply.body, "base_url"));
      CHECK_FALSE(contains(reply.body, "2023年累计公开信息"));
    }
  }

  SECTION(
      "a changed report is rebuilt and the open pages told; a broken template keeps the "
      "last good site") {
    EventStream events(port);
    const std::string source_page = kWeibinPage + "source.html";
    const std::string before = read_file(site.tmp / "content/reports/weibin-2023.txt");
    REQUIRE(contains(before, "切实履行好主体责任"));
    CHECK_FALSE(contains(http_get(port, source_page).body, "（本行为测试所改）"));
    std::string after = before;
    after.replace(after.find("切实履行好主体责任"), std::string("切实履行好主体责任").size(),
                  "切实履行好主体责任（本行为测试所改）");
    site.save("content/reports/weibin-2023.txt", after);
    CHECK(events.wait_until(
        [&] { return contains(http_get(port, source_page).body, "（本行为测试所改）"); }));

    site.save("templates/index.html", "{% if %}broken\n");
    CHECK(events.wait_until([&] {
      serve.read_available();
      return contains(serve.log, "the rebuild failed");
    }));
    CHECK(contains(serve.log, "the rebuild failed; still serving the last good site\n"));
    CHECK(contains(serve.log, "index.html:1:7: Expected an expression"));
    auto home = http_get(port, "/");
    CHECK(home.status == 200);
    CHECK(contains(home.body, "服务测试门户"));  // the last good home page
    CHECK(contains(home.body, "id=\"gongkai-error\""));
    CHECK(contains(home.body, "index.html:1:7: Expected an expression"));
    CHECK(contains(http_get(port, kWeibinPage).body, "id=\"gongkai-error\""));

    fs::remove(site.tmp / "templates/index.html");
    CHECK(events.wait_until(
        [&] { return !contains(http_get(port, "/").body, "id=\"gongkai-error\""); }));
    CHECK(contains(http_get(port, "/").body, "服务测试门户"));

    // site.yaml is watched; when it names another templates folder, that one is watched.
    std::string config = read_file(site.tmp / "site.yaml");
    config.replace(config.find("服务测试门户"), std::string("服务测试门户").size(), "改过的门户");
    site.save("site.yaml", config + "templates_dir: mytemplates\n");
    CHECK(events.wait_until([&] { return contains(http_get(port, "/").body, "改过的门户"); }));
    fs::create_directories(site.tmp / "mytemplates");
    site.save("mytemplates/index.html", "{% for %}\n");
    CHECK(events.wait_until([&] {
      serve.read_available();
      return count(serve.log, "the rebuild failed;") == 2;
    }));
    CHECK(contains(serve.log, "index.html:1:8: Expected"));
  }

  CHECK(serve.stop(SIGTERM) == 0);
  CHECK(contains(serve.log, "Stopping.\n"));
}

TEST_CASE(
    "gongkai serve stops with status 0 on Ctrl-C and honours --out, --base-url, --no-live-reload") {
  SmallSite site;
  ServeProcess serve({"--config", site.tmp / "site.yaml", "--port", "0", "--out",
                      site.tmp / "preview", "--no-live-reload", "--base-url",
                      "http://preview.test/site"});
  const int port = serve.port();
  REQUIRE(port > 0);
  auto home = http_get(port, "/");
  CHECK(home.status == 200);
  CHECK(contains(home.body, "服务测试门户"));
  CHECK_FALSE(contains(home.body, "__gongkai"));
  CHECK(fs::is_regular_file(site.tmp / "preview/index.html"));
  CHECK_FALSE(fs::exists(site.tmp / ".gongkai-serve"));
  auto missing = http_get(port, "/nothing-here");
  CHECK(missing.status == 404);
  CHECK(contains(missing.body, "href=\"http://preview.test/site/css/site.css\""));
  CHECK_FALSE(contains(missing.body, "__gongkai"));
  CHECK(serve.stop(SIGINT) == 0);
}

TEST_CASE("gongkai serve says so when the port it is given is taken") {
  SmallSite site;
  // Hold a port: listening on it.
  int holder = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(bind(holder, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  REQUIRE(listen(holder, 1) == 0);
  socklen_t size = sizeof addr;
  getsockname(holder, reinterpret_cast<sockaddr*>(&addr), &size);
  const std::string port = std::to_string(ntohs(addr.sin_port));

  ServeProcess serve({"--config", site.tmp / "site.yaml", "--port", port});
  CHECK(serve.wait() == 1);
  CHECK(contains(serve.log, "gongkai serve: cannot listen on 127.0.0.1:" + port +
                                ": Address already in use\n"));
  CHECK_FALSE(fs::exists(site.tmp / ".gongkai-serve"));  // nothing built
  close(holder);
}

TEST_CASE("gongkai serve refuses a missing configuration and an output folder among the sources") {
  SmallSite site;
  {
    ServeProcess serve({"--config", site.tmp / "nothing.yaml", "--port", "0"});
    CHECK(serve.wait() == 2);
    CHECK(contains(serve.log, "no configuration file"));
  }
  {
    ServeProcess serve(
        {"--config", site.tmp / "site.yaml", "--port", "0", "--out", site.tmp / "content/out"});
    CHECK(serve.wait() == 2);
    CHECK(contains(serve.log, "is inside the watched"));
  }
  {
    ServeProcess serve(
        {"--config", site.tmp / "site.yaml", "--port", "0", "--out", site.tmp.path()});
    CHECK(serve.wait() == 2);
    CHECK(contains(serve.log, "which every build would delete"));
  }
  {
    ServeProcess serve(
        {"--config", site.tmp / "site.yaml", "--port", "0", "--base-url", "example.org/x/"});
    CHECK(serve.wait() == 2);
    CHECK(contains(serve.log, "--base-url must be an absolute http(s) URL"));
  }
  CHECK(fs::is_regular_file(site.tmp / "site.yaml"));
  CHECK_FALSE(fs::exists(site.tmp / ".gongkai-serve"));
}
