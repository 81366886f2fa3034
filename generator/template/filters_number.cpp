// Number filters: abs, int, float, round, filesizeformat — with Python's parsing and rounding.
#include <unicode/uchar.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "template/filter_util.hpp"
#include "template/pyformat.hpp"
#include "template/pystr.hpp"

namespace gongkai::tmpl::filters {

namespace {

/// The ASCII digits of s with any Unicode decimal digit mapped to ASCII (Python's int() and
/// float() accept them); false when s has another non-ASCII character.
bool ascii_digits(std::string_view s, std::string& out) {
  out.clear();
  for (size_t i = 0; i < s.size();) {
    char32_t c = pystr::next(s, i);
    if (c < 0x80) {
      out += static_cast<char>(c);
      continue;
    }
    int32_t d = u_charDigitValue(static_cast<UChar32>(c));
    if (d < 0 || u_charType(static_cast<UChar32>(c)) != U_DECIMAL_DIGIT_NUMBER) return false;
    out += static_cast<char>('0' + d);
  }
  return true;
}

/// Python's int(s, base) for strings; false on ValueError.
bool parse_int(std::string_view text, int64_t base, int64_t& out) {
  std::string s;
  if (!ascii_digits(pystr::strip(text), s)) return false;
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  auto has_prefix = [&](char p) {
    return i + 1 < s.size() && s[i] == '0' && (s[i + 1] | 0x20) == p;
  };
  if (base == 0) {
    if (has_prefix('x'))
      base = 16, i += 2;
    else if (has_prefix('o'))
      base = 8, i += 2;
    else if (has_prefix('b'))
      base = 2, i += 2;
    else
      base = 10;
    if (i < s.size() && s[i] == '_') ++i;
  } else if ((base == 16 && has_prefix('x')) || (base == 8 && has_prefix('o')) ||
             (base == 2 && has_prefix('b'))) {
    i += 2;
    if (i < s.size() && s[i] == '_') ++i;
  }
  if (base < 2 || base > 36 || i >= s.size()) return false;
  __int128 value = 0;
  bool last_underscore = false, any = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '_') {
      if (last_underscore || !any) return false;
      last_underscore = true;
      continue;
    }
    int d = (c >= '0' && c <= '9')                     ? c - '0'
            : ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? (c | 0x20) - 'a' + 10
                                                       : 99;
    if (d >= base) return false;
    value = value * base + d;
    if (value > (static_cast<__int128>(1) << 64))
      throw RuntimeError("integer is too large for 64 bits");
    last_underscore = false;
    any = true;
  }
  if (!any || last_underscore) return false;
  if (negative) value = -value;
  if (value > INT64_MAX || value < INT64_MIN)
    throw RuntimeError("integer is too large for 64 bits");
  out = static_cast<int64_t>(value);
  return true;
}

/// Python's float(s) for strings; false on ValueError.
bool parse_float(std::string_view text, double& out) {
  std::string s;
  if (!ascii_digits(pystr::strip(text), s)) return false;
  std::string lowered;
  for (char c : s) lowered += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  std::string_view body = lowered;
  bool negative = false;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  if (body == "inf" || body == "infinity") {
    out = negative ? -HUGE_VAL : HUGE_VAL;
    return true;
  }
  if (body == "nan") {
    out = std::nan("");
    return true;
  }
  // digits with single underscores between digits, optional fraction, optional exponent
  std::string clean;
  bool digit_before = false, seen_digit = false, seen_dot = false, seen_e = false;
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c >= '0' && c <= '9') {
      clean += c;
      digit_before = true;
      seen_digit = true;
    } else if (c == '_') {
      if (!digit_before || i + 1 >= body.size() || !(body[i + 1] >= '0' && body[i + 1] <= '9'))
        return false;
    } else if (c == '.' && !seen_dot && !seen_e) {
      clean += c;
      seen_dot = true;
      digit_before = false;
    } else if (c == 'e' && !seen_e && seen_digit) {
      clean += c;
      seen_e = true;
      digit_before = false;
      if (i + 1 < body.size() && (body[i + 1] == '+' || body[i + 1] == '-')) clean += body[++i];
      if (i + 1 >= body.size()) return false;
    } else {
      return false;
    }
  }
  if (!seen_digit) return false;
  char* end = nullptr;
  errno = 0;
  double d = std::strtod(clean.c_str(), &end);
  if (*end != '\0') return false;
  out = negative ? -d : d;
  return true;
}

Value do_abs(CallContext&, const Value& v, const Args& a) {
  Params("abs", a, {});
  if (v.is_int() || v.is_bool()) {
    int64_t i = v.as_int();
    if (i == INT64_MIN) throw RuntimeError("integer overflow: the result does not fit in 64 bits");
    return Value(i < 0 ? -i : i);
  }
  if (v.is_float()) return Value(std::fabs(v.as_float()));
  fail("bad operand type for abs(): '" + std::string(v.type_name()) + "'");
}

