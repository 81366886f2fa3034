#include "report/number.hpp"

#include <cmath>

namespace gongkai::report {

std::optional<Number> Number::parse(std::string_view s) {
  if (s.empty()) return std::nullopt;
  bool negative = false;
  size_t i = 0;
  if (s[0] == '-' || s[0] == '+') {
    negative = s[0] == '-';
    i = 1;
  }
  Number n;
  bool digits = false, point = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      if (n.units > (INT64_MAX - 9) / 10 || n.scale >= 18) return std::nullopt;
      n.units = n.units * 10 + (c - '0');
      if (point) ++n.scale;
      digits = true;
    } else if (c == '.' && !point && digits) {
      point = true;
    } else if (c == ',' && digits && !point) {
      continue;
    } else {
      return std::nullopt;
    }
  }
  if (!digits || (point && n.scale == 0)) return std::nullopt;
  if (negative) n.units = -n.units;
  return n;
}

double Number::to_double() const { return static_cast<double>(units) / std::pow(10.0, scale); }

std::string Number::to_string() const {
  std::string digits = std::to_string(units < 0 ? -units : units);
  if (scale > 0) {
    if (digits.size() <= scale) digits.insert(0, scale + 1 - digits.size(), '0');
    digits.insert(digits.size() - scale, ".");
  }
  return units < 0 ? "-" + digits : digits;
}

bool operator==(const Number& a, const Number& b) {
  Number x = a, y = b;
  while (x.scale < y.scale) x.units *= 10, ++x.scale;
  while (y.scale < x.scale) y.units *= 10, ++y.scale;
  return x.units == y.units;
}

}  // namespace gongkai::report
