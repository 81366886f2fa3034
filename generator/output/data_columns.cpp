#include "output/data_columns.hpp"

#include <algorithm>
#include <map>

#include "core/join.hpp"
#include "output/absolute_url.hpp"
#include "output/feed.hpp"
#include "report/report_cells.hpp"

namespace gongkai::output {
namespace {

using report::CellIndex;

std::string text(const report::Field<std::string>& f) {
  return f ? *f.value : std::string();
}
std::string date(const report::Field<report::Date>& f) {
  return f ? f.value->iso() : std::string();
}
const site::Agency& agency_of(const ContextEnv& env, const site::ReportEntry& e) {
  return env.site.agencies[e.agency];
}
/// A site path, absolute when the site has a base_url.
std::string url(const ContextEnv& env, const std::string& path) {
  return env.site.config.base_url.empty() ? path : absolute_url(env.site.config, path);
}

}  // namespace

const std::vector<MetaColumn>& meta_columns() {
  using E = const ContextEnv&;
  using R = const site::ReportEntry&;
  static const std::vector<MetaColumn> columns = {
      {"agency", "机构（本站规范名称）", "agency, by the site's canonical name",
       [](E env, R e) { return agency_of(env, e).name; }},
      {"agency_as_written", "报告中写的机构名称", "agency as the report writes it",
       [](E, R e) { return text(e.report.meta.agency); }},
      {"agency_slug", "机构网址段", "the agency's URL segment",
       [](E env, R e) { return agency_of(env, e).slug; }},
      {"region", "地区（省 · 市 · 县，以 · 分隔）",
       "region (province · city · county, joined by ·)",
       [](E env, R e) { return core::join(agency_of(env, e).region, " · "); }},
      {"kind", "机构类别（site.yaml 或前置信息）", "kind of agency (site.yaml or front matter)",
       [](E, R e) { return e.report.meta.kind; }},
      {"level", "行政层级", "administrative level", [](E, R e) { return e.report.meta.level; }},
      {"year", "报告年度", "report year", [](E, R e) { return std::to_string(e.year); }},
      {"title", "标题", "title as printed", [](E, R e) { return text(e.report.meta.title); }},
      {"format", "表格格式：2019 或 2021", "table format: 2019 or 2021",
       [](E, R e) {
         return e.report.format_known ? std::string(report::to_string(e.report.format))
                                      : std::string();
       }},
      {"layout", "表三结构：2019、2021 或 2021-one", "structure of table A: 2019, 2021 or 2021-one",
       [](E, R e) {
         return e.report.format_known ? std::string(report::to_string(e.report.layout))
                                      : std::string();
       }},
      {"shape", "文本来源：pdf_text、docx_text、markdown 或 html_text",
       "how the text reached us: pdf_text, docx_text, markdown or html_text",
       [](E, R e) {
         return e.report.shape_known ? std::string(report::to_string(e.report.shape))
                                     : std::string();
       }},
      {"period_start", "统计期限起（YYYY-MM-DD）", "statistics period start (YYYY-MM-DD)",
       [](E, R e) { return date(e.report.meta.period_start); }},
      {"period_end", "统计期限止（YYYY-MM-DD）", "statistics period end (YYYY-MM-DD)",
       [](E, R e) { return date(e.report.meta.period_end); }},
      {"signed", "落款日期（YYYY-MM-DD）", "signature date (YYYY-MM-DD)",
       [](E, R e) { return date(e.report.meta.signed_on); }},
      {"address", "地址", "address", [](E, R e) { return text(e.report.meta.contact.address); }},
      {"postcode", "邮编", "postcode", [](E, R e) { return text(e.report.meta.contact.postcode); }},
      {"phone", "电话", "phone", [](E, R e) { return text(e.report.meta.contact.phone); }},
      {"email", "电子邮箱", "e-mail", [](E, R e) { return text(e.report.meta.contact.email); }},
      {"website", "网站", "website", [](E, R e) { return text(e.report.meta.contact.website); }},
      {"procurement_unit", "政府集中采购金额的单位（元或万元，2019 格式）",
       "unit of the procurement amount (元 or 万元, 2019 format)",
       [](E, R e) { return text(e.report.procurement_unit); }},
      {"file", "报告文件（reports 文件夹内的路径）", "report file (path below the reports folder)",
       [](E, R e) { return e.file; }},
      {"url", "报告页面地址", "the report's page", [](E env, R e) { return url(env, e.url); }},
      {"json_url", "该报告的 JSON 地址", "the report's JSON",
       [](E env, R e) { return url(env, e.url + "report.json"); }},
      {"findings", "派生：审计发现条数", "derived: number of audit findings",
       [](E, R e) { return std::to_string(e.findings.size()); }},
      {"finding_codes", "派生：各条审计发现的规则代码，以空格分隔",
       "derived: the rule code of each audit finding, space-separated",
       [](E, R e) {
         std::string s;
         for (const auto& f : e.findings) s += (s.empty() ? "" : " ") + f.code;
         return s;
       }},
  };
  return columns;
}

const std::vector<CellIndex>& data_cells() {
  static const std::vector<CellIndex> cells = [] {
    std::vector<CellIndex> out;
    std::vector<bool> seen(report::cell_count(), false);
    for (auto table :
         {report::Table::Proactive, report::Table::Applications, report::Table::Review}) {
      for (auto layout : {report::Layout::L2021One, report::Layout::L2019}) {
        for (CellIndex c : report::cells_of(layout)) {
          if (report::cell_def(c).table != table || seen[c]) continue;
          seen[c] = true;
          out.push_back(c);
        }
      }
    }
    return out;
  }();
  return cells;
}

const CellColumnInfo& cell_column_info(CellIndex cell) {
  static const std::vector<CellColumnInfo> infos = [] {
    std::vector<CellColumnInfo> out(report::cell_count());
    auto put = [&](std::string_view id, std::string zh, std::string en) {
      auto c = report::find_cell(id);
      if (c && out[*c].zh.empty()) {
        out[*c].zh = std::move(zh);
        out[*c].en = std::move(en);
      }
    };
    for (auto format : {report::Format::F2021, report::Format::F2019}) {
      for (const auto& block : report::proactive_blocks(format)) {
        for (const auto& item : block.items) {
          for (const auto& field : block.fields) {
            put("proactive." + std::string(item.id) + "." + std::string(field.id),
                std::string(block.heading) + " · " + std::string(item.zh) + " · " +
                    std::string(field.zh),
                std::string(item.en) + " · " + std::string(field.en));
          }
        }
      }
    }
    for (auto layout : {report::Layout::L2021, report::Layout::L2019}) {
      for (const auto& row : report::application_rows(layout)) {
        std::string path;
        for (auto p : row.path) path += (path.empty() ? "" : " › ") + std::string(p);
        for (const auto& col : report::application_columns()) {
          put("applications." + std::string(row.id) + "." + std::string(col.id),
              path + " · " + std::string(col.zh),
              std::string(row.en) + " · " + std::string(col.en));
        }
      }
    }
    for (const auto& g : report::review_groups()) {
      for (const auto& f : report::review_fields()) {
        put("review." + std::string(g.id) + "." + std::string(f.id),
            std::string(g.zh) + " · " + std::string(f.zh),
            std::string(g.en) + " · " + std::string(f.en));
      }
    }
    for (auto layout : {report::Layout::L2019, report::Layout::L2021, report::Layout::L2021One}) {
      for (CellIndex c : report::cells_of(layout)) {
        (layout == report::Layout::L2019 ? out[c].in_2019 : out[c].in_2021) = true;
      }
    }
    return out;
  }();
  return infos.at(cell);
}

}  // namespace gongkai::output
