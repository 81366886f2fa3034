// The template benchmark (not a test): renders bench/templates/report.html with data.json many
// times on one thread, after checking the output is the one Jinja2 produced (expected.html,
// written by bench_jinja.py). Compare with `python3 bench_jinja.py`.
//
// Usage: template_bench [RENDERS] [THREADS]   (defaults 20000 and 1)
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <thread>
#include <vector>

#include "core/file_system.hpp"
#include "template/environment.hpp"

using namespace gongkai;

int main(int argc, char** argv) {
  int renders = argc > 1 ? std::atoi(argv[1]) : 20000;
  int threads = argc > 2 ? std::atoi(argv[2]) : 1;
  std::string dir = GONGKAI_BENCH_DIR;
  core::DiskFileSystem fs;
  auto data_text = fs.read(dir + "/data.json");
  auto expected = fs.read(dir + "/expected.html");
  if (!data_text || !expected) {
    std::cerr << "template_bench: run bench_jinja.py first (it writes expected.html)\n";
    return 2;
  }
  tmpl::Value data = tmpl::Value::from_json(nlohmann::ordered_json::parse(*data_text));
  tmpl::Environment env({dir + "/templates"}, &fs);
  auto first = env.render("report.html", data);
  if (!first.ok()) {
    std::cerr << first.error->format();
    return 1;
  }
  if (first.output != *expected) {
    std::cerr << "template_bench: output differs from Jinja2's expected.html\n";
    return 1;
  }
  double best = 1e300;
  for (int round = 0; round < 3; ++round) {
    auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
      pool.emplace_back([&] {
        size_t bytes = 0;
        for (int i = 0; i < renders / threads; ++i)
          bytes += env.render("report.html", data).output.size();
        if (bytes == 0) std::abort();
      });
    }
    for (auto& t : pool) t.join();
    std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    best = std::min(best, elapsed.count());
  }
  std::cout << "gongkai: " << renders << " renders on " << threads << " thread(s) in " << best
            << " s (best of 3): " << best / renders * 1e6 << " us per render, "
            << static_cast<long>(renders / best) << " renders/s, " << first.output.size()
            << " bytes\n";
  return 0;
}
