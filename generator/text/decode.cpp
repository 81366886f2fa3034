#include "text/decode.hpp"

#include <iconv.h>

#include <cerrno>

#include "core/utf8.hpp"

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

/// Text has no NUL bytes and few control characters other than TAB, LF, CR, FF and VT.
bool looks_binary(std::string_view s) {
  size_t control = 0;
  for (unsigned char c : s) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') ++control;
    if (c == 0x7F) ++control;
  }
  return control * 100 > s.size();
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
    if (looks_binary(bytes)) return fail("binary data, not text");
    if (core::utf8::is_valid(bytes)) {
      d.text.assign(bytes);
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
