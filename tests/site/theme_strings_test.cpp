// The default theme's UI strings: every key a template asks for exists in both languages, and the
// two files hold the same keys.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "output/strings.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kTheme = fs::path(GONGKAI_SOURCE_DIR) / "themes/default";

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Keys of t("…") and t('…') calls with a literal key (not those built with ~).
std::set<std::string> keys_in_templates() {
  std::set<std::string> keys;
  for (const auto& e : fs::recursive_directory_iterator(kTheme / "templates")) {
    if (!e.is_regular_file()) continue;
    const std::string text = read_file(e.path());
    for (size_t at = 0; (at = text.find("t(", at)) != std::string::npos; at += 2) {
      if (at > 0 && (std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '_'))
        continue;
      char quote = text[at + 2];
      if (quote != '"' && quote != '\'') continue;
      size_t end = text.find(quote, at + 3);
      if (end == std::string::npos) continue;
      std::string key = text.substr(at + 3, end - at - 3);
      if (text.compare(end + 1, 2, " ~") == 0) continue;  // a prefix: the rest is computed
      keys.insert(key);
    }
  }
  return keys;
}

std::set<std::string> keys_of(const std::string& language) {
  // Only this file: load it alone, then ask for the keys that templates and the other file use.
  gongkai::core::DiagnosticSink sink;
  gongkai::output::Strings strings;
  strings.load(language, read_file(kTheme / "i18n" / (language + ".yaml")), sink);
  REQUIRE(sink.items().empty());
  std::set<std::string> out;
  for (const auto& key : keys_in_templates()) {
    if (strings.has(key)) out.insert(key);
  }
  return out;
}

}  // namespace

TEST_CASE("every UI string a template asks for exists in zh-CN and en", "[theme]") {
  const auto wanted = keys_in_templates();
  REQUIRE(wanted.size() > 50);
  CHECK(wanted.count("nav.home") == 1);
  for (const char* language : {"zh-CN", "en"}) {
    const auto have = keys_of(language);
    for (const auto& key : wanted) {
      INFO(language << ": " << key);
      CHECK(have.count(key) == 1);
    }
  }
}

TEST_CASE("both languages hold the same keys", "[theme]") {
  auto flat_keys = [](const std::string& language) {
    // Keys are the dotted paths of the YAML: compare through Strings::has on the other file's keys.
    std::set<std::string> keys;
    std::istringstream in(read_file(kTheme / "i18n" / (language + ".yaml")));
    std::vector<std::pair<int, std::string>> stack;  // indentation, key
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || line[0] == '#') continue;
      int indent = static_cast<int>(line.find_first_not_of(' '));
      size_t colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string key =
          line.substr(static_cast<size_t>(indent), colon - static_cast<size_t>(indent));
      if (!key.empty() && key.front() == '"') key = key.substr(1, key.size() - 2);
      while (!stack.empty() && stack.back().first >= indent) stack.pop_back();
      std::string full;
      for (const auto& [i, k] : stack) full += k + ".";
      full += key;
      bool leaf = line.find_first_not_of(' ', colon + 1) != std::string::npos;
      if (leaf)
        keys.insert(full);
      else
        stack.emplace_back(indent, key);
    }
    return keys;
  };
  const auto zh = flat_keys("zh-CN");
  const auto en = flat_keys("en");
  REQUIRE(zh.size() > 100);
  for (const auto& k : zh) {
    INFO("only in zh-CN: " << k);
    CHECK(en.count(k) == 1);
  }
  for (const auto& k : en) {
    INFO("only in en: " << k);
    CHECK(zh.count(k) == 1);
  }
}
