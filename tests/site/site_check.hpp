#pragma once
// Checks a built site folder (tests only): every HTML page passes check_html, and every internal
// link and asset reference resolves to a file of the site (and its #fragment to an id there).
#include <map>
#include <string>
#include <vector>

#include "html_check.hpp"

namespace gongkai::testing {

struct SiteCheck {
  std::map<std::string, HtmlPage> pages;  ///< by path relative to the site root
  std::vector<std::string> problems;      ///< "page: problem"
  size_t links_checked = 0;
};

/// `skip_links_of`: pages whose links are not relative to their own folder (404.html).
SiteCheck check_site(const std::string& dir,
                     const std::vector<std::string>& skip_links_of = {"404.html"});

}  // namespace gongkai::testing
