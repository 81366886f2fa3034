#include "text/decode.hpp"

#include <iconv.h>

#include <cerrno>
#include <cstring>

namespace gongkai::text {

std::string_view to_string(Encoding e) {
  switch (e) {
    case Encoding::Utf8:
      return "utf-8";
    case Encoding::Gb18030:
      return "gb18030";
    case Encoding::Utf16:
      return "utf-16";
  }
  return "utf-8";
}

namespace {

/// Converts with iconv in one pass; each call opens its own descriptor, so threads never share one.
bool convert(const char* to, const char* from, std::string_view in, std::string& out) {
  iconv_t cd = iconv_open(to, from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out.assign(in.size() * 2 + 16, '\0');
  char* src = const_cast<char*>(in.data());
  size_t src_left = in.size();
  char* dst = out.data();
  size_t dst_left = out.size();
  bool ok = true;
  while (src_left > 0) {
    size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
    if (r != static_cast<size_t>(-1)) continue;
    if (errno == E2BIG) {
      size_t used = out.size() - dst_left;
      out.resize(out.size() * 2);
      dst = out.data() + used;
      dst_left = out.size() - used;
      continue;
    }
    ok = false;  // EILSEQ or EINVAL: not this encoding
    break;
  }
  if (ok) {
    size_t r = iconv(cd, nullptr, nullptr, &dst, &dst_left);
    ok = r != static_cast<size_t>(-1);
  }
  out.resize(out.size() - dst_left);
  iconv_close(cd);
  return ok;
}

/// Text has no NUL bytes and few control characters other than TAB, LF, CR, FF and VT. Words of
/// eight bytes with nothing below 0x20 and nothing at 0x7F are skipped whole.
bool looks_binary(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t control = 0, i = 0;
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      // A byte below 0x20: (w - 0x20..) borrows into its high bit where the byte's own is clear.
      uint64_t low = (w - 0x20 * kOnes) & ~w & kHigh;
      uint64_t del = ((w ^ (0x7F * kOnes)) - kOnes) & ~(w ^ (0x7F * kOnes)) & kHigh;
      if ((low | del) == 0) {
        i += 8;
        continue;
      }
    }
    unsigned char c = p[i++];
    if (c == 0) return true;
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F) {
      ++control;
    }
  }
  return control * 100 > n;
}

/// Well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF); ASCII runs are
/// checked eight bytes at a time.
/// Also counts the control characters that make text binary (see looks_binary); one pass.
bool valid_utf8(std::string_view s, size_t& control, bool& nul) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      uint64_t low = (w - 0x20 * kOnes) & ~w & kHigh;
      uint64_t del = ((w ^ (0x7F * kOnes)) - kOnes) & ~(w ^ (0x7F * kOnes)) & kHigh;
      if (((w & kHigh) | low | del) == 0) {
        i += 8;
        continue;
      }
    }
    unsigned char c = p[i];
    if (c < 0x80) {
      if (c == 0) nul = true;
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') ||
          c == 0x7F) {
        ++control;
      }
      ++i;
      continue;
    }
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (i + len > n) return false;
    if (p[i + 1] < lo || p[i + 1] > hi) return false;
    for (size_t k = 2; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

bool only_whitespace(std::string_view s) {
  for (unsigned char c : s) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
  }
  return true;
}

}  // namespace

bool gb18030_to_utf8(std::string_view bytes, std::string& out) {
  return convert("UTF-8", "GB18030", bytes, out);
}

bool utf8_to_gb18030(std::string_view utf8, std::string& out) {
  return convert("GB18030", "UTF-8", utf8, out);
}

Decoded decode(std::string_view bytes) {
  Decoded d;
  auto fail = [&](std::string why) {
    d.ok = false;
    d.text.clear();
    d.problem = std::move(why);
    return d;
  };
  if (bytes.size() >= 2 &&
      ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    bool le = bytes[0] == '\xFF';
    d.bom = true;
    d.encoding = Encoding::Utf16;
    if (!convert("UTF-8", le ? "UTF-16LE" : "UTF-16BE", bytes.substr(2), d.text)) {
      return fail("not valid UTF-16");
    }
  } else {
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
      d.bom = true;
      bytes.remove_prefix(3);
    }
    if (bytes.empty() || only_whitespace(bytes)) return fail("empty file");
    size_t control = 0;
    bool nul = false;
    bool valid = valid_utf8(bytes, control, nul);
    if (nul || control * 100 > bytes.size()) return fail("binary data, not text");
    if (valid) {
      d.text.assign(bytes);
      d.ok = true;
      return d;  // the text is the bytes: already checked for emptiness and binary data
    } else if (!d.bom && gb18030_to_utf8(bytes, d.text)) {
      d.encoding = Encoding::Gb18030;
    } else {
      return fail(d.bom ? "not valid UTF-8 despite its byte-order mark"
                        : "neither UTF-8 nor GB18030 text");
    }
  }
  if (d.text.empty() || only_whitespace(d.text)) return fail("empty file");
  if (looks_binary(d.text)) return fail("binary data, not text");
  d.ok = true;
  return d;
}

}  // namespace gongkai::text
