#include "serve/request_path.hpp"

namespace gongkai::serve {

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// Percent-decodes one path part; false on a bad escape or a byte that may not be in a part.
bool decode_part(std::string_view raw, std::string& out) {
  out.clear();
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '%') {
      if (i + 2 >= raw.size()) return false;
      int hi = hex_digit(raw[i + 1]), lo = hex_digit(raw[i + 2]);
      if (hi < 0 || lo < 0) return false;
      c = static_cast<char>(hi * 16 + lo);
      i += 2;
    }
    if (c == '/' || c == '\\' || c == '\0') return false;
    out += c;
  }
  return true;
}

}  // namespace

RequestPath parse_request_path(std::string_view target) {
  RequestPath result;
  target = target.substr(0, target.find_first_of("?#"));
  if (target.empty() || target.front() != '/') return result;
  std::string_view rest = target.substr(1);
  result.trailing_slash = rest.empty() || rest.back() == '/';
  if (!rest.empty() && rest.back() == '/') {
    rest.remove_suffix(1);
    if (rest.empty()) return result;  // "//"
  }
  while (!rest.empty()) {
    size_t slash = rest.find('/');
    std::string_view raw = rest.substr(0, slash);
    std::string part;
    if (raw.empty() || !decode_part(raw, part) || part == "." || part == "..") return result;
    result.parts.push_back(std::move(part));
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
    if (rest.empty()) return result;  // "a//": an empty part before the trailing slash
  }
  result.ok = true;
  return result;
}

std::string encode_url_path(const std::vector<std::string>& parts, bool trailing_slash) {
  static const char digits[] = "0123456789ABCDEF";
  std::string out;
  for (const auto& part : parts) {
    out += '/';
    for (unsigned char c : part) {
      bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '-' || c == '.' || c == '_' || c == '~';
      if (plain) {
        out += static_cast<char>(c);
      } else {
        out += '%';
        out += digits[c >> 4];
        out += digits[c & 15];
      }
    }
  }
  if (trailing_slash || parts.empty()) out += '/';
  return out;
}

}  // namespace gongkai::serve
