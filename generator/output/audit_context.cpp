#include <map>

#include "output/cell_context.hpp"
#include "output/site_contexts.hpp"

namespace gongkai::output {

Json audit_context(const ContextEnv& env) {
  const site::Site& site = env.site;
  Json ctx = page_frame(env, "audit", "audit/", env.t("audit.title"), "audit");
  add_crumb(env, ctx, env.t("audit.title"), "audit/");

  struct Group {
    core::Severity severity;
    Json findings = Json::array();
  };
  std::map<std::string, Group> groups;  // by code: A001 first
  size_t total = 0, reports_with = 0;
  for (const auto& e : site.reports) {
    if (!e.findings.empty()) ++reports_with;
    int number = 0;
    for (const auto& f : e.findings) {
      ++number;
      ++total;
      auto [it, inserted] = groups.try_emplace(f.code, Group{f.severity});
      it->second.findings.push_back(
          {{"agency", site.agencies[e.agency].name},
           {"year", e.year},
           {"href", env.link(e.url) + "#finding-" + std::to_string(number)},
           {"message", finding_message(env, f)},
           {"line", f.line},
           {"source_href", env.link(e.url + "source/") + "#L" + std::to_string(f.line)}});
    }
  }
  Json rules = Json::array();
  for (const auto& r : report::audit::rules()) {
    const std::string code(r.code);
    auto it = groups.find(code);
    rules.push_back({{"code", code},
                     {"severity", core::to_string(r.severity)},
                     {"title", std::string(env.english ? r.title : r.title_zh)},
                     {"explanation", std::string(env.english ? r.explanation : r.explanation_zh)},
                     {"count", it == groups.end() ? 0 : it->second.findings.size()}});
  }
  Json out_groups = Json::array();
  for (auto& [code, g] : groups) {
    out_groups.push_back({{"code", code},
                          {"severity", core::to_string(g.severity)},
                          {"title", rule_title(env, code)},
                          {"findings", std::move(g.findings)}});
  }
  ctx["audit"] = {{"total", total},
                  {"reports_with_findings", reports_with},
                  {"reports", site.reports.size()},
                  {"rules", std::move(rules)},
                  {"groups", std::move(out_groups)}};
  return ctx;
}

Json content_page_context(const ContextEnv& env, const site::ContentPage& page) {
  Json ctx = page_frame(env, "page", page.url, page.title, page.url.substr(0, page.url.find('/')));
  add_crumb(env, ctx, page.title, page.url);
  ctx["content"] = page.html;
  return ctx;
}

Json not_found_context(const ContextEnv& env) {
  Json ctx = page_frame(env, "404", "", env.t("notfound.title"), "");
  // Served for any missing path: relative links cannot work there, so use the absolute base URL
  // when there is one (else the server's root).
  ctx["root"] = env.site.config.base_url.empty() ? std::string("/") : env.site.config.base_url;
  ctx["page"]["canonical"] = "";
  return ctx;
}

}  // namespace gongkai::output
