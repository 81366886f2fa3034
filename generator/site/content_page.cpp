#include "site/content_page.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>

namespace gongkai::site {
namespace {

struct ParsedDoc {
  cmark_parser* parser = nullptr;
  cmark_node* doc = nullptr;
  ~ParsedDoc() {
    if (doc) cmark_node_free(doc);
    if (parser) cmark_parser_free(parser);
  }
};

void parse(ParsedDoc& d, std::string_view markdown) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  d.parser = cmark_parser_new(CMARK_OPT_DEFAULT);
  for (const char* name : {"table", "autolink", "strikethrough", "tagfilter"}) {
    if (auto* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(d.parser, ext);
    }
  }
  cmark_parser_feed(d.parser, markdown.data(), markdown.size());
  d.doc = cmark_parser_finish(d.parser);
}

std::string render(const ParsedDoc& d) {
  // CMARK_OPT_DEFAULT is safe: raw HTML becomes a comment, javascript: links are emptied.
  char* html =
      cmark_render_html(d.doc, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(d.parser));
  std::string raw(html ? html : "");
  std::free(html);
  // GFM tables have one header row: say so to screen readers (<th scope="col">).
  std::string out;
  out.reserve(raw.size() + 64);
  size_t at = 0;
  for (size_t th; (th = raw.find("<th", at)) != std::string::npos; at = th + 3) {
    out.append(raw, at, th + 3 - at);
    if (th + 3 < raw.size() && (raw[th + 3] == '>' || raw[th + 3] == ' ')) out += " scope=\"col\"";
  }
  out.append(raw, at, std::string::npos);
  return out;
}

void collect_text(cmark_node* node, std::string& out) {
  for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
    if (const char* lit = cmark_node_get_literal(c)) out += lit;
    collect_text(c, out);
  }
}

void diagnose(core::DiagnosticSink& sink, const std::string& file, uint32_t line, std::string code,
              std::string message) {
  core::Diagnostic d;
  d.severity = core::Severity::Error;
  d.code = std::move(code);
  d.message = std::move(message);
  d.file = file;
  d.line = line;
  sink.add(std::move(d));
}

/// Splits "---\n<yaml>\n---\n" off the top; returns the body and the number of lines consumed.
std::string_view split_front_matter(std::string_view text, std::string_view& yaml,
                                    uint32_t& lines) {
  lines = 0;
  if (text.substr(0, 4) != "---\n") return text;
  size_t end = text.find("\n---", 3);
  while (end != std::string_view::npos && end + 4 < text.size() && text[end + 4] != '\n') {
    end = text.find("\n---", end + 1);
  }
  if (end == std::string_view::npos) return text;
  yaml = text.substr(4, end - 3);
  size_t body = std::min(text.size(), end + 5);
  lines = static_cast<uint32_t>(std::count(text.begin(), text.begin() + body, '\n'));
  return text.substr(body);
}

}  // namespace

std::string markdown_to_html(std::string_view markdown) {
  ParsedDoc d;
  parse(d, markdown);
  return render(d);
}

std::vector<ContentPage> load_content_pages(const core::FileSystem& fs, const std::string& dir,
                                            core::DiagnosticSink& sink) {
  std::vector<ContentPage> pages;
  if (!fs.is_directory(dir)) return pages;
  static const std::string_view reserved[] = {"agencies", "years", "compare", "audit", "static",
                                              "data",     "404",   "index",   "css",   "js"};
  for (const auto& rel : fs.list_files(dir)) {
    if (rel.size() < 4 || rel.substr(rel.size() - 3) != ".md") continue;
    const std::string path = core::join_path(dir, rel);
    ContentPage page;
    page.file = rel;
    page.slug = rel.substr(0, rel.size() - 3);
    bool ascii = std::all_of(page.slug.begin(), page.slug.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '/';
    });
    if (!ascii) {
      diagnose(
          sink, path, 0, "C008",
          "page file names must be lowercase ASCII letters, digits and hyphens (they become URLs)");
      continue;
    }
    if (std::find(std::begin(reserved), std::end(reserved),
                  page.slug.substr(0, page.slug.find('/'))) != std::end(reserved)) {
      diagnose(sink, path, 0, "C008",
               "page name '" + page.slug + "' is reserved for the site's own pages");
      continue;
    }
    page.url = page.slug + "/";
    std::string error;
    auto text = fs.read(path, &error);
    if (!text) {
      diagnose(sink, path, 0, "C009", "cannot read: " + error);
      continue;
    }
    std::string_view yaml;
    uint32_t front_lines = 0;
    std::string_view body = split_front_matter(*text, yaml, front_lines);
    if (!yaml.empty()) {
      try {
        YAML::Node fm = YAML::Load(std::string(yaml));
        for (auto it = fm.begin(); fm.IsMap() && it != fm.end(); ++it) {
          const std::string key = it->first.Scalar();
          uint32_t line = static_cast<uint32_t>(it->first.Mark().line) + 2;
          if (key == "title" && it->second.IsScalar()) {
            page.title = it->second.Scalar();
          } else if (key == "weight" && it->second.IsScalar()) {
            try {
              page.weight = std::stoi(it->second.Scalar());
            } catch (...) {
              diagnose(sink, path, line, "C003", "'weight' must be a whole number");
            }
          } else {
            diagnose(
                sink, path, line, "C002",
                "unknown or malformed front matter key '" + key + "' (known keys: title, weight)");
          }
        }
      } catch (const YAML::Exception& e) {
        diagnose(sink, path, static_cast<uint32_t>(e.mark.line) + 2, "C001",
                 "front matter is not valid YAML: " + e.msg);
      }
    }
    ParsedDoc d;
    parse(d, body);
    cmark_node* first = cmark_node_first_child(d.doc);
    if (page.title.empty() && first && cmark_node_get_type(first) == CMARK_NODE_HEADING &&
        cmark_node_get_heading_level(first) == 1) {
      collect_text(first, page.title);
      cmark_node_unlink(first);
      cmark_node_free(first);
    }
    if (page.title.empty()) page.title = page.slug;
    page.html = render(d);
    pages.push_back(std::move(page));
  }
  std::sort(pages.begin(), pages.end(), [](const ContentPage& a, const ContentPage& b) {
    return a.weight != b.weight ? a.weight < b.weight : a.slug < b.slug;
  });
  return pages;
}

}  // namespace gongkai::site
