#include "template/lexer.hpp"

#include <unicode/uchar.h>

#include <cerrno>
#include <cstdlib>

#include "template/pystr.hpp"

namespace gongkai::tmpl {

std::string normalize_source(std::string_view source) {
  std::string out;
  out.reserve(source.size());
  for (size_t i = 0; i < source.size(); ++i) {
    char c = source[i];
    if (c == '\r') {
      out += '\n';
      if (i + 1 < source.size() && source[i + 1] == '\n') ++i;
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

namespace {

bool space_at(std::string_view s, size_t i, size_t* next_pos) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *next_pos = i + 1;
    return pystr::is_space(c);
  }
  size_t j = i;
  char32_t cp = pystr::next(s, j);
  *next_pos = j;
  return pystr::is_space(cp);
}

size_t skip_space(std::string_view s, size_t i) {
  size_t j;
  while (i < s.size() && space_at(s, i, &j)) i = j;
  return i;
}

/// Python's str.rstrip() on the data before a `-` tag.
std::string_view rstrip_data(std::string_view s) {
  return pystr::rstrip(s);
}

bool is_name_char(std::string_view s, size_t i, size_t* next_pos) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *next_pos = i + 1;
    return c == '_' || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  }
  size_t j = i;
  char32_t cp = pystr::next(s, j);
  *next_pos = j;
  if (pystr::is_word(cp)) return true;
  int8_t type = u_charType(static_cast<UChar32>(cp));
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
         type == U_CONNECTOR_PUNCTUATION;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_hex(char c) {
  return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

/// `(\d+_)*\d+` at i; returns the end or npos.
size_t match_digits(std::string_view s, size_t i) {
  if (i >= s.size() || !is_digit(s[i])) return std::string_view::npos;
  while (true) {
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i + 1 < s.size() && s[i] == '_' && is_digit(s[i + 1])) {
      ++i;
      continue;
    }
    return i;
  }
}

/// Jinja2's float_re: digits then (fraction? exponent | fraction), not preceded by '.'.
size_t match_float(std::string_view s, size_t i) {
  if (i > 0 && s[i - 1] == '.') return std::string_view::npos;
  size_t j = match_digits(s, i);
  if (j == std::string_view::npos) return j;
  size_t frac_end = std::string_view::npos;
  if (j < s.size() && s[j] == '.') frac_end = match_digits(s, j + 1);
  auto exponent = [&](size_t k) -> size_t {
    if (k >= s.size() || (s[k] | 0x20) != 'e') return std::string_view::npos;
    ++k;
    if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
    return match_digits(s, k);
  };
  size_t base = frac_end != std::string_view::npos ? frac_end : j;
  size_t e = exponent(base);
  if (e != std::string_view::npos) return e;
  return frac_end;
}

/// Jinja2's integer_re: 0b…, 0o…, 0x…, decimal with '_' separators, or zeros.
size_t match_integer(std::string_view s, size_t i) {
  if (i >= s.size() || !is_digit(s[i])) return std::string_view::npos;
  auto run = [&](size_t k, auto valid) -> size_t {
    // (_?[class])+
    size_t start = k;
    while (k < s.size()) {
      if (valid(s[k])) {
        ++k;
      } else if (s[k] == '_' && k + 1 < s.size() && valid(s[k + 1])) {
        k += 2;
      } else {
        break;
      }
    }
    return k == start ? std::string_view::npos : k;
  };
  if (s[i] == '0' && i + 1 < s.size()) {
    char p = static_cast<char>(s[i + 1] | 0x20);
    size_t r = std::string_view::npos;
    if (p == 'b') r = run(i + 2, [](char c) { return c == '0' || c == '1'; });
    if (p == 'o') r = run(i + 2, [](char c) { return c >= '0' && c <= '7'; });
    if (p == 'x') r = run(i + 2, is_hex);
    if (r != std::string_view::npos) return r;
  }
  if (s[i] != '0') {
    size_t k = i + 1;
    size_t r = run(k, is_digit);
    return r == std::string_view::npos ? k : r;
  }
  size_t k = i + 1;
  size_t r = run(k, [](char c) { return c == '0'; });
  return r == std::string_view::npos ? k : r;
}

/// Python's unicode-escape decoding of a string literal's body.
bool decode_string(std::string_view body, std::string& out, std::string* error) {
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c != '\\' || i + 1 >= body.size()) {
      out += c;
      continue;
    }
    char e = body[++i];
    switch (e) {
      case '\n':
        break;
      case '\\':
        out += '\\';
        break;
      case '\'':
        out += '\'';
        break;
      case '"':
        out += '"';
        break;
      case 'a':
        out += '\a';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'v':
        out += '\v';
        break;
      case 'x':
      case 'u':
      case 'U': {
        size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        char32_t cp = 0;
        for (size_t k = 0; k < digits; ++k) {
          if (i + 1 >= body.size() || !is_hex(body[i + 1])) {
            *error = e == 'x'   ? "truncated \\xXX escape"
                     : e == 'u' ? "truncated \\uXXXX escape"
                                : "truncated \\UXXXXXXXX escape";
            return false;
          }
          char h = body[++i];
          cp = cp * 16 + static_cast<char32_t>(is_digit(h) ? h - '0' : (h | 0x20) - 'a' + 10);
        }
        if (cp > 0x10FFFF) {
          *error = "illegal Unicode character";
          return false;
        }
        pystr::append_utf8(out, cp);
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          char32_t cp = static_cast<char32_t>(e - '0');
          for (int k = 0; k < 2 && i + 1 < body.size() && body[i + 1] >= '0' && body[i + 1] <= '7';
               ++k) {
            cp = cp * 8 + static_cast<char32_t>(body[++i] - '0');
          }
          pystr::append_utf8(out, cp);
        } else {
          out += '\\';
          out += e;
        }
    }
  }
  return true;
}

