#pragma once
// An exact decimal as printed in a report: units / 10^scale. Integers have scale 0.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gongkai::report {

struct Number {
  int64_t units = 0;
  uint8_t scale = 0;

  static Number integer(int64_t v) { return {v, 0}; }
  /// ASCII "-15", "+3", "0", "5949.088667", "1,234" (thousands commas allowed); nullopt otherwise.
  static std::optional<Number> parse(std::string_view text);

  bool is_integer() const { return scale == 0; }
  double to_double() const;
  /// As printed, without a '+' ("5949.088667", "-15").
  std::string to_string() const;
  /// Value equality: 1.50 == 1.5.
  friend bool operator==(const Number& a, const Number& b);
};

}  // namespace gongkai::report
