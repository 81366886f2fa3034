#pragma once
// A theme on disk: its templates folder (after the site's own, so a site overrides one template by
// giving one of the same name), its UI strings and its static files.
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/file_system.hpp"
#include "output/output_file.hpp"
#include "output/strings.hpp"
#include "site/config.hpp"

namespace gongkai::output {

struct Theme {
  std::string dir;                         ///< themes/<name>
  std::vector<std::string> template_dirs;  ///< lookup order: the site's templates/, the theme's
  Strings strings;
  std::vector<OutputFile> static_files;  ///< the theme's static/, then the site's static/ over it
};

/// Loads the configured theme; a missing theme is a C010 error.
Theme load_theme(const core::FileSystem& fs, const site::Config& config,
                 core::DiagnosticSink& sink);

}  // namespace gongkai::output
