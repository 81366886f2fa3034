#include <iostream>

#include "commands/commands.hpp"

namespace gongkai::commands {

void add_parse(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("parse", "not implemented yet");
  cmd->allow_extras();
  cmd->callback([&status] {
    std::cerr << "gongkai parse: not implemented yet\n";
    status = 2;
  });
}

}  // namespace gongkai::commands
