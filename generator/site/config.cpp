#include "site/config.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

#include "core/file_system.hpp"

namespace gongkai::site {
namespace {

/// Reads YAML nodes into C++ values, reporting every problem with the node's position.
class Reader {
 public:
  Reader(const std::string& file, core::DiagnosticSink& sink) : file_(file), sink_(sink) {}

  void error(const YAML::Mark& mark, std::string code, std::string message) {
    core::Diagnostic d;
    d.severity = core::Severity::Error;
    d.code = std::move(code);
    d.message = std::move(message);
    d.file = file_;
    if (mark.line >= 0) {
      d.line = static_cast<uint32_t>(mark.line) + 1;
      d.column = static_cast<uint32_t>(mark.column) + 1;
    }
    sink_.add(std::move(d));
  }
  void error(const YAML::Node& node, std::string code, std::string message) {
    error(node.Mark(), std::move(code), std::move(message));
  }

  /// Calls `field(key, value)` for each entry of a mapping; keys not in `known` are errors.
  template <class F>
  bool each_field(const YAML::Node& node, std::string_view what,
                  std::initializer_list<std::string_view> known, F&& field) {
    if (!node.IsMap()) {
      error(node, "C003", std::string(what) + " must be a mapping (key: value)");
      return false;
    }
    for (auto it = node.begin(); it != node.end(); ++it) {
      const std::string key = it->first.Scalar();
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        std::string list;
        for (auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
        error(it->first, "C002",
              "unknown key '" + key + "' in " + std::string(what) + " (known keys: " + list + ")");
        continue;
      }
      field(key, it->second, it->first.Mark());
    }
    return true;
  }

  bool text(const YAML::Node& node, std::string_view key, std::string& out) {
    if (!node.IsScalar()) {
      error(node, "C003", "'" + std::string(key) + "' must be text");
      return false;
    }
    out = node.Scalar();
    return true;
  }
  bool boolean(const YAML::Node& node, std::string_view key, bool& out) {
    if (!node.IsScalar() || !YAML::convert<bool>::decode(node, out)) {
      error(node, "C003", "'" + std::string(key) + "' must be true or false");
      return false;
    }
    return true;
  }
  bool integer(const YAML::Node& node, std::string_view key, int& out) {
    // yaml-cpp accepts "1.5" → 1 for int on some versions; require plain digits.
    const std::string& s = node.IsScalar() ? node.Scalar() : std::string();
    bool digits = !s.empty() && std::all_of(s.begin() + (s[0] == '-' ? 1 : 0), s.end(),
                                            [](char c) { return c >= '0' && c <= '9'; });
    if (!node.IsScalar() || !digits || s.size() > 9 || s == "-") {
      error(node, "C003", "'" + std::string(key) + "' must be a whole number");
      return false;
    }
    out = std::stoi(s);
    return true;
  }
  bool text_list(const YAML::Node& node, std::string_view key, std::vector<std::string>& out) {
    if (!node.IsSequence()) {
      error(node, "C003", "'" + std::string(key) + "' must be a list of text");
      return false;
    }
    for (const auto& item : node) {
      std::string s;
      if (text(item, key, s)) out.push_back(std::move(s));
    }
    return true;
  }
  bool int_list(const YAML::Node& node, std::string_view key, std::vector<int>& out) {
    if (!node.IsSequence()) {
      error(node, "C003", "'" + std::string(key) + "' must be a list of whole numbers");
      return false;
    }
    for (const auto& item : node) {
      int v = 0;
      if (integer(item, key, v)) out.push_back(v);
    }
    return true;
  }
  template <class F>
  bool list_of(const YAML::Node& node, std::string_view key, F&& item) {
    if (!node.IsSequence()) {
      error(node, "C003", "'" + std::string(key) + "' must be a list");
      return false;
    }
    for (const auto& n : node) item(n);
    return true;
  }