struct Lexer {
  std::string_view src;
  std::vector<Token>& out;
  LexError* error;

  bool fail(std::string message, size_t offset) {
    if (error) {
      error->message = std::move(message);
      error->offset = static_cast<uint32_t>(offset);
    }
    return false;
  }

  void emit(TokenType type, size_t offset, std::string text = {}) {
    Token t;
    t.type = type;
    t.offset = static_cast<uint32_t>(offset);
    t.text = std::move(text);
    out.push_back(std::move(t));
  }

  void emit_data(std::string_view text, size_t offset) {
    if (!text.empty()) emit(TokenType::Data, offset, std::string(text));
  }

  /// At `i` (just after "{%" and an optional sign): matches `\s*raw\s*(-%}\s*|%})`; returns the
  /// position after it or npos.
  size_t match_raw_begin(size_t i) {
    i = skip_space(src, i);
    if (src.substr(i, 3) != "raw") return std::string_view::npos;
    i = skip_space(src, i + 3);
    if (src.substr(i, 3) == "-%}") return skip_space(src, i + 3);
    if (src.substr(i, 2) == "%}") return i + 2;
    return std::string_view::npos;
  }

  bool lex_raw(size_t i, size_t tag_start) {
    // Find `{%[-+]?\s*endraw\s*(+%}|-%}\s*|%})`.
    size_t k = i;
    while (true) {
      k = src.find("{%", k);
      if (k == std::string_view::npos) return fail("Missing end of raw directive", tag_start);
      size_t j = k + 2;
      char sign = 0;
      if (j < src.size() && (src[j] == '-' || src[j] == '+')) sign = src[j++];
      j = skip_space(src, j);
      if (src.substr(j, 6) == "endraw") {
        j = skip_space(src, j + 6);
        size_t end = std::string_view::npos;
        if (src.substr(j, 3) == "+%}")
          end = j + 3;
        else if (src.substr(j, 3) == "-%}")
          end = skip_space(src, j + 3);
        else if (src.substr(j, 2) == "%}")
          end = j + 2;
        if (end != std::string_view::npos) {
          std::string_view body = src.substr(i, k - i);
          if (sign == '-') body = rstrip_data(body);
          emit_data(body, i);
          pos_after_ = end;
          return true;
        }
      }
      k += 2;
    }
  }

