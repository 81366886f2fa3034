#include "output/report_context.hpp"

#include <map>

#include "output/cell_context.hpp"
#include "output/report_grids.hpp"

namespace gongkai::output {
namespace {

const char* block_kind(report::Block::Kind k) {
  switch (k) {
    case report::Block::Kind::Heading:
      return "heading";
    case report::Block::Kind::HeadedParagraph:
      return "headed";
    case report::Block::Kind::Paragraph:
      return "p";
  }
  return "p";
}

Json key_figures(const ContextEnv& env, const site::ReportEntry& entry) {
  struct Key {
    const char* metric;
    const char* label;
  };
  static const Key keys[] = {{"applications_received", "report.key.received"},
                             {"disclosed", "report.key.disclosed"},
                             {"disclosure_rate", "report.key.rate"},
                             {"reconsiderations", "report.key.reconsiderations"},
                             {"lawsuits", "report.key.lawsuits"}};
  Json out = Json::array();
  for (const auto& k : keys) {
    auto metric = *site::find_metric(k.metric);
    auto v = site::evaluate(metric, entry.report);
    Json j = {{"label", env.t(k.label)}, {"line", v.line}};
    using State = site::MetricValue::State;
    switch (v.state) {
      case State::Value:
        j["state"] = "read";
        j["v"] = metric_text(metric, v);
        break;
      case State::Missing:
        j["state"] = "missing";
        break;
      case State::Absent:
        j["state"] = "absent";
        break;
      case State::NotApplicable:
        j["state"] = "na";
        break;
    }
    if (metric.ratio()) {
      j["line"] = 0;
      j["note"] = env.t("report.rate_note");
    } else if (metric.sum.size() > 1) {
      j["line"] = 0;
    }
    out.push_back(std::move(j));
  }
  return out;
}

Json contact(const ContextEnv& env, const report::Contact& c) {
  Json out = Json::array();
  auto add = [&](const char* key, const report::Field<std::string>& f) {
    if (f.value) out.push_back({{"key", key}, {"value", *f.value}, {"line", f.line}});
  };
  add("address", c.address);
  add("postcode", c.postcode);
  add("phone", c.phone);
  add("email", c.email);
  add("website", c.website);
  return out;
}

Json parts(const ContextEnv& env, const site::ReportEntry& entry,
           const NumberedFindings& findings) {
  using report::SectionKey;
  const report::Report& r = entry.report;
  Json out = Json::array();
  for (SectionKey key :
       {SectionKey::Preamble, SectionKey::Overview, SectionKey::Proactive, SectionKey::Applications,
        SectionKey::Review, SectionKey::Problems, SectionKey::Other}) {
    const report::Section* s = r.section(key);
    if (key == SectionKey::Preamble && (!s || s->blocks.empty())) continue;
    Json part;
    part["key"] = report::to_string(key);
    part["heading"] = s ? s->heading : std::string();
    part["line"] = s ? s->line : 0;
    part["missing"] = s == nullptr;
    Json blocks = Json::array();
    if (s) {
      for (const auto& b : s->blocks) {
        blocks.push_back({{"kind", block_kind(b.kind)},
                          {"heading", b.heading},
                          {"text", b.text},
                          {"line", b.line}});
      }
    }
    part["blocks"] = std::move(blocks);
    if (key == SectionKey::Proactive)
      part["grids"] = proactive_grids(env, r, findings);
    else if (key == SectionKey::Applications)
      part["grids"] = applications_grid(env, r, findings);
    else if (key == SectionKey::Review)
      part["grids"] = review_grid(env, r, findings);
    else
      part["grids"] = Json::array();
    out.push_back(std::move(part));
  }
  return out;
}

Json downloads(const ContextEnv& env, const ReportFiles& files, std::string_view prefix) {
  Json out = Json::array();
  if (!files.json.empty()) {
    out.push_back({{"href", std::string(prefix) + files.json},
                   {"label", env.t("report.json")},
                   {"note", env.t("report.json_note")}});
  }
  out.push_back({{"href", std::string(prefix) + files.original},
                 {"label", env.t("report.original")},
                 {"note", env.t("report.original_note")}});
  return out;
}

Json agency_ref(const ContextEnv& env, const site::Agency& a) {
  return {{"name", a.name}, {"href", env.link(a.url)}, {"region", a.region}};
}

std::string year_label(const site::ReportEntry& e) {
  // "2023", or "2023-2" for a second report of one year: the URL's last segment.
  std::string_view url = e.url;
  url.remove_suffix(1);
  return std::string(url.substr(url.rfind('/') + 1));
}

}  // namespace

ReportFiles report_files(const site::ReportEntry& entry, bool with_json) {
  ReportFiles f;
  auto dot = entry.file.rfind('.');
  auto slash = entry.file.rfind('/');
  std::string ext = dot == std::string::npos || (slash != std::string::npos && dot < slash)
                        ? ".txt"
                        : entry.file.substr(dot);
  f.original = "original" + ext;
  if (with_json) f.json = "report.json";
  return f;
}

Json report_context(const ContextEnv& env, const site::ReportEntry& entry,
                    const ReportFiles& files) {
  const report::Report& r = entry.report;
  const site::Agency& agency = env.site.agencies[entry.agency];
  const std::string title =
      r.meta.title.value
          ? *r.meta.title.value
          : env.t("report.title", {{"agency", agency.name}, {"year", std::to_string(entry.year)}});
  Json ctx = page_frame(env, "report", entry.url, title, "agencies");
  add_crumb(env, ctx, env.t("nav.agencies"), "agencies/");
  add_crumb(env, ctx, agency.name, agency.url);
  add_crumb(env, ctx, year_label(entry), entry.url);

  NumberedFindings findings = number_findings(env, entry);
  Json rep;
  rep["title"] = title;
  rep["agency"] = agency_ref(env, agency);
  rep["name_as_written"] = r.meta.agency.value ? *r.meta.agency.value : agency.name;
  rep["year"] = entry.year;
  rep["year_href"] = env.link("years/" + std::to_string(entry.year) + "/");
  rep["file"] = entry.file;
  rep["shape"] = report::to_string(r.shape);
  rep["layout"] = report::to_string(r.layout);
  rep["source_href"] = env.link("source/");
  if (r.meta.period_start.value && r.meta.period_end.value) {
    rep["period"] = r.meta.period_start.value->iso() + " – " + r.meta.period_end.value->iso();
  } else {
    rep["period"] = nullptr;
  }
  if (r.meta.signed_on.value) {
    rep["signed_on"] = {{"value", r.meta.signed_on.value->iso()}, {"line", r.meta.signed_on.line}};
  } else {
    rep["signed_on"] = nullptr;
  }
  rep["contact"] = contact(env, r.meta.contact);
  rep["key_figures"] = key_figures(env, entry);
  rep["downloads"] = downloads(env, files, "");
  Json siblings = Json::array();
  for (uint32_t i : agency.reports) {
    const auto& other = env.site.reports[i];
    siblings.push_back({{"label", year_label(other)},
                        {"href", env.link(other.url)},
                        {"current", &other == &entry}});
  }
  rep["siblings"] = std::move(siblings);
  rep["parts"] = parts(env, entry, findings);
  rep["counts"] = {
      {"error", findings.counts[0]}, {"warning", findings.counts[1]}, {"info", findings.counts[2]}};
  rep["findings"] = std::move(findings.list);
  Json diagnostics = Json::array();
  for (const auto& d : r.diagnostics) {
    diagnostics.push_back(
        {{"severity", core::to_string(d.severity)},
         {"code", d.code},
         {"message", env.pick(d.message_zh.empty() ? d.message : d.message_zh, d.message)},
         {"line", d.line}});
  }
  rep["diagnostics"] = std::move(diagnostics);
  ctx["report"] = std::move(rep);
  return ctx;
}

Json source_context(const ContextEnv& env, const site::ReportEntry& entry,
                    const ReportFiles& files) {
  const site::Agency& agency = env.site.agencies[entry.agency];
  const std::string dir = entry.url + "source/";
  const std::string title =
      env.t("source.title", {{"agency", agency.name}, {"year", std::to_string(entry.year)}});
  Json ctx = page_frame(env, "source", dir, title, "agencies");
  add_crumb(env, ctx, env.t("nav.agencies"), "agencies/");
  add_crumb(env, ctx, agency.name, agency.url);
  add_crumb(env, ctx, year_label(entry), entry.url);
  add_crumb(env, ctx, env.t("source.text"), dir);
  Json src;
  src["agency"] = agency_ref(env, agency);
  src["year"] = year_label(entry);
  src["report_href"] = "../" + env.link("");
  src["file"] = entry.file;
  src["line_count"] = entry.source.line_count();
  src["downloads"] = downloads(env, files, "../");
  src["html"] = source_html(entry);
  ctx["source"] = std::move(src);
  return ctx;
}

}  // namespace gongkai::output
