#pragma once
// What the audit must find in a make-corpus folder, whichever way its Reports were built (from
// truth.jsonl, or by the reader from the files): each function CHECKs one family of rules against
// the truth records.
#include <vector>

#include <nlohmann/json.hpp>

#include "report/audit/audit.hpp"

namespace gongkai::report::testing {

struct CorpusEntry {
  const nlohmann::json* truth;
  const Report* report;
  std::vector<audit::Finding> findings;
};

/// Audits every report.
std::vector<CorpusEntry> audit_all(const std::vector<const nlohmann::json*>& truth,
                                   const std::vector<const Report*>& reports);

/// Every planted break found with its code, instances exactly `broken`, its changed cells named;
/// no identity finding on an unbroken report.
void check_identities_against_truth(const std::vector<CorpusEntry>& all);
/// A005 names exactly the `missing` cells, in one finding; nothing names an unverifiable instance.
void check_missing_against_truth(const std::vector<CorpusEntry>& all);
/// deadline_of agrees with `deadline`; A010 iff `late`; A011 iff no `date`.
void check_deadlines_against_truth(const std::vector<CorpusEntry>& all);
/// A008 iff `stale_year`, naming it; the fee sentence's year is read in every report.
void check_stale_years_against_truth(const std::vector<CorpusEntry>& all);
/// No A013; the count of applications is read wherever table A's new_received.total is printed.
void check_application_prose_against_truth(const std::vector<CorpusEntry>& all);
/// A012 iff a 2019-format report for 2021 or later; never A006, A007, A009.
void check_nothing_else(const std::vector<CorpusEntry>& all);
/// compare_with_previous finds every `copied_problems_from` pair and no other consecutive pair.
void check_copies_against_truth(const std::vector<CorpusEntry>& all);

}  // namespace gongkai::report::testing
