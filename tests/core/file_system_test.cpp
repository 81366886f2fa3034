#include <catch2/catch.hpp>

#include "core/file_system.hpp"

using namespace gongkai::core;

TEST_CASE("normalize_path and join_path") {
  CHECK(normalize_path("./a//b/") == "a/b");
  CHECK(normalize_path("/x/./y") == "/x/y");
  CHECK(join_path("a/", "/b") == "a/b");
  CHECK(join_path("", "b") == "b");
}

TEST_CASE("MemoryFileSystem lists files below a folder, sorted, hidden skipped") {
  MemoryFileSystem fs;
  fs.put("content/reports/b.txt", "B");
  fs.put("content/reports/a/x.md", "X");
  fs.put("content/reports/.hidden", "H");
  fs.put("content/pages/about.md", "A");
  auto files = fs.list_files("content/reports");
  REQUIRE(files.size() == 2);
  CHECK(files[0] == "a/x.md");
  CHECK(files[1] == "b.txt");
  CHECK(fs.is_directory("content"));
  CHECK_FALSE(fs.is_directory("content/report"));
  CHECK(fs.read("content/reports/b.txt").value() == "B");
  std::string error;
  CHECK_FALSE(fs.read("nope", &error));
  CHECK_FALSE(error.empty());
}

TEST_CASE("DiskFileSystem reads the sample reports") {
  DiskFileSystem fs;
  auto files = fs.list_files(std::string(GONGKAI_SOURCE_DIR) + "/content/reports");
  CHECK(files.size() >= 5);
  CHECK_FALSE(fs.read("/nonexistent/file"));
}
