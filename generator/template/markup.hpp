#pragma once
// HTML escaping as markupsafe does it (the escaping Jinja2 applies), and the reverse for striptags.
#include <string>
#include <string_view>

namespace gongkai::tmpl {

/// Appends s with & < > " ' replaced by &amp; &lt; &gt; &#34; &#39;.
void append_escaped(std::string& out, std::string_view s);
std::string escape_html(std::string_view s);
/// Replaces character references (&amp; &#39; &#x27; &nbsp; …) by the characters they name;
/// unknown references stay as written. Covers numeric references and the common named ones.
std::string unescape_html(std::string_view s);
/// markupsafe's Markup.striptags(): drops comments and tags, collapses whitespace, unescapes.
std::string strip_tags(std::string_view s);

}  // namespace gongkai::tmpl
