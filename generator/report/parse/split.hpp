#pragma once
// Runs of digits printed without separators (a crawled HTML page flattened to one line:
// "本年新收…1000001" holds seven cells). Such a run can be split in many ways; where an identity
// of the table holds for exactly one of them, that one is what the report says. Where none or
// several do, the cells stay missing.
#include <cstdint>
#include <functional>
#include <span>
#include <string_view>
#include <vector>

namespace gongkai::report::parse {

/// Every way (at most `limit`) to cut the runs, in order, into `n` numbers such that no number
/// starts with 0 unless it is 0 and `accept` holds. `accept` sees every prefix as it grows and
/// returns false as soon as the prefix can no longer lead anywhere (an identity over the values so
/// far fails), which keeps the search small; it gives up (returns nothing) past a fixed budget of
/// steps. Runs are ASCII digits, each may start with `-`: a sign starts a cell (`35-15` is the runs
/// `35` and `-15`), so the first number of such a run is negative.
std::vector<std::vector<int64_t>> split_runs(
    std::span<const std::string_view> runs, size_t n,
    const std::function<bool(std::span<const int64_t>)>& accept, size_t limit = 2);

}  // namespace gongkai::report::parse
