#include <catch2/catch.hpp>

#include <algorithm>

#include "site/collation.hpp"

using gongkai::site::PinyinCollation;

TEST_CASE("names sort in pinyin order, not in code point order", "[collation]") {
  PinyinCollation c;
  // a-ba, bei-jing, dong-chang-fu, liao-cheng, shi-jia-zhuang, wei-bin, xin-xiang, zi-bo
  const std::vector<std::string> expected = {"阿坝州",   "北京市", "东昌府区", "聊城市",
                                             "石家庄市", "卫滨区", "新乡市",   "淄博市"};
  std::vector<std::string> names = {"淄博市",   "新乡市", "聊城市", "东昌府区",
                                    "石家庄市", "卫滨区", "北京市", "阿坝州"};
  std::sort(names.begin(), names.end(),
            [&](const auto& a, const auto& b) { return c.sort_key(a) < c.sort_key(b); });
  CHECK(names == expected);
  // Code point order would put 东 (U+4E1C) before 北 (U+5317).
  CHECK(std::string("东") < std::string("北"));
  CHECK(c.compare("北京市", "东昌府区") < 0);
  CHECK(c.compare("淄博市", "淄博市") == 0);
}

TEST_CASE("a shorter name sorts before its extensions", "[collation]") {
  PinyinCollation c;
  CHECK(c.sort_key("淄博市") < c.sort_key("淄博市医疗保障局"));
  CHECK(c.sort_key("淄博市医疗保障局") < c.sort_key("淄博市医疗保障局沂源分局"));
}
