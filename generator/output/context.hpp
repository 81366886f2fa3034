#pragma once
// The values templates see, built from the site model (the one serialisation layer between the
// domain and the theme: templates never see internal types). Links in contexts are site paths
// ("agencies/x/index.html"); templates prefix them with `root`, the way back from the page being
// rendered to the site root, so every link stays relative.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "output/strings.hpp"
#include "site/site_model.hpp"

namespace gongkai::output {

using Json = nlohmann::ordered_json;

/// What every context builder reads: the model, the UI strings and the parts shared by all pages.
struct ContextEnv {
  const site::Site& site;
  const Strings& strings;
  Json site_json;  ///< the `site` variable of every page
  bool english = false;

  ContextEnv(const site::Site& s, const Strings& t);
  /// t(key, args…)
  std::string t(std::string_view key,
                std::initializer_list<std::pair<std::string_view, std::string>> args = {}) const {
    return strings.format(key, args);
  }
  /// A site path as a link (adds "index.html" unless pretty URLs).
  std::string link(std::string_view dir) const { return site.link(dir); }
  /// Chinese or English text by the site's language.
  const std::string& pick(const std::string& zh, const std::string& en) const {
    return english && !en.empty() ? en : zh;
  }
};

/// "agencies/x/2023/" → "../../../"; "" → "./"
std::string root_prefix(std::string_view dir);

/// The common frame of a page: {site, root, page: {kind, title, path, section, canonical,
/// breadcrumbs}}. `dir` is the page's folder ("agencies/x/"), "" for the home page.
Json page_frame(const ContextEnv& env, std::string_view kind, std::string_view dir,
                const std::string& title, const std::string& section);
/// Appends {title, href} to page.breadcrumbs (href: a site folder, linked with env.link).
void add_crumb(const ContextEnv& env, Json& frame, const std::string& title, std::string_view dir);

}  // namespace gongkai::output
