#include "output/number_format.hpp"

#include <cmath>
#include <cstdio>

namespace gongkai::output {
namespace {

/// Inserts commas into the integer digits of "[-]digits[.fraction]".
std::string group_thousands(const std::string& plain) {
  size_t start = plain.empty() || plain[0] != '-' ? 0 : 1;
  size_t dot = plain.find('.');
  size_t end = dot == std::string::npos ? plain.size() : dot;
  std::string out = plain.substr(0, start);
  size_t digits = end - start;
  for (size_t i = start; i < end; ++i) {
    out += plain[i];
    size_t left = end - i - 1;
    if (left > 0 && left % 3 == 0 && digits > 3) out += ',';
  }
  out += plain.substr(end);
  return out;
}

}  // namespace

std::string format_number(const report::Number& n) {
  return group_thousands(n.to_string());
}

std::string format_integer(int64_t n) {
  return group_thousands(std::to_string(n));
}

std::string format_percent(double ratio) {
  double pct = std::round(ratio * 1000.0) / 10.0;
  char buf[32];
  if (pct == std::floor(pct)) {
    std::snprintf(buf, sizeof buf, "%.0f%%", pct);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f%%", pct);
  }
  return buf;
}

}  // namespace gongkai::output
