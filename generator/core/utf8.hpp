#pragma once
// UTF-8 helpers used across modules: decoding one code point, encoding, counting, validating.
#include <cstdint>
#include <string>
#include <string_view>

namespace gongkai::core::utf8 {

constexpr char32_t kReplacement = 0xFFFD;

/// Decodes the code point at s[i] and advances i; an invalid byte yields U+FFFD and advances by one.
char32_t next(std::string_view s, size_t& i);
void append(std::string& out, char32_t cp);
size_t count_code_points(std::string_view s);
/// True when s is well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid(std::string_view s);
/// The code point starting at byte offset i, without advancing.
inline char32_t at(std::string_view s, size_t i) { return next(s, i); }
inline bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x2FA1F) || c == 0x3007;
}

}  // namespace gongkai::core::utf8
