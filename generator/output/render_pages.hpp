#pragma once
// Rendering the page list on several threads through a template renderer.
#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "output/output_file.hpp"
#include "output/page_list.hpp"

namespace gongkai::output {

/// Renders a named template with a context. Must be safe to call from several threads at once.
/// A failure throws; its what() names the template, line and column.
class PageRenderer {
 public:
  virtual ~PageRenderer() = default;
  virtual std::string render(const std::string& template_name, const Value& context) const = 0;
};

/// Renders every page on `jobs` threads into `out` (in page order). Pages that fail become T001
/// errors: the file is the page being rendered, the message the template's own (template:line:col,
/// the line, a caret, the chain of includes), one error per distinct message; `done` counts pages
/// as they finish (for progress); `rendered(i)` is called (on the worker) after page i, rendered
/// or failed. Returns false when any page failed.
bool render_pages(const std::vector<PageSpec>& pages, const PageRenderer& renderer, unsigned jobs,
                  std::vector<OutputFile>& out, core::DiagnosticSink& sink,
                  std::atomic<size_t>* done = nullptr,
                  const std::function<void(size_t)>& rendered = {});

}  // namespace gongkai::output
