#pragma once
// A file's text with a lazily built line index: offsets are stored everywhere, line and column are
// computed only when something is reported.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::core {

struct LineCol {
  uint32_t line = 0;    ///< 1-based; 0 = unknown
  uint32_t column = 0;  ///< 1-based, in code points
};

class SourceFile {
 public:
  SourceFile() = default;
  SourceFile(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {}

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }

  /// Line and column (code points) of a byte offset; offsets past the end map to the last line.
  LineCol locate(size_t offset) const;
  /// The text of a 1-based line without its line end; empty when out of range.
  std::string_view line(uint32_t number) const;
  uint32_t line_count() const;

 private:
  void index() const;
  std::string path_;
  std::string text_;
  mutable std::vector<uint32_t> line_starts_;  // built on first use
};

}  // namespace gongkai::core
