#include <catch2/catch.hpp>

#include "report/audit/prose_scan.hpp"

using namespace gongkai::report;
using namespace gongkai::report::audit::prose;

TEST_CASE("sentence and clause bounds around an offset") {
  std::string_view s = "第一句。2024年度，我局未收到申请；第三句";
  size_t at_year = s.find("2024");
  CHECK(sentence_around(s, at_year).of(s) == "2024年度，我局未收到申请");
  CHECK(clause_around(s, at_year).of(s) == "2024年度");
  size_t at_we = s.find("我局");
  CHECK(clause_around(s, at_we).of(s) == "我局未收到申请");
  CHECK(sentence_around(s, s.find("第三")).of(s) == "第三句");
  CHECK(sentence_around(s, 0).of(s) == "第一句");
  std::string_view ascii = "a, b; c";
  CHECK(clause_around(ascii, 3).of(ascii) == " b");
}

TEST_CASE("digits, integers and spaces") {
  size_t len = 0;
  CHECK(digit_at("7", 0, len) == 7);
  CHECK(len == 1);
  CHECK(digit_at("９", 0, len) == 9);
  CHECK(len == 3);
  CHECK(digit_at("年", 0, len) == -1);
  size_t i = 0;
  int digits = 0;
  CHECK(read_integer("２０２４年", i, &digits) == 2024);
  CHECK(digits == 4);
  CHECK(i == 12);
  i = 0;
  CHECK_FALSE(read_integer("1234567890123", i));  // more than 12 digits is no count
  CHECK(skip_spaces(" \t\u3000\u00a0x", 0) == 7);
}

TEST_CASE("line_at counts the newlines before an offset") {
  Block b;
  b.text = "一\n二\n三";
  b.line = 10;
  CHECK(line_at(b, 0) == 10);
  CHECK(line_at(b, b.text.find("三")) == 12);
  b.line = 0;
  CHECK(line_at(b, 5) == 0);
}
