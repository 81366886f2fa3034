// Every report of the committed fixture corpus (tests/fixtures/corpus, made by make-corpus) read,
// every cell and metadata value compared with truth.jsonl. Prints every mismatch.
#include <catch2/catch.hpp>
#include <fstream>
#include <iostream>

#include "core/file_system.hpp"
#include "report/parse/reader.hpp"
#include "truth.hpp"

using namespace gongkai;

namespace {

const std::string kCorpus = std::string(GONGKAI_TESTS_DIR) + "/fixtures/corpus";

std::vector<nlohmann::ordered_json> load_truth() {
  std::ifstream in(kCorpus + "/truth.jsonl");
  std::vector<nlohmann::ordered_json> out;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(nlohmann::ordered_json::parse(line));
  }
  return out;
}

}  // namespace

TEST_CASE("every cell and metadata value of the fixture corpus equals the truth") {
  auto truth = load_truth();
  REQUIRE(truth.size() == 300);
  core::DiskFileSystem fs;
  testing::TruthCheck result;
  for (const auto& t : truth) {
    std::string name = t["file"].get<std::string>();
    auto bytes = fs.read(kCorpus + "/" + name);
    REQUIRE(bytes);
    testing::check_against_truth(t, report::parse::read_report(name, *bytes), result);
  }
  for (const auto& m : result.mismatches) std::cout << testing::describe(m) << "\n";
  INFO(result.mismatches.size() << " of " << result.values << " values differ");
  CHECK(result.values > 60000);
  CHECK(result.mismatches.empty());
}

TEST_CASE("the sections of the fixture corpus have the truth's keys and headings") {
  auto truth = load_truth();
  core::DiskFileSystem fs;
  testing::TruthCheck result;
  for (const auto& t : truth) {
    std::string name = t["file"].get<std::string>();
    auto bytes = fs.read(kCorpus + "/" + name);
    REQUIRE(bytes);
    testing::check_against_truth(t, report::parse::read_report(name, *bytes), result);
  }
  for (const auto& m : result.section_mismatches) std::cout << testing::describe(m) << "\n";
  CHECK(result.sections == 300);
  CHECK(result.section_mismatches.empty());
}

TEST_CASE("the diagnostics of the fixture corpus name what is missing, and only that") {
  // Truth `missing` lists the cells printed empty: each must be Missing with a P011 warning on a
  // line; a report with nothing missing gets no P009/P010/P011 warning at all.
  auto truth = load_truth();
  core::DiskFileSystem fs;
  for (const auto& t : truth) {
    std::string name = t["file"].get<std::string>();
    auto bytes = fs.read(kCorpus + "/" + name);
    REQUIRE(bytes);
    auto r = report::parse::read_report(name, *bytes);
    INFO(name);
    size_t empty_warnings = 0, other = 0;
    for (const auto& d : r.diagnostics) {
      if (d.code == "P011") {
        ++empty_warnings;
        CHECK(d.line > 0);
      }
      if (d.code == "P009" || d.code == "P010" || d.code == "P001" || d.code == "P099") ++other;
    }
    CHECK(other == 0);
    CHECK((empty_warnings > 0) == !t["missing"].empty());
    for (const auto& id : t["missing"]) {
      const report::Cell* c = r.find(id.get<std::string>());
      REQUIRE(c);
      CHECK(c->status == report::CellStatus::Missing);
      CHECK(c->line > 0);
    }
  }
}
