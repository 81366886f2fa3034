#include "template/pyformat.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "template/markup.hpp"
#include "template/pystr.hpp"

namespace gongkai::tmpl::pyformat {

void append_int(std::string& out, int64_t i) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, i);
  out.append(buf, r.ptr);
}

void append_float_repr(std::string& out, double d) {
  if (std::isnan(d)) {
    out += "nan";
    return;
  }
  if (std::isinf(d)) {
    out += d < 0 ? "-inf" : "inf";
    return;
  }
  // Shortest round-trip digits in scientific form ("d.ddde±x"), then Python's layout: fixed
  // notation when -4 <= exponent < 16, scientific with a two-digit exponent otherwise.
  char buf[40];
  auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<size_t>(r.ptr - buf));
  bool negative = sci[0] == '-';
  if (negative) sci.remove_prefix(1);
  size_t e = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e)) {
    if (c != '.') digits += c;
  }
  int exponent = std::atoi(std::string(sci.substr(e + 1)).c_str());
  int decpt = exponent + 1;
  if (negative) out += '-';
  int n = static_cast<int>(digits.size());
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) {
      out += "0.";
      out.append(static_cast<size_t>(-decpt), '0');
      out += digits;
    } else if (decpt >= n) {
      out += digits;
      out.append(static_cast<size_t>(decpt - n), '0');
      out += ".0";
    } else {
      out.append(digits, 0, static_cast<size_t>(decpt));
      out += '.';
      out.append(digits, static_cast<size_t>(decpt), std::string::npos);
    }
    return;
  }
  out += digits[0];
  if (n > 1) {
    out += '.';
    out.append(digits, 1, std::string::npos);
  }
  int x = decpt - 1;
  out += 'e';
  out += x < 0 ? '-' : '+';
  if (x < 0) x = -x;
  if (x < 10) out += '0';
  append_int(out, x);
}

std::string format_double(double d, char conversion, int precision, bool alternate) {
  if (std::isnan(d) || std::isinf(d)) {
    bool upper = conversion == 'E' || conversion == 'F' || conversion == 'G';
    std::string s = std::isnan(d) ? "nan" : (d < 0 ? "-inf" : "inf");
    if (upper) s = pystr::upper(s);
    return s;
  }
  char fmt[16];
  std::snprintf(fmt, sizeof fmt, alternate ? "%%#.*%c" : "%%.*%c", conversion);
  int n = std::snprintf(nullptr, 0, fmt, precision, d);
  std::string out(static_cast<size_t>(n), '\0');
  std::snprintf(out.data(), out.size() + 1, fmt, precision, d);
  return out;
}

namespace {

[[noreturn]] void fail(const std::string& message) {
  throw RuntimeError(message);
}

std::string pad(std::string body, int64_t width, bool left_align, char fill_char) {
  int64_t len = static_cast<int64_t>(pystr::length(body));
  if (width <= len) return body;
  std::string fill(static_cast<size_t>(width - len), fill_char);
  return left_align ? body + fill : fill + body;
}

}  // namespace

std::string digits_in_base(int64_t v, int base, bool upper) {
  if (v == 0) return "0";
  if (base == 10) {
    // digits of |v| (the sign is laid out by the caller)
    char buf[24];
    uint64_t u = v < 0 ? uint64_t(0) - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
    auto r = std::to_chars(buf, buf + sizeof buf, u);
    return std::string(buf, r.ptr);
  }
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  uint64_t u = v < 0 ? uint64_t(0) - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  std::string s;
  while (u) {
    s += digits[u % static_cast<uint64_t>(base)];
    u /= static_cast<uint64_t>(base);
  }
  return std::string(s.rbegin(), s.rend());
}

