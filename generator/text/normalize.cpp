#include "text/normalize.hpp"

#include <array>

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

namespace {

/// What normalize_into does with a byte: keep it (ASCII text, TAB), drop it (a control
/// character), copy the 2-, 3- or 4-byte character it starts, or look at the character closely:
/// C2 (U+00A0), E1 (U+1680), E2 (U+2000-U+206F), E3 (U+3000), EF (U+FExx, U+FFxx) may be changed;
/// E0, ED, F0, F4 may start overlongs, surrogates or too-large code points; others are invalid.
enum ByteAction : uint8_t { kKeep, kDrop, kCopy2, kCopy3, kCopy4, kLook };

constexpr std::array<uint8_t, 256> make_actions() {
  std::array<uint8_t, 256> a{};
  for (int b = 0; b < 256; ++b) {
    uint8_t act = kLook;
    if (b < 0x80) {
      act = (b >= 0x20 || b == '\t') ? kKeep : kDrop;
    } else if (b >= 0xC3 && b <= 0xDF) {
      act = kCopy2;
    } else if (b >= 0xE4 && b <= 0xEC) {
      act = kCopy3;
    } else if (b == 0xEE) {
      act = kCopy3;
    } else if (b >= 0xF1 && b <= 0xF3) {
      act = kCopy4;
    }
    a[static_cast<size_t>(b)] = act;
  }
  return a;
}

constexpr std::array<uint8_t, 256> kActions = make_actions();

}  // namespace

void normalize_into(std::string_view line, std::string& out) {
  const size_t n = line.size();
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  size_t i = 0, run = 0;  // [run, i) is copied as is
  auto flush = [&] {
    if (i > run) out.append(line.data() + run, i - run);
  };
  while (i < n) {
    uint8_t act = kActions[p[i]];
    if (act == kKeep) {
      ++i;
      continue;
    }
    if (act == kDrop) {
      flush();
      run = ++i;
      continue;
    }
    if (act != kLook) {
      size_t len = act == kCopy2 ? 2 : act == kCopy3 ? 3 : 4;
      bool whole = i + len <= n;
      for (size_t k = 1; k < len && whole; ++k) whole = (p[i + k] & 0xC0) == 0x80;
      if (whole) {
        i += len;
        continue;
      }
    }
    flush();
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
    run = i;
  }
  flush();
}

bool is_wide(char32_t c) {
  return utf8::is_han(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) ||
         c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0x2026 || c == 0x2014 ||
         c == 0x00B7;
}

uint32_t display_width(std::string_view s) {
  uint32_t w = 0;
  for (unsigned char c : s) {
    // ASCII: 1; the lead byte of a multi-byte character: 2; a continuation byte: 0.
    w += (c < 0x80) + 2 * (c >= 0xC0);
  }
  return w;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

namespace {

/// The code point that ends `s` (0 when empty).
char32_t last_code_point(std::string_view s) {
  if (s.empty()) return 0;
  size_t k = s.size() - 1;
  while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80 && s.size() - k < 4) --k;
  return utf8::at(s, k);
}

bool ascii_alnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

}  // namespace

void squeeze_spaces_into(std::string_view s, std::string& out) {
  s = trim(s);
  size_t i = 0, run = 0;
  const size_t base = out.size();
  while (i < s.size()) {
    if (!is_space(s[i])) {
      ++i;
      continue;
    }
    out.append(s.data() + run, i - run);
    size_t j = i;
    while (j < s.size() && is_space(s[j])) ++j;
    char32_t prev = last_code_point(std::string_view(out).substr(base));
    char32_t next = utf8::at(s, j);
    bool drop = (is_wide(prev) && (is_wide(next) || ascii_alnum(next))) ||
                (is_wide(next) && ascii_alnum(prev));
    if (!drop) out += ' ';
    i = run = j;
  }
  out.append(s.data() + run, s.size() - run);
}

std::string squeeze_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  squeeze_spaces_into(s, out);
  return out;
}

}  // namespace gongkai::text
