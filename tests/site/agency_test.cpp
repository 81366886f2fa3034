#include <catch2/catch.hpp>

#include "site/agency_catalogue.hpp"
#include "site/agency_name.hpp"

using gongkai::core::DiagnosticSink;
using gongkai::site::AgencyCatalogue;
using gongkai::site::normalize_agency_name;
using gongkai::site::parse_config;

TEST_CASE("names compare without spaces, full-width forms or bracket styles", "[agency]") {
  CHECK(normalize_agency_name("淄博市医疗保障局 高新区分局") == "淄博市医疗保障局高新区分局");
  CHECK(normalize_agency_name("淄博市医疗保障局\u3000高新区\n分局") ==
        "淄博市医疗保障局高新区分局");
  CHECK(normalize_agency_name("某某局（试点）Ａ１") == "某某局(试点)A1");
  CHECK(normalize_agency_name("〔2021〕") == "(2021)");
}

TEST_CASE("a report's name finds its agency by canonical name or alias", "[agency]") {
  DiagnosticSink sink;
  auto config = parse_config("site.yaml",
                             "agencies:\n"
                             "  - name: 淄博市医疗保障局高新技术产业开发区分局\n"
                             "    aliases: [淄博市医疗保障局高新区分局]\n"
                             "  - name: 东昌府区医疗保障局\n",
                             sink);
  AgencyCatalogue catalogue(config, sink);
  CHECK(sink.items().empty());
  CHECK(catalogue.find("淄博市医疗保障局高新技术产业开发区分局") == std::optional<size_t>(0));
  CHECK(catalogue.find("淄博市医疗保障局高新区分局") == std::optional<size_t>(0));
  CHECK(catalogue.find("淄博市医疗保障局 高新技术产业开发区 分局") == std::optional<size_t>(0));
  CHECK(catalogue.find("东昌府区医疗保障局") == std::optional<size_t>(1));
  CHECK_FALSE(catalogue.find("东昌府区医保局"));
}

TEST_CASE("two agencies claiming one name after normalisation is an error", "[agency]") {
  DiagnosticSink sink;
  auto config = parse_config("site.yaml",
                             "agencies:\n"
                             "  - name: 甲局\n"
                             "    aliases: [甲 分局]\n"
                             "  - name: 乙局\n"
                             "    aliases: [甲分局]\n",
                             sink);
  REQUIRE(sink.items().empty());
  AgencyCatalogue catalogue(config, sink);
  REQUIRE(sink.items().size() == 1);
  CHECK(sink.items()[0].code == "C006");
  CHECK(sink.items()[0].line == 4);
  CHECK(sink.items()[0].message.find("甲局") != std::string::npos);
}
