#pragma once
// Digit runs of several rows decided together. A run that the row's own identity (总计 = the six
// applicant columns) leaves ambiguous may still be fixed by the column identities of table A
// (一 + 二 = （七） + 四; （七） = the outcome rows): the combination of the rows' candidate splits
// that satisfies every identity is the only reading the report allows, when it is the only one.
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "report/report.hpp"

namespace gongkai::report::parse {

/// One row printed as a digit run: its cells and every split of the run that its own identity
/// allows (the complete list, in any order).
struct SplitGroup {
  std::vector<CellIndex> cells;
  std::vector<std::vector<int64_t>> candidates;
};

/// The candidate index for every group when exactly one combination satisfies every instance of
/// `instances` whose cells are all known (read in `report` as whole numbers, or in a group);
/// nullopt when no combination or several do, or when the search passes its budget. Instances with
/// a cell that is neither read nor in a group cannot be assessed and constrain nothing.
std::optional<std::vector<size_t>> solve_jointly(const Report& report,
                                                 std::span<const SplitGroup> groups,
                                                 std::span<const IdentityInstance> instances);

}  // namespace gongkai::report::parse
