// The API the site uses: template roots, C++ filters/tests/globals, C++-backed objects, errors
// as values, and rendering from several threads.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "core/file_system.hpp"
#include "template/environment.hpp"
#include "template/markup.hpp"

using namespace gongkai;
using tmpl::Args;
using tmpl::CallContext;
using tmpl::Dict;
using tmpl::Environment;
using tmpl::Params;
using tmpl::Value;

namespace {

std::string render(Environment& env, const std::string& name, const Value& data = Value(Dict{})) {
  auto r = env.render(name, data);
  if (!r.ok()) return "ERROR " + r.error->format();
  return r.output;
}

}  // namespace

TEST_CASE("roots are searched in order: the site's templates override the theme's") {
  core::MemoryFileSystem fs;
  fs.put("theme/templates/base.html", "theme base [{% block b %}{% endblock %}]");
  fs.put("theme/templates/page.html",
         "{% extends 'base.html' %}{% block b %}theme page{% endblock %}");
  fs.put("site/templates/base.html", "site base [{% block b %}{% endblock %}]");
  Environment env({"site/templates", "theme/templates"}, &fs);
  CHECK(render(env, "page.html") == "site base [theme page]");
  CHECK(render(env, "./page.html") == "site base [theme page]");
}

TEST_CASE("template names never leave their root") {
  core::MemoryFileSystem fs;
  fs.put("secret.txt", "secret");
  fs.put("t/page.txt", "{% include name %}");
  Environment env({"t"}, &fs);
  for (const char* name : {"../secret.txt", "/secret.txt", "a/../../secret.txt"}) {
    auto r = env.render("page.txt", Value(Dict{{"name", name}}));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error->template_name == "page.txt");
    CHECK(r.error->message.find("secret.txt") != std::string::npos);
  }
  auto missing = env.render("nope.html", Value(Dict{}));
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error->format() == "template 'nope.html' not found (searched t)\n");
}

TEST_CASE("filters, tests and globals registered from C++") {
  Environment env;
  env.add_filter("number", [](CallContext&, const Value& v, const Args& args) {
    Params p("number", args, {"unit"});
    std::string out = v.is_none() ? "—" : v.str();
    if (p.has(0)) out += " " + p[0]->str();
    return Value(out);
  });
  env.add_filter("bold", [](CallContext& cx, const Value& v, const Args&) {
    std::string html = "<b>" + tmpl::escape_html(v.str()) + "</b>";
    return cx.autoescape() ? Value::markup(html) : Value(html);
  });
  env.add_test("positive", [](CallContext&, const Value& v, const Args&) {
    return v.is_number() && v.as_float() > 0;
  });
  env.add_function("url", [](CallContext&, const Args& args) {
    Params p("url", args, {"path", "absolute"});
    return Value((p.get(1, false).truthy() ? "https://example.org/" : "../") + p.get(0).str());
  });
  env.add_global("site_name", Value("公开"));
  env.add_template(
      "page.html",
      "{{ 1200|number('件') }} {{ none|number }} {{ '<x>'|bold }} {{ 3 is positive }} "
      "{{ url('agencies/') }} {{ url(path='feed.xml', absolute=true) }} {{ site_name }} "
      "{{ [1, -2]|select('positive')|list }}");
  env.add_template("page.txt", "{{ 'x'|bold }}");
  CHECK(render(env, "page.html") ==
        "1200 件 — <b>&lt;x&gt;</b> True ../agencies/ https://example.org/feed.xml 公开 [1]");
  CHECK(render(env, "page.txt") == "<b>x</b>");
}

TEST_CASE("an error thrown by a C++ filter is located at the call") {
  Environment env;
  env.add_filter("strict", [](CallContext&, const Value&, const Args&) -> Value {
    throw tmpl::RuntimeError("no value for this cell");
  });
  env.add_template("page.html", "<p>\n  {{ cell|strict }}\n</p>");
  auto r = env.render("page.html", Value(Dict{{"cell", Value::none()}}));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error->template_name == "page.html");
  CHECK(r.error->line == 2);
  CHECK(r.error->column == 11);
  CHECK(r.error->message == "no value for this cell");
  CHECK(r.error->format() ==
        "page.html:2:11: no value for this cell\n  {{ cell|strict }}\n          ^\n");
}

