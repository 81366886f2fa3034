#pragma once
// How numbers read on the site: thousands separators, exact decimals as printed, rates as percents.
#include <cstdint>
#include <string>

#include "report/number.hpp"

namespace gongkai::output {

/// "1,234,567", "-1,234", "5,949.088667" (the decimals exactly as printed).
std::string format_number(const report::Number& n);
std::string format_integer(int64_t n);
/// A ratio as a percent with one decimal: 0.8333 → "83.3%", 1 → "100%", 0 → "0%".
std::string format_percent(double ratio);

}  // namespace gongkai::output
