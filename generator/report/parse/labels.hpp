#pragma once
// The row labels each table reader looks for, in normalize_key form: for every row, its label's
// distinctive start (with the row number when printed) and shorter fallbacks for reports that
// print the label a little differently (no row number, a typo later in the label: the 2% of
// reports that print 其他法律行政止公开 still match "2.其他法律").
#include <span>
#include <string_view>

namespace gongkai::report::parse {

/// Keys of a table A row (`applications.<row>`), empty when the row id is unknown.
std::span<const std::string_view> application_keys(std::string_view row);
/// Keys of a table P item (`proactive.<item>`).
std::span<const std::string_view> proactive_keys(std::string_view item, bool format2019);

}  // namespace gongkai::report::parse
