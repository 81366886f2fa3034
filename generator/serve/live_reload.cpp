#include "serve/live_reload.hpp"

#include "core/html_escape.hpp"

namespace gongkai::serve {

std::string reload_script(uint64_t generation) {
  // The page's own generation travels with it; the first event after connecting carries the
  // server's current one, later events each new one.
  return "<script>/* gongkai serve: live reload */(function(){var g=\"" +
         std::to_string(generation) + "\";if(!window.EventSource)return;var s=new EventSource(\"" +
         std::string(kEventsPath) +
         "\");s.addEventListener(\"reload\",function(e){if(e.data!==g){s.close();"
         "location.reload();}});})();</script>";
}

std::string error_banner(std::string_view message) {
  return "<div id=\"gongkai-error\" role=\"alert\" style=\"position:fixed;top:0;left:0;right:0;"
         "z-index:2147483647;max-height:60vh;overflow:auto;margin:0;padding:12px 16px;"
         "background:#8b0000;color:#fff;font:14px/1.5 monospace;box-shadow:0 2px 8px #0008\">"
         "<button type=\"button\" onclick=\"this.parentNode.remove()\" style=\"float:right\">"
         "×</button><strong>gongkai serve: the rebuild failed.</strong> The last good site is "
         "shown; save a fix to rebuild.<pre style=\"white-space:pre-wrap;margin:8px 0 0\">" +
         core::html_escaped(message) + "</pre></div>";
}

std::string inject_before_body_end(std::string_view html, std::string_view addition) {
  constexpr std::string_view tag = "</body";
  size_t found = std::string_view::npos;
  for (size_t i = html.size() >= tag.size() ? html.size() - tag.size() + 1 : 0; i-- > 0;) {
    bool match = true;
    for (size_t k = 0; k < tag.size() && match; ++k) {
      char c = html[i + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      match = c == tag[k];
    }
    if (match) {
      found = i;
      break;
    }
  }
  std::string out;
  out.reserve(html.size() + addition.size());
  if (found == std::string_view::npos) {
    out.append(html);
    out.append(addition);
  } else {
    out.append(html.substr(0, found));
    out.append(addition);
    out.append(html.substr(found));
  }
  return out;
}

std::string reload_event(uint64_t generation) {
  return "event: reload\ndata: " + std::to_string(generation) + "\n\n";
}

}  // namespace gongkai::serve
