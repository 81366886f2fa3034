#include <catch2/catch.hpp>

#include "text/decode.hpp"

using namespace gongkai::text;

TEST_CASE("UTF-8 is taken as is, with or without a byte-order mark") {
  auto d = decode("一、总体情况\n");
  REQUIRE(d.ok);
  CHECK(d.text == "一、总体情况\n");
  CHECK(d.encoding == Encoding::Utf8);
  CHECK_FALSE(d.bom);
  auto b = decode("\xEF\xBB\xBF一、总体情况\n");
  REQUIRE(b.ok);
  CHECK(b.text == "一、总体情况\n");
  CHECK(b.bom);
}

TEST_CASE("GB18030 is detected and converted") {
  // "报告" in GB18030 (GBK): B1 A8 B8 E6
  auto d = decode("\xB1\xA8\xB8\xE6 2023\n");
  REQUIRE(d.ok);
  CHECK(d.encoding == Encoding::Gb18030);
  CHECK(d.text == "报告 2023\n");
  std::string gb;
  REQUIRE(utf8_to_gb18030("行政复议（一）２０２３", gb));
  auto back = decode(gb);
  REQUIRE(back.ok);
  CHECK(back.text == "行政复议（一）２０２３");
}

TEST_CASE("UTF-16 with a byte-order mark is converted") {
  std::string le("\xFF\xFE", 2);
  le += std::string("A\0\x2C\x67", 4);  // "A本" (U+672C)
  auto d = decode(le);
  REQUIRE(d.ok);
  CHECK(d.encoding == Encoding::Utf16);
  CHECK(d.text == "A本");
}

TEST_CASE("what is not text is refused with a reason") {
  CHECK_FALSE(decode("").ok);
  CHECK(decode("").problem == "empty file");
  CHECK_FALSE(decode(" \n\t\r\n").ok);
  CHECK_FALSE(decode("\xEF\xBB\xBF").ok);
  auto bin = decode(std::string("PK\x03\x04\x00\x00\x08\x00", 8));
  CHECK_FALSE(bin.ok);
  CHECK(bin.problem.find("binary") != std::string::npos);
  // Control characters in quantity are binary too, even without NUL bytes.
  std::string ctl(200, '\x01');
  CHECK_FALSE(decode(ctl).ok);
  // Neither UTF-8 nor GB18030: 0xFF never starts a GB18030 character.
  auto bad = decode("abc\xFF\xFF\xFF def");
  CHECK_FALSE(bad.ok);
}
