// The reader's stages one by one: shape, page numbers, dates, title, sections, prose, front
// matter, format, metadata.
#include <catch2/catch.hpp>

#include "report/parse/dates.hpp"
#include "report/parse/flat_text.hpp"
#include "report/parse/front_matter.hpp"
#include "report/parse/metadata.hpp"
#include "report/parse/prose.hpp"
#include "report/parse/reader.hpp"
#include "report/parse/sections.hpp"
#include "report/parse/shape.hpp"
#include "report/parse/tables.hpp"
#include "report/parse/title.hpp"
#include "text/lines.hpp"

using namespace gongkai::report;
using namespace gongkai::report::parse;

namespace {

std::optional<std::string> date_of(std::string_view s) {
  size_t pos = 0;
  Date d;
  if (parse_date_at(s, pos, d) != DateParse::Valid || pos != s.size()) return std::nullopt;
  return d.iso();
}

std::string title_agency(std::string_view t) {
  auto p = split_title(t);
  if (p.agency_begin == std::string_view::npos) return "<none>";
  return std::string(t.substr(p.agency_begin, p.agency_end - p.agency_begin));
}

bool has_code(const Report& r, std::string_view code) {
  for (const auto& d : r.diagnostics) {
    if (d.code == code) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("shape from the text: pipe tables, TAB cells, or PDF text") {
  using gongkai::text::Lines;
  CHECK(detect_shape(Lines("a\n| x | y |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n"), 0) ==
        Shape::Markdown);
  std::string docx;
  for (int i = 0; i < 12; ++i) docx += "\tcell\n";
  CHECK(detect_shape(Lines(docx), 0) == Shape::DocxText);
  CHECK(detect_shape(Lines("规章 0 0 0\n一、总体情况\n"), 0) == Shape::PdfText);
}

TEST_CASE("page numbers: after a blank line, in every printed form") {
  CHECK(is_page_number("-3-", false));
  CHECK(is_page_number("- 3 -", false));
  CHECK(is_page_number("— 3 —", false));
  CHECK(is_page_number("第 3 页", false));
  CHECK(is_page_number("3", true));
  CHECK_FALSE(is_page_number("3", false));
  CHECK_FALSE(is_page_number("-15", true));
  CHECK_FALSE(is_page_number("0 0 0", true));
  gongkai::text::Lines l("0 0 0 0 0 0\n0\n\n- 3 -\n\n\n7\n\nx\n5\n");
  auto skip = find_page_numbers(l, Shape::PdfText);
  CHECK(skip[1] == 0);  // a wrapped row's last number follows a non-blank line
  CHECK(skip[3] == 1);
  CHECK(skip[6] == 1);  // a bare number between blank lines
  CHECK(skip[9] == 0);  // a bare number right after text
  CHECK(find_page_numbers(l, Shape::Markdown)[3] == 0);
  CHECK(is_page_number("第3页共9页", false));
  CHECK(is_page_number("第 3 页 共 9 页", false));
  CHECK_FALSE(is_page_number("第3页第9页", false));
}

TEST_CASE("page numbers: bare numbers between blank lines only when they count up") {
  // Page numbers: 2, 3, (a page without), 5.
  gongkai::text::Lines pages("a\n\n2\n\nb\n\n3\n\nc\n\n5\n\nd\n");
  auto skip = find_page_numbers(pages, Shape::PdfText);
  CHECK((skip[2] == 1 && skip[6] == 1 && skip[10] == 1));
  // pdftotext without -layout: every table cell on a line of its own between blank lines.
  gongkai::text::Lines cells("规章\n\n0\n\n0\n\n12\n\n行政许可\n\n3\n");
  skip = find_page_numbers(cells, Shape::PdfText);
  for (size_t i : {2, 4, 6, 10}) CHECK(skip[i] == 0);
  // At a page's edge (the next line starts with a form feed): -3- always, a bare number when
  // it numbers the pages (page k + a fixed offset on two pages).
  gongkai::text::Lines edges("x\n-1-\n\fy\n2\n\fz\n3\n\fw\n");
  skip = find_page_numbers(edges, Shape::PdfText);
  CHECK(skip[1] == 1);
  CHECK((skip[3] == 1 && skip[5] == 1));
}

TEST_CASE("a web page flattened to one line: html_text, cut at its section headings") {
  using gongkai::text::Lines;
  std::string page =
      "某局2023年政府信息公开工作年度报告 一、总体情况 2023年，我局…… （一）主动公开 "
      "全年公开信息12条。 "
      "二、主动公开政府信息情况 第二十条第（一）项 规章000 三、收到和处理政府信息公开申请情况 "
      "一、本年新收政府信息公开申请数量0000000 四、结转下年度继续办理0000000 "
      "四、政府信息公开行政复议、行政诉讼情况 000000000000000 五、存在的主要问题及改进情况 无。 "
      "六、其他需要报告的事项 无。";
  Lines lines(page);
  CHECK(detect_shape(lines, 0) == Shape::HtmlText);
  auto heads = inline_headings(lines[0]);
  std::vector<int> numbers;
  for (const auto& h : heads) numbers.push_back(h.number);
  // Table A's 一、本年新收 and 四、结转下年度 are rows, not headings.
  CHECK(numbers == std::vector<int>{1, 2, 3, 4, 5, 6});
  cut_flattened(lines, 0);
  CHECK(lines.size() > 10);
  bool heading_alone = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    heading_alone = heading_alone || lines[i] == "三、收到和处理政府信息公开申请情况";
    CHECK(lines.number(i) == 1);  // every piece keeps its source line
  }
  CHECK(heading_alone);
  CHECK(detect_shape(Lines("规章 0 0 0\n一、总体情况\n"), 0) == Shape::PdfText);
}

TEST_CASE("dates in digits and in Chinese numerals") {
  CHECK(date_of("2024年1月19日") == "2024-01-19");
  CHECK(date_of("二〇二四年一月十九日") == "2024-01-19");
  CHECK(date_of("二〇二三年十二月三十一日") == "2023-12-31");
  CHECK(date_of("二○二五年二月十日") == "2025-02-10");
  CHECK(date_of("2024年1月19号") == "2024-01-19");
  CHECK_FALSE(date_of("2024年13月1日"));
  CHECK_FALSE(date_of("24年1月1日"));
  size_t pos = 0;
  Date d;
  CHECK(parse_date_at("2023年2月30日", pos, d) == DateParse::Invalid);
}

TEST_CASE("the title's agency and year, in the ways titles are written") {
  CHECK(title_agency("淄博市医疗保障局高新技术产业开发区分局2023年政府信息公开工作年度报告") ==
        "淄博市医疗保障局高新技术产业开发区分局");
  CHECK(title_agency("2023年淄博市卫生健康委员会政府信息公开工作年度报告") ==
        "淄博市卫生健康委员会");
  CHECK(title_agency("2023年度淄博市卫生健康委员会政府信息公开工作年度报告") ==
        "淄博市卫生健康委员会");
  CHECK(title_agency("某某局关于2023年政府信息公开工作年度报告") == "某某局");
  CHECK(title_agency("某某局政府信息公开工作年度报告") == "某某局");
  CHECK(split_title("某某局二〇二三年政府信息公开工作年度报告").year == 2023);
  CHECK(split_title("某某局政府信息公开工作年度报告").year == 0);
}

TEST_CASE("a title wrapped mid-word over blank lines") {
  auto r =
      read_report("t.txt", "\n卫滨区医疗保障局2023年政府信息公开工作年度报\n告\n\n一、总体情况\n");
  CHECK(r.meta.title.value == "卫滨区医疗保障局2023年政府信息公开工作年度报告");
  CHECK(r.meta.agency.value == "卫滨区医疗保障局");
  CHECK(r.meta.year.value == 2023);
  auto labelled = read_report("t.txt",
                              "索引号：11370300/2024-00012\n发布机构：某局\n\n"
                              "某局2023年政府信息公开\n工作年度报告\n一、总体情况\n");
  CHECK(labelled.meta.agency.value == "某局");
  CHECK(labelled.meta.agency.line == 4);
  auto none = read_report("t.txt", "一、总体情况\n我局2023年……。\n");
  CHECK_FALSE(none.meta.agency);
  CHECK(has_code(none, "P005"));
}

TEST_CASE("section headings need their words: table A's rows are not headings") {
  CHECK(section_number("一、总体情况") == 1);
  CHECK(section_number("二、行政机关主动公开政府信息情况") == 2);
  CHECK(section_number("三、收到和处理政府信息公开申请情况") == 3);
  CHECK(section_number("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况") == 4);
  CHECK(section_number("五、存在的主要问题及改进措施") == 5);
  CHECK(section_number("六、其他需要报告的事项") == 6);
  CHECK(section_number("一、本年新收政府信息公开申请数量 0 0 0") == 0);
  CHECK(section_number("三、本年度办理结果") == 0);
  CHECK(section_number("四、结转下年度继续办理") == 0);
  CHECK(section_number("二是加强队伍建设") == 0);
}

TEST_CASE("a missing section heading is a warning naming where it was looked for") {
  auto r = read_report("s.txt",
                       "某局2023年政府信息公开工作年度报告\n一、总体情况\n正文。\n"
                       "三、收到和处理政府信息公开申请情况\n");
  CHECK(has_code(r, "P006"));
  bool named = false;
  for (const auto& d : r.diagnostics) {
    named = named ||
            (d.code == "P006" && d.message.find("二、主动公开政府信息情况") != std::string::npos);
  }
  CHECK(named);
}

TEST_CASE("paragraph kinds: heading, headed paragraph, paragraph") {
  auto h = classify_paragraph("(一) 存在的主要问题", 3, false);
  CHECK(h.kind == Block::Kind::Heading);
  CHECK(h.heading == "（一）存在的主要问题");
  CHECK(h.line == 3);
  auto hp = classify_paragraph("（一）主动公开：我局高度重视。", 4, false);
  CHECK(hp.kind == Block::Kind::HeadedParagraph);
  CHECK(hp.heading == "（一）主动公开：");
  CHECK(hp.text == "我局高度重视。");
  auto p = classify_paragraph("（一）存在问题。一是公开不及时。", 5, false);
  CHECK(p.kind == Block::Kind::Paragraph);
  auto md = classify_paragraph("（三）2023年度政务公开工作创新情况", 6, true);
  CHECK(md.kind == Block::Kind::Heading);
  CHECK(classify_paragraph("2023年，我局……。", 7, false).kind == Block::Kind::Paragraph);
}

TEST_CASE("format from table P's headers, even when they are cut into pieces") {
  auto fmt = [](std::string_view text) {
    Document d;
    d.lines = gongkai::text::Lines(text);
    d.shape = Shape::PdfText;
    d.skip.assign(d.lines.size(), 0);
    return format_from_headers(tokenize(d, 0, d.lines.size()));
  };
  CHECK(fmt("信息内容 本年制发件数 本年废止件数 现行有效件数") == Format::F2021);
  CHECK(fmt("信息内容 本年新制作数量 本年新公开数量 对外公开总数量") == Format::F2019);
  CHECK(fmt("信息内容 本年制发 本年废止 现行有效\n件数 件数 件数") == Format::F2021);
  CHECK(fmt("信息内容 本年新制 本年新公 对外公开\n作数量 开数量 总数量") == Format::F2019);
  CHECK_FALSE(fmt("规章 0 0 0"));
}

TEST_CASE("no table P: the format falls back with a warning saying why") {
  auto r = read_report("f.txt", "某局2020年政府信息公开工作年度报告\n一、总体情况\n正文。\n");
  CHECK(has_code(r, "P007"));
  CHECK(r.format == Format::F2019);  // from the year, and said so
}

TEST_CASE("period and contact from a run of text") {
  gongkai::text::TextRun run;
  run.append("统计期限自2023年1月1日至2023年12月31日止。如对报告有疑问，请联系（地址：", 14);
  run.append("淄博市高新区鲁泰大道51号，邮编：255000，电话：0533-2111907，邮箱：", 18);
  run.append("gxqy@zb.shandong.cn）。本报告可从网站（www.zb.gov.cn）下载。", 22);
  Report r;
  find_period(run, r, true);
  REQUIRE(r.meta.period_start);
  CHECK(r.meta.period_start.value->iso() == "2023-01-01");
  CHECK(r.meta.period_end.value->iso() == "2023-12-31");
  CHECK(r.meta.period_start.line == 14);
  find_contact(run, r.meta.contact, true);
  CHECK(r.meta.contact.address.value == "淄博市高新区鲁泰大道51号");
  CHECK(r.meta.contact.address.line == 18);
  CHECK(r.meta.contact.postcode.value == "255000");
  CHECK(r.meta.contact.phone.value == "0533-2111907");
  CHECK(r.meta.contact.email.value == "gxqy@zb.shandong.cn");
  CHECK(r.meta.contact.email.line == 22);
  CHECK(r.meta.contact.website.value == "www.zb.gov.cn");
  gongkai::text::TextRun short_period;
  short_period.append("报告涵盖2025年1月1日至12月31日期间", 7);
  Report s;
  find_period(short_period, s, true);
  REQUIRE(s.meta.period_end);
  CHECK(s.meta.period_end.value->iso() == "2025-12-31");
}

TEST_CASE("the signature: a date on its own line after the agency, in digits or numerals") {
  std::string body = "某局2023年政府信息公开工作年度报告\n六、其他需要报告的事项\n无。\n\n某局\n";
  auto r = read_report("s.txt", body + "二〇二四年一月十九日\n");
  REQUIRE(r.meta.signed_on);
  CHECK(r.meta.signed_on.value->iso() == "2024-01-19");
  CHECK(r.meta.signed_on.line == 6);
  const auto* other = r.section(SectionKey::Other);
  REQUIRE(other);
  REQUIRE(other->blocks.size() == 1);  // the signer's name is not prose
  auto bad = read_report("s.txt", body + "2024年2月30日\n");
  CHECK_FALSE(bad.meta.signed_on);
  CHECK(has_code(bad, "P017"));
  auto none = read_report("s.txt", body);
  CHECK(has_code(none, "P016"));
}

TEST_CASE("front matter: every key it may set") {
  gongkai::text::Lines l(
      "---\nagency: 某局\nyear: 2022\ndate: 2023-01-20\nperiod:\n  start: 2022-01-01\n"
      "  end: 2022-12-31\nphone: 0533-1\nemail: a@b.cn\naddress: 某路1号\npostcode: '255000'\n"
      "region: {province: 山东省, city: 淄博市}\n---\n正文\n");
  Report r;
  auto fm = read_front_matter(l, r);
  REQUIRE(fm.present);
  CHECK(fm.end == 13);
  CHECK(fm.agency.value == "某局");
  CHECK(fm.agency.line == 2);
  CHECK(fm.year.value == 2022);
  CHECK(fm.signed_on.value->iso() == "2023-01-20");
  CHECK(fm.period_end.value->iso() == "2022-12-31");
  CHECK(fm.postcode.value == "255000");
  CHECK(fm.region == std::vector<std::string>{"山东省", "淄博市"});
  apply_front_matter(fm, r);
  CHECK(r.meta.contact.email.value == "a@b.cn");
  CHECK(r.meta.period_start.value->iso() == "2022-01-01");
  Report bad;
  auto wrong = read_front_matter(gongkai::text::Lines("---\nyear: twenty\ndate: soon\n---\n"), bad);
  CHECK_FALSE(wrong.year);
  CHECK_FALSE(wrong.signed_on);
  CHECK(has_code(bad, "P004"));
  Report none;
  CHECK_FALSE(read_front_matter(gongkai::text::Lines("正文\n---\n"), none).present);
}
