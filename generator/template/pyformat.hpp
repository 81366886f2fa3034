#pragma once
// Python's number printing and string formatting, byte for byte: float repr (`0.30000000000000004`,
// `1e+20`), the `%` operator (printf-style), str.format() and the format-spec mini-language.
#include <cstdint>
#include <string>
#include <string_view>

#include "template/object.hpp"
#include "template/value.hpp"

namespace gongkai::tmpl::pyformat {

/// repr(float): the shortest string that reads back to the same double, in Python's layout.
void append_float_repr(std::string& out, double d);
void append_int(std::string& out, int64_t i);

/// `format % args`. A tuple supplies the positional arguments, a dict the `%(name)s` ones, any
/// other value is the single argument. When `escape` is set (the format is Markup), the
/// arguments are HTML-escaped as markupsafe does. Throws RuntimeError with Python's messages.
std::string percent(std::string_view format, const Value& args, bool escape);

/// `format.format(*args, **kwargs)` (str.format); `escape` as for percent().
std::string str_format(std::string_view format, const Args& args, bool escape);

/// Python's format(value, spec) (the mini-language after `:` in str.format).
std::string format_value(const Value& value, std::string_view spec);

/// The digits of |v| in base 2, 8, 10 or 16 (no sign, no prefix).
std::string digits_in_base(int64_t v, int base, bool upper);

/// C-style formatting of a double with a conversion ('f', 'e', 'g', 'E', 'G') and a precision, as
/// Python does it (inf, nan, -0.0 included); `alternate` is the '#' flag.
std::string format_double(double d, char conversion, int precision, bool alternate = false);

}  // namespace gongkai::tmpl::pyformat