 private:
  const std::string& file_;
  core::DiagnosticSink& sink_;
};

uint32_t line_of(const YAML::Node& node) {
  return node.Mark().line >= 0 ? static_cast<uint32_t>(node.Mark().line) + 1 : 0;
}

bool valid_slug(std::string_view s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

void read_agency(Reader& r, const YAML::Node& node, Config& config) {
  AgencyConfig a;
  a.line = line_of(node);
  bool has_name = false;
  r.each_field(node, "an agency", {"name", "aliases", "region", "slug", "kind", "level"},
               [&](const std::string& key, const YAML::Node& v, const YAML::Mark&) {
                 if (key == "name") has_name = r.text(v, key, a.name) && !a.name.empty();
                 if (key == "aliases") r.text_list(v, key, a.aliases);
                 if (key == "region") r.text_list(v, key, a.region);
                 if (key == "kind") r.text(v, key, a.kind);
                 if (key == "level") r.text(v, key, a.level);
                 if (key == "slug" && r.text(v, key, a.slug) && !valid_slug(a.slug)) {
                   r.error(
                       v, "C005",
                       "slug '" + a.slug + "' must be lowercase ASCII letters, digits and hyphens");
                 }
               });
  if (!node.IsMap()) return;
  if (!has_name) {
    r.error(node, "C004", "an agency needs a 'name'");
    return;
  }
  config.agencies.push_back(std::move(a));
}

void read_comparison(Reader& r, const YAML::Node& node, Config& config) {
  ComparisonConfig c;
  c.line = line_of(node);
  r.each_field(node, "a comparison",
               {"id", "title", "description", "metrics", "years", "agencies", "regions"},
               [&](const std::string& key, const YAML::Node& v, const YAML::Mark&) {
                 if (key == "id" && r.text(v, key, c.id) && !valid_slug(c.id)) {
                   r.error(v, "C005",
                           "comparison id '" + c.id +
                               "' must be lowercase ASCII letters, digits and hyphens");
                 }
                 if (key == "title") r.text(v, key, c.title);
                 if (key == "description") r.text(v, key, c.description);
                 if (key == "metrics") r.text_list(v, key, c.metrics);
                 if (key == "years") r.int_list(v, key, c.years);
                 if (key == "agencies") r.text_list(v, key, c.agencies);
                 if (key == "regions") {
                   r.list_of(v, key, [&](const YAML::Node& item) {
                     std::vector<std::string> path;
                     if (r.text_list(item, "regions item", path))
                       c.regions.push_back(std::move(path));
                   });
                 }
               });
  if (!node.IsMap()) return;
  if (c.id.empty()) r.error(node, "C004", "a comparison needs an 'id'");
  if (c.metrics.empty()) r.error(node, "C004", "a comparison needs at least one metric");
  if (c.title.empty()) c.title = c.id;
  config.comparisons.push_back(std::move(c));
}

void read_menu_item(Reader& r, const YAML::Node& node, Config& config) {
  MenuItem m;
  bool has_title = false, has_url = false;
  r.each_field(node, "a menu item", {"title", "url"},
               [&](const std::string& key, const YAML::Node& v, const YAML::Mark&) {
                 if (key == "title") {
                   has_title = true;
                   r.text(v, key, m.title);
                 }
                 if (key == "url") {
                   has_url = true;
                   r.text(v, key, m.url);
                 }
               });
  if (!node.IsMap()) return;
  if (!has_title || !has_url) {
    r.error(node, "C004", "a menu item needs a 'title' and a 'url'");
    return;
  }
  if (m.title.empty() || m.url.empty()) return;  // already reported
  config.menu.push_back(std::move(m));
}

void read_feed(Reader& r, const YAML::Node& node, Config& config) {
  r.each_field(node, "feed", {"limit"},
               [&](const std::string& key, const YAML::Node& v, const YAML::Mark&) {
                 if (r.integer(v, "feed.limit", config.feed_limit) && config.feed_limit < 1)
                   r.error(v, "C005", "feed.limit must be at least 1");
               });
}

void read_data(Reader& r, const YAML::Node& node, Config& config) {
  r.each_field(
      node, "data", {"licence", "licence_url"},
      [&](const std::string& key, const YAML::Node& v, const YAML::Mark&) {
        if (key == "licence") r.text(v, "data.licence", config.data_licence);
        if (key == "licence_url" && r.text(v, "data.licence_url", config.data_licence_url)) {
          const auto& u = config.data_licence_url;
          if (u.rfind("https://", 0) != 0 && u.rfind("http://", 0) != 0)
            r.error(v, "C005", "data.licence_url must be an absolute http(s) URL");
        }
      });
}

void read_search(Reader& r, const YAML::Node& node, Config& config) {
  r.each_field(node, "search", {"excerpt_chars"},
               [&](const std::string& key, const YAML::Node& v, const YAML::Mark&) {
                 if (r.integer(v, "search.excerpt_chars", config.search_excerpt_chars) &&
                     (config.search_excerpt_chars < 0 || config.search_excerpt_chars > 400))
                   r.error(v, "C005", "search.excerpt_chars must be between 0 and 400");
               });
}

/// Checks across entries: duplicate names, slugs and ids.
void check_unique(Reader& r, const YAML::Node& root, Config& config) {
  std::set<std::string> names, slugs, ids;
  for (const auto& a : config.agencies) {
    YAML::Mark mark;
    mark.line = static_cast<int>(a.line) - 1;
    mark.column = 0;
    for (const auto* n : {&a.name}) {
      if (!names.insert(*n).second)
        r.error(mark, "C006", "agency name '" + *n + "' is declared twice");
    }
    for (const auto& alias : a.aliases) {
      if (!names.insert(alias).second) {
        r.error(mark, "C006", "agency name '" + alias + "' is declared twice");
      }
    }
    if (!a.slug.empty() && !slugs.insert(a.slug).second) {
      r.error(mark, "C006", "slug '" + a.slug + "' is used by two agencies");
    }
  }
  for (const auto& c : config.comparisons) {
    if (!c.id.empty() && !ids.insert(c.id).second) {
      YAML::Mark mark;
      mark.line = static_cast<int>(c.line) - 1;
      mark.column = 0;
      r.error(mark, "C006", "comparison id '" + c.id + "' is used twice");
    }
  }
}

}  // namespace

std::string Config::resolve(std::string_view dir) const {
  if (!dir.empty() && dir.front() == '/') return std::string(dir);
  return core::normalize_path(core::join_path(root, dir));
}

Config parse_config(const std::string& file, std::string_view text, core::DiagnosticSink& sink) {
  Config config;
  config.file = file;
  auto slash = file.rfind('/');
  config.root = slash == std::string::npos ? "." : file.substr(0, slash == 0 ? 1 : slash);
  Reader r(config.file, sink);

  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    r.error(e.mark, "C001", "not valid YAML: " + e.msg);
    return config;
  }
  if (root.IsNull()) return config;  // an empty site.yaml: every default

