#pragma once
// Text for XML 1.0 documents (feeds, sitemaps): escaped, and cleaned of what XML 1.0 cannot carry
// at all, so a document stays well-formed whatever a report's text contains.
#include <string>
#include <string_view>

namespace gongkai::output {

/// Appends `text` with & < > " ' escaped as entities. Characters XML 1.0 does not allow (C0
/// controls other than TAB, LF and CR; U+FFFE, U+FFFF) are dropped; bytes that are not UTF-8 become
/// U+FFFD. Safe for element content and for attribute values in either quotes.
void append_xml_escaped(std::string& out, std::string_view text);

/// `text` escaped (append_xml_escaped into a new string).
std::string xml_escaped(std::string_view text);

}  // namespace gongkai::output
