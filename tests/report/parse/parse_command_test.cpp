// `gongkai parse FILE [--format json|cells]`: output and exit status.
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace {

struct Run {
  int status = -1;
  std::string out;
};

Run run(const std::string& args) {
  std::string cmd = std::string(GONGKAI_BINARY) + " " + args + " 2>/dev/null";
  Run r;
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

const std::string kSample =
    std::string(GONGKAI_SOURCE_DIR) + "/content/reports/dongchangfu-2025.md";

}  // namespace

TEST_CASE("parse --format cells prints the golden lines and exits 0") {
  Run r = run("parse " + kSample + " --format cells");
  CHECK(r.status == 0);
  std::ifstream golden(std::string(GONGKAI_TESTS_DIR) + "/golden/samples/dongchangfu-2025.cells");
  std::string expected((std::istreambuf_iterator<char>(golden)), std::istreambuf_iterator<char>());
  CHECK(r.out == expected);
}

TEST_CASE("parse prints the Report JSON by default") {
  Run r = run("parse " + kSample);
  CHECK(r.status == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["meta"]["agency"]["value"] == "东昌府区医疗保障局");
  CHECK(j["cells"]["proactive.punishment.decisions"]["value"] == 15);
}

TEST_CASE("parse exits 1 on a file it cannot open or read, 2 on usage errors") {
  CHECK(run("parse /nonexistent/report.txt").status == 1);
  auto dir = std::filesystem::temp_directory_path() / "gongkai-parse-test";
  std::filesystem::create_directories(dir);
  auto empty = dir / "empty.txt";
  std::ofstream(empty).close();
  Run e = run("parse " + empty.string() + " --format cells");
  CHECK(e.status == 1);
  CHECK(e.out.find("meta.agency\tnull") == 0);
  std::filesystem::remove_all(dir);
  CHECK(run("parse").status == 2);
  CHECK(run("parse " + kSample + " --format xml").status == 2);
}
