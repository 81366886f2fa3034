// gongkai: argument parsing and dispatch only.
#include <iostream>

#include "commands/commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"gongkai: a static site of government information-disclosure annual reports"};
  app.set_version_flag("--version", GONGKAI_VERSION);
  app.require_subcommand(1);
  int status = 0;
  gongkai::commands::add_build(app, status);
  gongkai::commands::add_serve(app, status);
  gongkai::commands::add_check(app, status);
  gongkai::commands::add_parse(app, status);
  gongkai::commands::add_render(app, status);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }
  return status;
}
