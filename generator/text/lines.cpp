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
    page_starts_.push_back(!raw.empty() && raw[0] == '\f');
    if (end == utf8.size()) break;
    i = end + ((utf8[end] == '\r' && end + 1 < utf8.size() && utf8[end + 1] == '\n') ? 2 : 1);
    if (i == utf8.size()) break;  // a final line end does not open another line
  }
}

void Lines::cut(const std::vector<Cut>& cuts) {
  if (cuts.empty()) return;
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  std::vector<uint32_t> widths, numbers;
  std::vector<uint8_t> pages;
  spans.reserve(spans_.size() + cuts.size());
  size_t k = 0;
  for (size_t i = 0; i < spans_.size(); ++i) {
    auto keep = [&](uint32_t from, uint32_t to, bool first) {
      std::string_view piece = std::string_view(buffer_).substr(from, to - from);
      std::string_view t = first && to - from == spans_[i].second ? piece : trim(piece);
      uint32_t start = static_cast<uint32_t>(t.data() - buffer_.data());
      spans.emplace_back(start, static_cast<uint32_t>(t.size()));
      widths.push_back(first && t.size() == spans_[i].second ? widths_[i] : display_width(t));
      pages.push_back(first ? page_starts_[i] : 0);
      numbers.push_back(number(i));
    };
    uint32_t from = spans_[i].first, end = from + spans_[i].second;
    bool first = true;
    for (; k < cuts.size() && cuts[k].line == i; ++k) {
      uint32_t at = spans_[i].first +
                    static_cast<uint32_t>(std::min<size_t>(cuts[k].offset, spans_[i].second));
      if (at <= from || at >= end) continue;
      keep(from, at, first);
      first = false;
      from = at;
    }
    keep(from, end, first);
  }
  spans_ = std::move(spans);
  widths_ = std::move(widths);
  page_starts_ = std::move(pages);
  numbers_ = std::move(numbers);
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
