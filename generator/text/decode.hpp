#pragma once
// Decoding raw report bytes into UTF-8: UTF-8 with or without a BOM, UTF-16 with a BOM, and
// GB18030/GBK (a superset of GB2312), converted with glibc's iconv.
#include <cstdint>
#include <string>
#include <string_view>

namespace gongkai::text {

enum class Encoding : uint8_t { Utf8, Gb18030, Utf16 };
std::string_view to_string(Encoding e);  // "utf-8" | "gb18030" | "utf-16"

struct Decoded {
  bool ok = false;   ///< false: the bytes are not text we can read (see problem)
  std::string text;  ///< UTF-8, BOM removed, line ends untouched
  Encoding encoding = Encoding::Utf8;
  bool bom = false;     ///< a byte-order mark was present (and removed)
  std::string problem;  ///< why ok is false: "empty file", "binary data", …
};

/// Decodes a whole file. Valid UTF-8 is taken as is; otherwise GB18030 is tried. Bytes that are
/// empty, binary (NUL bytes, many control characters) or decodable by neither give ok == false.
Decoded decode(std::string_view bytes);

/// GB18030 → UTF-8 with iconv; false when the bytes are not valid GB18030. Exposed for testing.
bool gb18030_to_utf8(std::string_view bytes, std::string& out);
/// UTF-8 → GB18030 (for tests that build re-encoded variants); false when iconv refuses.
bool utf8_to_gb18030(std::string_view utf8, std::string& out);

}  // namespace gongkai::text
