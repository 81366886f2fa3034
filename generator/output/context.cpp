#include "output/context.hpp"

#include "output/number_format.hpp"

#include <algorithm>
#include <thread>

namespace gongkai::output {

std::string root_prefix(std::string_view dir) {
  size_t depth = static_cast<size_t>(std::count(dir.begin(), dir.end(), '/'));
  if (depth == 0) return "./";
  std::string out;
  for (size_t i = 0; i < depth; ++i) out += "../";
  return out;
}

namespace {

bool is_external(const std::string& url) {
  return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0 ||
         url.rfind("mailto:", 0) == 0;
}

std::string section_of(std::string_view dir) {
  return std::string(dir.substr(0, dir.find('/')));
}

}  // namespace

ContextEnv::ContextEnv(const site::Site& s, const Strings& t)
    : site(s), strings(t), english(s.config.language == "en") {
  for (const auto& r : site.reports) findings_ += r.findings.size();
}

const Value& ContextEnv::site_value() const {
  // One copy per thread: every page holds it and reads it, and a value shared by the threads would
  // have its reference counts bounced between cores.
  std::lock_guard<std::mutex> lock(site_values_mutex_);
  Value& value = site_values_[std::this_thread::get_id()];
  if (!value.is_undefined()) return value;
  const auto& c = site.config;
  std::vector<Value> menu;
  auto add_menu = [&](const std::string& title, const std::string& url) {
    const bool external = is_external(url);
    menu.push_back(Obj(6)("title", title)("external", external)("href", external ? url : link(url))(
                       "href_path", url)("section", external ? std::string() : section_of(url))
                       .value());
  };
  if (c.menu.empty()) {
    add_menu(this->t("nav.agencies"), "agencies/");
    if (!site.years.empty()) add_menu(this->t("nav.years"), site.years.front().url);
    if (!site.comparisons.empty()) add_menu(this->t("nav.compare"), site.comparisons.front().url);
    add_menu(this->t("nav.audit"), "audit/");
    add_menu(this->t("nav.data"), "data/");
    for (const auto& p : site.pages) add_menu(p.title, p.url);
  } else {
    for (const auto& m : c.menu) add_menu(m.title, m.url);
  }
  std::vector<Value> years, pages, comparisons;
  for (const auto& y : site.years)
    years.push_back(Obj(2)("year", y.year)("href", link(y.url)).value());
  for (const auto& p : site.pages)
    pages.push_back(Obj(2)("title", p.title)("href", link(p.url)).value());
  for (const auto& cmp : site.comparisons) {
    comparisons.push_back(Obj(2)("title", cmp.config.title)("href", link(cmp.url)).value());
  }
  value =
      Obj(17)("title", c.title)("description", c.description)("lang", c.language)(
          "base_url", c.base_url)("generator_version", GONGKAI_VERSION)("home_href", link(""))(
          "agencies_href", link("agencies/"))("audit_href", link("audit/"))(
          "data_href", link("data/"))("search_index", "search.json")(
          "feed_href", c.base_url.empty() ? std::string() : std::string("feed.xml"))(
          "menu", list(std::move(menu)))("years", list(std::move(years)))(
          "pages", list(std::move(pages)))("comparisons", list(std::move(comparisons)))(
          "counts", Obj(3)("reports", format_integer(static_cast<int64_t>(site.reports.size())))(
                        "agencies", format_integer(static_cast<int64_t>(site.agencies.size())))(
                        "findings", format_integer(static_cast<int64_t>(findings_)))
                        .value())
          .value();
  return value;
}

PageFrame::PageFrame(const ContextEnv& env, std::string_view kind, std::string_view dir,
                     const std::string& title, const std::string& section, bool canonical,
                     std::string_view file)
    : root(root_prefix(dir)) {
  const std::string path = std::string(dir) + std::string(file);
  const std::string& base = env.site.config.base_url;
  page("kind", Value(kind))("title", title)("path", path)("section", section)(
      "description", env.site.config.description)(
      "canonical", base.empty() || !canonical ? std::string() : base + path);
}

void PageFrame::crumb(const ContextEnv& env, const std::string& title, std::string_view dir) {
  crumbs.push_back(Obj(2)(keys::title, title)(keys::href, env.link(dir)).value());
}

Value PageFrame::finish(const ContextEnv& env, const char* name, Value value) {
  page("breadcrumbs", list(std::move(crumbs)));
  return Obj(4)("site", env.site_value())("root", root)("page", page.value())(name,
                                                                              std::move(value))
      .value();
}

}  // namespace gongkai::output
