#pragma once
// 年年雷同: how alike two reports' section 五 are. Exposed for testing and for the site.
#include <cstdint>
#include <vector>

#include "report/report.hpp"

namespace gongkai::report::audit {

/// The distinct character 3-grams of section 五 (headings and text of every block, white space left
/// out), each packed into one integer (three 21-bit code points), sorted.
std::vector<uint64_t> problem_grams(const Report& r);
/// Jaccard similarity |a ∩ b| / |a ∪ b| of two sorted gram sets; 1 when both are empty.
double jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

}  // namespace gongkai::report::audit
