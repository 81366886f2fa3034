// Times publish() of a realistic site: `publish_bench DIR [FILES]` publishes FILES (default 15,000)
// HTML pages of about 30 KB into DIR/public, which must not exist, then again with one page
// changed. Not a test: figures for docs/output.md (build with `cmake --build build --target
// publish_bench`).
#include <chrono>
#include <cstdio>
#include <string>

#include "output/publish.hpp"

using namespace gongkai::output;

namespace {

std::string page(size_t i) {
  std::string html =
      "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>某某局 " +
      std::to_string(2019 + i % 6) +
      " 年政府信息公开工作年度报告</title>"
      "<link rel=\"stylesheet\" href=\"../../../css/site.css\"></head><body><main>\n";
  size_t row = 0;
  while (html.size() < 30000) {
    html += "<tr><th scope=\"row\">（" + std::to_string(row % 9 + 1) +
            "）不予公开 · 属于国家秘密</th><td class=\"num\">" +
            std::to_string((i * 31 + row) % 997) + "</td><td class=\"num\">" +
            std::to_string(row * 7 % 113) + "</td></tr>\n";
    ++row;
  }
  return html + "</main></body></html>\n";
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/// Times the steps of one publish: until locked (and old leftovers gone), staged, swapped, done.
struct Phases {
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
  double locked = 0, staged = 0, swapped = 0;
  PublishOptions options() {
    PublishOptions o;
    o.on_step = [this](PublishStep step, size_t) {
      if (step == PublishStep::Locked) locked = seconds_since(start);
      if (step == PublishStep::Staged) staged = seconds_since(start);
      if (step == PublishStep::Swapped) swapped = seconds_since(start);
    };
    return o;
  }
  void print(const char* what, const PublishStats& stats) {
    double total = seconds_since(start);
    std::printf("%s: %.2f s (%zu written, %zu unchanged): locked %.2f, staged %.2f, swapped %.2f\n",
                what, total, stats.written, stats.unchanged, locked, staged, swapped);
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: publish_bench DIR [FILES]\n");
    return 2;
  }
  std::string out = std::string(argv[1]) + "/public";
  size_t count = argc > 2 ? std::stoul(argv[2]) : 15000;
  std::vector<OutputFile> files;
  size_t bytes = 0;
  for (size_t i = 0; i < count; ++i) {
    // 10 pages per folder, like /agencies/<slug>/<year>/index.html and its report.json.
    files.push_back(
        {"agencies/a" + std::to_string(i / 10) + "/" + std::to_string(i % 10) + "/index.html",
         page(i)});
    bytes += files.back().bytes.size();
  }
  std::printf("%zu files, %.1f MB\n", count, bytes / 1e6);
  Phases p1;
  auto first = publish(out, files, p1.options());
  p1.print("into an empty folder", first);
  files[count / 2].bytes += "<!-- changed -->\n";
  Phases p2;
  auto second = publish(out, files, p2.options());
  p2.print("one file changed    ", second);
  return 0;
}