namespace {

/// A lazily computed mapping, as the site may expose a report's cells.
class Cells final : public tmpl::Object {
 public:
  std::string_view type_name() const override { return "Cells"; }
  bool is_mapping() const override { return true; }
  std::vector<Value> items() const override { return {Value("total"), Value("open")}; }
  bool has_length() const override { return true; }
  size_t length() const override { return 2; }
  Value attribute(std::string_view name) const override {
    if (name == "total") return Value(120);
    if (name == "open") return Value::none();
    return Value::missing();
  }
};

}  // namespace

TEST_CASE("C++-backed objects: attributes, items, iteration, tojson, missing attributes") {
  Environment env;
  env.add_template(
      "page.txt",
      "{{ c.total }} {{ c['total'] }} {{ c|length }} {% for k in c %}{{ k }};{% endfor %} "
      "{{ c|tojson }} {{ c is mapping }} [{{ c.nope }}] {{ c.nope is defined }}");
  Value data(Dict{{"c", tmpl::make_object<Cells>()}});
  CHECK(render(env, "page.txt", data) ==
        "120 120 2 total;open; {\"open\": null, \"total\": 120} True [] False");
  env.add_template("bad.txt", "{{ c.nope.deeper }}");
  auto r = env.render("bad.txt", data);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error->message == "'Cells object' has no attribute 'nope'");
}

TEST_CASE("the error chain names every template on the way") {
  Environment env;
  env.add_template(
      "page.html",
      "{% extends 'base.html' %}\n{% block main %}{% include 'row.html' %}{% endblock %}");
  env.add_template("base.html", "<main>\n{% block main %}{% endblock %}\n</main>");
  env.add_template("row.html", "{{ row.cells[0] }}");
  auto r = env.render("page.html", Value(Dict{}));
  REQUIRE_FALSE(r.ok());
  const tmpl::Error& e = *r.error;
  CHECK(e.template_name == "row.html");
  CHECK(e.message == "'row' is undefined");
  REQUIRE(e.chain.size() == 3);
  CHECK(e.chain[0].template_name == "page.html");  // the include
  CHECK(e.chain[0].line == 2);
  CHECK(e.chain[1].template_name == "base.html");  // the block rendered by the parent
  CHECK(e.chain[1].line == 2);
  CHECK(e.chain[2].template_name == "page.html");  // the extends
  CHECK(e.chain[2].line == 1);
}

TEST_CASE("compiled once: a changed file is seen after clear_cache") {
  core::MemoryFileSystem fs;
  fs.put("t/page.txt", "one");
  Environment env({"t"}, &fs);
  CHECK(render(env, "page.txt") == "one");
  fs.put("t/page.txt", "two");
  CHECK(render(env, "page.txt") == "one");
  env.clear_cache();
  CHECK(render(env, "page.txt") == "two");
  CHECK(env.check("page.txt") == std::nullopt);
  fs.put("t/bad.txt", "{% if %}");
  REQUIRE(env.check("bad.txt"));
  CHECK(env.check("bad.txt")->line == 1);
}

TEST_CASE("one environment renders from several threads at once") {
  Environment env;
  env.add_template("base.html", "<ul>{% block items %}{% endblock %}</ul>");
  env.add_template("m.html",
                   "{% macro li(x) %}<li class=\"{{ loop_class }}\">{{ x }}</li>{% endmacro %}");
  env.add_template("page.html",
                   "{% extends 'base.html' %}{% from 'm.html' import li %}{% block items %}"
                   "{% for r in rows %}{{ li(r ~ '<' ~ n) }}{% endfor %}{% endblock %}");
  std::vector<Value> rows;
  for (int i = 0; i < 50; ++i) rows.emplace_back(i);
  Value shared_rows(std::move(rows));
  auto data_for = [&](int n) { return Value(Dict{{"rows", shared_rows}, {"n", n}}); };
  std::vector<std::string> expected;
  for (int n = 0; n < 4; ++n) expected.push_back(render(env, "page.html", data_for(n)));
  env.clear_cache();  // let the threads race on the first compile too
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int n = 0; n < 4; ++n) {
    threads.emplace_back([&, n] {
      for (int i = 0; i < 200; ++i) {
        if (render(env, "page.html", data_for(n)) != expected[n]) ++mismatches;
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(mismatches == 0);
  CHECK(expected[3].find("<li class=\"\">49&lt;3</li>") != std::string::npos);
}
