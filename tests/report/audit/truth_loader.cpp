#include "truth_loader.hpp"

#include <cstdlib>
#include <fstream>
#include <set>
#include <stdexcept>

namespace gongkai::report::testing {

namespace {

SectionKey section_key(const std::string& k) {
  static const std::pair<const char*, SectionKey> keys[] = {
      {"preamble", SectionKey::Preamble},   {"overview", SectionKey::Overview},
      {"proactive", SectionKey::Proactive}, {"applications", SectionKey::Applications},
      {"review", SectionKey::Review},       {"problems", SectionKey::Problems},
      {"other", SectionKey::Other}};
  for (auto& [name, key] : keys) {
    if (k == name) return key;
  }
  throw std::runtime_error("unknown section key " + k);
}

Number number_of(const nlohmann::json& v) {
  if (v.is_number_integer()) return Number::integer(v.get<int64_t>());
  auto n = Number::parse(v.dump());
  if (!n) throw std::runtime_error("not a number: " + v.dump());
  return *n;
}

}  // namespace

Report report_from_truth(const nlohmann::json& t) {
  Report r;
  r.path = t.at("file").get<std::string>();
  const std::string shape = t.at("shape");
  r.shape = shape == "markdown"    ? Shape::Markdown
            : shape == "docx_text" ? Shape::DocxText
                                   : Shape::PdfText;
  const auto& cells = t.at("cells");
  const std::string format = t.at("format");
  if (format == "2019") {
    r.layout = Layout::L2019;
  } else {
    r.layout = cells.contains("applications.other.total") ? Layout::L2021One : Layout::L2021;
  }
  r.format = format_of(r.layout);
  std::set<std::string> missing;
  for (const auto& id : t.at("missing")) missing.insert(id.get<std::string>());
  const auto& order = cells_of(r.layout);
  for (size_t k = 0; k < order.size(); ++k) {
    std::string id(cell_def(order[k]).id);
    Cell& c = r.cell(order[k]);
    c.line = static_cast<uint32_t>(1000 + k);
    auto it = cells.find(id);
    if (it == cells.end()) throw std::runtime_error(r.path + ": no truth for " + id);
    if (it->is_null()) {
      c.status = missing.count(id) ? CellStatus::Missing : CellStatus::Absent;
    } else {
      c.status = CellStatus::Read;
      c.value = number_of(*it);
    }
  }
  Meta& m = r.meta;
  m.title.set(t.at("title").get<std::string>(), 1);
  m.agency.set(t.at("agency").get<std::string>(), 1);
  m.year.set(t.at("year").get<int>(), 1);
  if (!t.at("period").is_null()) {
    m.period_start.set(*Date::parse_iso(t["period"]["start"].get<std::string>()), 2);
    m.period_end.set(*Date::parse_iso(t["period"]["end"].get<std::string>()), 2);
  }
  if (!t.at("date").is_null()) m.signed_on.set(*Date::parse_iso(t["date"].get<std::string>()), 999);
  uint32_t line = 3;
  for (const auto& s : t.at("sections")) {
    Section sec;
    sec.key = section_key(s.at("key"));
    if (!s.at("heading").is_null()) sec.heading = s["heading"].get<std::string>();
    sec.line = line++;
    for (const auto& b : s.at("blocks")) {
      Block block;
      const std::string kind = b.at(0);
      block.line = line++;
      if (kind == "p") {
        block.kind = Block::Kind::Paragraph;
        block.text = b.at(1);
      } else if (kind == "h2") {
        block.kind = Block::Kind::Heading;
        block.heading = b.at(1);
      } else {
        block.kind = Block::Kind::HeadedParagraph;
        block.heading = b.at(1);
        block.text = b.at(2);
      }
      sec.blocks.push_back(std::move(block));
    }
    r.sections.push_back(std::move(sec));
  }
  return r;
}

std::vector<TruthReport> load_truth(const std::string& dir) {
  std::ifstream in(dir + "/truth.jsonl");
  if (!in) throw std::runtime_error("cannot read " + dir + "/truth.jsonl");
  std::vector<TruthReport> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line);
    Report r = report_from_truth(j);
    out.push_back({std::move(j), std::move(r)});
  }
  return out;
}

std::string corpus_dir() {
  if (const char* env = std::getenv("GONGKAI_CORPUS_DIR"); env && *env) return env;
  return std::string(GONGKAI_TESTS_DIR) + "/fixtures/corpus";
}

}  // namespace gongkai::report::testing
