#include "corpus_checks.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "report/audit/application_prose.hpp"
#include "report/audit/deadline.hpp"
#include "report/audit/years.hpp"
#include "report_builder.hpp"

namespace gongkai::report::testing {

using nlohmann::json;

namespace {

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

std::string file_of(const CorpusEntry& e) {
  return (*e.truth)["file"].get<std::string>();
}

}  // namespace

std::vector<CorpusEntry> audit_all(const std::vector<const json*>& truth,
                                   const std::vector<const Report*>& reports) {
  std::vector<CorpusEntry> out;
  for (size_t k = 0; k < truth.size(); ++k) {
    out.push_back({truth[k], reports[k], audit::audit_report(*reports[k])});
  }
  return out;
}

void check_identities_against_truth(const std::vector<CorpusEntry>& all) {
  size_t found = 0;
  for (const auto& a : all) {
    const json& t = *a.truth;
    INFO(file_of(a));
    std::set<std::string> instances, codes, cells;
    for (const auto& f : a.findings) {
      if (!is_identity(f.code)) continue;
      CHECK(instances.insert(f.instance).second);
      codes.insert(f.code);
      for (auto& id : cell_ids(f)) cells.insert(id);
    }
    CHECK(instances == strings(t["broken"]));
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
      for (auto& id : cell_ids(f)) {
        names_a_change = names_a_change || t["planted"]["changes"].contains(id);
      }
      CHECK(names_a_change);
    }
  }
  CHECK(found > 0);
}

void check_missing_against_truth(const std::vector<CorpusEntry>& all) {
  for (const auto& a : all) {
    const json& t = *a.truth;
    INFO(file_of(a));
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

void check_deadlines_against_truth(const std::vector<CorpusEntry>& all) {
  for (const auto& a : all) {
    const json& t = *a.truth;
    INFO(file_of(a) << " " << t["agency"].get<std::string>());
    CHECK(audit::deadline_of(t["agency"].get<std::string>(), t["year"].get<int>(), "", "")
              .date.iso() == t["deadline"].get<std::string>());
    CHECK(with_code(a.findings, "A010").size() == (t["late"].get<bool>() ? 1u : 0u));
    CHECK(with_code(a.findings, "A011").size() == (t["date"].is_null() ? 1u : 0u));
  }
}

void check_stale_years_against_truth(const std::vector<CorpusEntry>& all) {
  for (const auto& a : all) {
    const json& t = *a.truth;
    INFO(file_of(a));
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
    for (const auto& c : audit::year_claims(*a.report)) {
      if (c.fee && c.section == SectionKey::Other) {
        ++fee_claims;
        CHECK(c.year == fee_year);
      }
    }
    CHECK(fee_claims == 1);
  }
}

void check_application_prose_against_truth(const std::vector<CorpusEntry>& all) {
  for (const auto& a : all) {
    const json& t = *a.truth;
    INFO(file_of(a));
    CHECK(with_code(a.findings, "A013").empty());
    const json& received = t["cells"]["applications.new_received.total"];
    if (received.is_null()) continue;
    // The corpus always says how many applications came in when the cell is printed.
    auto stated = audit::stated_applications(*a.report);
    REQUIRE_FALSE(stated.empty());
    CHECK(stated.front().count == received.get<int64_t>());
  }
}

void check_nothing_else(const std::vector<CorpusEntry>& all) {
  for (const auto& a : all) {
    const json& t = *a.truth;
    INFO(file_of(a));
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

void check_copies_against_truth(const std::vector<CorpusEntry>& all) {
  std::map<std::string, std::map<int, const CorpusEntry*>> by_agency;
  for (const auto& a : all) {
    by_agency[(*a.truth)["agency_id"].get<std::string>()][(*a.truth)["year"].get<int>()] = &a;
  }
  size_t pairs = 0, copies = 0;
  for (const auto& [agency, years] : by_agency) {
    for (const auto& [year, cur] : years) {
      auto prev = years.find(year - 1);
      const json& source = (*cur->truth)["copied_problems_from"];
      if (prev == years.end()) {
        CHECK(source.is_null());
        continue;
      }
      ++pairs;
      INFO(file_of(*cur) << " after " << file_of(*prev->second));
      auto f = audit::compare_with_previous(*prev->second->report, *cur->report);
      if (source.is_null()) {
        CHECK_FALSE(f);
      } else {
        ++copies;
        CHECK(source.get<std::string>() == file_of(*prev->second));
        REQUIRE(f);
        CHECK(f->code == "A014");
      }
    }
  }
  CHECK(copies > 0);
  CHECK(pairs > copies);
}

}  // namespace gongkai::report::testing
