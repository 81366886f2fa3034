#include <map>

#include "output/cell_context.hpp"
#include "output/site_contexts.hpp"

namespace gongkai::output {

Value audit_context(const ContextEnv& env) {
  const site::Site& site = env.site;
  PageFrame frame(env, "audit", "audit/", env.t("audit.title"), "audit");
  frame.crumb(env, env.t("audit.title"), "audit/");

  struct Group {
    core::Severity severity;
    std::vector<Value> findings;
  };
  std::map<std::string, Group> groups;  // by code: A001 first
  size_t total = 0, reports_with = 0;
  for (const auto& e : site.reports) {
    if (!e.findings.empty()) ++reports_with;
    int number = 0;
    const Value agency(site.agencies[e.agency].name);
    for (const auto& f : e.findings) {
      ++number;
      ++total;
      auto [it, inserted] = groups.try_emplace(f.code, Group{f.severity, {}});
      it->second.findings.push_back(
          Obj(6)("agency", agency)("year", e.year)(
              keys::href, env.link(e.url) + "#finding-" + std::to_string(number))(
              "message", finding_message(env, f))(keys::line, f.line)(
              "source_href", e.url + "source.html#L" + std::to_string(f.line))
              .value());
    }
  }
  std::vector<Value> rules;
  for (const auto& r : report::audit::rules()) {
    const std::string code(r.code);
    auto it = groups.find(code);
    rules.push_back(Obj(5)(keys::code, code)(keys::severity, severity_value(r.severity))(
                        keys::title, std::string(env.english ? r.title : r.title_zh))(
                        "explanation", std::string(env.english ? r.explanation : r.explanation_zh))(
                        "count", it == groups.end() ? 0 : it->second.findings.size())
                        .value());
  }
  std::vector<Value> out_groups;
  for (auto& [code, g] : groups) {
    out_groups.push_back(
        Obj(4)(keys::code, code)(keys::severity, severity_value(g.severity))(
            keys::title, rule_title(env, code))("findings", list(std::move(g.findings)))
            .value());
  }
  return frame.finish(
      env, "audit",
      Obj(5)("total", total)("reports_with_findings", reports_with)("reports", site.reports.size())(
          "rules", list(std::move(rules)))("groups", list(std::move(out_groups)))
          .value());
}

Value content_page_context(const ContextEnv& env, const site::ContentPage& page) {
  PageFrame frame(env, "page", page.url, page.title, page.url.substr(0, page.url.find('/')));
  frame.crumb(env, page.title, page.url);
  return frame.finish(env, "content", Value::markup(page.html));
}

Value not_found_context(const ContextEnv& env) {
  PageFrame frame(env, "404", "", env.t("notfound.title"), "", /*canonical=*/false);
  // Served for any missing path: relative links cannot work there, so use the absolute base URL
  // when there is one (else the server's root).
  frame.root = env.site.config.base_url.empty() ? std::string("/") : env.site.config.base_url;
  return frame.finish(env, "error", Value::none());
}

}  // namespace gongkai::output
