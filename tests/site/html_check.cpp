#include "html_check.hpp"

#include <gumbo.h>

#include <cstring>
#include <sstream>

namespace gongkai::testing {
namespace {

// Gumbo 0.10 does not install the header of its error records; their first fields are stable:
// the error type and its position.
struct GumboErrorPrefix {
  int type;
  GumboSourcePosition position;
};

std::string attr(const GumboNode* n, const char* name) {
  if (n->type != GUMBO_NODE_ELEMENT) return "";
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : "";
}
bool has_attr(const GumboNode* n, const char* name) {
  return n->type == GUMBO_NODE_ELEMENT && gumbo_get_attribute(&n->v.element.attributes, name);
}

void text_of(const GumboNode* n, std::string& out) {
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
      n->type == GUMBO_NODE_CDATA) {
    out += n->v.text.text;
    return;
  }
  if (n->type != GUMBO_NODE_ELEMENT) return;
  if (n->v.element.tag == GUMBO_TAG_SCRIPT || n->v.element.tag == GUMBO_TAG_STYLE) return;
  for (unsigned i = 0; i < n->v.element.children.length; ++i) {
    text_of(static_cast<const GumboNode*>(n->v.element.children.data[i]), out);
  }
}

std::string collapse(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

const GumboNode* first_link(const GumboNode* n) {
  if (n->type != GUMBO_NODE_ELEMENT) return nullptr;
  if (n->v.element.tag == GUMBO_TAG_A) return n;
  for (unsigned i = 0; i < n->v.element.children.length; ++i) {
    if (auto* a = first_link(static_cast<const GumboNode*>(n->v.element.children.data[i])))
      return a;
  }
  return nullptr;
}

struct Walker {
  HtmlPage& page;
  int h1 = 0;
  bool charset = false;
  std::vector<std::pair<std::string, std::string>> labelledby;  // (where, ids)
  std::string current_table;

  void walk(const GumboNode* n) {
    if (n->type != GUMBO_NODE_ELEMENT) return;
    const GumboElement& e = n->v.element;
    if (has_attr(n, "id")) ++page.ids[attr(n, "id")];
    if (has_attr(n, "aria-labelledby"))
      labelledby.emplace_back(gumbo_normalized_tagname(e.tag), attr(n, "aria-labelledby"));
    switch (e.tag) {
      case GUMBO_TAG_HTML:
        page.lang = attr(n, "lang");
        break;
      case GUMBO_TAG_TITLE:
        if (n->parent && n->parent->type == GUMBO_NODE_ELEMENT &&
            n->parent->v.element.tag == GUMBO_TAG_HEAD) {
          std::string t;
          text_of(n, t);
          page.title = collapse(t);
        }
        break;
      case GUMBO_TAG_META:
        if (has_attr(n, "charset")) charset = true;
        break;
      case GUMBO_TAG_H1:
        ++h1;
        break;
      case GUMBO_TAG_A:
      case GUMBO_TAG_LINK:
        if (has_attr(n, "href")) page.links.push_back(attr(n, "href"));
        break;
      case GUMBO_TAG_SCRIPT:
      case GUMBO_TAG_IMG:
        if (has_attr(n, "src")) page.links.push_back(attr(n, "src"));
        if (e.tag == GUMBO_TAG_IMG && !has_attr(n, "alt"))
          page.errors.push_back("<img> without alt");
        break;
      case GUMBO_TAG_TH:
        if (!has_attr(n, "scope"))
          page.errors.push_back("<th> without scope at line " + std::to_string(e.start_pos.line));
        break;
      default:
        break;
    }
    std::string saved = current_table;
    if (e.tag == GUMBO_TAG_TABLE) current_table = attr(n, "id");
    if (e.tag == GUMBO_TAG_TR && !current_table.empty()) {
      std::vector<HtmlCell> row;
      for (unsigned i = 0; i < e.children.length; ++i) {
        auto* c = static_cast<const GumboNode*>(e.children.data[i]);
        if (c->type != GUMBO_NODE_ELEMENT) continue;
        if (c->v.element.tag != GUMBO_TAG_TD && c->v.element.tag != GUMBO_TAG_TH) continue;
        HtmlCell cell;
        cell.tag = c->v.element.tag == GUMBO_TAG_TD ? "td" : "th";
        std::string t;
        text_of(c, t);
        cell.text = collapse(t);
        cell.cls = attr(c, "class");
        if (auto* a = first_link(c)) cell.href = attr(a, "href");
        row.push_back(std::move(cell));
      }
      page.tables[current_table].push_back(std::move(row));
    }
    for (unsigned i = 0; i < e.children.length; ++i)
      walk(static_cast<const GumboNode*>(e.children.data[i]));
    current_table = saved;
  }
};

}  // namespace

HtmlPage check_html(const std::string& html) {
  HtmlPage page;
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = -1;
  GumboOutput* out = gumbo_parse_with_options(&options, html.data(), html.size());
  for (unsigned i = 0; i < out->errors.length; ++i) {
    const auto* e = static_cast<const GumboErrorPrefix*>(out->errors.data[i]);
    std::ostringstream s;
    s << e->position.line << ":" << e->position.column << ": HTML5 parse error (gumbo type "
      << e->type << ")";
    page.errors.push_back(s.str());
  }
  if (!out->document->v.document.has_doctype ||
      std::strcmp(out->document->v.document.name, "html") != 0) {
    page.errors.push_back("no <!DOCTYPE html>");
  }
  Walker w{page};
  w.walk(out->root);
  std::string body;
  text_of(out->root, body);
  page.text = collapse(body);
  gumbo_destroy_output(&options, out);

  if (page.lang.empty()) page.errors.push_back("<html> without lang");
  if (page.title.empty()) page.errors.push_back("empty <title>");
  if (!w.charset) page.errors.push_back("no <meta charset>");
  if (w.h1 != 1) page.errors.push_back(std::to_string(w.h1) + " <h1> elements (want 1)");
  for (const auto& [id, count] : page.ids) {
    if (count > 1)
      page.errors.push_back("id '" + id + "' used " + std::to_string(count) + " times");
  }
  for (const auto& [where, ids] : w.labelledby) {
    std::istringstream in(ids);
    std::string id;
    while (in >> id) {
      if (!page.ids.count(id))
        page.errors.push_back("<" + where + "> aria-labelledby names missing id '" + id + "'");
    }
  }
  return page;
}

std::vector<HtmlCell> row_of(const HtmlPage& page, const std::string& table_id,
                             const std::string& label) {
  auto it = page.tables.find(table_id);
  if (it == page.tables.end()) return {};
  for (const auto& row : it->second) {
    if (!row.empty() && row[0].text == label) return row;
  }
  return {};
}

}  // namespace gongkai::testing
