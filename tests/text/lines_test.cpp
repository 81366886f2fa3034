#include <catch2/catch.hpp>

#include "text/lines.hpp"

using namespace gongkai::text;

TEST_CASE("LF, CRLF and CR all end lines; numbers are 1-based and kept") {
  Lines l("一\r\n二\rthree\n\nfive");
  REQUIRE(l.size() == 5);
  CHECK(l[0] == "一");
  CHECK(l[1] == "二");
  CHECK(l[2] == "three");
  CHECK(l.blank(3));
  CHECK(l[4] == "five");
  CHECK(l.number(4) == 5);
}

TEST_CASE("a final line end opens no extra line; an empty text is one empty line") {
  CHECK(Lines("a\nb\n").size() == 2);
  CHECK(Lines("a\r\n").size() == 1);
  CHECK(Lines("").size() == 1);
}

TEST_CASE("lines are normalised, and remember their printed width") {
  Lines l("２０２３年\n  \t\n\t0");
  CHECK(l[0] == "2023年");
  CHECK(l.printed_width(0) == 10);  // four full-width digits and 年, as printed
  CHECK(l.blank(1));
  CHECK(l[2] == "\t0");
}

TEST_CASE("a run joined from several lines knows each piece's line") {
  TextRun run;
  run.append("统计期", 12);
  run.append("", 13);
  run.append("限自2023年", 14);
  CHECK(run.text() == "统计期限自2023年");
  CHECK(run.first_line() == 12);
  CHECK(run.line_at(0) == 12);
  CHECK(run.line_at(8) == 12);
  CHECK(run.line_at(9) == 14);
  CHECK(run.line_at(1000) == 14);
  CHECK(TextRun().line_at(0) == 0);
}
