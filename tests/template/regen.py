#!/usr/bin/env python3
"""Regenerate the expected outputs of the template spec cases with real Jinja2 3.1.

Each file in tests/template/cases/*.txt holds cases:

    === case-name
    free text describing the case (ignored)
    --- data
    {"json": "object: the template's variables (optional)"}
    --- page.html
    the main template (the first template section)
    --- partials/row.html
    more templates, for include/extends/import
    --- expected
    what Jinja2 renders (written by this script)

A section's content is its lines joined by "\\n": the newline before the next marker is not
part of it, so a template that ends with a newline has an empty last line. A template section
may carry options after its name: [crlf] turns its line ends into \\r\\n, [cr] into \\r.

Cases with an `--- error` section expect a render error; that section is written by hand (our
own format: name:line:col: message, the source line, a caret, the chain) and is left alone.
For those this script only checks that Jinja2 fails too and prints Jinja2's error, so the
line can be compared by a person.

Templates are loaded as Jinja2's DictLoader would, with autoescape on for .html .htm .xml and
off otherwise (select_autoescape), and every other setting at its default: the same
environment the C++ engine provides.

Usage: regen.py [--check] [FILE...]   (--check: report differences, change nothing)
"""
import json
import pathlib
import sys

import jinja2

HERE = pathlib.Path(__file__).resolve().parent
CASES = HERE / "cases"


class Case:
    def __init__(self, name):
        self.name = name
        self.description = []
        self.sections = []  # (header, lines)

    def section(self, kind):
        for header, lines in self.sections:
            if header == kind:
                return "\n".join(lines)
        return None

    def templates(self):
        out = []
        for header, lines in self.sections:
            if header in ("data", "expected", "error"):
                continue
            name, options = header, []
            if " [" in header:
                name, rest = header.split(" [", 1)
                options = rest.rstrip("]").split(",")
            text = "\n".join(lines)
            if "crlf" in options:
                text = text.replace("\n", "\r\n")
            elif "cr" in options:
                text = text.replace("\n", "\r")
            out.append((name.strip(), text))
        return out


def parse(path):
    text = path.read_text(encoding="utf-8")
    if text.endswith("\n"):
        text = text[:-1]
    head, cases, current, lines = [], [], None, None
    for line in text.split("\n"):
        if line.startswith("=== "):
            current = Case(line[4:].strip())
            cases.append(current)
            lines = None
        elif line.startswith("--- ") and current is not None:
            lines = []
            current.sections.append((line[4:].strip(), lines))
        elif current is None:
            head.append(line)
        elif lines is None:
            current.description.append(line)
        else:
            lines.append(line)
    return head, cases


def serialize(head, cases):
    out = list(head)
    for case in cases:
        out.append("=== " + case.name)
        out.extend(case.description)
        for header, lines in case.sections:
            out.append("--- " + header)
            out.extend(lines)
    return "\n".join(out) + "\n"


def environment(templates):
    return jinja2.Environment(
        loader=jinja2.DictLoader(dict(templates)),
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html", "htm", "xml"),
            default_for_string=False,
            default=False,
        ),
    )


def render(case):
    templates = case.templates()
    data = json.loads(case.section("data") or "{}")
    env = environment(templates)
    return env.get_template(templates[0][0]).render(data)


def jinja_error_line(exc):
    """The template and line Jinja2 blames: a syntax error says it, a runtime error's
    (rewritten) traceback has the template frames."""
    if getattr(exc, "lineno", None) is not None:
        return exc.name, exc.lineno
    name = lineno = None
    tb = exc.__traceback__
    while tb is not None:
        template = tb.tb_frame.f_globals.get("__jinja_template__")
        if template is not None or tb.tb_frame.f_code.co_filename == "<template>":
            name = template.name if template is not None else name
            lineno = tb.tb_lineno
        tb = tb.tb_next
    return name, lineno


def main(argv):
    check = "--check" in argv
    files = [pathlib.Path(a) for a in argv if not a.startswith("--")] or sorted(CASES.glob("*.txt"))
    changed = failed = total = 0
    for path in files:
        head, cases = parse(path)
        dirty = False
        for case in cases:
            total += 1
            if case.section("error") is not None:
                try:
                    out = render(case)
                except Exception as exc:  # noqa: BLE001 - any Jinja2 failure is what we expect
                    name, lineno = jinja_error_line(exc)
                    print(f"{path.name}: {case.name}: Jinja2 fails: {type(exc).__name__}: {exc}"
                          + (f" (template {name!r}, line {lineno})" if lineno else ""))
                    continue
                print(f"{path.name}: {case.name}: expected an error but Jinja2 renders {out!r}")
                failed += 1
                continue
            try:
                out = render(case)
            except Exception as exc:  # noqa: BLE001
                print(f"{path.name}: {case.name}: Jinja2 raises {type(exc).__name__}: {exc}")
                failed += 1
                continue
            lines = out.split("\n")
            if any(l.startswith("=== ") or l.startswith("--- ") for l in lines):
                print(f"{path.name}: {case.name}: output has a line that looks like a marker")
                failed += 1
                continue
            old = case.section("expected")
            if old == out:
                continue
            if check:
                print(f"{path.name}: {case.name}: expected differs from Jinja2: {old!r} != {out!r}")
                failed += 1
                continue
            sections = [s for s in case.sections if s[0] != "expected"]
            sections.append(("expected", lines))
            case.sections = sections
            dirty = True
            changed += 1
        if dirty:
            path.write_text(serialize(head, cases), encoding="utf-8")
    print(f"{total} cases, {changed} expected outputs rewritten, {failed} problems"
          f" (jinja2 {jinja2.__version__})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
