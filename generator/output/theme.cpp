#include "output/theme.hpp"

#include <map>

namespace gongkai::output {

Theme load_theme(const core::FileSystem& fs, const site::Config& config,
                 core::DiagnosticSink& sink) {
  Theme theme;
  theme.dir = core::join_path(config.resolve(config.themes_dir), config.theme);
  if (!fs.is_directory(theme.dir)) {
    core::Diagnostic d;
    d.severity = core::Severity::Error;
    d.code = "C010";
    d.file = config.file;
    d.message = "theme '" + config.theme + "' not found (no folder " + theme.dir + ")";
    sink.add(std::move(d));
    return theme;
  }
  const std::string site_templates = config.resolve(config.templates_dir);
  if (fs.is_directory(site_templates)) theme.template_dirs.push_back(site_templates);
  theme.template_dirs.push_back(core::join_path(theme.dir, "templates"));
  theme.strings.load_theme(fs, core::join_path(theme.dir, "i18n"), config.language, sink);

  std::map<std::string, std::string> files;  // site path → bytes; the site's own win
  for (const std::string& dir :
       {core::join_path(theme.dir, "static"), config.resolve(config.static_dir)}) {
    if (!fs.is_directory(dir)) continue;
    for (const auto& rel : fs.list_files(dir)) {
      std::string error;
      if (auto bytes = fs.read(core::join_path(dir, rel), &error)) {
        files[rel] = std::move(*bytes);
      } else {
        core::Diagnostic d;
        d.severity = core::Severity::Error;
        d.code = "G002";
        d.file = core::join_path(dir, rel);
        d.message = "cannot read: " + error;
        sink.add(std::move(d));
      }
    }
  }
  for (auto& [path, bytes] : files) theme.static_files.push_back({path, std::move(bytes)});
  return theme;
}

}  // namespace gongkai::output
