#pragma once
// Joining strings with a separator, as Python's str.join does.
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::core {

/// The parts with `sep` between each two: join({"山东省", "淄博市"}, " · ") → "山东省 · 淄博市".
inline std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

}  // namespace gongkai::core
