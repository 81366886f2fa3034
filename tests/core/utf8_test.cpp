#include <catch2/catch.hpp>

#include "core/utf8.hpp"

namespace utf8 = gongkai::core::utf8;

TEST_CASE("utf8 decodes, encodes and validates") {
  std::string s = "a一😀";
  size_t i = 0;
  CHECK(utf8::next(s, i) == U'a');
  CHECK(utf8::next(s, i) == U'一');
  CHECK(utf8::next(s, i) == U'😀');
  CHECK(i == s.size());
  std::string out;
  utf8::append(out, U'一');
  utf8::append(out, U'😀');
  CHECK(out == "一😀");
  CHECK(utf8::count_code_points(s) == 3);
  CHECK(utf8::is_valid(s));
  CHECK_FALSE(utf8::is_valid("\xC0\xAF"));  // overlong
  CHECK_FALSE(utf8::is_valid("\xB6\xAB"));  // GBK bytes
  CHECK(utf8::is_valid("\xEF\xBF\xBD"));    // a real U+FFFD
}
