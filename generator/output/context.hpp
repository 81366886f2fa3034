#pragma once
// The values templates see, built from the site model (the one serialisation layer between the
// domain and the theme: templates never see internal types). Links in contexts are site paths
// ("agencies/x/index.html"); templates prefix them with `root`, the way back from the page being
// rendered to the site root, so every link stays relative.
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "output/strings.hpp"
#include "output/value_builder.hpp"
#include "site/site_model.hpp"

namespace gongkai::output {

/// What every context builder reads: the model, the UI strings and the parts shared by all pages.
struct ContextEnv {
  const site::Site& site;
  const Strings& strings;
  bool english = false;
  bool report_json = false;  ///< each report has a report.json beside its page (a data export)
  unsigned jobs = 1;         ///< threads file generators may use

  ContextEnv(const site::Site& s, const Strings& t);
  ContextEnv(const ContextEnv&) = delete;
  ContextEnv& operator=(const ContextEnv&) = delete;
  /// t(key, args…)
  std::string t(std::string_view key,
                std::initializer_list<std::pair<std::string_view, std::string>> args = {}) const {
    return strings.format(key, args);
  }
  /// The `site` variable of every page (built once per thread).
  const Value& site_value() const;
  /// A site path as a link (adds "index.html" unless pretty URLs).
  std::string link(std::string_view dir) const { return site.link(dir); }
  /// Chinese or English text by the site's language.
  const std::string& pick(const std::string& zh, const std::string& en) const {
    return english && !en.empty() ? en : zh;
  }

 private:
  size_t findings_ = 0;
  mutable std::mutex site_values_mutex_;
  mutable std::map<std::thread::id, Value> site_values_;  // node-based: references stay valid
};

/// "agencies/x/2023/" → "../../../"; "" → "./"
std::string root_prefix(std::string_view dir);

/// A page's frame: {site, root, page: {kind, title, path, section, description, canonical,
/// breadcrumbs}}, to which the builder adds its own variable. `dir` is the page's folder
/// ("agencies/x/"), "" for the home page.
struct PageFrame {
  Obj page{10};
  std::vector<Value> crumbs;
  std::string root;

  /// `canonical`: give the page's absolute URL (when base_url is set); `file`: the page's file
  /// name when it is not its folder's index ("source.html").
  PageFrame(const ContextEnv& env, std::string_view kind, std::string_view dir,
            const std::string& title, const std::string& section, bool canonical = true,
            std::string_view file = {});
  /// Appends {title, href} to the breadcrumbs (href: a site folder, linked with env.link).
  void crumb(const ContextEnv& env, const std::string& title, std::string_view dir);
  /// The whole context: site, root, page, and `name` = `value`.
  Value finish(const ContextEnv& env, const char* name, Value value);
};

}  // namespace gongkai::output
