#include "output/search_index.hpp"

#include <nlohmann/json.hpp>

#include "core/join.hpp"
#include "core/utf8.hpp"

namespace gongkai::output {
namespace {

using Json = nlohmann::json;

/// Sections whose text is worth finding: the overview says what the agency did, the problems
/// section what it admits. The others mostly repeat the tables.
constexpr report::SectionKey kExcerptSections[] = {report::SectionKey::Overview,
                                                   report::SectionKey::Problems};

void line(std::string& out, const Json& j, bool& first) {
  out += first ? "\n" : ",\n";
  first = false;
  out += j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

std::string excerpt(std::string_view text, size_t chars) {
  std::string out;
  size_t count = 0;
  bool space = false;
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    const char32_t c = core::utf8::next(text, i);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000) {
      space = !out.empty();
      continue;
    }
    if (c < 0x20) continue;
    if (count == chars) {
      out += "…";
      return out;
    }
    if (space) {
      out += ' ';
      space = false;
    }
    out.append(text.substr(start, i - start));
    ++count;
  }
  return out;
}

std::string search_index(const ContextEnv& env) {
  const auto& site = env.site;
  const size_t chars = static_cast<size_t>(std::max(0, site.config.search_excerpt_chars));
  std::string out = "{\"v\":1,\"pretty\":";
  out += site.config.pretty_urls ? "true" : "false";
  // The script's strings, in the site's language (the theme's i18n files are not on the site).
  Json strings = Json::object();
  for (const char* key :
       {"results", "results_more", "no_results", "report_title", "year_title", "kind.agency",
        "kind.region", "kind.year", "kind.report", "kind.excerpt"}) {
    strings[key] = env.t(std::string("search.") + key);
  }
  out += ",\n\"s\":";
  out += strings.dump(-1, ' ', false, Json::error_handler_t::replace);
  bool first = true;

  out += ",\"a\":[";
  for (const auto& a : site.agencies) {
    std::vector<std::string> aliases(a.names.begin() + (a.names.empty() ? 0 : 1), a.names.end());
    line(out, Json::array({a.name, core::join(aliases, "|"), core::join(a.region, " · "), a.url}),
         first);
  }
  out += "\n],\"g\":[";
  first = true;
  for (const auto& r : site.regions) {
    if (r.path.empty()) continue;  // "region unknown" is no place to search for
    line(out, Json::array({core::join(r.path, " · "), r.anchor}), first);
  }
  out += "\n],\"y\":[";
  for (size_t k = 0; k < site.years.size(); ++k) {
    if (k) out += ',';
    out += std::to_string(site.years[k].year);
  }
  out += "],\"r\":[";
  first = true;
  for (const auto& e : site.reports) {
    const auto& a = site.agencies[e.agency];
    std::string label = e.url.substr(a.url.size());
    label.pop_back();  // "2023/" → "2023"
    // The usual title says nothing the agency and year do not: left out, the script rebuilds it.
    std::string title = e.report.meta.title.value ? *e.report.meta.title.value : std::string();
    const std::string usual = std::to_string(e.year) + "年政府信息公开工作年度报告";
    for (const auto& name : a.names) {
      if (title == name + usual) title.clear();
    }
    line(out, Json::array({e.agency, label, title}), first);
  }
  out += "\n],\"x\":[";
  first = true;
  if (chars > 0) {
    for (size_t i = 0; i < site.reports.size(); ++i) {
      const auto& r = site.reports[i].report;
      for (auto key : kExcerptSections) {
        const report::Section* s = r.section(key);
        if (!s) continue;
        for (const auto& b : s->blocks) {
          if (b.text.empty()) continue;  // a sub-heading alone: the text follows
          line(out, Json::array({i, std::string(report::to_string(key)), excerpt(b.text, chars)}),
               first);
          break;
        }
      }
    }
  }
  out += "\n]}\n";
  return out;
}

FileGenerator search_index_generator() {
  return {"search", [](const ContextEnv& env, std::vector<OutputFile>& files) {
            files.push_back({"search.json", search_index(env)});
          }};
}

}  // namespace gongkai::output
