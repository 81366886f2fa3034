#include <catch2/catch.hpp>

#include "text/normalize.hpp"

using namespace gongkai::text;

static std::string norm(std::string_view s) {
  std::string out;
  normalize_into(s, out);
  return out;
}

TEST_CASE("full-width digits, letters and number signs become ASCII; brackets stay") {
  CHECK(norm("２０２３年１２月３１日") == "2023年12月31日");
  CHECK(norm("Ａ座ｂ") == "A座b");
  CHECK(norm("０５１１－３４４４３１６") == "0511-3444316");
  CHECK(norm("ｍａｉｌ＠ｘ．ｃｎ") == "mail@x.cn");
  CHECK(norm("／") == "/");
  CHECK(norm("（一）") == "（一）");
  CHECK(norm("，。：；") == "，。：；");
}

TEST_CASE("odd spaces become spaces, invisible characters and controls go, TAB stays") {
  CHECK(norm("第\u3000一") == "第 一");
  CHECK(norm("a\u00A0b") == "a b");
  CHECK(norm("a\u2003b") == "a b");
  CHECK(norm("a\u200Bb\uFEFF") == "ab");
  CHECK(norm("\f3") == "3");
  CHECK(norm("\tcell") == "\tcell");
  CHECK(norm("a\x01"
             "b") == "ab");
}

TEST_CASE("invalid UTF-8 bytes become U+FFFD") {
  CHECK(norm("a\xFFz") == "a\uFFFDz");
}

TEST_CASE("stray spaces between CJK and digits or CJK go; others become one") {
  CHECK(squeeze_spaces("分局 2023 年政府") == "分局2023年政府");
  CHECK(squeeze_spaces("鲁泰大道 51 号") == "鲁泰大道51号");
  CHECK(squeeze_spaces("  不予 公开 ") == "不予公开");
  CHECK(squeeze_spaces("户外 LED 屏") == "户外LED屏");
  CHECK(squeeze_spaces("0 0  0") == "0 0 0");
  CHECK(squeeze_spaces("1. 对做好") == "1. 对做好");
  CHECK(squeeze_spaces("电话： 0533-2111907") == "电话：0533-2111907");
}

TEST_CASE("display width counts ASCII as half a CJK cell") {
  CHECK(display_width("规章 0") == 6);
  CHECK(display_width("") == 0);
  CHECK(trim("  \t a b \t") == "a b");
}
