#pragma once
// Figures of table P that the prose states ("本年度制发的规范性文件77件"): table P has no identity,
// so where its cells run together these are the only other word on them.
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "report/parse/document.hpp"

namespace gongkai::report::parse {

struct StatedFigure {
  CellIndex cell;
  int64_t value;
  uint32_t line;
};

/// The figures the lines [begin, end) state for table P: 制发/废止/现行有效 followed (within a few
/// characters, no punctuation between) by 规章 or 规范性文件 and a count of 件 (2021 format);
/// 行政许可, 行政处罚 or 行政强制 (决定) followed by a count of 件/起/宗 (both formats). A cell
/// stated twice with different values is left out.
std::vector<StatedFigure> stated_figures(const Document& doc, size_t begin, size_t end,
                                         Format format);

/// The figure stated for `cell`, or nullptr.
const StatedFigure* stated(std::span<const StatedFigure> figures, CellIndex cell);

}  // namespace gongkai::report::parse
