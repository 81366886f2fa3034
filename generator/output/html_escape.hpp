#pragma once
// HTML escaping for text the C++ side turns into markup (the source view).
#include <string>
#include <string_view>

namespace gongkai::output {

/// Appends `text` with & < > " ' escaped.
void append_escaped(std::string& out, std::string_view text);

}  // namespace gongkai::output