  bool lex_comment(size_t i, size_t tag_start) {
    for (size_t k = i; k < src.size(); ++k) {
      if (src[k] == '+' && src.substr(k, 3) == "+#}") {
        pos_after_ = k + 3;
        return true;
      }
      if (src[k] == '-' && src.substr(k, 3) == "-#}") {
        pos_after_ = skip_space(src, k + 3);
        return true;
      }
      if (src[k] == '#' && src.substr(k, 2) == "#}") {
        pos_after_ = k + 2;
        return true;
      }
    }
    return fail("Missing end of comment tag", tag_start);
  }

  bool lex_tag(size_t i, bool variable) {
    std::vector<char> balance;
    while (true) {
      if (balance.empty()) {
        if (variable) {
          if (src.substr(i, 3) == "-}}") {
            emit(TokenType::VariableEnd, i);
            pos_after_ = skip_space(src, i + 3);
            return true;
          }
          if (src.substr(i, 2) == "}}") {
            emit(TokenType::VariableEnd, i);
            pos_after_ = i + 2;
            return true;
          }
        } else {
          if (src.substr(i, 3) == "+%}") {
            emit(TokenType::BlockEnd, i);
            pos_after_ = i + 3;
            return true;
          }
          if (src.substr(i, 3) == "-%}") {
            emit(TokenType::BlockEnd, i);
            pos_after_ = skip_space(src, i + 3);
            return true;
          }
          if (src.substr(i, 2) == "%}") {
            emit(TokenType::BlockEnd, i);
            pos_after_ = i + 2;
            return true;
          }
        }
      }
      if (i >= src.size()) {
        pos_after_ = i;
        return true;  // the parser reports the unexpected end
      }
      size_t j;
      if (space_at(src, i, &j)) {
        i = skip_space(src, i);
        continue;
      }
      char c = src[i];
      if (is_digit(c)) {
        size_t f = match_float(src, i);
        if (f != std::string_view::npos) {
          std::string digits;
          for (char d : src.substr(i, f - i)) {
            if (d != '_') digits += d;
          }
          Token t;
          t.type = TokenType::Float;
          t.offset = static_cast<uint32_t>(i);
          t.number = std::strtod(digits.c_str(), nullptr);
          out.push_back(std::move(t));
          i = f;
          continue;
        }
        size_t e = match_integer(src, i);
        std::string digits;
        for (char d : src.substr(i, e - i)) {
          if (d != '_') digits += d;
        }
        int base = 10;
        size_t skip = 0;
        if (digits.size() > 1 && digits[0] == '0') {
          char p = static_cast<char>(digits[1] | 0x20);
          base = p == 'b' ? 2 : p == 'o' ? 8 : p == 'x' ? 16 : 10;
          skip = base == 10 ? 0 : 2;
        }
        Token t;
        t.type = TokenType::Integer;
        t.offset = static_cast<uint32_t>(i);
        errno = 0;
        t.integer = std::strtoll(digits.c_str() + skip, nullptr, base);
        if (errno == ERANGE) {
          t.big_integer = true;
          t.number = std::strtod(digits.c_str(), nullptr);
        }
        out.push_back(std::move(t));
        i = e;
        continue;
      }
      if (c == '\'' || c == '"') {
        size_t k = i + 1;
        while (k < src.size() && src[k] != c) {
          if (src[k] == '\\') ++k;
          ++k;
        }
        if (k >= src.size()) return fail(std::string("unexpected char '") + c + "'", i);
        Token t;
        t.type = TokenType::String;
        t.offset = static_cast<uint32_t>(i);
        std::string message;
        if (!decode_string(src.substr(i + 1, k - i - 1), t.text, &message)) return fail(message, i);
        out.push_back(std::move(t));
        i = k + 1;
        continue;
      }
      if (is_name_char(src, i, &j)) {
        size_t k = i;
        while (k < src.size() && is_name_char(src, k, &j)) k = j;
        emit(TokenType::Name, i, std::string(src.substr(i, k - i)));
        i = k;
        continue;
      }
      TokenType op;
      size_t len = 1;
      auto two = src.substr(i, 2);
      if (two == "**")
        op = TokenType::Pow, len = 2;
      else if (two == "//")
        op = TokenType::FloorDiv, len = 2;
      else if (two == "==")
        op = TokenType::Eq, len = 2;
      else if (two == "!=")
        op = TokenType::Ne, len = 2;
      else if (two == ">=")
        op = TokenType::GtEq, len = 2;
      else if (two == "<=")
        op = TokenType::LtEq, len = 2;
      else {
        switch (c) {
          case '+':
            op = TokenType::Add;
            break;
          case '-':
            op = TokenType::Sub;
            break;
          case '*':
            op = TokenType::Mul;
            break;
          case '/':
            op = TokenType::Div;
            break;
          case '%':
            op = TokenType::Mod;
            break;
          case '~':
            op = TokenType::Tilde;
            break;
          case '[':
            op = TokenType::LBracket;
            break;
          case ']':
            op = TokenType::RBracket;
            break;
          case '(':
            op = TokenType::LParen;
            break;
          case ')':
            op = TokenType::RParen;
            break;
          case '{':
            op = TokenType::LBrace;
            break;
          case '}':
            op = TokenType::RBrace;
            break;
          case '>':
            op = TokenType::Gt;
            break;
          case '<':
            op = TokenType::Lt;
            break;
          case '=':
            op = TokenType::Assign;
            break;
          case '.':
            op = TokenType::Dot;
            break;
          case ':':
            op = TokenType::Colon;
            break;
          case '|':
            op = TokenType::Pipe;
            break;
          case ',':
            op = TokenType::Comma;
            break;
          case ';':
            op = TokenType::Semicolon;
            break;
          default: {
            size_t e = i;
            pystr::next(src, e);
            return fail("unexpected char '" + std::string(src.substr(i, e - i)) + "'", i);
          }
        }
      }
      if (op == TokenType::LBrace) balance.push_back('}');
      if (op == TokenType::LParen) balance.push_back(')');
      if (op == TokenType::LBracket) balance.push_back(']');
      if (op == TokenType::RBrace || op == TokenType::RParen || op == TokenType::RBracket) {
        if (balance.empty()) return fail(std::string("unexpected '") + c + "'", i);
        char expected = balance.back();
        balance.pop_back();
        if (expected != c) {
          return fail(std::string("unexpected '") + c + "', expected '" + expected + "'", i);
        }
      }
      emit(op, i);
      i += len;
    }
  }

