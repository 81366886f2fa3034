#pragma once
// Plain pages from content/pages/*.md (about, methodology), rendered with cmark-gfm.
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/file_system.hpp"

namespace gongkai::site {

struct ContentPage {
  std::string file;   ///< path below the pages folder ("about.md")
  std::string slug;   ///< file name without ".md" ("about")
  std::string url;    ///< "about/"
  std::string title;  ///< front matter `title:`, else the first heading, else the slug
  int weight = 0;     ///< front matter `weight:`: order in menus (then slug)
  std::string html;   ///< the body (without the first heading when it gave the title)
};

/// GFM (tables, autolinks, strikethrough) to HTML; raw HTML is not passed through (replaced by a
/// comment), links to javascript: and similar are dropped.
std::string markdown_to_html(std::string_view markdown);

/// Reads every *.md below `dir` (none when it does not exist). Names that would clash with the
/// site's own sections (agencies, years, compare, audit, static, data) are C008 errors.
std::vector<ContentPage> load_content_pages(const core::FileSystem& fs, const std::string& dir,
                                            core::DiagnosticSink& sink);

}  // namespace gongkai::site
