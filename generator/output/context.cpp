#include "output/context.hpp"

#include <algorithm>

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
  const auto& c = site.config;
  size_t findings = 0;
  for (const auto& r : site.reports) findings += r.findings.size();
  Json menu = Json::array();
  auto add_menu = [&](const std::string& title, const std::string& url) {
    Json item;
    item["title"] = title;
    item["external"] = is_external(url);
    item["href"] = item["external"].get<bool>() ? url : link(url);
    item["href_path"] = url;
    item["section"] = is_external(url) ? "" : section_of(url);
    menu.push_back(std::move(item));
  };
  if (c.menu.empty()) {
    add_menu(this->t("nav.agencies"), "agencies/");
    if (!site.years.empty()) add_menu(this->t("nav.years"), site.years.front().url);
    if (!site.comparisons.empty()) add_menu(this->t("nav.compare"), site.comparisons.front().url);
    add_menu(this->t("nav.audit"), "audit/");
    for (const auto& p : site.pages) add_menu(p.title, p.url);
  } else {
    for (const auto& m : c.menu) add_menu(m.title, m.url);
  }
  Json years = Json::array();
  for (const auto& y : site.years) years.push_back({{"year", y.year}, {"href", link(y.url)}});
  Json pages = Json::array();
  for (const auto& p : site.pages) pages.push_back({{"title", p.title}, {"href", link(p.url)}});
  Json comparisons = Json::array();
  for (const auto& cmp : site.comparisons) {
    comparisons.push_back({{"title", cmp.config.title}, {"href", link(cmp.url)}});
  }
  site_json = {
      {"title", c.title},
      {"description", c.description},
      {"lang", c.language},
      {"base_url", c.base_url},
      {"generator_version", GONGKAI_VERSION},
      {"home_href", link("")},
      {"agencies_href", link("agencies/")},
      {"audit_href", link("audit/")},
      {"menu", std::move(menu)},
      {"years", std::move(years)},
      {"pages", std::move(pages)},
      {"comparisons", std::move(comparisons)},
      {"counts",
       {{"reports", site.reports.size()},
        {"agencies", site.agencies.size()},
        {"findings", findings}}},
  };
}

Json page_frame(const ContextEnv& env, std::string_view kind, std::string_view dir,
                const std::string& title, const std::string& section) {
  Json frame;
  frame["site"] = env.site_json;
  frame["root"] = root_prefix(dir);
  Json page;
  page["kind"] = kind;
  page["title"] = title;
  page["path"] = dir;
  page["section"] = section;
  page["description"] = env.site.config.description;
  page["canonical"] = env.site.config.base_url.empty()
                          ? std::string()
                          : env.site.config.base_url + std::string(dir);
  page["breadcrumbs"] = Json::array();
  frame["page"] = std::move(page);
  return frame;
}

void add_crumb(const ContextEnv& env, Json& frame, const std::string& title, std::string_view dir) {
  frame["page"]["breadcrumbs"].push_back({{"title", title}, {"href", env.link(dir)}});
}

}  // namespace gongkai::output