  r.each_field(root, "site.yaml",
               {"title", "description", "base_url", "language", "theme", "content_dir",
                "output_dir", "themes_dir", "templates_dir", "static_dir", "pretty_urls",
                "latest_reports", "feed", "data", "search", "agencies", "comparisons", "menu"},
               [&](const std::string& key, const YAML::Node& v, const YAML::Mark&) {
                 if (key == "title") r.text(v, key, config.title);
                 if (key == "description") r.text(v, key, config.description);
                 if (key == "base_url" && r.text(v, key, config.base_url)) {
                   auto& u = config.base_url;
                   if (u.rfind("https://", 0) != 0 && u.rfind("http://", 0) != 0) {
                     r.error(v, "C005", "base_url must be an absolute http(s) URL");
                   } else if (u.back() != '/') {
                     u += '/';
                   }
                 }
                 if (key == "language" && r.text(v, key, config.language) &&
                     config.language != "zh-CN" && config.language != "en") {
                   r.error(v, "C005", "language must be zh-CN or en");
                 }
                 if (key == "theme") r.text(v, key, config.theme);
                 if (key == "content_dir") r.text(v, key, config.content_dir);
                 if (key == "output_dir") r.text(v, key, config.output_dir);
                 if (key == "themes_dir") r.text(v, key, config.themes_dir);
                 if (key == "templates_dir") r.text(v, key, config.templates_dir);
                 if (key == "static_dir") r.text(v, key, config.static_dir);
                 if (key == "pretty_urls") r.boolean(v, key, config.pretty_urls);
                 if (key == "latest_reports" && r.integer(v, key, config.latest_reports) &&
                     config.latest_reports < 0) {
                   r.error(v, "C005", "latest_reports must not be negative");
                 }
                 if (key == "feed") read_feed(r, v, config);
                 if (key == "data") read_data(r, v, config);
                 if (key == "search") read_search(r, v, config);
                 if (key == "agencies") {
                   r.list_of(v, key, [&](const YAML::Node& n) { read_agency(r, n, config); });
                 }
                 if (key == "comparisons") {
                   r.list_of(v, key, [&](const YAML::Node& n) { read_comparison(r, n, config); });
                 }
                 if (key == "menu")
                   r.list_of(v, key, [&](const YAML::Node& n) { read_menu_item(r, n, config); });
               });
  check_unique(r, root, config);
  return config;
}

}  // namespace gongkai::site
