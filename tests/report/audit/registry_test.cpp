#include <catch2/catch.hpp>

#include <set>

#include "report_builder.hpp"

using namespace gongkai::report;

TEST_CASE("every rule has a unique code, both titles and both explanations") {
  std::set<std::string_view> codes;
  for (const auto& r : audit::rules()) {
    CHECK(codes.insert(r.code).second);
    CHECK(r.code.size() == 4);
    CHECK_FALSE(r.title.empty());
    CHECK_FALSE(r.title_zh.empty());
    CHECK_FALSE(r.explanation.empty());
    CHECK_FALSE(r.explanation_zh.empty());
    CHECK(audit::find_rule(r.code) == &r);
  }
  CHECK(codes.size() == 14);
  CHECK(audit::find_rule("A999") == nullptr);
  CHECK(audit::find_rule("A001")->severity == gongkai::core::Severity::Error);
  CHECK(audit::find_rule("A011")->severity == gongkai::core::Severity::Info);
}

TEST_CASE("to_diagnostic keeps code, severity, line and both messages") {
  audit::Finding f{gongkai::core::Severity::Warning, "A005", "m", "中", 12, {}, {}, ""};
  auto d = audit::to_diagnostic(f, "a/b.md");
  CHECK(gongkai::core::format(d) == "a/b.md:12: warning: A005: m");
  CHECK(d.message_zh == "中");
}
