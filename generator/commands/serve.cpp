#include <iostream>

#include "commands/commands.hpp"

namespace gongkai::commands {

void add_serve(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("serve", "not implemented yet");
  cmd->allow_extras();
  cmd->callback([&status] {
    std::cerr << "gongkai serve: not implemented yet\n";
    status = 2;
  });
}

}  // namespace gongkai::commands
