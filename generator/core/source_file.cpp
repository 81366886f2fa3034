#include "core/source_file.hpp"

#include <algorithm>

#include "core/utf8.hpp"

namespace gongkai::core {

void SourceFile::index() const {
  if (!line_starts_.empty()) return;
  line_starts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(static_cast<uint32_t>(i + 1));
  }
}

uint32_t SourceFile::line_count() const {
  index();
  uint32_t n = static_cast<uint32_t>(line_starts_.size());
  if (n > 1 && line_starts_.back() == text_.size()) --n;  // a final newline opens no line
  return n;
}

LineCol SourceFile::locate(size_t offset) const {
  index();
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - line_starts_.begin());
  size_t start = line_starts_[line - 1];
  std::string_view before(text_.data() + start, offset - start);
  return {line, static_cast<uint32_t>(utf8::count_code_points(before) + 1)};
}

std::string_view SourceFile::line(uint32_t number) const {
  index();
  if (number == 0 || number > line_starts_.size()) return {};
  size_t start = line_starts_[number - 1];
  size_t end = number < line_starts_.size() ? line_starts_[number] - 1 : text_.size();
  std::string_view s(text_.data() + start, end - start);
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  return s;
}

}  // namespace gongkai::core
