#pragma once
// Rendering the page list on several threads through a template renderer.
#include <atomic>
#include <functional>
#include <optional>
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

/// What render_pages() does with each page, on the worker thread that made it. Every hook is
/// optional and must be safe to call from several threads at once.
struct PageHooks {
  /// Called first, before page i's context is built: true when the page need not be rendered (its
  /// file from the last build is kept), false to go on.
  std::function<bool(size_t)> keep_unbuilt;
  /// Called with page i's context before rendering: true when the page need not be rendered,
  /// false to render it.
  std::function<bool(size_t, const Value& context)> keep;
  /// Page i rendered: its bytes. A throw makes the page fail (a T001 error with the message).
  std::function<void(size_t, std::string&& bytes)> emit;
  /// Called after page i, rendered, kept or failed.
  std::function<void(size_t)> done;
};

/// Renders every page on `jobs` threads, handing each to `hooks`. Pages that fail become T001
/// errors: the file is the page being rendered, the message the template's own
/// (template:line:col, the line, a caret, the chain of includes), one error per distinct message;
/// `done` counts pages as they finish (for progress). Returns how many pages were rendered (not
/// kept), or nullopt when any page failed.
std::optional<size_t> render_pages(const std::vector<PageSpec>& pages, const PageRenderer& renderer,
                                   unsigned jobs, core::DiagnosticSink& sink,
                                   std::atomic<size_t>* done, const PageHooks& hooks);

/// The same, into `out` (in page order).
bool render_pages(const std::vector<PageSpec>& pages, const PageRenderer& renderer, unsigned jobs,
                  std::vector<OutputFile>& out, core::DiagnosticSink& sink,
                  std::atomic<size_t>* done = nullptr,
                  const std::function<void(size_t)>& rendered = {});

}  // namespace gongkai::output
