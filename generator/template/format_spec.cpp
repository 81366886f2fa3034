// Python's format-spec mini-language (format(value, spec)) and str.format().
#include <cmath>

#include "template/markup.hpp"
#include "template/pyformat.hpp"
#include "template/pystr.hpp"

namespace gongkai::tmpl::pyformat {

namespace {
[[noreturn]] void fail(const std::string& message) {
  throw RuntimeError(message);
}
}  // namespace

namespace {

struct FormatSpec {
  std::string fill = " ";
  char align = 0;  // '<' '>' '^' '='
  char sign = 0;   // '+' '-' ' '
  bool alternate = false;
  bool zero = false;
  int64_t width = -1;
  char grouping = 0;  // ',' '_'
  int64_t precision = -1;
  char type = 0;
};

FormatSpec parse_spec(std::string_view s) {
  FormatSpec spec;
  size_t i = 0;
  auto is_align = [](char c) { return c == '<' || c == '>' || c == '^' || c == '='; };
  if (!s.empty()) {
    size_t j = 0;
    pystr::next(s, j);  // first code point may be a fill character
    if (j < s.size() && is_align(s[j])) {
      spec.fill = std::string(s.substr(0, j));
      spec.align = s[j];
      i = j + 1;
    } else if (is_align(s[0])) {
      spec.align = s[0];
      i = 1;
    }
  }
  if (i < s.size() && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) spec.sign = s[i++];
  if (i < s.size() && s[i] == 'z') ++i;
  if (i < s.size() && s[i] == '#') {
    spec.alternate = true;
    ++i;
  }
  if (i < s.size() && s[i] == '0') {
    spec.zero = true;
    ++i;
  }
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    spec.width = (spec.width < 0 ? 0 : spec.width * 10) + (s[i] - '0');
    ++i;
  }
  if (i < s.size() && (s[i] == ',' || s[i] == '_')) spec.grouping = s[i++];
  if (i < s.size() && s[i] == '.') {
    ++i;
    spec.precision = 0;
    size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      spec.precision = spec.precision * 10 + (s[i] - '0');
      ++i;
    }
    if (i == start) fail("Format specifier missing precision");
  }
  if (i < s.size()) spec.type = s[i++];
  if (i < s.size()) fail("Invalid format specifier '" + std::string(s) + "'");
  return spec;
}

std::string group_digits(const std::string& digits, char sep, int every) {
  std::string out;
  int n = static_cast<int>(digits.size());
  out.reserve(digits.size() + digits.size() / every);
  for (int k = 0; k < n; ++k) {
    if (k > 0 && (n - k) % every == 0) out += sep;
    out += digits[static_cast<size_t>(k)];
  }
  return out;
}

/// Lays out sign + body in the field (width, alignment, fill, '=' padding after the sign).
std::string layout(const std::string& sign, std::string body, const FormatSpec& spec,
                   char default_align) {
  char align = spec.align ? spec.align : (spec.zero ? '=' : default_align);
  std::string fill = spec.align ? spec.fill : (spec.zero ? "0" : spec.fill);
  int64_t len = static_cast<int64_t>(pystr::length(sign) + pystr::length(body));
  if (spec.width <= len) return sign + body;
  int64_t padding = spec.width - len;
  auto rep = [&](int64_t n) {
    std::string s;
    for (int64_t k = 0; k < n; ++k) s += fill;
    return s;
  };
  switch (align) {
    case '<':
      return sign + body + rep(padding);
    case '^':
      return rep(padding / 2) + sign + body + rep(padding - padding / 2);
    case '=':
      return sign + rep(padding) + body;
    default:
      return rep(padding) + sign + body;
  }
}

