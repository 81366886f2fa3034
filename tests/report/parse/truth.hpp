#pragma once
// Test support: compares a Report with its make-corpus truth record (truth.jsonl), value by value.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "report/report.hpp"

namespace gongkai::testing {

struct Mismatch {
  std::string file, id, expected, got;
};

struct TruthCheck {
  size_t values = 0;  ///< values compared
  size_t sections = 0;
  std::vector<Mismatch> mismatches;
  std::vector<Mismatch> section_mismatches;  ///< keys and headings of the sections
};

/// Compares every cell (truth `cells`; null = expect null) and the metadata (agency, year, format,
/// shape, date, period, contact, procurement unit) and the sections' keys and headings.
void check_against_truth(const nlohmann::ordered_json& truth, const report::Report& r,
                         TruthCheck& out);

/// One line per mismatch: "file: id: expected X, got Y".
std::string describe(const Mismatch& m);

}  // namespace gongkai::testing
