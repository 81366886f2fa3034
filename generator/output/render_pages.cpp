#include "output/render_pages.hpp"

#include <mutex>

#include "site/parallel.hpp"

namespace gongkai::output {

bool render_pages(const std::vector<PageSpec>& pages, const PageRenderer& renderer, unsigned jobs,
                  std::vector<OutputFile>& out, core::DiagnosticSink& sink,
                  std::atomic<size_t>* done) {
  const size_t first = out.size();
  out.resize(first + pages.size());
  std::vector<std::string> errors(pages.size());
  site::parallel_for(
      pages.size(), jobs,
      [&](size_t i) {
        const PageSpec& page = pages[i];
        try {
          out[first + i] = {page.path, renderer.render(page.template_name, page.context())};
        } catch (const std::exception& e) {
          errors[i] = e.what();
        }
        if (done) done->fetch_add(1, std::memory_order_relaxed);
      },
      4);
  bool ok = true;
  size_t kept = first;
  for (size_t i = 0; i < pages.size(); ++i) {
    if (errors[i].empty()) {
      if (kept != first + i) out[kept] = std::move(out[first + i]);
      ++kept;
      continue;
    }
    ok = false;
    core::Diagnostic d;
    d.severity = core::Severity::Error;
    d.code = "T001";
    d.message = errors[i] + " (while rendering " + pages[i].path + ")";
    sink.add(std::move(d));
  }
  out.resize(kept);
  return ok;
}

}  // namespace gongkai::output
