#include <catch2/catch.hpp>

#include "site/slug.hpp"

using gongkai::site::assign_slugs;
using gongkai::site::Slugger;
using gongkai::site::SlugRequest;

TEST_CASE("slugs are toneless pinyin, cut after administrative suffixes", "[slug]") {
  Slugger s;
  CHECK(s.slugify("东昌府区医疗保障局") == "dongchangfuqu-yiliaobaozhangju");
  CHECK(s.slugify("淄博市医疗保障局沂源分局") == "ziboshi-yiliaobaozhangju-yiyuanfenju");
  CHECK(s.slugify("淄博市医疗保障局高新技术产业开发区分局") ==
        "ziboshi-yiliaobaozhangju-gaoxinjishuchanyekaifaqu-fenju");
  // No cut inside 市场 or 委员会, nor between the suffixes of 杭州市.
  CHECK(s.slugify("淄博市市场监督管理局") == "ziboshi-shichangjianduguanliju");
  CHECK(s.slugify("淄博市卫生健康委员会") == "ziboshi-weishengjiankangweiyuanhui");
  CHECK(s.slugify("杭州市公安局") == "hangzhoushi-gonganju");
  // ü loses its dots; ASCII letters and digits stay, lowercased; punctuation separates.
  CHECK(s.slugify("绿园区") == "luyuanqu");
  CHECK(s.slugify("第2分局（ABC）") == "di2fenju-abc");
  CHECK(s.slugify("（）") == "");
}

TEST_CASE("toneless pinyin of a text", "[slug]") {
  Slugger s;
  CHECK(s.pinyin("东昌府") == "dong chang fu");
}

TEST_CASE("fixed slugs win and clashes get a suffix from the name's hash", "[slug]") {
  std::vector<SlugRequest> r = {
      {"乙", "", "same"},
      {"甲", "", "same"},
      {"丙", "same", ""},  // site.yaml fixes "same" for 丙
      {"丁", "", "other"},
  };
  auto slugs = assign_slugs(r);
  CHECK(slugs[2] == "same");
  CHECK(slugs[3] == "other");
  CHECK(slugs[0] != slugs[1]);
  CHECK(slugs[0].rfind("same-", 0) == 0);
  CHECK(slugs[0].size() == std::string("same-").size() + 6);
  CHECK(slugs[1].rfind("same-", 0) == 0);

  // Order does not matter: each name keeps its slug.
  std::vector<SlugRequest> reversed(r.rbegin(), r.rend());
  auto again = assign_slugs(reversed);
  CHECK(again[3] == slugs[0]);
  CHECK(again[2] == slugs[1]);
}

TEST_CASE("the bytewise-first name keeps a clashing slug", "[slug]") {
  auto slugs = assign_slugs({{"b", "", "x"}, {"a", "", "x"}});
  CHECK(slugs[1] == "x");
  CHECK(slugs[0] != "x");
  CHECK(slugs[0].rfind("x-", 0) == 0);
}

TEST_CASE("a name with nothing to transliterate still gets a slug", "[slug]") {
  auto slugs = assign_slugs({{"（）", "", ""}, {"——", "", ""}});
  CHECK(slugs[0].rfind("agency-", 0) == 0);
  CHECK(slugs[1].rfind("agency-", 0) == 0);
  CHECK(slugs[0] != slugs[1]);
}
