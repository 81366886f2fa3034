#include "output/report_context.hpp"

#include "core/hash.hpp"
#include "core/parallel.hpp"

#include "output/cell_context.hpp"
#include "output/feed.hpp"
#include "output/report_grids.hpp"
#include "site/load_reports.hpp"

namespace gongkai::output {
namespace {

/// The block's kind as a string Value made once per thread (a report has dozens of blocks).
const Value& block_kind(report::Block::Kind k) {
  thread_local const Value heading("heading"), headed("headed"), p("p");
  switch (k) {
    case report::Block::Kind::Heading:
      return heading;
    case report::Block::Kind::HeadedParagraph:
      return headed;
    case report::Block::Kind::Paragraph:
      return p;
  }
  return p;
}

Value key_figures(const ContextEnv& env, const site::ReportEntry& entry) {
  struct Key {
    const char* metric;
    const char* label;
  };
  static const Key keys_[] = {{"applications_received", "report.key.received"},
                              {"disclosed", "report.key.disclosed"},
                              {"disclosure_rate", "report.key.rate"},
                              {"reconsiderations", "report.key.reconsiderations"},
                              {"lawsuits", "report.key.lawsuits"}};
  std::vector<Value> out;
  for (const auto& k : keys_) {
    const auto metric = *site::find_metric(k.metric);
    const auto v = site::evaluate(metric, entry.report);
    Obj j(5);
    j(keys::label, env.t(k.label));
    using State = site::MetricValue::State;
    switch (v.state) {
      case State::Value:
        j(keys::state, constants::read)(keys::v, metric_text(metric, v));
        break;
      case State::Missing:
        j(keys::state, constants::missing);
        break;
      case State::Absent:
        j(keys::state, constants::absent);
        break;
      case State::NotApplicable:
        j(keys::state, constants::na);
        break;
    }
    // One cell links to its line; sums and rates are explained instead.
    j(keys::line, metric.sum.size() == 1 && !metric.ratio() ? v.line : 0);
    if (metric.ratio()) j(keys::note, env.t("report.rate_note"));
    out.push_back(j.value());
  }
  return list(std::move(out));
}

Value contact(const report::Contact& c) {
  std::vector<Value> out;
  auto add = [&](const char* key, const report::Field<std::string>& f) {
    if (f.value) out.push_back(Obj(3)("key", key)("value", *f.value)(keys::line, f.line).value());
  };
  add("address", c.address);
  add("postcode", c.postcode);
  add("phone", c.phone);
  add("email", c.email);
  add("website", c.website);
  return list(std::move(out));
}

Value parts(const ContextEnv& env, const site::ReportEntry& entry,
            const NumberedFindings& findings) {
  using report::SectionKey;
  const report::Report& r = entry.report;
  thread_local const Value kind("kind"), heading("heading"), text("text"), key_("key"),
      missing("missing"), blocks_("blocks"), grids_("grids");
  std::vector<Value> out;
  for (SectionKey key :
       {SectionKey::Preamble, SectionKey::Overview, SectionKey::Proactive, SectionKey::Applications,
        SectionKey::Review, SectionKey::Problems, SectionKey::Other}) {
    const report::Section* s = r.section(key);
    if (key == SectionKey::Preamble && (!s || s->blocks.empty())) continue;
    std::vector<Value> blocks;
    if (s) {
      blocks.reserve(s->blocks.size());
      for (const auto& b : s->blocks) {
        blocks.push_back(
            Obj(4)(kind, block_kind(b.kind))(heading, b.heading)(text, b.text)(keys::line, b.line)
                .value());
      }
    }
    Value grids = constants::empty_list;
    if (key == SectionKey::Proactive) grids = proactive_grids(env, r, findings);
    if (key == SectionKey::Applications) grids = applications_grid(env, r, findings);
    if (key == SectionKey::Review) grids = review_grid(env, r, findings);
    out.push_back(Obj(6)(key_, report::to_string(key))(heading, s ? s->heading : std::string())(
                      keys::line, s ? s->line : 0)(missing, s == nullptr)(
                      blocks_, list(std::move(blocks)))(grids_, std::move(grids))
                      .value());
  }
  return list(std::move(out));
}

Value downloads(const ContextEnv& env, const ReportFiles& files, std::string_view prefix) {
  std::vector<Value> out;
  if (!files.json.empty()) {
    out.push_back(Obj(3)(keys::href, std::string(prefix) + files.json)(
                      keys::label, env.t("report.json"))("note", env.t("report.json_note"))
                      .value());
  }
  out.push_back(Obj(3)(keys::href, std::string(prefix) + files.original)(
                    keys::label, env.t("report.original"))("note", env.t("report.original_note"))
                    .value());
  return list(std::move(out));
}

Value agency_ref(const ContextEnv& env, const site::Agency& a) {
  return Obj(3)("name", a.name)(keys::href, env.link(a.url))("region", strings(a.region)).value();
}

}  // namespace

std::string year_label(const site::ReportEntry& e) {
  // "2023", or "2023-2" for a second report of one year: the URL's last segment.
  std::string_view url = e.url;
  url.remove_suffix(1);
  return std::string(url.substr(url.rfind('/') + 1));
}

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

std::vector<uint64_t> report_input_hashes(const ContextEnv& env) {
  const auto& reports = env.site.reports;
  std::vector<uint64_t> bytes(reports.size());
  core::parallel_for(reports.size(), 0,
                     [&](size_t i) { bytes[i] = core::hash64(reports[i].original); });
  std::vector<uint64_t> out(reports.size());
  core::parallel_for(reports.size(), 0, [&](size_t i) {
    std::string all;
    auto add = [&](std::string_view s) {
      all += std::to_string(s.size());
      all += ':';
      all += s;
    };
    auto add_number = [&](uint64_t n) { add(std::to_string(n)); };
    const site::ReportEntry& e = reports[i];
    const site::Agency& a = env.site.agencies[e.agency];
    add(e.file);
    add(e.url);
    add_number(static_cast<uint64_t>(e.year));
    add_number(bytes[i]);
    for (const auto& f : e.findings) {
      add_number(static_cast<uint64_t>(f.severity));
      add(f.code);
      add(f.message);
      add(f.message_zh);
      add(f.instance);
      add_number(f.line);
      for (auto c : f.cells) add_number(c);
      add("|");
      for (auto l : f.lines) add_number(l);
      add("|");
    }
    add("agency");
    add(a.name);
    for (const auto& n : a.names) add(n);
    add("|");
    for (const auto& r : a.region) add(r);
    add("|");
    add(a.kind);
    add(a.level);
    add(a.slug);
    add(a.url);
    add_number(a.configured);
    for (uint32_t r : a.reports) {
      add(reports[r].file);
      add(reports[r].url);
      add_number(bytes[r]);
    }
    out[i] = core::hash64(all);
  });
  return out;
}

Value report_context(const ContextEnv& env, const site::ReportEntry& entry,
                     const ReportFiles& files) {
  const report::Report& r = entry.report;
  const site::Agency& agency = env.site.agencies[entry.agency];
  const std::string title =
      r.meta.title.value
          ? *r.meta.title.value
          : env.t("report.title", {{"agency", agency.name}, {"year", std::to_string(entry.year)}});
  PageFrame frame(env, "report", entry.url, title, "agencies");
  frame.page("feed", agency_feed_link(env, agency));
  frame.crumb(env, env.t("nav.agencies"), "agencies/");
  frame.crumb(env, agency.name, agency.url);
  frame.crumb(env, year_label(entry), entry.url);

  NumberedFindings findings = number_findings(env, entry);
  Obj rep(24);
  rep(keys::title, title)("agency", agency_ref(env, agency))(
      "name_as_written", r.meta.agency.value ? *r.meta.agency.value : agency.name)(
      "year", entry.year)("year_href", env.link("years/" + std::to_string(entry.year) + "/"))(
      "file", entry.file)("shape", report::to_string(r.shape))(
      "layout", report::to_string(r.layout))("source_href", "source.html");
  if (r.meta.period_start.value && r.meta.period_end.value) {
    rep("period", r.meta.period_start.value->iso() + " – " + r.meta.period_end.value->iso());
  } else {
    rep("period", Value::none());
  }
  if (r.meta.signed_on.value) {
    rep("signed_on",
        Obj(2)("value", r.meta.signed_on.value->iso())(keys::line, r.meta.signed_on.line).value());
  } else {
    rep("signed_on", Value::none());
  }
  rep("contact", contact(r.meta.contact))("key_figures", key_figures(env, entry))(
      "downloads", downloads(env, files, ""));
  std::vector<Value> siblings;
  for (uint32_t i : agency.reports) {
    const auto& other = env.site.reports[i];
    siblings.push_back(Obj(3)(keys::label, year_label(other))(keys::href, env.link(other.url))(
                           "current", &other == &entry)
                           .value());
  }
  rep("siblings", list(std::move(siblings)))("parts", parts(env, entry, findings))(
      "counts",
      Obj(3)("error", findings.counts[0])("warning", findings.counts[1])("info", findings.counts[2])
          .value())("findings", list(std::move(findings.list)));
  std::vector<Value> diagnostics;
  for (const auto& d : r.diagnostics) {
    diagnostics.push_back(Obj(4)(keys::severity, severity_value(d.severity))(keys::code, d.code)(
                              "message", env.pick(d.message_zh.empty() ? d.message : d.message_zh,
                                                  d.message))(keys::line, d.line)
                              .value());
  }
  rep("diagnostics", list(std::move(diagnostics)));
  return frame.finish(env, "report", rep.value());
}

Value source_context(const ContextEnv& env, const site::ReportEntry& entry,
                     const ReportFiles& files) {
  const site::Agency& agency = env.site.agencies[entry.agency];
  const std::string title =
      env.t("source.title", {{"agency", agency.name}, {"year", std::to_string(entry.year)}});
  // Beside the report page, so that links to its lines are short: "source.html#L12".
  PageFrame frame(env, "source", entry.url, title, "agencies", true, "source.html");
  frame.crumb(env, env.t("nav.agencies"), "agencies/");
  frame.crumb(env, agency.name, agency.url);
  frame.crumb(env, year_label(entry), entry.url);
  frame.crumb(env, env.t("source.text"), entry.url + "source.html");
  const core::SourceFile text(entry.file, site::source_text(entry.original));
  Value src =
      Obj(8)("agency", agency_ref(env, agency))("year", year_label(entry))(
          "report_href", env.site.config.pretty_urls ? "./" : "index.html")("file", entry.file)(
          "line_count", text.line_count())("downloads", downloads(env, files, ""))(
          "html", Value::markup(source_html(entry, text)))
          .value();
  return frame.finish(env, "source", std::move(src));
}

}  // namespace gongkai::output
