#include <catch2/catch.hpp>

#include "report/number.hpp"

using gongkai::report::Number;

TEST_CASE("Number parses what reports print") {
  CHECK(Number::parse("0")->to_string() == "0");
  CHECK(Number::parse("-15")->units == -15);
  CHECK(Number::parse("+3")->to_string() == "3");
  CHECK(Number::parse("5949.088667")->to_string() == "5949.088667");
  CHECK(Number::parse("0.05")->to_string() == "0.05");
  CHECK(Number::parse("1,234")->units == 1234);
  CHECK_FALSE(Number::parse(""));
  CHECK_FALSE(Number::parse("-"));
  CHECK_FALSE(Number::parse("1.2.3"));
  CHECK_FALSE(Number::parse("12a"));
  CHECK_FALSE(Number::parse("3."));
  CHECK_FALSE(Number::parse("99999999999999999999"));
}

TEST_CASE("Number compares by value") {
  CHECK(*Number::parse("1.50") == *Number::parse("1.5"));
  CHECK_FALSE(*Number::parse("1.5") == *Number::parse("15"));
  CHECK(Number::parse("432.52")->to_double() == Approx(432.52));
}
