#include "spec_cases.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace gongkai::tmpl::testing {

namespace {

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (true) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      lines.push_back(text.substr(start));
      return lines;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i) out += '\n';
    out += lines[i];
  }
  return out;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size())
    s.replace(at, from.size(), to);
  return s;
}

}  // namespace

std::vector<SpecCase> read_spec_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  if (!text.empty() && text.back() == '\n') text.pop_back();
  std::vector<SpecCase> cases;
  std::string header;
  std::vector<std::string> lines;
  bool in_section = false;
  auto flush = [&] {
    if (!in_section || cases.empty()) return;
    SpecCase& c = cases.back();
    std::string content = join(lines);
    if (header == "data") {
      c.data = content;
    } else if (header == "expected") {
      c.expected = content;
    } else if (header == "error") {
      c.error = content;
    } else {
      std::string name = header;
      size_t opt = name.find(" [");
      std::string options;
      if (opt != std::string::npos) {
        options = name.substr(opt + 2);
        name = name.substr(0, opt);
      }
      if (options.find("crlf") != std::string::npos) {
        content = replace_all(content, "\n", "\r\n");
      } else if (options.find("cr") != std::string::npos) {
        content = replace_all(content, "\n", "\r");
      }
      c.templates.emplace_back(name, content);
    }
    lines.clear();
    in_section = false;
  };
  for (const std::string& line : split_lines(text)) {
    if (line.rfind("=== ", 0) == 0) {
      flush();
      SpecCase c;
      c.file = path;
      c.name = line.substr(4);
      cases.push_back(std::move(c));
    } else if (line.rfind("--- ", 0) == 0 && !cases.empty()) {
      flush();
      header = line.substr(4);
      in_section = true;
    } else if (in_section) {
      lines.push_back(line);
    }
  }
  flush();
  for (const auto& c : cases) {
    if (c.templates.empty())
      throw std::runtime_error(path + ": case '" + c.name + "' has no template");
    if (!c.expected && !c.error) {
      throw std::runtime_error(path + ": case '" + c.name +
                               "' has no expected output (run regen.py)");
    }
  }
  return cases;
}

void update_error_sections(const std::string& path,
                           const std::vector<std::pair<std::string, std::string>>& errors) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  if (!text.empty() && text.back() == '\n') text.pop_back();
  std::vector<std::string> out;
  std::string current;
  bool skipping = false;
  for (const std::string& line : split_lines(text)) {
    bool marker = line.rfind("=== ", 0) == 0 || line.rfind("--- ", 0) == 0;
    if (marker) skipping = false;
    if (line.rfind("=== ", 0) == 0) current = line.substr(4);
    if (skipping) continue;
    out.push_back(line);
    if (line == "--- error") {
      for (const auto& [name, error] : errors) {
        if (name != current) continue;
        for (const auto& l : split_lines(error)) out.push_back(l);
        skipping = true;
      }
    }
  }
  std::ofstream(path, std::ios::binary) << join(out) << '\n';
}

namespace {

std::string visible(const std::string& line, bool last) {
  std::string out;
  size_t trailing = line.size();
  while (trailing > 0 && line[trailing - 1] == ' ') --trailing;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\t')
      out += "→";
    else if (line[i] == '\r')
      out += "␍";
    else if (line[i] == ' ' && i >= trailing)
      out += "·";
    else
      out += line[i];
  }
  if (!last) out += "⏎";
  return out;
}

}  // namespace

std::string diff_text(const std::string& expected, const std::string& actual) {
  auto a = split_lines(expected);
  auto b = split_lines(actual);
  // longest common subsequence over lines (cases are small)
  std::vector<std::vector<int>> lcs(a.size() + 1, std::vector<int>(b.size() + 1, 0));
  for (size_t i = a.size(); i-- > 0;) {
    for (size_t j = b.size(); j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::string out = "--- expected (Jinja2)\n+++ actual (gongkai)\n";
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      out += "  " + visible(a[i], i + 1 == a.size()) + "\n";
      ++i, ++j;
    } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out += "+ " + visible(b[j], j + 1 == b.size()) + "\n";
      ++j;
    } else {
      out += "- " + visible(a[i], i + 1 == a.size()) + "\n";
      ++i;
    }
  }
  return out;
}

}  // namespace gongkai::tmpl::testing
