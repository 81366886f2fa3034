#pragma once
// Bar charts computed at build time: scales, ticks and bar rectangles as numbers, drawn by the
// theme's chart macro as SVG (no JavaScript). A missing value draws no bar, never a bar of 0.
#include <optional>
#include <string>
#include <vector>

#include "output/value_builder.hpp"

namespace gongkai::output {

struct ChartSeries {
  std::string name;
  std::string css_class;  ///< "s1", "s2", "muted"
};

struct ChartGroup {
  std::string label;
  std::vector<std::optional<double>> values;  ///< one per series; nullopt: missing
  std::vector<std::string> texts;             ///< the values as shown ("1,234")
  std::string css_class;                      ///< overrides the series' class ("muted")
};

struct ChartOptions {
  int width = 640;
  int height = 260;
  bool value_labels = true;
  std::string note;
};

/// {id, title, desc, width, height, plot, ticks, groups, series, value_labels, note}
Value bar_chart(const std::string& id, const std::string& title, const std::string& desc,
                const std::vector<ChartSeries>& series, const std::vector<ChartGroup>& groups,
                const ChartOptions& options = {});

/// A round axis maximum and step for values up to `max` (1, 2 or 5 × 10^k steps, 4–5 ticks).
void nice_scale(double max, double& top, double& step);

}  // namespace gongkai::output
