#pragma once
// Python's str semantics over UTF-8 bytes: templates count, slice, strip and case-map code points
// exactly as Jinja2 (Python) does. ASCII takes fast paths; case mapping of other scripts uses ICU.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::tmpl::pystr {

/// str.isspace() of one code point (also what str.split() and str.strip() remove by default).
bool is_space(char32_t c);
/// The `\w` class of Python's re module (Unicode letters, digits, underscore).
bool is_word(char32_t c);
bool is_alpha(char32_t c);
bool is_digit(char32_t c);
bool is_alnum(char32_t c);
/// str.isprintable() of one code point (repr() escapes the rest).
bool is_printable(char32_t c);
bool is_ascii(std::string_view s);

/// Code points.
size_t length(std::string_view s);
/// Byte offset of code point `index` (clamped to the end).
size_t byte_offset(std::string_view s, size_t index);
/// The code points as one-character strings.
std::vector<std::string> chars(std::string_view s);
/// Python's s[start:stop:step] with the already-normalised indices of `slice_indices`.
std::string slice(std::string_view s, int64_t start, int64_t stop, int64_t step);

std::string upper(std::string_view s);
std::string lower(std::string_view s);
/// str.capitalize(): first character title-cased, the rest lower-cased.
std::string capitalize(std::string_view s);
/// str.title(): words start upper-case, the rest lower-case.
std::string title(std::string_view s);
std::string swapcase(std::string_view s);
bool is_lower(std::string_view s);  ///< str.islower()
bool is_upper(std::string_view s);  ///< str.isupper()

/// str.strip(chars) / lstrip / rstrip; `chars` nullptr = whitespace.
std::string_view strip(std::string_view s, const std::string_view* chars = nullptr);
std::string_view lstrip(std::string_view s, const std::string_view* chars = nullptr);
std::string_view rstrip(std::string_view s, const std::string_view* chars = nullptr);

/// str.split(sep, maxsplit); sep nullptr = runs of whitespace; maxsplit < 0 = all.
std::vector<std::string_view> split(std::string_view s, const std::string_view* sep,
                                    int64_t maxsplit);
std::vector<std::string_view> rsplit(std::string_view s, const std::string_view* sep,
                                     int64_t maxsplit);
/// str.splitlines(keepends): Python's line boundaries (\n \r \r\n \v \f \x1c-\x1e \x85 \u2028
/// \u2029).
std::vector<std::string_view> splitlines(std::string_view s, bool keepends = false);

/// str.replace(old, new, count); count < 0 = all.
std::string replace(std::string_view s, std::string_view old, std::string_view repl,
                    int64_t count = -1);
/// str.count(sub).
size_t count(std::string_view s, std::string_view sub);
/// str.find(sub) in code points; -1 when absent.
int64_t find(std::string_view s, std::string_view sub);
int64_t rfind(std::string_view s, std::string_view sub);

/// str.center / ljust / rjust with a one-character fill.
std::string center(std::string_view s, int64_t width, std::string_view fill = " ");
std::string ljust(std::string_view s, int64_t width, std::string_view fill = " ");
std::string rjust(std::string_view s, int64_t width, std::string_view fill = " ");
std::string zfill(std::string_view s, int64_t width);

/// repr() of a str: quotes chosen as Python does, escapes for quotes, backslashes and
/// unprintable characters.
void append_repr(std::string& out, std::string_view s);

/// Appends a code point as UTF-8.
void append_utf8(std::string& out, char32_t c);
/// Decodes the code point at s[i] and advances i (invalid bytes decode as U+FFFD).
char32_t next(std::string_view s, size_t& i);

}  // namespace gongkai::tmpl::pystr
