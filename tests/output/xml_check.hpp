#pragma once
// A small XML 1.0 reader for the tests of the feeds and sitemaps: enough of XML to hold a document
// to well-formedness (one root, tags nested and closed, attributes quoted, only the five named
// entities and numeric references, no raw '<' or '&' in text, valid UTF-8, no control characters)
// and to read its elements back. No DTDs, no namespaces beyond keeping the prefix in the name.
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace gongkai::testing {

struct XmlElement {
  std::string name;
  std::map<std::string, std::string> attributes;  ///< values unescaped
  std::string text;                               ///< text and CDATA directly inside, unescaped
  std::vector<std::unique_ptr<XmlElement>> children;

  /// The first child named `name`, or nullptr.
  const XmlElement* child(const std::string& name) const;
  /// Every child named `name`, in document order.
  std::vector<const XmlElement*> all(const std::string& name) const;
  /// The text of the first child named `name` ("" when there is none).
  std::string child_text(const std::string& name) const;
};

struct XmlDocument {
  std::unique_ptr<XmlElement> root;  ///< null when the document is not well-formed
  std::string error;                 ///< why it is not, with the byte offset
};

/// Reads `text` as an XML 1.0 document.
XmlDocument parse_xml(const std::string& text);

}  // namespace gongkai::testing
