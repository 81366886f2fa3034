#include "xml_check.hpp"

#include <cctype>
#include <cstring>
#include <stdexcept>

#include "core/utf8.hpp"

namespace gongkai::testing {

const XmlElement* XmlElement::child(const std::string& n) const {
  for (const auto& c : children) {
    if (c->name == n) return c.get();
  }
  return nullptr;
}

std::vector<const XmlElement*> XmlElement::all(const std::string& n) const {
  std::vector<const XmlElement*> out;
  for (const auto& c : children) {
    if (c->name == n) out.push_back(c.get());
  }
  return out;
}

std::string XmlElement::child_text(const std::string& n) const {
  const XmlElement* c = child(n);
  return c ? c->text : std::string();
}

namespace {

struct Fail : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Reader {
 public:
  explicit Reader(const std::string& s) : s_(s) {}

  std::unique_ptr<XmlElement> document() {
    check_characters();
    if (starts("<?xml")) {
      const size_t end = s_.find("?>");
      if (end == std::string::npos) fail("unclosed XML declaration");
      i_ = end + 2;
    }
    misc();
    if (!starts("<")) fail("no root element");
    auto root = element();
    misc();
    if (i_ != s_.size()) fail("content after the root element");
    return root;
  }

  [[noreturn]] void fail(const std::string& why) const {
    throw Fail(why + " at byte " + std::to_string(i_));
  }

 private:
  bool starts(const char* p) const { return s_.compare(i_, std::strlen(p), p) == 0; }

  /// Valid UTF-8 and only XML 1.0 characters, over the whole text.
  void check_characters() {
    for (size_t k = 0; k < s_.size();) {
      const unsigned char c = static_cast<unsigned char>(s_[k]);
      if (c < 0x80) {
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          i_ = k;
          fail("control character");
        }
        ++k;
        continue;
      }
      const int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
      if (n == 0 || k + static_cast<size_t>(n) > s_.size()) {
        i_ = k;
        fail("invalid UTF-8");
      }
      for (int j = 1; j < n; ++j) {
        if ((static_cast<unsigned char>(s_[k + static_cast<size_t>(j)]) & 0xC0) != 0x80) {
          i_ = k;
          fail("invalid UTF-8");
        }
      }
      k += static_cast<size_t>(n);
    }
  }

  void spaces() {
    while (i_ < s_.size() && std::strchr(" \t\r\n", s_[i_])) ++i_;
  }

  /// Comments, processing instructions and white space between top-level items.
  void misc() {
    for (;;) {
      spaces();
      if (starts("<!--")) {
        const size_t end = s_.find("-->", i_ + 4);
        if (end == std::string::npos) fail("unclosed comment");
        i_ = end + 3;
      } else if (starts("<?")) {
        const size_t end = s_.find("?>", i_ + 2);
        if (end == std::string::npos) fail("unclosed processing instruction");
        i_ = end + 2;
      } else {
        return;
      }
    }
  }

  std::string name() {
    const size_t start = i_;
    while (i_ < s_.size()) {
      const unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (std::isalnum(c) || c == '_' || c == ':' || c == '-' || c == '.' || c >= 0x80) {
        ++i_;
      } else {
        break;
      }
    }
    if (i_ == start || std::isdigit(static_cast<unsigned char>(s_[start])) || s_[start] == '-' ||
        s_[start] == '.') {
      fail("bad name");
    }
    return s_.substr(start, i_ - start);
  }

  /// Appends the character of the reference at i_ ('&' … ';').
  void reference(std::string& out) {
    const size_t end = s_.find(';', i_);
    if (end == std::string::npos || end - i_ > 12) fail("unterminated entity reference");
    const std::string ref = s_.substr(i_ + 1, end - i_ - 1);
    static const std::map<std::string, char> named = {
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
    if (auto it = named.find(ref); it != named.end()) {
      out += it->second;
    } else if (ref.size() > 1 && ref[0] == '#') {
      const bool hex = ref[1] == 'x';
      const std::string digits = ref.substr(hex ? 2 : 1);
      if (digits.empty()) fail("empty character reference");
      unsigned long cp = 0;
      for (char d : digits) {
        if (!(hex ? std::isxdigit(static_cast<unsigned char>(d))
                  : std::isdigit(static_cast<unsigned char>(d))))
          fail("bad character reference");
      }
      cp = std::stoul(digits, nullptr, hex ? 16 : 10);
      if ((cp < 0x20 && cp != 9 && cp != 10 && cp != 13) || (cp >= 0xD800 && cp < 0xE000) ||
          cp == 0xFFFE || cp == 0xFFFF || cp > 0x10FFFF)
        fail("reference to a character XML does not allow");
      core::utf8::append(out, static_cast<char32_t>(cp));
    } else {
      fail("unknown entity &" + ref + ";");
    }
    i_ = end + 1;
  }

  std::unique_ptr<XmlElement> element() {
    ++i_;  // '<'
    auto e = std::make_unique<XmlElement>();
    e->name = name();
    for (;;) {
      const size_t before = i_;
      spaces();
      if (starts("/>")) {
        i_ += 2;
        return e;
      }
      if (starts(">")) {
        ++i_;
        break;
      }
      if (i_ == before) fail("no space before an attribute");
      std::string key = name();
      spaces();
      if (!starts("=")) fail("attribute without '='");
      ++i_;
      spaces();
      if (i_ >= s_.size() || (s_[i_] != '"' && s_[i_] != '\'')) fail("unquoted attribute");
      const char quote = s_[i_++];
      std::string value;
      while (i_ < s_.size() && s_[i_] != quote) {
        if (s_[i_] == '<') fail("'<' in an attribute value");
        if (s_[i_] == '&') {
          reference(value);
        } else {
          value += s_[i_++];
        }
      }
      if (i_ >= s_.size()) fail("unclosed attribute value");
      ++i_;
      if (!e->attributes.emplace(key, value).second) fail("repeated attribute " + key);
    }
    for (;;) {  // content
      if (i_ >= s_.size()) fail("unclosed element <" + e->name + ">");
      if (starts("</")) {
        i_ += 2;
        if (name() != e->name) fail("closing tag does not match <" + e->name + ">");
        spaces();
        if (!starts(">")) fail("bad closing tag");
        ++i_;
        return e;
      }
      if (starts("<!--")) {
        const size_t end = s_.find("-->", i_ + 4);
        if (end == std::string::npos) fail("unclosed comment");
        i_ = end + 3;
      } else if (starts("<![CDATA[")) {
        const size_t end = s_.find("]]>", i_ + 9);
        if (end == std::string::npos) fail("unclosed CDATA");
        e->text.append(s_, i_ + 9, end - i_ - 9);
        i_ = end + 3;
      } else if (starts("<?")) {
        const size_t end = s_.find("?>", i_ + 2);
        if (end == std::string::npos) fail("unclosed processing instruction");
        i_ = end + 2;
      } else if (starts("<")) {
        e->children.push_back(element());
      } else if (s_[i_] == '&') {
        reference(e->text);
      } else {
        if (starts("]]>")) fail("']]>' in text");
        e->text += s_[i_++];
      }
    }
  }

  const std::string& s_;
  size_t i_ = 0;
};

}  // namespace

XmlDocument parse_xml(const std::string& text) {
  XmlDocument doc;
  Reader r(text);
  try {
    doc.root = r.document();
  } catch (const Fail& f) {
    doc.error = f.what();
  }
  return doc;
}

}  // namespace gongkai::testing
