// gongkai serve [--config site.yaml] [--bind 127.0.0.1] [--port 1313] [--out DIR] [--base-url URL]
//               [--jobs N] [--no-live-reload]
#include "commands/commands.hpp"
#include "commands/serve_site.hpp"

namespace gongkai::commands {

void add_serve(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand(
      "serve", "Build for a local address, serve on 127.0.0.1:1313, rebuild and reload on change");
  auto options = std::make_shared<ServeSiteOptions>();
  cmd->add_option("--config", options->config, "the site configuration")->capture_default_str();
  cmd->add_option("--bind", options->bind, "the address to listen on")->capture_default_str();
  auto* port = cmd->add_option("--port,-p", options->port,
                               "the port (0: any free one; default 1313, or the next free one)")
                   ->check(CLI::Range(0, 65535));
  cmd->add_option("--out", options->out,
                  "the folder built into and served (default: .gongkai-serve beside site.yaml)");
  cmd->add_option("--base-url", options->base_url,
                  "the base URL the pages are built for (default: http://<bind>:<port>/)");
  cmd->add_option("--jobs,-j", options->jobs, "build threads (default: every core)")
      ->check(CLI::NonNegativeNumber);
  auto no_reload = std::make_shared<bool>(false);
  cmd->add_flag("--no-live-reload", *no_reload, "do not reload open pages after a rebuild");
  cmd->callback([&status, options, port, no_reload] {
    options->port_given = port->count() > 0;
    options->live_reload = !*no_reload;
    status = serve_site(*options);
  });
}

}  // namespace gongkai::commands
