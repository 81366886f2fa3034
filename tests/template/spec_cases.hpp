#pragma once
// Reads the spec-style case files of tests/template/cases (format: see regen.py).
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace gongkai::tmpl::testing {

struct SpecCase {
  std::string file;
  std::string name;
  std::string data = "{}";
  std::vector<std::pair<std::string, std::string>> templates;  // the first is rendered
  std::optional<std::string> expected;
  std::optional<std::string> error;
};

/// All cases of one file; throws std::runtime_error when the file is malformed.
std::vector<SpecCase> read_spec_file(const std::string& path);

/// Replaces the `--- error` sections of the named cases (snapshot update, reviewed in the diff).
void update_error_sections(const std::string& path,
                           const std::vector<std::pair<std::string, std::string>>& errors);

/// A line diff of two texts, with invisible characters shown (⏎ for a line end, · for a
/// trailing space, → for a tab).
std::string diff_text(const std::string& expected, const std::string& actual);

}  // namespace gongkai::tmpl::testing
