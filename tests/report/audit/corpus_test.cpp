// The audit over the fixture corpus (make-corpus, seed 2026), built from truth.jsonl without the
// reader: what the audit finds must be exactly what the corpus planted.
#include <catch2/catch.hpp>

#include "corpus_checks.hpp"
#include "truth_loader.hpp"

using namespace gongkai::report;
using namespace gongkai::report::testing;

namespace {

const std::vector<TruthReport>& corpus() {
  static const std::vector<TruthReport> all = load_truth(corpus_dir());
  return all;
}

const std::vector<CorpusEntry>& audited() {
  static const std::vector<CorpusEntry> all = [] {
    std::vector<const nlohmann::json*> truth;
    std::vector<const Report*> reports;
    for (const auto& t : corpus()) {
      truth.push_back(&t.truth);
      reports.push_back(&t.report);
    }
    return audit_all(truth, reports);
  }();
  return all;
}

}  // namespace

TEST_CASE("corpus: the fixture has what the tests rely on") {
  size_t planted = 0, missing = 0, late = 0, stale = 0, copied = 0, unsigned_ = 0;
  for (const auto& t : corpus()) {
    planted += !t.truth["planted"].is_null();
    missing += !t.truth["missing"].empty();
    late += t.truth["late"].get<bool>();
    stale += !t.truth["stale_year"].is_null();
    copied += !t.truth["copied_problems_from"].is_null();
    unsigned_ += t.truth["date"].is_null();
  }
  CHECK(corpus().size() >= 300);
  CHECK(planted > 0);
  CHECK(missing > 0);
  CHECK(late > 0);
  CHECK(stale > 0);
  CHECK(copied > 0);
  CHECK(unsigned_ > 0);
}

TEST_CASE("corpus: every planted break is found, with its code, instances and cells") {
  check_identities_against_truth(audited());
}

TEST_CASE("corpus: missing cells are reported exactly, and never as identity failures") {
  check_missing_against_truth(audited());
}

TEST_CASE("corpus: deadlines and late signatures agree with make-corpus") {
  check_deadlines_against_truth(audited());
}

TEST_CASE("corpus: stale years are found where planted, and nowhere else") {
  check_stale_years_against_truth(audited());
}

TEST_CASE("corpus: the prose's count of applications is read and agrees with the tables") {
  check_application_prose_against_truth(audited());
}

TEST_CASE("corpus: nothing else is flagged") {
  check_nothing_else(audited());
}

TEST_CASE("corpus: copied problem sections are found, and no other consecutive pair") {
  check_copies_against_truth(audited());
}
