#pragma once
// Character normalisation of report text: one kind of digit, letter and space, so that the readers
// never have to care which the author's keyboard produced.
#include <cstdint>
#include <string>
#include <string_view>

namespace gongkai::text {

/// Appends `line` to `out` normalised: full-width digits and letters (０-９, Ａ-Ｚ, ａ-ｚ) and
/// ＠．－＋／％＿ become ASCII; ideographic, no-break and other Unicode spaces become ' ';
/// zero-width characters, byte-order marks, form feeds and other control characters except TAB are
/// removed; invalid UTF-8 becomes U+FFFD. Brackets and CJK punctuation are kept as printed.
void normalize_into(std::string_view line, std::string& out);

/// True for characters set in a full-width cell: Han, CJK punctuation, full-width forms, the
/// curly quotes and the ellipsis of Chinese text.
bool is_wide(char32_t c);

/// Display width in half cells: ASCII counts 1, everything else 2 (a PDF line's width).
uint32_t display_width(std::string_view s);

/// `s` with leading and trailing spaces and TABs removed.
std::string_view trim(std::string_view s);

/// Removes the stray spaces of extracted text: a run of spaces between a wide character and a wide
/// character, digit or ASCII letter (either order) goes ("2023 年 1 月" → "2023年1月", "鲁泰大道 51
/// 号" → "鲁泰大道51号"); other runs become one space; leading and trailing spaces go.
std::string squeeze_spaces(std::string_view s);
/// Same, appending to `out`.
void squeeze_spaces_into(std::string_view s, std::string& out);

}  // namespace gongkai::text
