// The table tokenizer and the row matching and fitting built on it.
#include <catch2/catch.hpp>

#include "report/parse/rows.hpp"
#include "report/parse/tokens.hpp"
#include "text/lines.hpp"

using namespace gongkai::report;
using namespace gongkai::report::parse;
using Kind = Token::Kind;

namespace {

TokenStream free_line(std::string_view s) {
  TokenStream ts;
  tokenize_free_line(s, 7, 1, ts);
  return ts;
}

/// "T:text" for text, the number for a value, "E" for an empty cell.
std::vector<std::string> shown(const TokenStream& ts) {
  std::vector<std::string> out;
  for (const auto& t : ts.tokens) {
    if (t.kind == Kind::Text) out.push_back("T:" + std::string(t.text));
    if (t.kind == Kind::Empty) out.push_back("E");
    if (t.kind == Kind::Value) out.push_back(t.number.to_string() + std::string(t.suffix));
  }
  return out;
}

using V = std::vector<std::string>;

Document doc_of(Shape shape, std::string_view text) {
  Document d;
  d.lines = gongkai::text::Lines(text);
  d.shape = shape;
  d.skip.assign(d.lines.size(), 0);
  return d;
}

}  // namespace

TEST_CASE("free text: labels, numbers, dashes") {
  CHECK(shown(free_line("规章 0 12 3")) == V{"T:规章", "0", "12", "3"});
  CHECK(shown(free_line("行政许可 — - / ／ --")) == V{"T:行政许可", "E", "E", "E", "E", "E"});
  CHECK(free_line("规章 0").tokens[1].line == 7);
}

TEST_CASE("free text: row numbers are part of labels, 本年增/减 is no cell") {
  CHECK(shown(free_line("1.属于国家秘密 0 0")) == V{"T:1.属于国家秘密", "0", "0"});
  CHECK(shown(free_line("2、其他法律行政法规禁止公开 5")) ==
        V{"T:2、其他法律行政法规禁止公开", "5"});
  CHECK(shown(free_line("1. 属于")) == V{"T:1.", "T:属于"});
  CHECK(shown(free_line("信息内容 上一年项目数量 本年增/减")) ==
        V{"T:信息内容", "T:上一年项目数量", "T:本年增/减"});
}

TEST_CASE("free text: signs, decimals, units, thousands, leading zeros") {
  CHECK(shown(free_line("行政事业性收费 35 -15 +3")) == V{"T:行政事业性收费", "35", "-15", "3"});
  CHECK(shown(free_line("行政事业性收费35-15")) == V{"T:行政事业性收费", "35", "-15"});
  CHECK(shown(free_line("政府集中采购 42 3357816.88元")) ==
        V{"T:政府集中采购", "42", "3357816.88元"});
  CHECK(shown(free_line("x 49.4948万元")) == V{"T:x", "49.4948万元"});
  CHECK(shown(free_line("x 1,234,567")) == V{"T:x", "1234567"});
  CHECK(shown(free_line("007")) == V{"0", "0", "7"});
  CHECK(shown(free_line("0.51")) == V{"0.51"});
}

TEST_CASE("free text: numbers inside a bracket that closes on the line are a remark") {
  CHECK(shown(free_line("现行有效 55（含自然失效 29 件）")) ==
        V{"T:现行有效", "55", "T:（含自然失效 29 件）"});
  // An opening bracket that never closes (a rotated label's piece) hides nothing.
  CHECK(shown(free_line("    （      0 0 1")) == V{"T:（", "0", "0", "1"});
}

TEST_CASE("keys: one kind of bracket, no spaces or quotes, 1、 as 1.") {
  CHECK(normalize_key("（三） 不予 公开") == "(三)不予公开");
  CHECK(normalize_key("3、危及“三安全一稳定”") == "3.危及三安全一稳定");
  CHECK(normalize_key("一、本年新收") == "一、本年新收");
  CHECK(normalize_key("〔2021〕【x】[y]") == "(2021)(x)(y)");
  CHECK(normalize_key("1．属于") == "1.属于");
}

TEST_CASE("a markdown row: labels, then cells; empty cells are printed empties") {
  auto d =
      doc_of(Shape::Markdown,
             "| | (三) 不 予公开 | 1. 属于国家秘密 | 0 | | 2 |\n|---|---|\n| | | | |\n| 0 | 5 |");
  auto ts = tokenize(d, 0, d.lines.size());
  CHECK(shown(ts) == V{"T:(三) 不 予公开", "T:1. 属于国家秘密", "0", "E", "2", "0", "5"});
  CHECK(ts.tokens[2].cell);
  CHECK(ts.tokens[2].column == 3);
  CHECK(ts.tokens[2].row_cells == 6);
  CHECK(ts.tokens[5].row != ts.tokens[2].row);
}

