// The Value model the site builds page contexts with: construction, Python printing, dict
// order and lookups, JSON conversion.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "template/object.hpp"
#include "template/value.hpp"

using gongkai::tmpl::Dict;
using gongkai::tmpl::Value;

TEST_CASE("values print as Python prints them") {
  CHECK(Value(3.5).str() == "3.5");
  CHECK(Value(2.0).str() == "2.0");
  CHECK(Value(0.1 + 0.2).str() == "0.30000000000000004");
  CHECK(Value(1e20).str() == "1e+20");
  CHECK(Value(1e16).str() == "1e+16");
  CHECK(Value(1e15).str() == "1000000000000000.0");
  CHECK(Value(1e-5).str() == "1e-05");
  CHECK(Value(-0.0).str() == "-0.0");
  CHECK(Value(1.0 / 0.0).str() == "inf");
  CHECK(Value(int64_t{-42}).str() == "-42");
  CHECK(Value(true).str() == "True");
  CHECK(Value::none().str() == "None");
  CHECK(Value().str().empty());  // undefined prints nothing
  CHECK(Value("it's").repr() == "\"it's\"");
  CHECK(Value::tuple({Value(1)}).repr() == "(1,)");
  CHECK(Value::list({Value("a"), Value::none(), Value(2.5)}).repr() == "['a', None, 2.5]");
  CHECK(Value::markup("<b>").repr() == "Markup('<b>')");
}

TEST_CASE("truthiness follows Python") {
  CHECK_FALSE(Value(0).truthy());
  CHECK_FALSE(Value(0.0).truthy());
  CHECK_FALSE(Value("").truthy());
  CHECK_FALSE(Value(std::vector<Value>{}).truthy());
  CHECK_FALSE(Value(Dict{}).truthy());
  CHECK_FALSE(Value::none().truthy());
  CHECK_FALSE(Value().truthy());
  CHECK(Value("0").truthy());
  CHECK(Value::list({Value(0)}).truthy());
}

TEST_CASE("a dict keeps insertion order and its first position on update") {
  Dict d;
  d.set("zebra", 1);
  d.set("apple", 2);
  d.set("zebra", 3);
  Value v(std::move(d));
  CHECK(v.repr() == "{'zebra': 3, 'apple': 2}");
  CHECK(v.get("zebra").as_int() == 3);
  CHECK(v.get("missing").is_missing());
}

TEST_CASE("dict lookups use Python key equality, small and large") {
  for (int n : {4, 100}) {
    Dict d;
    for (int i = 0; i < n; ++i) d.set("k" + std::to_string(i), i);
    d.set(Value(1), "int");
    REQUIRE(d.size() == static_cast<size_t>(n + 1));
    CHECK(d.find("k3")->as_int() == 3);
    CHECK(d.find(std::string_view("k" + std::to_string(n - 1)))->as_int() == n - 1);
    CHECK(d.find("nope") == nullptr);
    CHECK(d.find(Value(1.0))->as_string() == "int");   // 1 == 1.0
    CHECK(d.find(Value(true))->as_string() == "int");  // and True
    CHECK(d.find(Value("1")) == nullptr);
  }
}

TEST_CASE("copies share one body") {
  Value a(std::string(1000, 'x'));
  Value b = a;
  CHECK(a.identity() == b.identity());
  CHECK(b.as_string().size() == 1000);
}

TEST_CASE("from_json keeps the order of an ordered_json object, converts numbers") {
  auto j = nlohmann::ordered_json::parse(
      R"({"b": 1, "a": [1.5, null, true, "s"], "big": 18446744073709551615})");
  Value v = Value::from_json(j);
  REQUIRE(v.is_dict());
  CHECK(v.as_dict().entries()[0].first.as_string() == "b");
  CHECK(v.get("b").is_int());
  CHECK(v.get("a").repr() == "[1.5, None, True, 's']");
  CHECK(v.get("big").is_float());  // beyond int64: a float, never a wrapped integer
  // nlohmann::json sorts its keys; the Value keeps that order
  Value sorted = Value::from_json(nlohmann::json::parse(R"({"b": 1, "a": 2})"));
  CHECK(sorted.as_dict().entries()[0].first.as_string() == "a");
}

TEST_CASE("undefined values explain themselves") {
  CHECK(Value::undefined_named("x").undefined_message() == "'x' is undefined");
  Value d{Dict{}};
  CHECK(Value::undefined_member(d, Value("k")).undefined_message() ==
        "'dict object' has no attribute 'k'");
  CHECK(Value::undefined_member(Value::list({}), Value(3)).undefined_message() ==
        "list object has no element 3");
}
