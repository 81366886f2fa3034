#include "site/site_model.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <numeric>

#include "site/agency_catalogue.hpp"
#include "site/agency_name.hpp"
#include "site/collation.hpp"
#include "site/slug.hpp"

namespace gongkai::site {
namespace {

core::Diagnostic make(core::Severity severity, std::string code, std::string file, uint32_t line,
                      std::string message) {
  core::Diagnostic d;
  d.severity = severity;
  d.code = std::move(code);
  d.file = std::move(file);
  d.line = line;
  d.message = std::move(message);
  return d;
}

void add_name(Agency& a, const std::string& name) {
  const std::string key = normalize_agency_name(name);
  for (const auto& n : a.names) {
    if (normalize_agency_name(n) == key) return;
  }
  a.names.push_back(name);
}

/// Sort keys of an agency: known regions first, by each level's pinyin, then the name's pinyin.
struct AgencyKey {
  bool unknown_region = false;
  std::vector<std::string> region;
  std::string name;
  std::string bytes;  // tie-break: the name's bytes
  bool operator<(const AgencyKey& o) const {
    return std::tie(unknown_region, region, name, bytes) <
           std::tie(o.unknown_region, o.region, o.name, o.bytes);
  }
};

std::string region_anchor(const Slugger& slugger, const std::vector<std::string>& path) {
  if (path.empty()) return "r-unknown";
  std::string anchor = "r";
  for (const auto& part : path) {
    std::string s = slugger.slugify(part);
    anchor += "-" + (s.empty() ? std::string("x") : s);
  }
  return anchor;
}

bool has_prefix(const std::vector<std::string>& path, const std::vector<std::string>& prefix) {
  return prefix.size() <= path.size() && std::equal(prefix.begin(), prefix.end(), path.begin());
}

}  // namespace

std::string Site::link(std::string_view dir) const {
  std::string out(dir);
  if (!config.pretty_urls && (out.empty() || out.back() == '/')) out += "index.html";
  return out;
}

void assign_agencies(Site& site, core::DiagnosticSink& sink) {
  const Config& config = site.config;
  AgencyCatalogue catalogue(config, sink);
  site.agencies.clear();
  // Configured agencies always appear, even before their first report: a missing report is news.
  for (const auto& c : config.agencies) {
    Agency a;
    a.name = c.name;
    a.names.push_back(c.name);
    for (const auto& alias : c.aliases) add_name(a, alias);
    a.region = c.region;
    a.kind = c.kind;
    a.level = c.level;
    a.slug = c.slug;
    a.configured = true;
    site.agencies.push_back(std::move(a));
  }
  std::map<std::string, uint32_t> unconfigured;  // normalised name → agency
  std::vector<ReportEntry> placed;
  placed.reserve(site.reports.size());
  for (auto& entry : site.reports) {
    report::Meta& meta = entry.report.meta;
    if (!meta.agency.value || meta.agency.value->empty() || !meta.year.value) {
      sink.add(make(core::Severity::Warning, "G001", entry.report.path, meta.title.line,
                    std::string("report left out of the site: its ") +
                        (!meta.year.value ? "year" : "agency name") + " could not be read"));
      continue;
    }
    const std::string& name = *meta.agency.value;
    uint32_t index;
    if (auto configured = catalogue.find(name)) {
      index = static_cast<uint32_t>(*configured);
    } else {
      auto [it, inserted] = unconfigured.emplace(normalize_agency_name(name),
                                                 static_cast<uint32_t>(site.agencies.size()));
      if (inserted) {
        Agency a;
        a.name = name;
        a.region = meta.region;
        a.kind = meta.kind;
        a.level = meta.level;
        site.agencies.push_back(std::move(a));
      }
      index = it->second;
    }
    Agency& agency = site.agencies[index];
    add_name(agency, name);
    // What the report does not say, site.yaml may: fill it in before the audit reads the report.
    if (meta.region.empty()) meta.region = agency.region;
    if (meta.kind.empty()) meta.kind = agency.kind;
    if (meta.level.empty()) meta.level = agency.level;
    entry.agency = index;
    entry.year = *meta.year.value;
    placed.push_back(std::move(entry));
  }
  site.reports = std::move(placed);
  for (uint32_t i = 0; i < site.reports.size(); ++i) {
    site.agencies[site.reports[i].agency].reports.push_back(i);
  }
}

namespace {

void order_agencies(Site& site, const PinyinCollation& collation) {
  std::vector<AgencyKey> keys(site.agencies.size());
  for (size_t i = 0; i < site.agencies.size(); ++i) {
    const Agency& a = site.agencies[i];
    keys[i].unknown_region = a.region.empty();
    for (const auto& part : a.region) keys[i].region.push_back(collation.sort_key(part));
    keys[i].name = collation.sort_key(a.name);
    keys[i].bytes = a.name;
  }
  std::vector<uint32_t> order(site.agencies.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) { return keys[x] < keys[y]; });
  std::vector<uint32_t> new_index(order.size());
  std::vector<Agency> sorted;
  sorted.reserve(order.size());
  for (uint32_t i = 0; i < order.size(); ++i) {
    new_index[order[i]] = i;
    sorted.push_back(std::move(site.agencies[order[i]]));
  }
  site.agencies = std::move(sorted);
  for (auto& r : site.reports) r.agency = new_index[r.agency];
}

void assign_urls(Site& site, const Slugger& slugger) {
  std::vector<SlugRequest> requests;
  for (const auto& a : site.agencies) {
    requests.push_back(
        {normalize_agency_name(a.name), a.slug, a.slug.empty() ? slugger.slugify(a.name) : ""});
  }
  auto slugs = assign_slugs(requests);
  for (size_t i = 0; i < site.agencies.size(); ++i) {
    Agency& a = site.agencies[i];
    a.slug = slugs[i];
    a.url = "agencies/" + a.slug + "/";
    std::stable_sort(a.reports.begin(), a.reports.end(), [&](uint32_t x, uint32_t y) {
      const auto& rx = site.reports[x];
      const auto& ry = site.reports[y];
      return rx.year != ry.year ? rx.year < ry.year : rx.file < ry.file;
    });
    int previous_year = 0, same = 0;
    for (uint32_t r : a.reports) {
      ReportEntry& e = site.reports[r];
      same = e.year == previous_year ? same + 1 : 1;
      previous_year = e.year;
      e.url = a.url + std::to_string(e.year) + (same > 1 ? "-" + std::to_string(same) : "") + "/";
    }
  }
}

void group_regions(Site& site, const Slugger& slugger) {
  for (uint32_t i = 0; i < site.agencies.size(); ++i) {
    const auto& region = site.agencies[i].region;
    if (site.regions.empty() || site.regions.back().path != region) {
      site.regions.push_back({region, region_anchor(slugger, region), {}});
    }
    site.regions.back().agencies.push_back(i);
  }
}

void collect_years(Site& site) {
  std::map<int, std::vector<uint32_t>, std::greater<>> years;
  for (uint32_t i = 0; i < site.reports.size(); ++i) years[site.reports[i].year].push_back(i);
  for (auto& [year, reports] : years) {
    std::stable_sort(reports.begin(), reports.end(), [&](uint32_t x, uint32_t y) {
      return site.reports[x].agency != site.reports[y].agency
                 ? site.reports[x].agency < site.reports[y].agency
                 : site.reports[x].url < site.reports[y].url;
    });
    site.years.push_back({year, "years/" + std::to_string(year) + "/", std::move(reports)});
  }
}

void pick_latest(Site& site) {
  std::vector<uint32_t> all(site.reports.size());
  std::iota(all.begin(), all.end(), 0);
  auto signed_on = [&](uint32_t i) {
    const auto& f = site.reports[i].report.meta.signed_on;
    return f.value ? *f.value : report::Date{};
  };
  std::stable_sort(all.begin(), all.end(), [&](uint32_t x, uint32_t y) {
    const auto& rx = site.reports[x];
    const auto& ry = site.reports[y];
    if (rx.year != ry.year) return rx.year > ry.year;
    if (signed_on(x) != signed_on(y)) return signed_on(x) > signed_on(y);
    return rx.agency != ry.agency ? rx.agency < ry.agency : rx.url < ry.url;
  });
  all.resize(std::min(all.size(), static_cast<size_t>(std::max(0, site.config.latest_reports))));
  site.latest = std::move(all);
}

void resolve_comparisons(Site& site, core::DiagnosticSink& sink) {
  std::map<std::string, uint32_t> by_name;
  for (uint32_t i = 0; i < site.agencies.size(); ++i) {
    for (const auto& n : site.agencies[i].names) by_name.emplace(normalize_agency_name(n), i);
  }
  std::vector<int> all_years;
  for (const auto& y : site.years) all_years.push_back(y.year);
  std::sort(all_years.begin(), all_years.end());
  for (const auto& c : site.config.comparisons) {
    Comparison cmp;
    cmp.config = c;
    cmp.url = "compare/" + c.id + "/";
    bool ok = true;
    for (const auto& id : c.metrics) {
      if (auto m = find_metric(id)) {
        cmp.metrics.push_back(std::move(*m));
      } else {
        sink.add(make(core::Severity::Error, "C007", site.config.file, c.line,
                      "comparison '" + c.id + "': unknown metric '" + id +
                          "' (a cell id such as applications.new_received.total, or a named metric "
                          "such as disclosure_rate)"));
        ok = false;
      }
    }
    cmp.years = c.years.empty() ? all_years : c.years;
    std::sort(cmp.years.begin(), cmp.years.end());
    cmp.years.erase(std::unique(cmp.years.begin(), cmp.years.end()), cmp.years.end());
    for (const auto& name : c.agencies) {
      auto it = by_name.find(normalize_agency_name(name));
      if (it == by_name.end()) {
        sink.add(make(core::Severity::Error, "C007", site.config.file, c.line,
                      "comparison '" + c.id + "': no agency named '" + name + "'"));
        ok = false;
        continue;
      }
      const Agency& a = site.agencies[it->second];
      cmp.rows.push_back({a.name, a.url, {it->second}});
    }
    for (const auto& prefix : c.regions) {
      ComparisonRow row;
      for (size_t i = 0; i < prefix.size(); ++i) row.label += (i ? " " : "") + prefix[i];
      for (const auto& g : site.regions) {
        if (!g.path.empty() && has_prefix(g.path, prefix)) {
          if (row.url.empty()) row.url = "agencies/#" + g.anchor;
          row.agencies.insert(row.agencies.end(), g.agencies.begin(), g.agencies.end());
        }
      }
      if (row.agencies.empty()) {
        sink.add(make(core::Severity::Warning, "C007", site.config.file, c.line,
                      "comparison '" + c.id + "': no agency in region '" + row.label + "'"));
      }
      cmp.aggregated = true;
      cmp.rows.push_back(std::move(row));
    }
    if (c.agencies.empty() && c.regions.empty()) {
      for (uint32_t i = 0; i < site.agencies.size(); ++i) {
        cmp.rows.push_back({site.agencies[i].name, site.agencies[i].url, {i}});
      }
    }
    if (ok) site.comparisons.push_back(std::move(cmp));
  }
}

}  // namespace

void build_site(Site& site, core::DiagnosticSink& sink, const Slugger* given) {
  PinyinCollation collation;
  std::unique_ptr<Slugger> own;
  if (!given) own = std::make_unique<Slugger>();
  const Slugger& slugger = given ? *given : *own;
  order_agencies(site, collation);
  for (auto& a : site.agencies) a.reports.clear();
  for (uint32_t i = 0; i < site.reports.size(); ++i) {
    site.agencies[site.reports[i].agency].reports.push_back(i);
  }
  assign_urls(site, slugger);
  group_regions(site, slugger);
  collect_years(site);
  pick_latest(site);
  resolve_comparisons(site, sink);
}

}  // namespace gongkai::site
