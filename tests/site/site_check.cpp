#include "site_check.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace gongkai::testing {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool external(const std::string& link) {
  for (const char* scheme : {"http://", "https://", "mailto:", "data:", "tel:"}) {
    if (link.rfind(scheme, 0) == 0) return true;
  }
  return false;
}

/// Resolves `link` written in `page` ("a/b/index.html") to a site path, "" when it leaves the site.
std::string resolve(const std::string& page, const std::string& link) {
  std::vector<std::string> parts;
  std::string dir = page.substr(0, page.rfind('/') == std::string::npos ? 0 : page.rfind('/'));
  std::istringstream d(dir);
  for (std::string s; std::getline(d, s, '/');) {
    if (!s.empty()) parts.push_back(s);
  }
  std::istringstream l(link);
  std::string s;
  bool trailing = !link.empty() && link.back() == '/';
  while (std::getline(l, s, '/')) {
    if (s.empty() || s == ".") continue;
    if (s == "..") {
      if (parts.empty()) return "";
      parts.pop_back();
    } else {
      parts.push_back(s);
    }
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  if (trailing || link.empty() || link == "." || link == "./")
    out += (out.empty() ? "" : "/") + std::string("index.html");
  return out;
}

}  // namespace

SiteCheck check_site(const std::string& dir, const std::vector<std::string>& skip_links_of) {
  SiteCheck result;
  std::map<std::string, bool> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) files[fs::relative(e.path(), dir).generic_string()] = true;
  }
  for (const auto& [path, _] : files) {
    if (path.size() < 5 || path.substr(path.size() - 5) != ".html") continue;
    result.pages[path] = check_html(read_file(fs::path(dir) / path));
    for (const auto& e : result.pages[path].errors) result.problems.push_back(path + ": " + e);
  }
  for (const auto& [path, page] : result.pages) {
    if (std::find(skip_links_of.begin(), skip_links_of.end(), path) != skip_links_of.end())
      continue;
    for (const auto& link : page.links) {
      if (external(link)) continue;
      ++result.links_checked;
      if (link.find('\\') != std::string::npos || (!link.empty() && link[0] == '/')) {
        result.problems.push_back(path + ": link not relative: " + link);
        continue;
      }
      size_t hash = link.find('#');
      std::string target_link = link.substr(0, hash);
      std::string fragment = hash == std::string::npos ? "" : link.substr(hash + 1);
      std::string target = target_link.empty() ? path : resolve(path, target_link);
      if (target.empty() || !files.count(target)) {
        result.problems.push_back(path + ": broken link " + link);
        continue;
      }
      if (!fragment.empty()) {
        auto it = result.pages.find(target);
        if (it != result.pages.end() && !it->second.ids.count(fragment)) {
          result.problems.push_back(path + ": link " + link + " names no id in " + target);
        }
      }
    }
  }
  return result;
}

}  // namespace gongkai::testing
