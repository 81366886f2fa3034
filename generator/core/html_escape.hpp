#pragma once
// HTML escaping as markupsafe does it (what Jinja2 applies), shared by the template engine, the
// pages the C++ side writes itself (source view) and the dev server's messages.
#include <string>
#include <string_view>

namespace gongkai::core {

/// Appends s with & < > " ' replaced by &amp; &lt; &gt; &#34; &#39;.
void append_html_escaped(std::string& out, std::string_view s);
std::string html_escaped(std::string_view s);

}  // namespace gongkai::core
