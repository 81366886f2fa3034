// The audit over the fixture corpus as the reader reads it: what the audit finds in the reader's
// Reports must be exactly what make-corpus planted (the same checks as the audit's own corpus
// test, which builds its Reports from truth.jsonl instead).
#include <catch2/catch.hpp>

#include "../audit/corpus_checks.hpp"
#include "../audit/truth_loader.hpp"
#include "core/file_system.hpp"
#include "report/parse/reader.hpp"

using namespace gongkai::report;
using namespace gongkai::report::testing;

namespace {

struct Read {
  std::vector<TruthReport> truth;
  std::vector<Report> reports;
};

const Read& corpus() {
  static const Read all = [] {
    Read r;
    r.truth = load_truth(corpus_dir());
    gongkai::core::DiskFileSystem fs;
    for (const auto& t : r.truth) {
      std::string name = t.truth["file"].get<std::string>();
      auto bytes = fs.read(corpus_dir() + "/" + name);
      r.reports.push_back(parse::read_report(name, bytes ? *bytes : std::string()));
    }
    return r;
  }();
  return all;
}

const std::vector<CorpusEntry>& audited() {
  static const std::vector<CorpusEntry> all = [] {
    std::vector<const nlohmann::json*> truth;
    std::vector<const Report*> reports;
    for (size_t i = 0; i < corpus().truth.size(); ++i) {
      truth.push_back(&corpus().truth[i].truth);
      reports.push_back(&corpus().reports[i]);
    }
    return audit_all(truth, reports);
  }();
  return all;
}

}  // namespace

TEST_CASE("reader + audit: every planted break found, nothing more") {
  check_identities_against_truth(audited());
}
TEST_CASE("reader + audit: missing cells reported exactly") {
  check_missing_against_truth(audited());
}
TEST_CASE("reader + audit: deadlines and late signatures") {
  check_deadlines_against_truth(audited());
}
TEST_CASE("reader + audit: stale years") {
  check_stale_years_against_truth(audited());
}
TEST_CASE("reader + audit: the prose's count of applications") {
  check_application_prose_against_truth(audited());
}
TEST_CASE("reader + audit: nothing else flagged") {
  check_nothing_else(audited());
}
TEST_CASE("reader + audit: copied problem sections") {
  check_copies_against_truth(audited());
}
