#pragma once
// What the dev server adds to the HTML it serves (never to the built files): a script that
// reloads the page when a rebuild finishes, and a banner when the last rebuild failed.
#include <cstdint>
#include <string>
#include <string_view>

namespace gongkai::serve {

/// The Server-Sent Events endpoint the script listens to.
inline constexpr std::string_view kEventsPath = "/__gongkai/events";

/// The reload script for a page served at `generation`: it listens to kEventsPath and reloads
/// when the server announces another generation (so a rebuild that finished before the script
/// connected is not missed). No external script, no dependency.
std::string reload_script(uint64_t generation);
/// A fixed banner showing a failed rebuild's message (HTML-escaped), dismissable.
std::string error_banner(std::string_view message);
/// `html` with `addition` inserted before the last `</body>` (any case), or appended when there
/// is none.
std::string inject_before_body_end(std::string_view html, std::string_view addition);
/// One Server-Sent Event: "event: reload\ndata: <generation>\n\n".
std::string reload_event(uint64_t generation);
}  // namespace gongkai::serve
