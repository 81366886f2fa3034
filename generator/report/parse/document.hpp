#pragma once
// What the reader's stages share about one report: its lines, shape, and where things are.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "report/report.hpp"
#include "text/lines.hpp"

namespace gongkai::report::parse {

constexpr size_t kNone = static_cast<size_t>(-1);

/// The lines of one section: heading line (kNone when not printed) and body [begin, end).
struct SectionSpan {
  size_t heading = kNone;
  size_t heading_end = kNone;  ///< one past the heading's last line (headings may wrap)
  size_t begin = 0;
  size_t end = 0;
  std::string heading_text;
  bool found() const { return heading != kNone; }
};

struct Document {
  text::Lines lines;
  Shape shape = Shape::PdfText;
  size_t body_begin = 0;       ///< first line after the front matter
  size_t title_begin = kNone;  ///< the title's lines [title_begin, title_end)
  size_t title_end = kNone;
  std::vector<uint8_t> skip;            ///< 1 for page-number lines (never text, never numbers)
  std::array<SectionSpan, 7> sections;  ///< indexed by SectionKey
  size_t prose_end = 0;                 ///< where section 六's prose ends (signature, chart data)
  size_t signature_begin = kNone;       ///< first line of the signature block

  SectionSpan& section(SectionKey k) { return sections[static_cast<size_t>(k)]; }
  const SectionSpan& section(SectionKey k) const { return sections[static_cast<size_t>(k)]; }
  bool skipped(size_t i) const { return skip[i] != 0; }
};

}  // namespace gongkai::report::parse
