#pragma once
// What the shapes wrap around text: markdown `#` and `**`, docx `[bookmark: …]` / `[image: …]`.
#include <string>
#include <string_view>

namespace gongkai::report::parse {

/// Leading `#`s of a markdown heading: their count (0 when none) and the rest, trimmed.
int heading_level(std::string_view s, std::string_view& rest);
/// `s` without `**`/`__` emphasis markers and docx `[bookmark: …]`/`[image: …]` markers.
std::string strip_markers(std::string_view s);
/// The plain text of a line for reading: markers and heading marks gone, stray spaces squeezed.
std::string plain_line(std::string_view line);

}  // namespace gongkai::report::parse
