// gongkai parse FILE [--format json|cells]: one report as the reader sees it.
#include <iostream>
#include <string>

#include "commands/commands.hpp"
#include "core/diagnostic.hpp"
#include "core/file_system.hpp"
#include "report/parse/reader.hpp"
#include "report/report_cells.hpp"
#include "report/report_json.hpp"

namespace gongkai::commands {

namespace {

struct ParseOptions {
  std::string file;
  std::string format = "json";
};

int run_parse(const ParseOptions& o) {
  core::DiskFileSystem fs;
  std::string error;
  auto bytes = fs.read(o.file, &error);
  if (!bytes) {
    std::cerr << "gongkai parse: cannot read " << o.file << ": " << error << "\n";
    return 1;
  }
  report::Report r = report::parse::read_report(o.file, *bytes);
  if (o.format == "cells") {
    std::cout << report::to_cells(r);
  } else {
    std::cout << report::to_json(r).dump(2) << "\n";
  }
  bool unreadable = false;
  for (const auto& d : r.diagnostics) {
    if (d.code == "P001" || d.code == "P099") {
      std::cerr << core::format(d) << "\n";
      unreadable = true;
    }
  }
  return unreadable ? 1 : 0;
}

}  // namespace

void add_parse(CLI::App& app, int& status) {
  auto opts = std::make_shared<ParseOptions>();
  auto* cmd = app.add_subcommand("parse", "Read one report and print what it says");
  cmd->add_option("FILE", opts->file, "report file (.txt, .md; any encoding the reader knows)")
      ->required();
  cmd->add_option("--format", opts->format, "json (default) or cells")
      ->check(CLI::IsMember({"json", "cells"}));
  cmd->callback([opts, &status] { status = run_parse(*opts); });
}

}  // namespace gongkai::commands
