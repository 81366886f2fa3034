// The audit over the fixture corpus end to end: each file read by the reader, then audited. The
// same checks as corpus_test.cpp (which builds its Reports from truth.jsonl): what the audit finds
// in the files must be exactly what the corpus planted.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "corpus_checks.hpp"
#include "report/parse/reader.hpp"
#include "truth_loader.hpp"

using namespace gongkai::report;
using namespace gongkai::report::testing;

namespace {

struct Read {
  std::vector<nlohmann::json> truth;
  std::vector<Report> reports;
};

const Read& corpus() {
  static const Read all = [] {
    Read out;
    std::string dir = corpus_dir();
    std::ifstream in(dir + "/truth.jsonl");
    if (!in) throw std::runtime_error("cannot read " + dir + "/truth.jsonl");
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) continue;
      out.truth.push_back(nlohmann::json::parse(line));
      std::string path = dir + "/" + out.truth.back()["file"].get<std::string>();
      std::ifstream f(path, std::ios::binary);
      std::stringstream bytes;
      bytes << f.rdbuf();
      out.reports.push_back(parse::read_report(out.truth.back()["file"], bytes.str()));
    }
    return out;
  }();
  return all;
}

const std::vector<CorpusEntry>& audited() {
  static const std::vector<CorpusEntry> all = [] {
    std::vector<const nlohmann::json*> truth;
    std::vector<const Report*> reports;
    for (size_t k = 0; k < corpus().truth.size(); ++k) {
      truth.push_back(&corpus().truth[k]);
      reports.push_back(&corpus().reports[k]);
    }
    return audit_all(truth, reports);
  }();
  return all;
}

}  // namespace

TEST_CASE("corpus through the reader: every planted break is found, and nothing else") {
  REQUIRE(audited().size() >= 300);
  check_identities_against_truth(audited());
}

TEST_CASE("corpus through the reader: missing cells are reported exactly") {
  check_missing_against_truth(audited());
}

TEST_CASE("corpus through the reader: deadlines and late signatures agree with make-corpus") {
  check_deadlines_against_truth(audited());
}

TEST_CASE("corpus through the reader: stale years are found where planted, and nowhere else") {
  check_stale_years_against_truth(audited());
}

TEST_CASE("corpus through the reader: the prose's count of applications agrees with the tables") {
  check_application_prose_against_truth(audited());
}

TEST_CASE("corpus through the reader: no section, period or title finding") {
  check_nothing_else(audited());
}

TEST_CASE("corpus through the reader: copied problem sections are found, and no other pair") {
  check_copies_against_truth(audited());
}
