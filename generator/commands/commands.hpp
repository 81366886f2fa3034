#pragma once
// The subcommands. Each adds itself to the app; when it runs, it stores its exit status
// (0 ok, 1 build or check failure, 2 usage error).
#include <CLI/CLI.hpp>

namespace gongkai::commands {

void add_build(CLI::App& app, int& status);
void add_serve(CLI::App& app, int& status);
void add_check(CLI::App& app, int& status);
void add_parse(CLI::App& app, int& status);
void add_render(CLI::App& app, int& status);

}  // namespace gongkai::commands