std::string format_integer(int64_t v, const FormatSpec& spec) {
  char type = spec.type ? spec.type : 'd';
  std::string prefix;
  std::string digits;
  switch (type) {
    case 'd':
    case 'n':
      digits = digits_in_base(v, 10, false);
      break;
    case 'b':
      digits = digits_in_base(v, 2, false), prefix = spec.alternate ? "0b" : "";
      break;
    case 'o':
      digits = digits_in_base(v, 8, false), prefix = spec.alternate ? "0o" : "";
      break;
    case 'x':
      digits = digits_in_base(v, 16, false), prefix = spec.alternate ? "0x" : "";
      break;
    case 'X':
      digits = digits_in_base(v, 16, true), prefix = spec.alternate ? "0X" : "";
      break;
    case 'c': {
      std::string s;
      pystr::append_utf8(s, static_cast<char32_t>(v));
      return layout("", s, spec, '<');
    }
    default:
      fail(std::string("Unknown format code '") + type + "' for object of type 'int'");
  }
  if (spec.precision >= 0) fail("Precision not allowed in integer format specifier");
  if (spec.grouping)
    digits = group_digits(digits, spec.grouping, type == 'd' || type == 'n' ? 3 : 4);
  std::string sign = v < 0 ? "-" : spec.sign == '+' ? "+" : spec.sign == ' ' ? " " : "";
  return layout(sign + prefix, digits, spec, '>');
}

std::string format_float(double d, const FormatSpec& spec) {
  char type = spec.type;
  bool negative = std::signbit(d) && !std::isnan(d);
  double a = std::fabs(d);
  std::string body;
  if (type == 0 && spec.precision < 0) {
    append_float_repr(body, a);
  } else if (type == 0 || type == 'g' || type == 'G' || type == 'n') {
    int p = spec.precision < 0 ? 6 : static_cast<int>(spec.precision);
    if (p == 0) p = 1;
    body = format_double(a, type == 'G' ? 'G' : 'g', p, spec.alternate);
    if (type == 0 && body.find_first_of(".eEn") == std::string::npos) body += ".0";
  } else if (type == '%') {
    int p = spec.precision < 0 ? 6 : static_cast<int>(spec.precision);
    body = format_double(a * 100, 'f', p, spec.alternate) + "%";
  } else if (type == 'f' || type == 'F' || type == 'e' || type == 'E') {
    int p = spec.precision < 0 ? 6 : static_cast<int>(spec.precision);
    body = format_double(a, type, p, spec.alternate);
  } else {
    fail(std::string("Unknown format code '") + type + "' for object of type 'float'");
  }
  if (spec.grouping && std::isfinite(d)) {
    size_t end = body.find_first_of(".eE%");
    if (end == std::string::npos) end = body.size();
    body = group_digits(body.substr(0, end), spec.grouping, 3) + body.substr(end);
  }
  std::string sign = negative ? "-" : spec.sign == '+' ? "+" : spec.sign == ' ' ? " " : "";
  return layout(sign, body, spec, '>');
}

}  // namespace

std::string format_value(const Value& value, std::string_view spec_text) {
  if (spec_text.empty()) return value.str();
  FormatSpec spec = parse_spec(spec_text);
  if (value.is_int() || value.is_bool()) {
    if (spec.type && std::string_view("eEfFgG%").find(spec.type) != std::string_view::npos) {
      return format_float(static_cast<double>(value.as_int()), spec);
    }
    return format_integer(value.as_int(), spec);
  }
  if (value.is_float()) return format_float(value.as_float(), spec);
  if (value.is_string()) {
    if (spec.type && spec.type != 's') {
      fail(std::string("Unknown format code '") + spec.type + "' for object of type 'str'");
    }
    if (spec.sign) fail("Sign not allowed in string format specifier");
    if (spec.align == '=') fail("'=' alignment not allowed in string format specifier");
    std::string s(value.as_string());
    if (spec.precision >= 0 && static_cast<int64_t>(pystr::length(s)) > spec.precision) {
      s.resize(pystr::byte_offset(s, static_cast<size_t>(spec.precision)));
    }
    return layout("", s, spec, '<');
  }
  fail("unsupported format string passed to " + std::string(value.type_name()) + ".__format__");
}

