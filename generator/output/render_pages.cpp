#include "output/render_pages.hpp"

#include <map>

#include "core/parallel.hpp"

namespace gongkai::output {

std::optional<size_t> render_pages(const std::vector<PageSpec>& pages, const PageRenderer& renderer,
                                   unsigned jobs, core::DiagnosticSink& sink,
                                   std::atomic<size_t>* done, const PageHooks& hooks) {
  std::vector<std::string> errors(pages.size());
  std::atomic<size_t> rendered{0};
  core::parallel_for(
      pages.size(), jobs,
      [&](size_t i) {
        const PageSpec& page = pages[i];
        try {
          if (!hooks.keep_unbuilt || !hooks.keep_unbuilt(i)) {
            Value context = page.context();
            if (!hooks.keep || !hooks.keep(i, context)) {
              std::string bytes = renderer.render(page.template_name, context);
              context = Value();  // it can be large (a report's every line): let it go now
              rendered.fetch_add(1, std::memory_order_relaxed);
              if (hooks.emit) hooks.emit(i, std::move(bytes));
            }
          }
        } catch (const std::exception& e) {
          errors[i] = e.what();
          while (!errors[i].empty() && (errors[i].back() == '\n' || errors[i].back() == ' '))
            errors[i].pop_back();
          if (errors[i].empty()) errors[i] = "rendering failed";
        }
        if (hooks.done) hooks.done(i);
        if (done) done->fetch_add(1, std::memory_order_relaxed);
      },
      4);
  // A broken template usually breaks every page that uses it: one error per distinct message,
  // naming the first page it broke and how many more.
  std::map<std::string, std::pair<size_t, size_t>> failures;  // message → (first page, count)
  std::vector<std::string> order;
  for (size_t i = 0; i < pages.size(); ++i) {
    if (errors[i].empty()) continue;
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
  if (!failures.empty()) return std::nullopt;
  return rendered.load();
}

bool render_pages(const std::vector<PageSpec>& pages, const PageRenderer& renderer, unsigned jobs,
                  std::vector<OutputFile>& out, core::DiagnosticSink& sink,
                  std::atomic<size_t>* done, const std::function<void(size_t)>& rendered) {
  std::vector<std::optional<std::string>> bytes(pages.size());
  PageHooks hooks;
  hooks.emit = [&](size_t i, std::string&& b) {
    b.shrink_to_fit();  // the renderer's buffer grew by doubling; the pages stay in memory
    bytes[i] = std::move(b);
  };
  hooks.done = rendered;
  auto ok = render_pages(pages, renderer, jobs, sink, done, hooks);
  for (size_t i = 0; i < pages.size(); ++i) {
    if (bytes[i]) out.push_back({pages[i].path, std::move(*bytes[i])});
  }
  return ok.has_value();
}

}  // namespace gongkai::output
