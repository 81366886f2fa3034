#pragma once
// Test-only: a Report built from one truth.jsonl record of a make-corpus folder, independent of the
// reader. Cells: a value → Read; null and listed in `missing` → Missing; other nulls → Absent. Meta
// and sections from the record. Cell k of the layout gets line 1000 + k, section blocks lines
// from 1.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "report/report.hpp"

namespace gongkai::report::testing {

struct TruthReport {
  nlohmann::json truth;
  Report report;
};

/// Every record of DIR/truth.jsonl with its Report; throws when the file cannot be read.
std::vector<TruthReport> load_truth(const std::string& dir);
Report report_from_truth(const nlohmann::json& t);
/// The corpus the tests use: $GONGKAI_CORPUS_DIR when set (to run them on a bigger corpus made
/// under /tmp), else tests/fixtures/corpus.
std::string corpus_dir();

}  // namespace gongkai::report::testing
