// gongkai build [--config site.yaml] [--out DIR] [--jobs N] [--quiet]
#include <unistd.h>

#include <iostream>

#include "commands/commands.hpp"
#include "commands/site_build.hpp"

namespace gongkai::commands {

void add_build(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("build", "Build the site into public/ (or --out DIR)");
  auto options = std::make_shared<BuildOptions>();
  auto quiet = std::make_shared<bool>(false);
  auto timings = std::make_shared<bool>(false);
  cmd->add_option("--config", options->config, "the site configuration")->capture_default_str();
  cmd->add_option("--out", options->out, "output folder (default: output_dir of the config)");
  cmd->add_option("--jobs,-j", options->jobs, "threads (default: every core)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--quiet,-q", *quiet, "print only errors");
  cmd->add_flag("--timings", *timings, "print how long each step took");
  cmd->add_option("--dump-contexts", options->dump_contexts,
                  "write each page's template context as JSON into DIR instead of rendering");
  auto no_cache = std::make_shared<bool>(false);
  cmd->add_flag("--no-cache", *no_cache, "read every report again (ignore .gongkai-cache)");
  cmd->callback([&status, options, quiet, timings, no_cache] {
    options->progress = !*quiet && isatty(STDERR_FILENO);
    options->cache = !*no_cache;
    core::DiskFileSystem fs;
    if (!fs.is_file(options->config)) {
      std::cerr << "gongkai build: no configuration file " << options->config
                << " (give one with --config)\n";
      status = 2;
      return;
    }
    core::DiagnosticSink sink(50);
    BuildResult result = build_site(fs, *options, sink);
    for (const auto& d : sink.items()) std::cerr << core::format(d) << "\n";
    if (sink.dropped()) std::cerr << "… and " << sink.dropped() << " more\n";
    if (*timings) {
      for (const auto& s : result.steps) {
        std::fprintf(stderr, "  %-14s %7.3f s %6zu MiB\n", s.name.c_str(), s.seconds, s.rss_mib);
      }
    }
    if (!result.ok) {
      const size_t errors = sink.count(core::Severity::Error);
      std::cerr << "gongkai build: failed (" << errors
                << (errors == 1 ? " error)\n" : " errors)\n");
      status = 1;
      return;
    }
    if (!*quiet) std::cout << summary_line(result) << " → " << result.out_dir << "\n";
    status = 0;
  });
}

}  // namespace gongkai::commands
