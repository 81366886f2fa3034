#include "output/render_pages.hpp"

#include <map>

#include "site/parallel.hpp"

namespace gongkai::output {

bool render_pages(const std::vector<PageSpec>& pages, const PageRenderer& renderer, unsigned jobs,
                  std::vector<OutputFile>& out, core::DiagnosticSink& sink,
                  std::atomic<size_t>* done, const std::function<void(size_t)>& rendered) {
  const size_t first = out.size();
  out.resize(first + pages.size());
  std::vector<std::string> errors(pages.size());
  site::parallel_for(
      pages.size(), jobs,
      [&](size_t i) {
        const PageSpec& page = pages[i];
        try {
          out[first + i] = {page.path, renderer.render(page.template_name, page.context())};
          // The renderer's buffer grew by doubling: give back the slack, as the whole site stays
          // in memory until it is published.
          out[first + i].bytes.shrink_to_fit();
        } catch (const std::exception& e) {
          errors[i] = e.what();
          while (!errors[i].empty() && (errors[i].back() == '\n' || errors[i].back() == ' '))
            errors[i].pop_back();
          if (errors[i].empty()) errors[i] = "rendering failed";
        }
        if (rendered) rendered(i);
        if (done) done->fetch_add(1, std::memory_order_relaxed);
      },
      4);
  // A broken template usually breaks every page that uses it: one error per distinct message,
  // naming the first page it broke and how many more.
  std::map<std::string, std::pair<size_t, size_t>> failures;  // message → (first page, count)
  std::vector<std::string> order;
  size_t kept = first;
  for (size_t i = 0; i < pages.size(); ++i) {
    if (errors[i].empty()) {
      if (kept != first + i) out[kept] = std::move(out[first + i]);
      ++kept;
      continue;
    }
    auto [it, inserted] = failures.try_emplace(errors[i], i, 0);
    if (inserted) order.push_back(errors[i]);
    ++it->second.second;
  }
  for (const auto& message : order) {
    const auto& [page, count] = failures[message];
    core::Diagnostic d;
    d.severity = core::Severity::Error;
    d.code = "T001";
    d.file = pages[page].path;  // the page being rendered; the message locates the template
    d.message = message;
    if (count > 1) d.message += "\n  (and " + std::to_string(count - 1) + " more pages)";
    sink.add(std::move(d));
  }
  out.resize(kept);
  return failures.empty();
}

}  // namespace gongkai::output