Value do_int(CallContext&, const Value& v, const Args& a) {
  Params p("do_int", a, {"default", "base"});
  Value fallback = p.get(0, Value(0));
  int64_t base = p.has(1) ? to_int_arg(*p[1]) : 10;
  ops::check_defined(v);  // Undefined.__int__ raises
  int64_t out;
  if (v.is_string()) {
    if (parse_int(v.as_string(), base, out)) return Value(out);
  } else if (v.is_int() || v.is_bool()) {
    return Value(v.as_int());
  } else if (v.is_float()) {
    double d = v.as_float();
    if (std::isinf(d)) throw RuntimeError("cannot convert float infinity to integer");
    if (!std::isnan(d)) {
      if (std::fabs(d) >= 9.2233720368547758e18)
        throw RuntimeError("integer is too large for 64 bits");
      return Value(static_cast<int64_t>(std::trunc(d)));
    }
  }
  // int(float(value)), then the default
  double d;
  bool ok = false;
  if (v.is_string()) ok = parse_float(v.as_string(), d);
  if (ok && std::isfinite(d) && std::fabs(d) < 9.2233720368547758e18)
    return Value(static_cast<int64_t>(std::trunc(d)));
  return fallback;
}

Value do_float(CallContext&, const Value& v, const Args& a) {
  Params p("do_float", a, {"default"});
  Value fallback = p.get(0, Value(0.0));
  ops::check_defined(v);  // Undefined.__float__ raises
  if (v.is_number()) return Value(v.as_float());
  double d;
  if (v.is_string() && parse_float(v.as_string(), d)) return Value(d);
  return fallback;
}

/// Python's round(x, n) for floats: correctly rounded, ties to even on the exact binary value.
double round_float(double x, int64_t n) {
  if (!std::isfinite(x) || n > 300) return x;
  if (n >= 0) {
    std::string s = pyformat::format_double(x, 'f', static_cast<int>(n));
    return std::strtod(s.c_str(), nullptr);
  }
  double scale = std::pow(10.0, static_cast<double>(-n));
  double y = std::nearbyint(x / scale) * scale;
  return y;
}

Value do_round(CallContext&, const Value& v, const Args& a) {
  Params p("do_round", a, {"precision", "method"});
  int64_t precision = p.has(0) ? to_int_arg(*p[0]) : 0;
  std::string method = p.has(1) ? p[1]->str() : "common";
  if (method != "common" && method != "ceil" && method != "floor")
    fail("method must be common, ceil or floor");
  if (!v.is_number()) {
    fail("type " + std::string(v.type_name()) + " doesn't define __round__ method");
  }
  if (method == "common") {
    if (v.is_int() || v.is_bool()) {
      int64_t i = v.as_int();
      if (precision >= 0) return Value(i);
      if (precision < -18) return Value(int64_t(0));
      int64_t pow = 1;
      for (int64_t k = 0; k < -precision; ++k) pow *= 10;
      int64_t q = i / pow, r = i % pow;
      if (r < 0) r += pow, --q;
      int64_t twice = 2 * r;
      if (twice > pow || (twice == pow && (q & 1))) ++q;
      return Value(q * pow);
    }
    return Value(round_float(v.as_float(), precision));
  }
  double scale = std::pow(10.0, static_cast<double>(precision));
  double x = v.as_float() * scale;
  if (std::isinf(x)) throw RuntimeError("cannot convert float infinity to integer");
  if (std::isnan(x)) throw RuntimeError("cannot convert float NaN to integer");
  double r = method == "ceil" ? std::ceil(x) : std::floor(x);
  return Value(r / scale);
}

Value do_filesizeformat(CallContext&, const Value& v, const Args& a) {
  Params p("do_filesizeformat", a, {"binary"});
  bool binary = p.get(0, false).truthy();
  double bytes;
  if (v.is_number()) {
    bytes = v.as_float();
  } else if (v.is_string()) {
    if (!parse_float(v.as_string(), bytes)) fail("could not convert string to float: " + v.repr());
  } else {
    ops::check_defined(v);
    fail("float() argument must be a string or a real number, not '" + std::string(v.type_name()) +
         "'");
  }
  double base = binary ? 1024 : 1000;
  static const char* decimal[] = {"kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
  static const char* binary_units[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};
  if (bytes == 1) return Value("1 Byte");
  if (bytes < base)
    return Value(std::to_string(static_cast<int64_t>(std::trunc(bytes))) + " Bytes");
  double unit = 0;
  const char* prefix = nullptr;
  for (int i = 0; i < 8; ++i) {
    unit = std::pow(base, i + 2);
    prefix = binary ? binary_units[i] : decimal[i];
    if (bytes < unit) break;
  }
  return Value(pyformat::format_double(base * bytes / unit, 'f', 1) + " " + prefix);
}

}  // namespace

void add_number_filters(const Registrar& r) {
  r.add("abs", do_abs, true);
  r.add("int", do_int, true);
  r.add("float", do_float, true);
  r.add("round", do_round, true);
  r.add("filesizeformat", do_filesizeformat, true);
}

}  // namespace gongkai::tmpl::filters
