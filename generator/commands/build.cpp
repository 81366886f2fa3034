#include <iostream>

#include "commands/commands.hpp"

namespace gongkai::commands {

void add_build(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("build", "not implemented yet");
  cmd->allow_extras();
  cmd->callback([&status] {
    std::cerr << "gongkai build: not implemented yet\n";
    status = 2;
  });
}

}  // namespace gongkai::commands
