#include <catch2/catch.hpp>

#include "site/config.hpp"

using gongkai::core::DiagnosticSink;
using gongkai::core::format;
using gongkai::site::parse_config;

namespace {
std::string errors(const DiagnosticSink& sink) {
  std::string out;
  for (const auto& d : sink.items()) out += format(d) + "\n";
  return out;
}
}  // namespace

TEST_CASE("a complete site.yaml is read", "[config]") {
  DiagnosticSink sink;
  auto c = parse_config("site/site.yaml", R"(title: 医保信息公开
description: 年报
base_url: https://example.org/gk
language: en
pretty_urls: true
latest_reports: 3
agencies:
  - name: 淄博市医疗保障局高新技术产业开发区分局
    aliases: [淄博市医疗保障局高新区分局]
    region: [山东省, 淄博市, 高新区]
    slug: zibo-gaoxin
    kind: department
    level: county
comparisons:
  - id: zibo
    title: 淄博
    metrics: [disclosure_rate, applications.new_received.total]
    years: [2023, 2024]
    regions:
      - [山东省, 淄博市]
menu:
  - title: 关于
    url: about/
)",
                        sink);
  INFO(errors(sink));
  REQUIRE(sink.items().empty());
  CHECK(c.title == "医保信息公开");
  CHECK(c.base_url == "https://example.org/gk/");
  CHECK(c.language == "en");
  CHECK(c.pretty_urls);
  CHECK(c.latest_reports == 3);
  CHECK(c.root == "site");
  CHECK(c.resolve(c.content_dir) == "site/content");
  REQUIRE(c.agencies.size() == 1);
  CHECK(c.agencies[0].aliases == std::vector<std::string>{"淄博市医疗保障局高新区分局"});
  CHECK(c.agencies[0].region == std::vector<std::string>{"山东省", "淄博市", "高新区"});
  CHECK(c.agencies[0].slug == "zibo-gaoxin");
  CHECK(c.agencies[0].line == 8);
  REQUIRE(c.comparisons.size() == 1);
  CHECK(c.comparisons[0].years == std::vector<int>{2023, 2024});
  CHECK(c.comparisons[0].regions == std::vector<std::vector<std::string>>{{"山东省", "淄博市"}});
  REQUIRE(c.menu.size() == 1);
  CHECK(c.menu[0].url == "about/");
}

TEST_CASE("an empty site.yaml gives the defaults", "[config]") {
  DiagnosticSink sink;
  auto c = parse_config("site.yaml", "", sink);
  CHECK(sink.items().empty());
  CHECK(c.language == "zh-CN");
  CHECK(c.theme == "default");
  CHECK(c.output_dir == "public");
  CHECK(c.root == ".");
  CHECK_FALSE(c.pretty_urls);
}

TEST_CASE("an unknown key is an error at its file, line and column", "[config]") {
  DiagnosticSink sink;
  parse_config("site.yaml", "title: x\ntheem: dark\n", sink);
  REQUIRE(sink.items().size() == 1);
  CHECK(format(sink.items()[0])
            .rfind("site.yaml:2:1: error: C002: unknown key 'theem' in site.yaml", 0) == 0);
}

TEST_CASE("an unknown key inside an agency names its own line", "[config]") {
  DiagnosticSink sink;
  auto c = parse_config("s.yaml", "agencies:\n  - name: A局\n    alias: [B局]\n", sink);
  REQUIRE(sink.items().size() == 1);
  CHECK(sink.items()[0].code == "C002");
  CHECK(sink.items()[0].line == 3);
  CHECK(sink.items()[0].column == 5);
  CHECK(sink.items()[0].message.find("aliases") != std::string::npos);  // lists the known keys
}

TEST_CASE("values of the wrong type are errors with their position", "[config]") {
  DiagnosticSink sink;
  parse_config("site.yaml",
               "pretty_urls: maybe\n"
               "latest_reports: ten\n"
               "agencies: 淄博\n"
               "comparisons:\n"
               "  - id: a\n"
               "    metrics: [disclosure_rate]\n"
               "    years: [2023, next]\n"
               "menu:\n"
               "  - {title: [x], url: y}\n",
               sink);
  INFO(errors(sink));
  REQUIRE(sink.items().size() == 5);
  std::vector<std::pair<uint32_t, uint32_t>> at;
  for (const auto& d : sink.items()) {
    CHECK(d.code == "C003");
    at.push_back({d.line, d.column});
  }
  CHECK(at ==
        std::vector<std::pair<uint32_t, uint32_t>>{{1, 14}, {2, 17}, {3, 11}, {7, 19}, {9, 13}});
}

TEST_CASE("invalid values and missing required keys", "[config]") {
  DiagnosticSink sink;
  parse_config("site.yaml",
               "language: fr\n"
               "base_url: example.org\n"
               "agencies:\n"
               "  - region: [山东省]\n"
               "  - name: A局\n"
               "    slug: Bad Slug\n"
               "comparisons:\n"
               "  - title: no id\n",
               sink);
  INFO(errors(sink));
  std::vector<std::string> codes;
  for (const auto& d : sink.items()) codes.push_back(d.code + "@" + std::to_string(d.line));
  CHECK(codes ==
        std::vector<std::string>{"C005@1", "C005@2", "C004@4", "C005@6", "C004@8", "C004@8"});
}

TEST_CASE("YAML syntax errors name the line", "[config]") {
  DiagnosticSink sink;
  parse_config("site.yaml", "title: x\nagencies: [a, b\n", sink);
  REQUIRE(sink.items().size() == 1);
  CHECK(sink.items()[0].code == "C001");
  CHECK(sink.items()[0].line >= 2);
}

TEST_CASE("duplicate names, slugs and comparison ids", "[config]") {
  DiagnosticSink sink;
  parse_config("site.yaml",
               "agencies:\n"
               "  - {name: A局, slug: a}\n"
               "  - {name: B局, aliases: [A局], slug: a}\n"
               "comparisons:\n"
               "  - {id: x, metrics: [lawsuits]}\n"
               "  - {id: x, metrics: [lawsuits]}\n",
               sink);
  INFO(errors(sink));
  std::vector<std::string> codes;
  for (const auto& d : sink.items()) codes.push_back(d.code + "@" + std::to_string(d.line));
  CHECK(codes == std::vector<std::string>{"C006@3", "C006@3", "C006@6"});
}
