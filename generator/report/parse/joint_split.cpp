#include "report/parse/joint_split.hpp"

#include <algorithm>

namespace gongkai::report::parse {

namespace {

constexpr size_t kBudget = 200'000;  // combinations tried before the search gives up (not proven)

/// An instance reduced to what the search needs: a constant from the read cells and the terms
/// that come from groups, checked once its last group is chosen.
struct Check {
  int64_t constant = 0;
  struct Term {
    size_t group, position;
    int64_t sign;
  };
  std::vector<Term> terms;
  size_t last_group = 0;
};

struct Search {
  std::span<const SplitGroup> groups;
  std::vector<std::vector<const Check*>> checks_at;  // by the group that completes them
  std::vector<size_t> choice;
  std::vector<size_t> found;
  size_t solutions = 0;
  size_t steps = 0;
  bool gave_up = false;

  bool holds(const Check& c) const {
    int64_t sum = c.constant;
    for (const auto& t : c.terms)
      sum += t.sign * groups[t.group].candidates[choice[t.group]][t.position];
    return sum == 0;
  }

  void walk(size_t g) {
    if (solutions >= 2 || gave_up) return;
    if (g == groups.size()) {
      if (++solutions == 1) found = choice;
      return;
    }
    for (size_t k = 0; k < groups[g].candidates.size(); ++k) {
      if (++steps > kBudget) {
        gave_up = true;
        return;
      }
      choice[g] = k;
      bool ok = true;
      for (const Check* c : checks_at[g]) {
        if (!holds(*c)) {
          ok = false;
          break;
        }
      }
      if (ok) walk(g + 1);
      if (solutions >= 2 || gave_up) return;
    }
  }
};

}  // namespace

std::optional<std::vector<size_t>> solve_jointly(const Report& report,
                                                 std::span<const SplitGroup> groups,
                                                 std::span<const IdentityInstance> instances) {
  if (groups.empty()) return std::nullopt;
  for (const auto& g : groups) {
    if (g.candidates.empty()) return std::nullopt;
  }
  std::vector<Check> checks;
  checks.reserve(instances.size());
  for (const auto& inst : instances) {
    Check c;
    bool usable = true, touches = false;
    for (const auto& term : inst.terms) {
      bool in_group = false;
      for (size_t g = 0; g < groups.size() && !in_group; ++g) {
        const auto& cells = groups[g].cells;
        auto it = std::find(cells.begin(), cells.end(), term.cell);
        if (it != cells.end()) {
          c.terms.push_back({g, static_cast<size_t>(it - cells.begin()), term.sign});
          c.last_group = std::max(c.last_group, g);
          in_group = touches = true;
        }
      }
      if (in_group) continue;
      const Cell& cell = report.cell(term.cell);
      if (cell.status != CellStatus::Read || !cell.value || !cell.value->is_integer()) {
        usable = false;
        break;
      }
      c.constant += term.sign * cell.value->units;
    }
    if (usable && touches) checks.push_back(std::move(c));
  }
  Search s{groups,
           std::vector<std::vector<const Check*>>(groups.size()),
           std::vector<size_t>(groups.size(), 0),
           {},
           0,
           0,
           false};
  for (const auto& c : checks) s.checks_at[c.last_group].push_back(&c);
  s.walk(0);
  if (s.gave_up || s.solutions != 1) return std::nullopt;
  return s.found;
}

}  // namespace gongkai::report::parse
