// The pieces of `gongkai serve` that decide before anything is served: which port, which base
// URL, what is watched, which output folders are refused.
#include "commands/serve_site.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <sstream>

#include "../output/tree_util.hpp"

using namespace gongkai;
using namespace gongkai::commands;

namespace {

/// A loopback port held (listened on) until the object goes.
struct HeldPort {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int port = 0;
  HeldPort() {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof addr;
    if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || listen(fd, 1) != 0 ||
        getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &size) != 0) {
      throw std::runtime_error("cannot hold a port");
    }
    port = ntohs(addr.sin_port);
  }
  ~HeldPort() { close(fd); }
};

serve::ServeOptions quiet_options() {
  serve::ServeOptions o;
  o.root = "/nonexistent-gongkai-serve-root";
  return o;
}

}  // namespace

TEST_CASE("a taken default port moves to the next free one and says which") {
  HeldPort held;
  ServeSiteOptions options;
  options.port = held.port;
  options.port_given = false;
  std::ostringstream log;
  auto server = listen_first_free(
      options, quiet_options(), [] { return serve::RebuildResult{}; }, log);
  REQUIRE(server);
  CHECK(server->port() > held.port);
  CHECK(server->port() <= held.port + kPortTries);
  CHECK(log.str() == "gongkai serve: port " + std::to_string(held.port) + " is in use; using " +
                         std::to_string(server->port()) + "\n");
}

TEST_CASE("a taken port given with --port is an error") {
  HeldPort held;
  ServeSiteOptions options;
  options.port = held.port;
  options.port_given = true;
  std::ostringstream log;
  try {
    listen_first_free(
        options, quiet_options(), [] { return serve::RebuildResult{}; }, log);
    FAIL("no ListenError");
  } catch (const serve::ListenError& e) {
    CHECK(e.in_use);
    CHECK(std::string(e.what()) ==
          "cannot listen on 127.0.0.1:" + std::to_string(held.port) + ": Address already in use");
  }
  CHECK(log.str().empty());
}

TEST_CASE("the local base URL") {
  CHECK(local_base_url("127.0.0.1", 1313) == "http://127.0.0.1:1313/");
  CHECK(local_base_url("0.0.0.0", 8080) == "http://127.0.0.1:8080/");
  CHECK(local_base_url("::", 1313) == "http://[::1]:1313/");
  CHECK(local_base_url("::1", 1313) == "http://[::1]:1313/");
  CHECK(local_base_url("192.168.1.20", 80) == "http://192.168.1.20:80/");
  CHECK(local_base_url("localhost", 1313) == "http://localhost:1313/");
}

TEST_CASE("is_within compares whole path parts, after normalising") {
  CHECK(is_within("/a/b/c", "/a/b"));
  CHECK(is_within("/a/b", "/a/b"));
  CHECK(is_within("/a/b/", "/a/b"));
  CHECK(is_within("/a/b/c/../d", "/a/b"));
  CHECK_FALSE(is_within("/a/bc", "/a/b"));
  CHECK_FALSE(is_within("/a/b/../c", "/a/b"));
  CHECK_FALSE(is_within("/a", "/a/b"));
  CHECK(is_within("/a/b", "/"));
}

TEST_CASE("what is watched follows site.yaml, with the defaults when it is invalid") {
  core::MemoryFileSystem fs;
  fs.put("site/site.yaml", "theme: plain\ntemplates_dir: tpl\ncontent_dir: /srv/reports\n");
  SiteSources s = site_sources(fs, "site/site.yaml");
  CHECK(s.root == "site");
  CHECK(s.watch == std::vector<std::string>{"site/site.yaml", "/srv/reports", "site/themes/plain",
                                            "site/tpl", "site/static"});

  fs.put("site/broken.yaml", "theme: [unclosed\n");
  s = site_sources(fs, "site/broken.yaml");
  CHECK(s.root == "site");
  CHECK(s.watch == std::vector<std::string>{"site/broken.yaml", "site/content",
                                            "site/themes/default", "site/templates",
                                            "site/static"});

  s = site_sources(fs, "missing.yaml");
  CHECK(s.root == ".");
  CHECK(s.watch == std::vector<std::string>{"missing.yaml", "content", "themes/default",
                                            "templates", "static"});
}
