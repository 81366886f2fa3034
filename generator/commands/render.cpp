// gongkai render NAME --templates DIR [--templates DIR…] --data FILE.json
// Renders one template with a JSON file as its context: theme authors try a template with it.
#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

#include "commands/commands.hpp"
#include "core/file_system.hpp"
#include "template/environment.hpp"

namespace gongkai::commands {

namespace {

struct RenderOptions {
  std::string name;
  std::vector<std::string> templates;
  std::string data;
};

int run_render(const RenderOptions& o) {
  core::DiskFileSystem fs;
  tmpl::Value context{tmpl::Dict{}};
  if (!o.data.empty()) {
    std::string error;
    auto text = fs.read(o.data, &error);
    if (!text) {
      std::cerr << "gongkai render: cannot read " << o.data << ": " << error << "\n";
      return 2;
    }
    nlohmann::ordered_json json;
    try {
      json = nlohmann::ordered_json::parse(*text);
    } catch (const nlohmann::json::parse_error& e) {
      std::cerr << "gongkai render: " << o.data << " is not valid JSON: " << e.what() << "\n";
      return 2;
    }
    if (!json.is_object()) {
      std::cerr << "gongkai render: " << o.data
                << " must hold a JSON object (the template's variables)\n";
      return 2;
    }
    context = tmpl::Value::from_json(json);
  }
  for (const auto& dir : o.templates) {
    if (!fs.is_directory(dir)) {
      std::cerr << "gongkai render: template folder " << dir << " does not exist\n";
      return 2;
    }
  }
  tmpl::Environment env(o.templates, &fs);
  auto result = env.render(o.name, context);
  if (!result.ok()) {
    std::cerr << result.error->format();
    return 1;
  }
  std::cout << result.output;
  std::cout.flush();
  return 0;
}

}  // namespace

void add_render(CLI::App& app, int& status) {
  auto options = std::make_shared<RenderOptions>();
  auto* cmd = app.add_subcommand("render", "Render one template with a JSON file as its context");
  cmd->add_option("name", options->name, "Template name, relative to the template folders")
      ->required();
  cmd->add_option("--templates", options->templates,
                  "A template folder; repeat it: the first folder holding the name wins")
      ->required()
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_option("--data", options->data, "JSON file whose object is the template's variables");
  cmd->callback([options, &status] { status = run_render(*options); });
}

}  // namespace gongkai::commands
