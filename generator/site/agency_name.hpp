#pragma once
// Agency names as reports write them: one comparable form, so that "淄博市医疗保障局 高新区分局"
// and "淄博市医疗保障局高新区分局" are the same string.
#include <string>
#include <string_view>

namespace gongkai::site {

/// The comparable form of a name: whitespace (ASCII, ideographic, NBSP) removed, full-width ASCII
/// folded to half-width, brackets unified to ASCII "()". Not for display.
std::string normalize_agency_name(std::string_view name);

}  // namespace gongkai::site