namespace {

/// A real number for %d/%x…: ints and bools as they are, floats truncated.
int64_t to_integer(const Value& v, char conversion) {
  if (v.is_int() || v.is_bool()) return v.as_int();
  if (v.is_float()) {
    double d = v.as_float();
    if (std::isinf(d)) fail("cannot convert float infinity to integer");
    if (std::isnan(d)) fail("cannot convert float NaN to integer");
    if (conversion == 'x' || conversion == 'X' || conversion == 'o') {
      fail(std::string("%") + conversion + " format: an integer is required, not float");
    }
    return static_cast<int64_t>(std::trunc(d));
  }
  if (conversion == 'x' || conversion == 'X' || conversion == 'o') {
    fail(std::string("%") + conversion + " format: an integer is required, not " +
         std::string(v.type_name()));
  }
  fail(std::string("%") + conversion + " format: a real number is required, not " +
       std::string(v.type_name()));
}

double to_real(const Value& v, char conversion) {
  if (v.is_number()) return v.as_float();
  fail("must be real number, not " + std::string(v.type_name()));
}

struct Spec {
  bool left = false, plus = false, space = false, alternate = false, zero = false;
  int64_t width = -1;
  int64_t precision = -1;
};

std::string apply_sign_and_pad(std::string digits, bool negative, const Spec& spec,
                               std::string prefix = {}) {
  std::string sign = negative ? "-" : spec.plus ? "+" : spec.space ? " " : "";
  if (spec.zero && !spec.left) {
    int64_t len = static_cast<int64_t>(sign.size() + prefix.size() + digits.size());
    if (spec.width > len) digits = std::string(static_cast<size_t>(spec.width - len), '0') + digits;
  }
  return pad(sign + prefix + digits, spec.width, spec.left, ' ');
}

std::string convert_one(char conversion, const Spec& spec, const Value& v, bool escape) {
  switch (conversion) {
    case 's':
    case 'r':
    case 'a': {
      std::string s = conversion == 's' ? v.str() : v.repr();
      if (spec.precision >= 0 && static_cast<int64_t>(pystr::length(s)) > spec.precision) {
        s.resize(pystr::byte_offset(s, static_cast<size_t>(spec.precision)));
      }
      if (escape && !(conversion == 's' && v.is_safe())) s = escape_html(s);
      return pad(std::move(s), spec.width, spec.left, ' ');
    }
    case 'd':
    case 'i':
    case 'u': {
      int64_t i = to_integer(v, 'd');
      std::string digits = digits_in_base(i, 10, false);
      if (spec.precision > static_cast<int64_t>(digits.size())) {
        digits.insert(0, static_cast<size_t>(spec.precision) - digits.size(), '0');
      }
      return apply_sign_and_pad(digits, i < 0, spec);
    }
    case 'x':
    case 'X':
    case 'o': {
      int64_t i = to_integer(v, conversion);
      int base = conversion == 'o' ? 8 : 16;
      std::string digits = digits_in_base(i, base, conversion == 'X');
      if (spec.precision > static_cast<int64_t>(digits.size())) {
        digits.insert(0, static_cast<size_t>(spec.precision) - digits.size(), '0');
      }
      std::string prefix;
      if (spec.alternate) prefix = conversion == 'o' ? "0o" : conversion == 'x' ? "0x" : "0X";
      return apply_sign_and_pad(digits, i < 0, spec, prefix);
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      double d = to_real(v, conversion);
      int precision = spec.precision < 0 ? 6 : static_cast<int>(spec.precision);
      std::string s = format_double(std::fabs(d), conversion, precision, spec.alternate);
      bool negative = std::signbit(d) && !std::isnan(d);
      Spec s2 = spec;
      if (std::isinf(d) || std::isnan(d)) s2.zero = false;
      return apply_sign_and_pad(s, negative, s2);
    }
    case 'c': {
      std::string s;
      if (v.is_int()) {
        pystr::append_utf8(s, static_cast<char32_t>(v.as_int()));
      } else if (v.is_string() && pystr::length(v.as_string()) == 1) {
        s = std::string(v.as_string());
      } else {
        fail("%c requires int or char");
      }
      return pad(std::move(s), spec.width, spec.left, ' ');
    }
    default:
      break;
  }
  fail(std::string("unsupported format character '") + conversion + "'");
}

}  // namespace

std::string percent(std::string_view format, const Value& args, bool escape) {
  std::string out;
  const std::vector<Value>* positional = nullptr;
  std::vector<Value> single;
  if (args.is_tuple()) {
    positional = &args.as_list();
  } else {
    single.push_back(args);
    positional = &single;
  }
  bool mapping = args.is_dict() || (args.is_object() && args.as_object()->is_mapping());
  size_t next_arg = 0;
  bool used_mapping = false;
  auto take = [&]() -> const Value& {
    if (next_arg >= positional->size()) fail("not enough arguments for format string");
    return (*positional)[next_arg++];
  };
  for (size_t i = 0; i < format.size(); ++i) {
    char c = format[i];
    if (c != '%') {
      out += c;
      continue;
    }
    if (++i >= format.size()) fail("incomplete format");
    Value keyed;
    bool has_key = false;
    if (format[i] == '(') {
      if (!mapping) fail("format requires a mapping");
      int depth = 1;
      size_t start = ++i;
      while (i < format.size() && depth > 0) {
        if (format[i] == '(') ++depth;
        if (format[i] == ')') --depth;
        ++i;
      }
      if (depth > 0) fail("incomplete format key");
      std::string_view key = format.substr(start, i - 1 - start);
      const Value* found = args.is_dict() ? args.as_dict().find(key) : nullptr;
      if (!found) {
        Value got = args.is_object() ? args.as_object()->item(Value(key)) : Value::missing();
        if (got.is_missing()) fail(Value(key).repr());
        keyed = got;
      } else {
        keyed = *found;
      }
      has_key = true;
      used_mapping = true;
    }
    Spec spec;
    for (; i < format.size(); ++i) {
      char f = format[i];
      if (f == '-')
        spec.left = true;
      else if (f == '+')
        spec.plus = true;
      else if (f == ' ')
        spec.space = true;
      else if (f == '#')
        spec.alternate = true;
      else if (f == '0')
        spec.zero = true;
      else
        break;
    }
    if (i < format.size() && format[i] == '*') {
      const Value& w = take();
      if (!w.is_int()) fail("* wants int");
      spec.width = w.as_int();
      if (spec.width < 0) {
        spec.left = true;
        spec.width = -spec.width;
      }
      ++i;
    } else {
      while (i < format.size() && format[i] >= '0' && format[i] <= '9') {
        spec.width = (spec.width < 0 ? 0 : spec.width * 10) + (format[i] - '0');
        ++i;
      }
    }
    if (i < format.size() && format[i] == '.') {
      ++i;
      spec.precision = 0;
      if (i < format.size() && format[i] == '*') {
        const Value& p = take();
        if (!p.is_int()) fail("* wants int");
        spec.precision = p.as_int();
        ++i;
      } else {
        while (i < format.size() && format[i] >= '0' && format[i] <= '9') {
          spec.precision = spec.precision * 10 + (format[i] - '0');
          ++i;
        }
      }
    }
    while (i < format.size() && (format[i] == 'l' || format[i] == 'h' || format[i] == 'L')) ++i;
    if (i >= format.size()) fail("incomplete format");
    char conversion = format[i];
    if (conversion == '%') {
      out += '%';
      continue;
    }
    const Value& v = has_key ? keyed : take();
    out += convert_one(conversion, spec, v, escape);
  }
  if (!used_mapping && next_arg < positional->size() && !(positional == &single && mapping)) {
    fail("not all arguments converted during string formatting");
  }
  return out;
}

}  // namespace gongkai::tmpl::pyformat