TEST_CASE("a docx row: TAB cells up to an empty line; a line without TAB continues a cell") {
  auto d = doc_of(Shape::DocxText, "\t\n\t本年新\n制作数量\n\t0\n\t\n\n\t5\n");
  auto ts = tokenize(d, 0, d.lines.size());
  CHECK(shown(ts) == V{"T:本年新制作数量", "0", "E", "5"});
  CHECK(ts.tokens[1].line == 4);
}

TEST_CASE("rows: a label matched in order, and the numbers that follow it") {
  auto d = doc_of(Shape::PdfText,
                  "（二）部分公开（区分处理的，只计这一情\n形，不计其他情形）\n0 0 0 0 0 0\n0\n"
                  "（三）不\n予公开\n1.属于国家秘密 1 0 0 0 0 0 1\n");
  auto ts = tokenize(d, 0, d.lines.size());
  const std::string_view partial[] = {"(二)部分公开", "部分公开"};
  const std::string_view secret[] = {"1.属于国家秘密"};
  auto m1 = find_row(ts, partial, 0);
  REQUIRE(m1.found);
  CHECK(m1.line == 1);
  auto m2 = find_row(ts, secret, m1.end);
  REQUIRE(m2.found);
  CHECK(m2.line == 7);
  auto v1 = row_values(ts, m1, m2.begin);
  CHECK(v1.tokens.size() == 7);
  CHECK_FALSE(v1.cells);
  CHECK(fit_values(ts, v1, 7, 0).fit == Fit::Ok);
  auto v2 = row_values(ts, m2, std::string::npos);
  CHECK(ts.tokens[v2.tokens.front()].number.units == 1);
  // Free text with a number too few or too many cannot be assigned.
  CHECK(fit_values(ts, v1, 8, 0).fit == Fit::TooFew);
  CHECK(fit_values(ts, v1, 6, 0).fit == Fit::TooMany);
}

TEST_CASE("fitting explicit cells: padding at the ends, a shifted label, and doubt") {
  // label, then [empty shift] 7 cells [trailing empty column]
  auto d = doc_of(Shape::Markdown,
                  "| 一、本年新收 | | 1 | 0 | 0 | 0 | 0 | 0 | 1 | |\n"
                  "| 二、上年结转 | | 1 | 0 | 0 | 0 | 0 | 0 | | |\n"
                  "| 总计 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | |\n");
  auto ts = tokenize(d, 0, d.lines.size());
  const std::string_view k1[] = {"本年新收"}, k2[] = {"上年结转"}, k3[] = {"总计"};
  auto m1 = find_row(ts, k1, 0), m2 = find_row(ts, k2, 0), m3 = find_row(ts, k3, 0);
  auto f1 = fit_values(ts, row_values(ts, m1, m2.begin), 7, 2);
  CHECK(f1.fit == Fit::Ok);
  CHECK(f1.offset == 1);
  // 8 cells, the first and the last empty: the 7th value or the shift? Ambiguous alone...
  auto v2 = row_values(ts, m2, m3.begin);
  CHECK(fit_values(ts, v2, 7, 2).fit == Fit::Ambiguous);
  // ... decided by the offset learned from the row above (numbers start after one empty cell).
  auto f2 = fit_values(ts, v2, 7, 2, 1);
  REQUIRE(f2.fit == Fit::Ok);
  CHECK(ts.tokens[f2.tokens.back()].kind == Kind::Empty);
  auto f3 = fit_values(ts, row_values(ts, m3, std::string::npos), 7, 2);
  CHECK(f3.fit == Fit::Ok);
  CHECK(f3.offset == 0);
}

TEST_CASE("run-together text: dashes between numbers are empty cells, a minus starts a number") {
  CHECK(shown(free_line("/////0000000000")) ==
        V{"E", "E", "E", "E", "E", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"});
  CHECK(shown(free_line("3—5——7")) == V{"3", "E", "5", "E", "7"});
  CHECK(shown(free_line("行政许可12-3")) == V{"T:行政许可", "12", "-3"});
  CHECK(shown(free_line("本年增/减")) == V{"T:本年增/减"});
  CHECK(shown(free_line("行政规范性文件77132470")) == V{"T:行政规范性文件", "77132470"});
}
