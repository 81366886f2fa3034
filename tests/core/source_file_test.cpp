#include <catch2/catch.hpp>

#include "core/source_file.hpp"

using gongkai::core::SourceFile;

TEST_CASE("SourceFile locates offsets as line and code-point column") {
  SourceFile f("a.txt", "一二\nabc\r\n三四五");
  CHECK(f.line_count() == 3);
  CHECK(f.locate(0).line == 1);
  CHECK(f.locate(3).column == 2);  // after one 3-byte code point
  auto lc = f.locate(std::string("一二\nab").size());
  CHECK(lc.line == 2);
  CHECK(lc.column == 3);
  CHECK(f.line(2) == "abc");  // CR dropped
  CHECK(f.line(3) == "三四五");
  CHECK(f.line(4).empty());
  CHECK(f.line(0).empty());
}

TEST_CASE("SourceFile: a final newline opens no line") {
  SourceFile f("a", "x\ny\n");
  CHECK(f.line_count() == 2);
  SourceFile empty("e", "");
  CHECK(empty.line_count() == 1);
}
