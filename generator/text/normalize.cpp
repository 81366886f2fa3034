#include "text/normalize.hpp"

#include "core/utf8.hpp"

namespace gongkai::text {

namespace utf8 = core::utf8;

namespace {

/// The replacement for one code point: an ASCII byte, 0 to drop it, or -1 to keep it as is.
int ascii_for(char32_t c) {
  if (c >= 0xFF10 && c <= 0xFF19) return '0' + static_cast<int>(c - 0xFF10);
  if (c >= 0xFF21 && c <= 0xFF3A) return 'A' + static_cast<int>(c - 0xFF21);
  if (c >= 0xFF41 && c <= 0xFF5A) return 'a' + static_cast<int>(c - 0xFF41);
  switch (c) {
    case 0xFF20:
      return '@';
    case 0xFF0E:
      return '.';
    case 0xFF0D:
      return '-';
    case 0xFF0B:
      return '+';
    case 0xFF0F:
      return '/';
    case 0xFF05:
      return '%';
    case 0xFF3F:
      return '_';
    case 0x3000:  // ideographic space
    case 0x00A0:  // no-break space
    case 0x202F:
    case 0x205F:
    case 0x1680:
      return ' ';
    case 0x200B:  // zero-width space, joiners, word joiner, BOM
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
      return 0;
    default:
      break;
  }
  if (c >= 0x2000 && c <= 0x200A) return ' ';
  return -1;
}

bool is_space(char c) {
  return c == ' ' || c == '\t';
}

}  // namespace

void normalize_into(std::string_view line, std::string& out) {
  size_t i = 0;
  while (i < line.size()) {
    unsigned char b = static_cast<unsigned char>(line[i]);
    if (b < 0x80) {
      if (b >= 0x20 || b == '\t') out += static_cast<char>(b);
      ++i;
      continue;
    }
    size_t start = i;
    char32_t c = utf8::next(line, i);
    int a = ascii_for(c);
    if (a > 0) {
      out += static_cast<char>(a);
    } else if (a < 0) {
      if (c == utf8::kReplacement && i - start != 3) {
        utf8::append(out, c);
      } else {
        out.append(line.substr(start, i - start));
      }
    }
  }
}

bool is_wide(char32_t c) {
  return utf8::is_han(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) ||
         c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0x2026 || c == 0x2014 ||
         c == 0x00B7;
}

uint32_t display_width(std::string_view s) {
  uint32_t w = 0;
  for (unsigned char c : s) {
    if (c < 0x80) {
      w += 1;
    } else if ((c & 0xC0) != 0x80) {
      w += 2;
    }
  }
  return w;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

void squeeze_spaces_into(std::string_view s, std::string& out) {
  s = trim(s);
  char32_t prev = 0;  // the last code point written
  size_t i = 0;
  while (i < s.size()) {
    if (is_space(s[i])) {
      size_t j = i;
      while (j < s.size() && is_space(s[j])) ++j;
      size_t k = j;
      char32_t next = utf8::next(s, k);
      auto alnum = [](char32_t c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      };
      bool drop =
          (is_wide(prev) && (is_wide(next) || alnum(next))) || (is_wide(next) && alnum(prev));
      if (!drop) out += ' ';
      i = j;
      continue;
    }
    size_t start = i;
    prev = utf8::next(s, i);
    out.append(s.substr(start, i - start));
  }
}

std::string squeeze_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  squeeze_spaces_into(s, out);
  return out;
}

}  // namespace gongkai::text
