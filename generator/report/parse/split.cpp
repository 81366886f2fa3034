#include "report/parse/split.hpp"

namespace gongkai::report::parse {

namespace {

constexpr size_t kMaxDigits = 12;      // no cell of these tables comes near a trillion
constexpr size_t kBudget = 2'000'000;  // steps before the search gives up (then: not proven)

struct Splitter {
  std::span<const std::string_view> runs;
  size_t n;
  const std::function<bool(std::span<const int64_t>)>& accept;
  size_t limit;
  std::vector<int64_t> values;
  std::vector<std::vector<int64_t>> found;
  size_t digits_left = 0;
  size_t steps = 0;
  bool gave_up = false;

  void walk(size_t run, size_t at) {
    if (found.size() >= limit || gave_up) return;
    if (++steps > kBudget) {
      gave_up = true;
      return;
    }
    if (run == runs.size()) {
      if (values.size() == n) found.push_back(values);
      return;
    }
    std::string_view r = runs[run];
    if (at == r.size()) {
      walk(run + 1, 0);
      return;
    }
    bool negative = at == 0 && r[0] == '-';  // a sign starts a cell: the run's first number
    if (negative) ++at;
    size_t pieces_left = n - values.size();
    if (pieces_left == 0 || digits_left < pieces_left) return;  // too few digits for the rest
    size_t longest = r[at] == '0' ? 1 : std::min(kMaxDigits, r.size() - at);
    for (size_t len = 1; len <= longest; ++len) {
      int64_t v = 0;
      for (size_t k = at; k < at + len; ++k) v = v * 10 + (r[k] - '0');
      values.push_back(negative ? -v : v);
      if (accept(values)) {
        digits_left -= len;
        walk(run, at + len);
        digits_left += len;
      }
      values.pop_back();
      if (found.size() >= limit) return;
    }
  }
};

}  // namespace

std::vector<std::vector<int64_t>> split_runs(
    std::span<const std::string_view> runs, size_t n,
    const std::function<bool(std::span<const int64_t>)>& accept, size_t limit) {
  Splitter s{runs, n, accept, limit, {}, {}, 0, 0, false};
  for (auto r : runs) {
    if (!r.empty() && r[0] == '-') r.remove_prefix(1);
    if (r.empty()) return {};
    for (char c : r) {
      if (c < '0' || c > '9') return {};
    }
    s.digits_left += r.size();
  }
  if (s.digits_left < n) return {};
  s.values.reserve(n);
  s.walk(0, 0);
  if (s.gave_up) return {};
  return s.found;
}

}  // namespace gongkai::report::parse
