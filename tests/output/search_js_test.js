// Drives themes/default/static/js/search.js under node with a minimal DOM stand-in, over the
// search.json of the sample portal, and checks what a reader typing a query would see.
// Run by CTest only where node is installed: node search_js_test.js GONGKAI_BINARY SOURCE_DIR
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { execFileSync } = require("child_process");

const [binary, source] = process.argv.slice(2);
const out = fs.mkdtempSync(path.join(os.tmpdir(), "gongkai-search-js-"));
let failures = 0;
try {
  execFileSync(binary, ["build", "--config", "site.yaml", "--out", out, "--quiet", "--jobs", "2",
                        "--no-cache"], { cwd: source, stdio: "inherit" });
  const index = JSON.parse(fs.readFileSync(path.join(out, "search.json"), "utf8"));
  const script = fs.readFileSync(path.join(out, "js/search.js"), "utf8");

  function node(tag) {
    return {
      tag, children: [], attrs: {}, hidden: false, textContent: "", className: "", id: "",
      get firstChild() { return this.children[0]; },
      appendChild(c) { this.children.push(c); return c; },
      removeChild(c) { this.children.splice(this.children.indexOf(c), 1); },
      setAttribute(k, v) { this.attrs[k] = String(v); },
      getAttribute(k) { return k in this.attrs ? this.attrs[k] : null; },
      removeAttribute(k) { delete this.attrs[k]; },
      addEventListener(ev, f) { (this.listeners = this.listeners || {})[ev] = f; },
      contains() { return true; },
    };
  }
  const input = node("input");
  input.value = "";
  input.id = "site-search-q";
  const form = node("form");
  form.attrs = { "data-root": "../../", "data-index": "../../search.json" };
  form.querySelector = () => input;
  const timers = [];
  const context = {
    document: { querySelector: () => form, createElement: node, addEventListener() {} },
    window: { fetch: true, location: { search: "" } },
    fetch: () => Promise.resolve({ ok: true, json: () => Promise.resolve(index) }),
    setTimeout: (f) => { timers.push(f); return timers.length; },
    clearTimeout: () => {},
  };
  new Function(...Object.keys(context), script)(...Object.values(context));

  function type(q) {
    input.value = q;
    input.listeners.input();
    while (timers.length) timers.shift()();
    const [list, status] = form.children;
    return {
      status: status.textContent,
      hits: list.hidden ? [] : list.children.map((li) => {
        const a = li.children[0];
        return { kind: a.children[0].textContent, title: a.children[1].textContent, href: a.href };
      }),
    };
  }
  function check(what, ok, detail) {
    if (!ok) {
      failures++;
      console.error("FAILED: " + what + (detail ? "\n  " + JSON.stringify(detail) : ""));
    }
  }

  input.listeners.focus();
  setImmediate(() => {
    // An alias, by substring: the agency comes first, then its report.
    let r = type("高新区医保分局");
    check("alias finds the agency", r.hits.length >= 2 && r.hits[0].title ===
          "淄博市医疗保障局高新技术产业开发区分局" &&
          r.hits[0].href === "../../agencies/zibo-gaoxin/index.html", r);
    check("the agency ranks before its report", r.hits[1].kind === "报告", r);
    // Bigrams: 医保局沂源县 is nowhere as a whole, but each of its bigrams is in the alias
    // 市医保局沂源分局 or the region 沂源县; its characters are not all in the names (县).
    r = type("医保局沂源县");
    check("bigrams", r.hits.length >= 1 &&
          r.hits[0].href === "../../agencies/zibo-yiyuan/index.html", r);
    check("bigrams: nothing else", r.hits.every((h) => h.href.indexOf("zibo-yiyuan") >= 0), r);
    // Characters in order: 淄博医保 → both 淄博市医疗保障局… agencies, nothing else of kind 机构.
    r = type("淄博医保");
    const agencies = r.hits.filter((h) => h.kind === "机构").map((h) => h.title).sort();
    check("characters in order", JSON.stringify(agencies) === JSON.stringify(
          ["淄博市医疗保障局沂源分局", "淄博市医疗保障局高新技术产业开发区分局"]), r);
    // Full-width digits and two terms: the 2025 report of 东昌府.
    r = type("东昌府 ２０２５");
    check("two terms, full-width digits",
          r.hits.length >= 1 && r.hits[0].href ===
          "../../agencies/dongchangfuqu-yiliaobaozhangju/2025/index.html", r);
    // A year.
    r = type("2024");
    check("a year", r.hits[0].kind === "年度" && r.hits[0].href === "../../years/2024/index.html", r);
    // A region: 卫滨区's anchor on the agencies index.
    r = type("新乡");
    check("a region", r.hits.some((h) => h.kind === "地区" &&
          h.href === "../../agencies/index.html#r-henansheng-xinxiangshi-weibinqu"), r);
    // Text of a report's overview, linked to the section.
    r = type("有关规定和区委");
    check("an excerpt", r.hits.length === 1 && r.hits[0].kind === "正文" &&
          r.hits[0].href === "../../agencies/weibinqu-yiliaobaozhangju/2023/index.html#overview", r);
    r = type("没有这样的机构");
    check("no results", r.hits.length === 0 && r.status === index.s.no_results, r);
    r = type("");
    check("an empty box closes the list", r.hits.length === 0, r);
    fs.rmSync(out, { recursive: true, force: true });
    if (failures) process.exit(1);
    console.log("search.js: all checks passed");
  });
} catch (e) {
  fs.rmSync(out, { recursive: true, force: true });
  throw e;
}
