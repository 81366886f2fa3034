// The audit over the fixture corpus (make-corpus, seed 2026), built from truth.jsonl without the
// reader: what the audit finds must be exactly what the corpus planted.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "report/audit/application_prose.hpp"
#include "report/audit/deadline.hpp"
#include "report/audit/years.hpp"
#include "report_builder.hpp"
#include "truth_loader.hpp"

using namespace gongkai::report;
using namespace gongkai::report::testing;
using nlohmann::json;

namespace {

const std::vector<TruthReport>& corpus() {
  static const std::vector<TruthReport> all = load_truth(corpus_dir());
  return all;
}

struct Audited {
  const TruthReport* t;
  std::vector<audit::Finding> findings;
};

const std::vector<Audited>& audited() {
  static const std::vector<Audited> all = [] {
    std::vector<Audited> out;
    for (const auto& t : corpus()) out.push_back({&t, audit::audit_report(t.report)});
    return out;
  }();
  return all;
}

bool is_identity(const std::string& code) {
  return code == "A001" || code == "A002" || code == "A003" || code == "A004";
}

std::string code_of(const std::string& identity) {
  if (identity == "balance") return "A001";
  if (identity == "row_sum") return "A002";
  if (identity == "outcome_sum") return "A003";
  return "A004";
}

std::set<std::string> strings(const json& list) {
  std::set<std::string> out;
  for (const auto& s : list) out.insert(s.get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("corpus: the fixture has what the tests rely on") {
  size_t planted = 0, missing = 0, late = 0, stale = 0, copied = 0, unsigned_ = 0;
  for (const auto& t : corpus()) {
    planted += !t.truth["planted"].is_null();
    missing += !t.truth["missing"].empty();
    late += t.truth["late"].get<bool>();
    stale += !t.truth["stale_year"].is_null();
    copied += !t.truth["copied_problems_from"].is_null();
    unsigned_ += t.truth["date"].is_null();
  }
  INFO("reports " << corpus().size());
  CHECK(corpus().size() >= 300);
  CHECK(planted > 0);
  CHECK(missing > 0);
  CHECK(late > 0);
  CHECK(stale > 0);
  CHECK(copied > 0);
  CHECK(unsigned_ > 0);
}

TEST_CASE("corpus: every planted break is found, with its code, instances and cells") {
  size_t found = 0;
  for (const auto& a : audited()) {
    const json& t = a.t->truth;
    INFO(t["file"].get<std::string>());
    std::set<std::string> broken = strings(t["broken"]);
    std::set<std::string> instances;
    std::set<std::string> codes;
    std::set<std::string> cells;
    for (const auto& f : a.findings) {
      if (!is_identity(f.code)) continue;
      CHECK(instances.insert(f.instance).second);
      codes.insert(f.code);
      for (auto& id : cell_ids(f)) cells.insert(id);
    }
    CHECK(instances == broken);
    if (t["planted"].is_null()) {
      CHECK(instances.empty());  // no identity finding on an unbroken report
      continue;
    }
    ++found;
    // The planted kind is among the codes, and every changed cell is among the cells named.
    CHECK(codes.count(code_of(t["planted"]["identity"])) == 1);
    for (auto& [id, change] : t["planted"]["changes"].items()) CHECK(cells.count(id) == 1);
    // Each finding names at least one changed cell: no innocent instance is accused.
    for (const auto& f : a.findings) {
      if (!is_identity(f.code)) continue;
      bool names_a_change = false;
      for (auto& id : cell_ids(f))
        names_a_change = names_a_change || t["planted"]["changes"].contains(id);
      CHECK(names_a_change);
    }
  }
  CHECK(found > 0);
}

TEST_CASE("corpus: missing cells are reported exactly, and never as identity failures") {
  for (const auto& a : audited()) {
    const json& t = a.t->truth;
    INFO(t["file"].get<std::string>());
    std::set<std::string> missing = strings(t["missing"]);
    std::set<std::string> named;
    size_t findings = 0;
    for (const auto& f : a.findings) {
      if (f.code != "A005") continue;
      ++findings;
      for (auto& id : cell_ids(f)) named.insert(id);
    }
    CHECK(named == missing);
    // One finding per group: the corpus empties one cell or one group.
    CHECK(findings == (missing.empty() ? 0 : 1));
    for (const auto& u : t["unverifiable"]) {
      for (const auto& f : a.findings) CHECK(f.instance != u.get<std::string>());
    }
  }
}

TEST_CASE("corpus: deadlines and late signatures agree with make-corpus") {
  for (const auto& a : audited()) {
    const json& t = a.t->truth;
    INFO(t["file"].get<std::string>() << " " << t["agency"].get<std::string>());
    CHECK(audit::deadline_of(t["agency"].get<std::string>(), t["year"].get<int>(), "", "")
              .date.iso() == t["deadline"].get<std::string>());
    CHECK(with_code(a.findings, "A010").size() == (t["late"].get<bool>() ? 1u : 0u));
    CHECK(with_code(a.findings, "A011").size() == (t["date"].is_null() ? 1u : 0u));
  }
}

TEST_CASE("corpus: stale years are found where planted, and nowhere else") {
  for (const auto& a : audited()) {
    const json& t = a.t->truth;
    INFO(t["file"].get<std::string>());
    auto f = with_code(a.findings, "A008");
    if (t["stale_year"].is_null()) {
      CHECK(f.empty());
    } else {
      REQUIRE(f.size() == 1);
      CHECK(f[0].instance == "year:" + std::to_string(t["stale_year"].get<int>()));
    }
    // Every report has a fee sentence in section 六, and year_claims reads its year.
    int fee_year = t["stale_year"].is_null() ? t["year"].get<int>() : t["stale_year"].get<int>();
    size_t fee_claims = 0;
    for (const auto& c : audit::year_claims(a.t->report)) {
      if (c.fee && c.section == SectionKey::Other) {
        ++fee_claims;
        CHECK(c.year == fee_year);
      }
    }
    CHECK(fee_claims == 1);
  }
}

TEST_CASE("corpus: the prose's count of applications is read and agrees with the tables") {
  for (const auto& a : audited()) {
    const json& t = a.t->truth;
    INFO(t["file"].get<std::string>());
    CHECK(with_code(a.findings, "A013").empty());
    const json& received = t["cells"]["applications.new_received.total"];
    auto stated = audit::stated_applications(a.t->report);
    if (received.is_null()) continue;
    // The corpus always says how many applications came in when the cell is printed.
    REQUIRE_FALSE(stated.empty());
    CHECK(stated.front().count == received.get<int64_t>());
  }
}

TEST_CASE("corpus: nothing else is flagged") {
  for (const auto& a : audited()) {
    const json& t = a.t->truth;
    INFO(t["file"].get<std::string>());
    bool old_format = t["format"] == "2019" && t["year"].get<int>() >= 2021;
    CHECK(with_code(a.findings, "A012").size() == (old_format ? 1u : 0u));
    for (const auto& f : a.findings) {
      INFO(f.code << ": " << f.message);
      CHECK(f.code != "A006");
      CHECK(f.code != "A007");
      CHECK(f.code != "A009");
    }
  }
}

TEST_CASE("corpus: copied problem sections are found, and no other consecutive pair") {
  std::map<std::string, std::map<int, const TruthReport*>> by_agency;
  for (const auto& t : corpus()) {
    by_agency[t.truth["agency_id"].get<std::string>()][t.truth["year"].get<int>()] = &t;
  }
  size_t pairs = 0, copies = 0;
  for (const auto& [agency, years] : by_agency) {
    for (const auto& [year, cur] : years) {
      auto prev = years.find(year - 1);
      const json& source = cur->truth["copied_problems_from"];
      if (prev == years.end()) {
        CHECK(source.is_null());
        continue;
      }
      ++pairs;
      INFO(cur->truth["file"].get<std::string>()
           << " after " << prev->second->truth["file"].get<std::string>());
      auto f = audit::compare_with_previous(prev->second->report, cur->report);
      if (source.is_null()) {
        CHECK_FALSE(f);
      } else {
        ++copies;
        CHECK(source.get<std::string>() == prev->second->truth["file"].get<std::string>());
        REQUIRE(f);
        CHECK(f->code == "A014");
      }
    }
  }
  CHECK(copies > 0);
  CHECK(pairs > copies);
}
