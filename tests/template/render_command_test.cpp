// `gongkai render` end to end, through the built binary.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

struct Run {
  int status;
  std::string out, err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// A scratch folder holding the given files, removed at the end of the test.
class Scratch {
 public:
  Scratch() {
    static int counter = 0;
    dir_ = fs::temp_directory_path() /
           ("gongkai-render-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(dir_);
  }
  ~Scratch() { fs::remove_all(dir_); }
  void put(const std::string& name, const std::string& text) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  Run run(const std::string& args) const {
    std::string cmd =
        std::string(GONGKAI_BINARY) + " " + args + " > " + path("stdout") + " 2> " + path("stderr");
    int raw = std::system(cmd.c_str());
    return {WEXITSTATUS(raw), slurp(dir_ / "stdout"), slurp(dir_ / "stderr")};
  }

 private:
  fs::path dir_;
};

}  // namespace

TEST_CASE("render prints the template with the JSON data") {
  Scratch s;
  s.put("site/page.html",
        "{% extends 'base.html' %}{% block b %}{{ title }} {{ n + 1 }}{% endblock %}");
  s.put("theme/base.html", "<h1>{% block b %}{% endblock %}</h1>\n");
  s.put("theme/page.html", "the theme's page, overridden");
  s.put("data.json", R"({"title": "A & B", "n": 41})");
  Run r = s.run("render page.html --templates " + s.path("site") + " --templates " +
                s.path("theme") + " --data " + s.path("data.json"));
  CHECK(r.status == 0);
  CHECK(r.out == "<h1>A &amp; B 42</h1>");
  CHECK(r.err.empty());
}

TEST_CASE("render exits 1 with the located error") {
  Scratch s;
  s.put("t/page.txt", "line\n{% include 'row.txt' %}\n");
  s.put("t/row.txt", "{{ cells.total + 1 }}");
  s.put("data.json", R"({"cells": {}})");
  Run r = s.run("render page.txt --templates " + s.path("t") + " --data " + s.path("data.json"));
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "row.txt:1:16: 'dict object' has no attribute 'total'\n"
        "{{ cells.total + 1 }}\n"
        "               ^\n"
        "  in page.txt:2:4\n");
}

TEST_CASE("render exits 2 on usage errors") {
  Scratch s;
  s.put("t/page.txt", "x");
  s.put("bad.json", "{not json");
  s.put("list.json", "[1, 2]");
  CHECK(s.run("render page.txt").status == 2);                    // no --templates
  CHECK(s.run("render --templates " + s.path("t")).status == 2);  // no name
  Run bad = s.run("render page.txt --templates " + s.path("t") + " --data " + s.path("bad.json"));
  CHECK(bad.status == 2);
  CHECK(bad.err.find("is not valid JSON") != std::string::npos);
  CHECK(s.run("render page.txt --templates " + s.path("t") + " --data " + s.path("list.json"))
            .status == 2);
  CHECK(s.run("render page.txt --templates " + s.path("t") + " --data " + s.path("none.json"))
            .status == 2);
  CHECK(s.run("render page.txt --templates " + s.path("missing-dir")).status == 2);
  Run ok = s.run("render page.txt --templates " + s.path("t"));
  CHECK(ok.status == 0);
  CHECK(ok.out == "x");
}
