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
/// count; line k (0-based index) is source line k + 1 until cut() splits long lines into pieces,
/// which keep the number of the source line they come from.
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
  /// The 1-based source line number of index i (past the end: counting on from the last line).
  uint32_t number(size_t i) const {
    if (numbers_.empty()) return static_cast<uint32_t>(i + 1);
    return i < numbers_.size() ? numbers_[i]
                               : numbers_.back() + static_cast<uint32_t>(i + 1 - numbers_.size());
  }
  /// True when line i holds nothing but spaces and TABs.
  bool blank(size_t i) const;
  /// Display width (display_width) of line i as printed, before normalisation: a full-width
  /// digit still counts two half cells, as it did on the page. Leading and trailing spaces out.
  uint32_t printed_width(size_t i) const { return widths_[i]; }
  /// True when line i starts a page: its source line began with a form feed (what pdftotext prints
  /// between pages).
  bool page_start(size_t i) const { return page_starts_[i] != 0; }

  /// Where to cut a line: before byte `offset` of line `line` (0-based index, offset into the
  /// normalised text).
  struct Cut {
    size_t line;
    size_t offset;
  };
  /// Cuts lines at `cuts` (sorted by line, then offset): each piece becomes a line of its own,
  /// trimmed of spaces, with the source line number of the line it was cut from. Indexes of lines
  /// before the first cut do not change.
  void cut(const std::vector<Cut>& cuts);

 private:
  std::string buffer_;
  std::vector<std::pair<uint32_t, uint32_t>> spans_;  // offset, length
  std::vector<uint32_t> widths_;
  std::vector<uint8_t> page_starts_;
  std::vector<uint32_t> numbers_;  // source line numbers, empty while line i is line i + 1
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
