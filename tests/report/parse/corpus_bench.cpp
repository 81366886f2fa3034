// parse_bench DIR [--check] [--repeat N]: reads every report of a make-corpus directory, prints
// the throughput (reports/s and MB/s on one thread); with --check, compares each report with
// DIR/truth.jsonl and prints every mismatch and the accuracy. Not a test: a tool for measuring.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/file_system.hpp"
#include "report/parse/reader.hpp"
#include "truth.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: parse_bench DIR [--check] [--repeat N]\n";
    return 2;
  }
  std::string dir = argv[1];
  bool check = false;
  int repeat = 1;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--check") check = true;
    if (a == "--repeat" && i + 1 < argc) repeat = std::stoi(argv[++i]);
  }
  gongkai::core::DiskFileSystem fs;
  std::vector<std::pair<std::string, std::string>> files;
  size_t bytes = 0;
  for (const auto& name : fs.list_files(dir)) {
    if (name.size() < 4 ||
        (name.substr(name.size() - 3) != ".md" && name.substr(name.size() - 4) != ".txt")) {
      continue;
    }
    auto data = fs.read(gongkai::core::join_path(dir, name));
    if (!data) continue;
    bytes += data->size();
    files.emplace_back(name, std::move(*data));
  }
  size_t cells = 0;
  auto start = std::chrono::steady_clock::now();
  std::clock_t cpu_start = std::clock();
  for (int k = 0; k < repeat; ++k) {
    for (const auto& [name, data] : files) {
      auto r = gongkai::report::parse::read_report(name, data);
      cells += r.diagnostics.size();
    }
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  double n = static_cast<double>(files.size()) * repeat;
  std::printf(
      "%zu reports (%.1f MB) x %d: wall %.3f s, CPU %.3f s: %.0f reports/s of CPU time "
      "(%.1f MB/s) on one thread\n",
      files.size(), bytes / 1e6, repeat, s, cpu, n / cpu, bytes * repeat / 1e6 / cpu);
  if (!check) return 0;
  std::ifstream truth(gongkai::core::join_path(dir, "truth.jsonl"));
  std::string line;
  std::map<std::string, const std::string*> by_name;
  for (const auto& [name, data] : files) by_name[name] = &data;
  gongkai::testing::TruthCheck result;
  size_t reports = 0, bad_reports = 0;
  while (std::getline(truth, line)) {
    auto t = nlohmann::ordered_json::parse(line);
    auto it = by_name.find(t["file"].get<std::string>());
    if (it == by_name.end()) continue;
    size_t before = result.mismatches.size();
    gongkai::testing::check_against_truth(
        t, gongkai::report::parse::read_report(it->first, *it->second), result);
    ++reports;
    if (result.mismatches.size() != before) ++bad_reports;
  }
  for (const auto& m : result.mismatches) std::cout << describe(m) << "\n";
  size_t wrong = result.mismatches.size();
  std::printf(
      "values: %zu/%zu equal to the truth (%.4f%%); reports with a mismatch: %zu/%zu; "
      "sections (keys, headings) differing: %zu/%zu\n",
      result.values - wrong, result.values,
      100.0 * static_cast<double>(result.values - wrong) / static_cast<double>(result.values),
      bad_reports, reports, result.section_mismatches.size(), result.sections);
  return wrong == 0 ? 0 : 1;
}
