#include <iostream>

#include "commands/commands.hpp"

namespace gongkai::commands {

void add_render(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("render", "not implemented yet");
  cmd->allow_extras();
  cmd->callback([&status] {
    std::cerr << "gongkai render: not implemented yet\n";
    status = 2;
  });
}

}  // namespace gongkai::commands
