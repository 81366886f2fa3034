// Runs every case of tests/template/cases: the engine must render what Jinja2 rendered
// (expected sections written by regen.py) or fail with the error written by hand.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <set>

#include "spec_cases.hpp"
#include "template/environment.hpp"

using gongkai::tmpl::Environment;
using gongkai::tmpl::Value;
using gongkai::tmpl::testing::diff_text;
using gongkai::tmpl::testing::read_spec_file;
using gongkai::tmpl::testing::SpecCase;

namespace {

const char* const kFiles[] = {
    "syntax.txt",       "literals.txt",     "operators.txt",   "access.txt",
    "control.txt",      "assignment.txt",   "macros.txt",      "inheritance.txt",
    "escaping.txt",     "filters_text.txt", "filters_seq.txt", "filters_num.txt",
    "filters_html.txt", "filters_data.txt", "tests.txt",       "globals.txt",
    "errors.txt",       "scoping.txt",      "edge.txt",
};

std::string cases_dir() {
  return std::string(GONGKAI_TESTS_DIR) + "/template/cases/";
}

/// Renders one case; the output, or the formatted error.
std::string run_case(const SpecCase& c, bool* failed) {
  Environment env;
  for (const auto& [name, source] : c.templates) env.add_template(name, source);
  Value data = Value::from_json(nlohmann::ordered_json::parse(c.data));
  auto result = env.render(c.templates.front().first, data);
  *failed = !result.ok();
  return result.ok() ? result.output : result.error->format();
}

/// GONGKAI_UPDATE_ERRORS=1 writes the errors the engine gives into the `--- error` sections
/// (then review them in the diff: they are the hand-checked expectations).
bool updating_errors() {
  const char* v = std::getenv("GONGKAI_UPDATE_ERRORS");
  return v && std::string(v) == "1";
}

void run_file(const std::string& file) {
  auto cases = read_spec_file(cases_dir() + file);
  REQUIRE(!cases.empty());
  std::vector<std::pair<std::string, std::string>> updates;
  for (const SpecCase& c : cases) {
    bool failed = false;
    std::string actual = run_case(c, &failed);
    INFO("case '" << c.name << "' in " << file);
    if (c.error && failed && updating_errors() && !actual.empty()) {
      updates.emplace_back(c.name, actual.substr(0, actual.size() - 1));
      continue;
    }
    if (c.error) {
      // formatted errors end with a newline; the section holds it without
      std::string expected = *c.error + "\n";
      INFO((failed ? "wrong error:\n" : "rendered instead of failing:\n")
           << diff_text(expected, actual));
      CHECK((failed && actual == expected));
    } else {
      INFO((failed ? "failed:\n" + actual : diff_text(*c.expected, actual)));
      CHECK((!failed && actual == *c.expected));
    }
  }
  if (!updates.empty()) gongkai::tmpl::testing::update_error_sections(cases_dir() + file, updates);
}

}  // namespace

TEST_CASE("every case file is run", "[template][spec]") {
  std::set<std::string> listed(std::begin(kFiles), std::end(kFiles));
  for (const auto& entry : std::filesystem::directory_iterator(cases_dir())) {
    std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".txt") CHECK(listed.count(name) == 1);
  }
}

TEST_CASE("spec cases: syntax", "[template][spec]") {
  run_file("syntax.txt");
}
TEST_CASE("spec cases: literals", "[template][spec]") {
  run_file("literals.txt");
}
TEST_CASE("spec cases: operators", "[template][spec]") {
  run_file("operators.txt");
}
TEST_CASE("spec cases: access", "[template][spec]") {
  run_file("access.txt");
}
TEST_CASE("spec cases: control", "[template][spec]") {
  run_file("control.txt");
}
TEST_CASE("spec cases: assignment", "[template][spec]") {
  run_file("assignment.txt");
}
TEST_CASE("spec cases: macros", "[template][spec]") {
  run_file("macros.txt");
}
TEST_CASE("spec cases: inheritance", "[template][spec]") {
  run_file("inheritance.txt");
}
TEST_CASE("spec cases: escaping", "[template][spec]") {
  run_file("escaping.txt");
}
TEST_CASE("spec cases: text filters", "[template][spec]") {
  run_file("filters_text.txt");
}
TEST_CASE("spec cases: sequence filters", "[template][spec]") {
  run_file("filters_seq.txt");
}
TEST_CASE("spec cases: number filters", "[template][spec]") {
  run_file("filters_num.txt");
}
TEST_CASE("spec cases: html filters", "[template][spec]") {
  run_file("filters_html.txt");
}
TEST_CASE("spec cases: data filters", "[template][spec]") {
  run_file("filters_data.txt");
}
TEST_CASE("spec cases: tests", "[template][spec]") {
  run_file("tests.txt");
}
TEST_CASE("spec cases: globals", "[template][spec]") {
  run_file("globals.txt");
}
TEST_CASE("spec cases: errors", "[template][spec]") {
  run_file("errors.txt");
}
TEST_CASE("spec cases: scoping", "[template][spec]") {
  run_file("scoping.txt");
}
TEST_CASE("spec cases: edge", "[template][spec]") {
  run_file("edge.txt");
}
