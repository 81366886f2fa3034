#include "text/lines.hpp"

#include <algorithm>
#include <cstring>

#include "text/normalize.hpp"

namespace gongkai::text {

Lines::Lines(std::string_view utf8) {
  buffer_.reserve(utf8.size());
  spans_.reserve(utf8.size() / 24 + 4);
  widths_.reserve(utf8.size() / 24 + 4);
  size_t i = 0;
  while (i <= utf8.size()) {
    // The next LF, or an earlier CR (memchr twice beats a loop over every byte).
    const char* from = utf8.data() + i;
    size_t left = utf8.size() - i;
    const void* lf = std::memchr(from, '\n', left);
    size_t end = lf ? static_cast<const char*>(lf) - utf8.data() : utf8.size();
    if (const void* cr = std::memchr(from, '\r', end - i)) {
      end = static_cast<const char*>(cr) - utf8.data();
    }
    uint32_t start = static_cast<uint32_t>(buffer_.size());
    std::string_view raw = utf8.substr(i, end - i);
    normalize_into(raw, buffer_);
    spans_.emplace_back(start, static_cast<uint32_t>(buffer_.size() - start));
    widths_.push_back(display_width(trim(raw)));
    if (end == utf8.size()) break;
    i = end + ((utf8[end] == '\r' && end + 1 < utf8.size() && utf8[end + 1] == '\n') ? 2 : 1);
    if (i == utf8.size()) break;  // a final line end does not open another line
  }
}

bool Lines::blank(size_t i) const {
  for (char c : (*this)[i]) {
    if (c != ' ' && c != '\t') return false;
  }
  return true;
}

void TextRun::append(std::string_view piece, uint32_t line) {
  if (piece.empty()) return;
  if (marks_.empty() || marks_.back().second != line) {
    marks_.emplace_back(static_cast<uint32_t>(text_.size()), line);
  }
  text_.append(piece);
}

uint32_t TextRun::line_at(size_t offset) const {
  if (marks_.empty()) return 0;
  auto it = std::upper_bound(marks_.begin(), marks_.end(), offset,
                             [](size_t off, const auto& m) { return off < m.first; });
  if (it == marks_.begin()) return marks_.front().second;
  return std::prev(it)->second;
}

}  // namespace gongkai::text
