#pragma once
// Dates as reports print them: "2024年1月19日" (spaces already squeezed out) or in Chinese numerals
// "二〇二四年一月十九日".
#include <optional>
#include <string_view>

#include "report/report.hpp"

namespace gongkai::report::parse {

enum class DateParse { None, Valid, Invalid };

/// Reads year, month and day at s[pos]; on Valid or Invalid (well-formed but not a calendar date,
/// such as 2月30日) pos moves past the 日, and `out` holds the date read (Valid only).
DateParse parse_date_at(std::string_view s, size_t& pos, Date& out);
/// Reads "12月31日" at s[pos] (no year); pos moves past it on success.
bool parse_month_day_at(std::string_view s, size_t& pos, int& month, int& day);
/// Reads a year "2023年" (ASCII or Chinese numerals) at s[pos]; pos moves past 年 on success.
bool parse_year_at(std::string_view s, size_t& pos, int& year);

}  // namespace gongkai::report::parse