  size_t pos_after_ = 0;
};

}  // namespace

bool tokenize(std::string_view source, std::vector<Token>& out, LexError* error) {
  out.clear();
  Lexer lx{source, out, error};
  // The root state: data up to the next tag; the sub-lexers leave their end in pos_after_.
  size_t pos = 0;
  while (pos < source.size()) {
    size_t k = pos;
    char kind = 0;
    while (true) {
      k = source.find('{', k);
      if (k == std::string_view::npos || k + 1 >= source.size()) {
        k = std::string_view::npos;
        break;
      }
      char n = source[k + 1];
      if (n == '{' || n == '%' || n == '#') {
        kind = n;
        break;
      }
      ++k;
    }
    if (k == std::string_view::npos) {
      lx.emit_data(source.substr(pos), pos);
      break;
    }
    size_t after = k + 2;
    char sign = 0;
    if (after < source.size() && (source[after] == '-' || source[after] == '+')) {
      sign = source[after++];
    }
    std::string_view text = source.substr(pos, k - pos);
    if (sign == '-') text = rstrip_data(text);
    lx.emit_data(text, pos);
    bool ok;
    size_t raw_end = kind == '%' ? lx.match_raw_begin(after) : std::string_view::npos;
    if (raw_end != std::string_view::npos) {
      ok = lx.lex_raw(raw_end, k);
    } else if (kind == '#') {
      ok = lx.lex_comment(after, k);
    } else {
      lx.emit(kind == '{' ? TokenType::VariableBegin : TokenType::BlockBegin, k);
      ok = lx.lex_tag(after, kind == '{');
    }
    if (!ok) return false;
    pos = lx.pos_after_;
  }
  Token eof;
  eof.type = TokenType::Eof;
  eof.offset = static_cast<uint32_t>(source.size());
  out.push_back(std::move(eof));
  return true;
}

}  // namespace gongkai::tmpl
