#pragma once
// A decoded text cut into normalised lines that keep their 1-based source line numbers, and runs of
// text joined from several lines that still know where each piece came from.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gongkai::text {

/// Every line of a text, normalised (normalize_into), in one buffer. Line ends LF, CRLF and CR all
/// count; line k (0-based index) is source line k + 1.
class Lines {
 public:
  Lines() = default;
  /// Splits and normalises `utf8`.
  explicit Lines(std::string_view utf8);

  size_t size() const { return spans_.size(); }
  bool empty() const { return spans_.empty(); }
  /// The normalised text of line index i (0-based), without its line end.
  std::string_view operator[](size_t i) const {
    return std::string_view(buffer_).substr(spans_[i].first, spans_[i].second);
  }
  /// The 1-based source line number of index i.
  static uint32_t number(size_t i) { return static_cast<uint32_t>(i + 1); }
  /// True when line i holds nothing but spaces and TABs.
  bool blank(size_t i) const;
  /// Display width (display_width) of line i as printed, before normalisation: a full-width
  /// digit still counts two half cells, as it did on the page. Leading and trailing spaces out.
  uint32_t printed_width(size_t i) const { return widths_[i]; }

 private:
  std::string buffer_;
  std::vector<std::pair<uint32_t, uint32_t>> spans_;  // offset, length
  std::vector<uint32_t> widths_;
};

/// Text joined from pieces of several lines, with the source line of every piece.
class TextRun {
 public:
  /// Appends a piece printed on source line `line`.
  void append(std::string_view piece, uint32_t line);
  const std::string& text() const { return text_; }
  bool empty() const { return text_.empty(); }
  /// The source line of the byte at `offset` (the last piece's line past the end; 0 when empty).
  uint32_t line_at(size_t offset) const;
  uint32_t first_line() const { return marks_.empty() ? 0 : marks_.front().second; }
  void clear() {
    text_.clear();
    marks_.clear();
  }

 private:
  std::string text_;
  std::vector<std::pair<uint32_t, uint32_t>> marks_;  // offset where a piece starts, its line
};

}  // namespace gongkai::text
