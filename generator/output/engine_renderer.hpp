#pragma once
// The page renderer over the template engine (gongkai::tmpl): the site's templates folder, then
// the theme's; the theme's UI strings as `t(key, name=value…)`; number formatting filters.
#include <memory>

#include "core/diagnostic.hpp"
#include "core/file_system.hpp"
#include "output/render_pages.hpp"
#include "output/theme.hpp"

namespace gongkai::output {

/// A renderer for `theme` (its template folders and strings). `fs` must outlive it.
std::unique_ptr<PageRenderer> make_engine_renderer(const core::FileSystem& fs, const Theme& theme);

}  // namespace gongkai::output
