#!/usr/bin/env python3
"""The template benchmark with Python Jinja2, for comparison with template_bench (C++).

Renders templates/report.html (25 rows x 7 cells through macros and loops, autoescape on, a base
layout with blocks) with data.json: compiled once, rendered many times on one core. Writes the
output to expected.html, which template_bench checks before timing, so both render the same
bytes.

Usage: bench_jinja.py [RENDERS]   (default 2000)
"""
import json
import pathlib
import sys
import time

import jinja2

HERE = pathlib.Path(__file__).resolve().parent


def main():
    renders = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=jinja2.select_autoescape(default_for_string=False),
    )
    data = json.loads((HERE / "data.json").read_text(encoding="utf-8"))
    template = env.get_template("report.html")
    out = template.render(data)
    (HERE / "expected.html").write_text(out, encoding="utf-8")
    best = None
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(renders):
            template.render(data)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None or elapsed < best else best
    per = best / renders * 1e6
    print(f"jinja2 {jinja2.__version__}: {renders} renders in {best:.3f} s (best of 3): "
          f"{per:.1f} us per render, {renders / best:.0f} renders/s, {len(out.encode())} bytes")


if __name__ == "__main__":
    main()
