#pragma once
// The audit: rules over a Report → findings (the checks a citizen or an evaluator makes by hand:
// the tables' identities, cells left empty, sections, stale years, the deadline, the table format,
// what the prose says against the tables). It checks any Report, however it was read; it has no
// clock.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "report/report.hpp"

namespace gongkai::report::audit {

/// One thing a rule found in one report.
struct Finding {
  core::Severity severity = core::Severity::Warning;
  std::string code;              ///< stable: "A001"…; rules() explains each
  std::string message;           ///< English, concrete: cells, both sides, the difference
  std::string message_zh;        ///< the same in Chinese
  uint32_t line = 0;             ///< main source line, 0 if none
  std::vector<CellIndex> cells;  ///< cells involved (for the report page to mark)
  std::vector<uint32_t> lines;   ///< every source line involved, ascending, no 0
  /// What the finding is about, stable across runs: for identities the instance as truth.jsonl
  /// names it ("balance:total", "row_sum:disclosed"); "missing:<table>.<group>" for empty cells;
  /// "section:<key>" for sections; empty when the code says it all.
  std::string instance;
};

/// A rule as the site's audit page lists it.
struct RuleInfo {
  std::string_view code;
  core::Severity severity;
  std::string_view title, title_zh;
  std::string_view explanation, explanation_zh;
};

/// Every rule, by code (A001 first).
const std::vector<RuleInfo>& rules();
/// nullptr when no rule has this code.
const RuleInfo* find_rule(std::string_view code);

/// What the text cannot tell. Report::meta (front matter) wins over these when it is set.
struct Options {
  /// "department" (部门, also 乡镇 and 街道), "government" (a people's government's combined 汇总
  /// report), "government_office" (the report on the government body itself, 本政府机关) or
  /// "system" (a vertically-led system's whole-system report); empty when unknown.
  std::string kind;
  /// "province" | "city" | "county" | "town"; empty when unknown.
  std::string level;
};

/// Every finding of every rule, in rule order, then by position in the report.
std::vector<Finding> audit_report(const Report& r, const Options& o = {});

/// 年年雷同: section 五 nearly identical to the same agency's previous-year report (character
/// 3-gram Jaccard similarity ≥ kCopiedProblemsThreshold); returns a warning finding (A014) or
/// nothing. The caller pairs the reports (same agency, consecutive years); sections of fewer than
/// kMinProblemsGrams distinct 3-grams are not compared.
std::optional<Finding> compare_with_previous(const Report& previous, const Report& current);
inline constexpr double kCopiedProblemsThreshold = 0.7;
inline constexpr size_t kMinProblemsGrams = 20;

/// The finding as a diagnostic of `file` (for `gongkai check` and the build's summary).
core::Diagnostic to_diagnostic(const Finding& f, const std::string& file);

/// True for a reader diagnostic that an audit finding says again in the audit's words (P011 empty
/// cells → A005, P016 no signature date → A011): a listing of both shows it once.
bool restated_by_audit(std::string_view reader_code);

}  // namespace gongkai::report::audit