namespace {

Value lookup_field(std::string_view name, const Args& args, size_t& auto_index) {
  // arg_name ("" | digits | identifier) then (.attr | [key])*
  size_t i = 0;
  while (i < name.size() && name[i] != '.' && name[i] != '[') ++i;
  std::string_view first = name.substr(0, i);
  Value v;
  if (first.empty()) {
    if (auto_index >= args.positional.size()) {
      fail("Replacement index " + std::to_string(auto_index) +
           " out of range for positional args tuple");
    }
    v = args.positional[auto_index++];
  } else if (first.find_first_not_of("0123456789") == std::string_view::npos) {
    size_t idx = std::stoul(std::string(first));
    if (idx >= args.positional.size()) {
      fail("Replacement index " + std::to_string(idx) + " out of range for positional args tuple");
    }
    v = args.positional[idx];
  } else {
    const Value* kw = args.keyword(first);
    if (!kw) fail(Value(first).repr());
    v = *kw;
  }
  while (i < name.size()) {
    if (name[i] == '.') {
      size_t start = ++i;
      while (i < name.size() && name[i] != '.' && name[i] != '[') ++i;
      std::string_view attr = name.substr(start, i - start);
      Value next = v.get(attr);
      if (next.is_undefined())
        fail("'" + std::string(v.type_name()) + "' object has no attribute '" + std::string(attr) +
             "'");
      v = next;
    } else {
      size_t start = ++i;
      while (i < name.size() && name[i] != ']') ++i;
      std::string_view key = name.substr(start, i - start);
      ++i;
      Value next;
      if (!key.empty() && key.find_first_not_of("0123456789") == std::string_view::npos) {
        size_t idx = std::stoul(std::string(key));
        if (v.is_list() && idx < v.as_list().size())
          next = v.as_list()[idx];
        else if (v.is_dict()) {
          const Value* found = v.as_dict().find(Value(static_cast<int64_t>(idx)));
          if (found) next = *found;
        }
      } else {
        next = v.get(key);
      }
      if (next.is_undefined()) fail(Value(key).repr());
      v = next;
    }
  }
  return v;
}

}  // namespace

std::string str_format(std::string_view format, const Args& args, bool escape) {
  std::string out;
  size_t auto_index = 0;
  for (size_t i = 0; i < format.size(); ++i) {
    char c = format[i];
    if (c == '}') {
      if (i + 1 < format.size() && format[i + 1] == '}') {
        out += '}';
        ++i;
        continue;
      }
      fail("Single '}' encountered in format string");
    }
    if (c != '{') {
      out += c;
      continue;
    }
    if (i + 1 < format.size() && format[i + 1] == '{') {
      out += '{';
      ++i;
      continue;
    }
    size_t start = ++i;
    int depth = 1;
    while (i < format.size()) {
      if (format[i] == '{') ++depth;
      if (format[i] == '}' && --depth == 0) break;
      ++i;
    }
    if (i >= format.size()) fail("expected '}' before end of string");
    std::string_view field = format.substr(start, i - start);
    size_t colon = std::string_view::npos, bang = std::string_view::npos;
    int bracket = 0;
    for (size_t k = 0; k < field.size(); ++k) {
      if (field[k] == '[') ++bracket;
      if (field[k] == ']') --bracket;
      if (bracket == 0 && field[k] == '!' && bang == std::string_view::npos) bang = k;
      if (bracket == 0 && field[k] == ':') {
        colon = k;
        break;
      }
    }
    std::string_view name = field.substr(0, std::min(bang, colon));
    char conversion = 0;
    if (bang != std::string_view::npos) {
      size_t end = colon == std::string_view::npos ? field.size() : colon;
      if (end != bang + 2) fail("expected ':' after conversion specifier");
      conversion = field[bang + 1];
    }
    std::string spec = colon == std::string_view::npos ? "" : std::string(field.substr(colon + 1));
    if (spec.find('{') != std::string::npos) spec = str_format(spec, args, false);
    Value v = lookup_field(name, args, auto_index);
    std::string piece;
    if (conversion == 'r' || conversion == 'a') {
      piece = format_value(Value(v.repr()), spec);
    } else if (conversion == 's') {
      piece = format_value(Value(v.str()), spec);
    } else if (conversion) {
      fail(std::string("Unknown conversion specifier ") + conversion);
    } else {
      piece = format_value(v, spec);
    }
    if (escape && !(v.is_safe() && spec.empty() && !conversion)) piece = escape_html(piece);
    out += piece;
  }
  return out;
}

}  // namespace gongkai::tmpl::pyformat
