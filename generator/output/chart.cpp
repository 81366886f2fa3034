#include "output/chart.hpp"

#include <algorithm>
#include <cmath>

#include "output/number_format.hpp"

namespace gongkai::output {
namespace {

/// Coordinates rounded to 0.1 so the SVG is short and the same on every machine.
double r1(double v) {
  return std::round(v * 10.0) / 10.0;
}

}  // namespace

void nice_scale(double max, double& top, double& step) {
  if (!(max > 0)) {
    top = 1;
    step = 1;
    return;
  }
  double raw = max / 4.0;
  double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double fraction = raw / magnitude;
  double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  step = std::max(1.0, nice * magnitude);  // counts: never a fractional step
  top = std::ceil(max / step) * step;
}

Value bar_chart(const std::string& id, const std::string& title, const std::string& desc,
                const std::vector<ChartSeries>& series, const std::vector<ChartGroup>& groups,
                const ChartOptions& options) {
  const double left = 56, right = 12, top_pad = 22, bottom = 34;
  const double plot_w = options.width - left - right;
  const double plot_h = options.height - top_pad - bottom;
  double max = 0;
  for (const auto& g : groups) {
    for (const auto& v : g.values) {
      if (v) max = std::max(max, *v);
    }
  }
  double top = 1, step = 1;
  nice_scale(max, top, step);

  std::vector<Value> ticks;
  for (double v = 0; v <= top + step / 2; v += step) {
    ticks.push_back(Obj(2)("y", r1(top_pad + plot_h - v / top * plot_h))(
                        "label", format_integer(static_cast<int64_t>(std::llround(v))))
                        .value());
  }
  std::vector<Value> out_groups;
  const size_t n = std::max<size_t>(groups.size(), 1);
  const double slot = plot_w / static_cast<double>(n);
  const double inner = slot * 0.72;
  const double bar_w = inner / static_cast<double>(std::max<size_t>(series.size(), 1));
  for (size_t i = 0; i < groups.size(); ++i) {
    const auto& g = groups[i];
    const double x0 = left + slot * static_cast<double>(i) + (slot - inner) / 2;
    std::vector<Value> bars;
    for (size_t s = 0; s < series.size(); ++s) {
      Obj b(9);
      b("x", r1(x0 + bar_w * static_cast<double>(s)))("w", r1(bar_w - 2))("series",
                                                                          series[s].css_class)(
          "class", g.css_class.empty() ? series[s].css_class : g.css_class)("name", series[s].name);
      const auto& v = s < g.values.size() ? g.values[s] : std::nullopt;
      if (!v) {
        b("missing", true);
      } else {
        double h = *v / top * plot_h;
        if (*v > 0 && h < 1) h = 1;  // a tiny value stays visible
        b("missing", false)("y", r1(top_pad + plot_h - h))("h", r1(h))(
            "value", s < g.texts.size() ? g.texts[s] : format_integer(static_cast<int64_t>(*v)));
      }
      bars.push_back(b.value());
    }
    out_groups.push_back(
        Obj(3)("label", g.label)("x", r1(left + slot * (static_cast<double>(i) + 0.5)))(
            "bars", list(std::move(bars)))
            .value());
  }
  std::vector<Value> out_series;
  for (const auto& s : series)
    out_series.push_back(Obj(2)("name", s.name)("class", s.css_class).value());
  return Obj(11)("id", id)("title", title)("desc", desc)("width", options.width)("height",
                                                                                 options.height)(
             "plot", Obj(4)("x", left)("y", top_pad)("w", plot_w)("h", plot_h).value())(
             "ticks", list(std::move(ticks)))("groups", list(std::move(out_groups)))(
             "series", list(std::move(out_series)))(
             "value_labels", options.value_labels && groups.size() * series.size() <= 24)(
             "note", options.note)
      .value();
}

}  // namespace gongkai::output
