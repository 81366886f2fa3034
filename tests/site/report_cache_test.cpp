#include "site/report_cache.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <thread>

#include "../output/tree_util.hpp"
#include "core/hash.hpp"

using namespace gongkai;
using namespace gongkai::site;
using gongkai::testing::TempDir;
namespace fs = std::filesystem;

namespace {

report::Report sample(const std::string& path, int year) {
  report::Report r;
  r.path = path;
  r.meta.agency.set("淄博市生态环境局", 1);
  r.meta.year.set(year, 1);
  r.cells[report::find_cell("applications.new_received.total").value()] = {
      report::Number::integer(year - 2000), 12, report::CellStatus::Read};
  return r;
}

/// "r<n>.txt" (built step by step: GCC 12 warns falsely on "r" + to_string(n) + ".txt").
std::string report_name(int n) {
  std::string name = "r";
  name += std::to_string(n);
  name += ".txt";
  return name;
}

std::vector<std::string> entries(const std::string& dir) {
  std::vector<std::string> out;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("a stored report is found again for the same path and bytes and parser version") {
  TempDir tmp;
  ReportCache cache(tmp / ".gongkai-cache", "parser 1");
  CHECK_FALSE(cache.lookup("a.txt", "bytes of a"));
  REQUIRE(cache.store("a.txt", "bytes of a", sample("a.txt", 2023)));
  auto hit = cache.lookup("a.txt", "bytes of a");
  REQUIRE(hit);
  CHECK(hit->meta.agency.value == "淄博市生态环境局");
  CHECK(hit->meta.year.value == 2023);
  CHECK(hit->find("applications.new_received.total")->value->units == 23);
  CHECK(entries(tmp / ".gongkai-cache/reports") ==
        std::vector<std::string>{core::hex64(cache.key("a.txt", "bytes of a")) + ".bin"});

  CHECK_FALSE(cache.lookup("a.txt", "bytes of a, edited"));
  CHECK_FALSE(cache.lookup("b.txt", "bytes of a"));  // the path is part of the key (and of Report)
  ReportCache newer(tmp / ".gongkai-cache", "parser 2");
  CHECK_FALSE(newer.lookup("a.txt", "bytes of a"));
  ReportCache again(tmp / ".gongkai-cache", "parser 1");
  CHECK(again.lookup("a.txt", "bytes of a"));  // survives the process: it is on disk
}

TEST_CASE("a corrupt or truncated entry is a miss and storing again repairs it") {
  TempDir tmp;
  ReportCache cache(tmp.path(), "v1");
  REQUIRE(cache.store("a.txt", "A", sample("a.txt", 2022)));
  std::string entry = tmp / "reports/" + core::hex64(cache.key("a.txt", "A")) + ".bin";
  std::string good = gongkai::testing::read_file(entry);
  for (size_t cut : {size_t(0), size_t(3), good.size() / 2, good.size() - 1}) {
    gongkai::testing::write_file(entry, good.substr(0, cut));
    CHECK_FALSE(cache.lookup("a.txt", "A"));
  }
  std::string flipped = good;
  flipped[flipped.size() - 20] ^= 0x40;
  gongkai::testing::write_file(entry, flipped);
  CHECK_FALSE(cache.lookup("a.txt", "A"));
  REQUIRE(cache.store("a.txt", "A", sample("a.txt", 2022)));
  CHECK(cache.lookup("a.txt", "A"));
}

TEST_CASE("a cache that cannot be written says why and is not an error for lookups") {
  TempDir tmp;
  gongkai::testing::write_file(tmp / "cache", "a file, not a folder");
  ReportCache cache(tmp / "cache", "v1");
  std::string error;
  CHECK_FALSE(cache.store("a.txt", "A", sample("a.txt", 2022), &error));
  CHECK(error == "cannot create folder " + tmp / "cache/reports" + ": Not a directory");
  CHECK_FALSE(cache.lookup("a.txt", "A"));
}

TEST_CASE("two threads storing the same and other entries at once leave only whole entries") {
  TempDir tmp;
  ReportCache cache(tmp.path(), "v1");
  // Catch2 assertions are not thread-safe: count failed stores, check after the join.
  std::atomic<int> failed{0};
  auto work = [&](int offset) {
    for (int i = 0; i < 40; ++i) {
      int n = (i + offset) % 60;  // the two threads overlap on 20 entries
      std::string path = report_name(n);
      if (!cache.store(path, "bytes " + path, sample(path, 2000 + n))) ++failed;
    }
  };
  std::thread other(work, 20);
  work(0);
  other.join();
  CHECK(failed == 0);
  for (int n = 0; n < 60; ++n) {
    std::string path = report_name(n);
    auto hit = cache.lookup(path, "bytes " + path);
    REQUIRE(hit);
    CHECK(hit->meta.year.value == 2000 + n);
  }
  CHECK(entries(tmp / "reports").size() == 60);  // no temporary file left
}

TEST_CASE("prune drops entries the latest build did not use and stray temporary files") {
  TempDir tmp;
  {
    ReportCache first(tmp.path(), "v1");
    for (const char* p : {"a.txt", "b.txt", "c.txt"}) REQUIRE(first.store(p, p, sample(p, 2021)));
  }
  gongkai::testing::write_file(tmp / "reports/0123456789abcdef.bin.tmp.99.1.0", "half");
  gongkai::testing::write_file(tmp / "reports/README", "not ours: left alone");

  ReportCache build(tmp.path(), "v1");
  CHECK(build.lookup("a.txt", "a.txt"));           // unchanged: a hit
  CHECK_FALSE(build.lookup("b.txt", "b edited"));  // changed: a miss, then stored
  REQUIRE(build.store("b.txt", "b edited", sample("b.txt", 2024)));
  // c.txt was removed from the site: its entry is not used.
  CHECK(build.used().size() == 2);
  CHECK(build.prune_unused() == 2);  // c.txt and the old b.txt
  std::vector<std::string> kept{core::hex64(build.key("a.txt", "a.txt")) + ".bin",
                                core::hex64(build.key("b.txt", "b edited")) + ".bin", "README"};
  std::sort(kept.begin(), kept.end());
  CHECK(entries(tmp / "reports") == kept);
  CHECK(build.prune({}) == 2);
  CHECK(entries(tmp / "reports") == std::vector<std::string>{"README"});
}
