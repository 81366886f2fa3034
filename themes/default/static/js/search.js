// Site search as you type, as progressive enhancement. Without JavaScript the header's search form
// is a plain GET form leading to the agencies index; with it, the index (search.json, built with
// the site) is loaded on first focus and searched on every keystroke. Chinese needs no word
// segmentation here: a term matches by substring, else when every character bigram of it occurs,
// else (names only) when its characters occur in order (淄博医保 finds 淄博市医疗保障局).
// Agencies rank before regions and years, those before reports, reports before text excerpts.
// Keyboard: ↑/↓ move through the results, Enter opens one, Escape closes the list (a second
// Escape clears the box). A live region announces how many results there are.
(function () {
  "use strict";
  var form = document.querySelector("form.site-search");
  if (!form || !window.fetch || !document.createElement("input").setAttribute) return;
  var input = form.querySelector("input[name=q]");
  if (!input) return;
  var root = form.getAttribute("data-root") || "";
  var MAX_SHOWN = 20;
  var entries = null; // [{kind, text, title, sub, href}] once loaded
  var strings = {};
  var pretty = false;
  var loading = null;
  var active = -1;
  var shown = [];
  var timer = 0;

  var status = document.createElement("p");
  status.className = "search-status visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  var list = document.createElement("ul");
  list.id = "site-search-results";
  list.className = "search-results";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-labelledby", input.id ? input.id : "");
  list.hidden = true;
  form.appendChild(list);
  form.appendChild(status);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);

  function fill(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (m, k) {
      return values[k] !== undefined ? values[k] : m;
    });
  }

  // Case, width and spaces do not matter: ＡＢＣ１２３ = abc123, "东昌府区 医保" = "东昌府区医保".
  function norm(s) {
    s = String(s || "");
    if (s.normalize) s = s.normalize("NFKC");
    return s.toLowerCase().replace(/[\s·|]+/g, "");
  }

  function link(dir) {
    return root + (pretty || dir.slice(-1) !== "/" ? dir : dir + "index.html");
  }

  function build(data) {
    strings = data.s || {};
    pretty = !!data.pretty;
    var out = [];
    var agencies = data.a || [];
    agencies.forEach(function (a) {
      out.push({ kind: 0, label: "agency", text: norm(a[0] + a[1] + a[2]), title: a[0], sub: a[2],
                 href: link(a[3]), names: norm(a[0] + "|" + a[1]) });
    });
    (data.g || []).forEach(function (g) {
      out.push({ kind: 1, label: "region", text: norm(g[0]), title: g[0], sub: "",
                 href: link("agencies/") + "#" + g[1], names: norm(g[0]) });
    });
    (data.y || []).forEach(function (y) {
      out.push({ kind: 1, label: "year", text: norm(y + "年"), title: fill(strings.year_title, { year: y }),
                 sub: "", href: link("years/" + y + "/"), names: String(y) });
    });
    var reports = (data.r || []).map(function (r) {
      var a = agencies[r[0]] || ["", "", "", ""];
      var title = r[2] || fill(strings.report_title, { agency: a[0], year: r[1] });
      var e = { kind: 2, label: "report", text: norm(a[0] + a[1] + r[1] + "年" + r[2]), title: title,
                sub: a[2], href: link(a[3] + r[1] + "/"), names: norm(a[0] + "|" + a[1] + r[1]) };
      out.push(e);
      return e;
    });
    (data.x || []).forEach(function (x) {
      var r = reports[x[0]];
      if (!r) return;
      out.push({ kind: 3, label: "excerpt", text: norm(x[2]), title: r.title, sub: x[2],
                 href: r.href + "#" + x[1], names: null });
    });
    entries = out;
  }

  function load() {
    if (loading) return loading;
    status.textContent = form.getAttribute("data-loading") || "";
    loading = fetch(form.getAttribute("data-index"))
      .then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      })
      .then(function (data) {
        build(data);
        status.textContent = "";
        if (input.value) search();
      })
      .catch(function () {
        // file:// pages cannot fetch: the form still leads to the agencies index.
        entries = null;
        status.textContent = form.getAttribute("data-unavailable") || "";
      });
    return loading;
  }

  function inOrder(term, text) {
    var at = 0;
    for (var i = 0; i < term.length; i++) {
      at = text.indexOf(term.charAt(i), at);
      if (at < 0) return false;
      at++;
    }
    return true;
  }

  // 0: substring, 1: every bigram, 2: characters in order (names only), -1: no match.
  function tier(term, e) {
    if (e.text.indexOf(term) >= 0) return 0;
    if (term.length > 2) {
      var all = true;
      for (var i = 0; i + 1 < term.length && all; i++) all = e.text.indexOf(term.substr(i, 2)) >= 0;
      if (all) return 1;
    }
    if (e.names && term.length > 1 && inOrder(term, e.names)) return 2;
    return -1;
  }

  function search() {
    if (!entries) return;
    var terms = String(input.value).split(/\s+/).map(norm).filter(function (t) { return t; });
    if (!terms.length) {
      close();
      status.textContent = "";
      return;
    }
    var hits = [];
    for (var i = 0; i < entries.length; i++) {
      var e = entries[i], score = 0;
      for (var k = 0; k < terms.length && score >= 0; k++) {
        var t = tier(terms[k], e);
        score = t < 0 ? -1 : score + t;
      }
      if (score >= 0) hits.push({ e: e, score: e.kind * 100 + score, i: i });
    }
    hits.sort(function (x, y) {
      return x.score - y.score || x.e.title.length - y.e.title.length || x.i - y.i;
    });
    shown = hits.slice(0, MAX_SHOWN).map(function (h) { return h.e; });
    render();
    status.textContent = !hits.length ? strings.no_results || ""
      : hits.length > shown.length ? fill(strings.results_more, { count: hits.length, shown: shown.length })
      : fill(strings.results, { count: hits.length });
  }

  function render() {
    while (list.firstChild) list.removeChild(list.firstChild);
    active = -1;
    input.removeAttribute("aria-activedescendant");
    shown.forEach(function (e, n) {
      var li = document.createElement("li");
      li.id = "site-search-r" + n;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      var a = document.createElement("a");
      a.href = e.href;
      a.tabIndex = -1;
      var kind = document.createElement("span");
      kind.className = "search-kind";
      kind.textContent = strings["kind." + e.label] || "";
      var title = document.createElement("span");
      title.className = "search-title";
      title.textContent = e.title;
      a.appendChild(kind);
      a.appendChild(title);
      if (e.sub) {
        var sub = document.createElement("span");
        sub.className = "search-sub";
        sub.textContent = e.sub;
        a.appendChild(sub);
      }
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = !shown.length;
    input.setAttribute("aria-expanded", shown.length ? "true" : "false");
  }

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function move(to) {
    var items = list.children;
    if (!items.length) return;
    if (active >= 0) items[active].setAttribute("aria-selected", "false");
    active = (to + items.length) % items.length;
    items[active].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", items[active].id);
    if (items[active].scrollIntoView) items[active].scrollIntoView({ block: "nearest" });
  }

  input.addEventListener("focus", load);
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 60);
  });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" || ev.key === "Down") {
      if (list.hidden && shown.length) render();
      move(active + 1);
      ev.preventDefault();
    } else if (ev.key === "ArrowUp" || ev.key === "Up") {
      move(active - 1);
      ev.preventDefault();
    } else if (ev.key === "Enter") {
      var target = active >= 0 ? shown[active] : !list.hidden && shown.length ? shown[0] : null;
      if (target) {
        ev.preventDefault();
        window.location.href = target.href;
      }
    } else if (ev.key === "Escape" || ev.key === "Esc") {
      if (!list.hidden) close();
      else input.value = "";
      ev.preventDefault();
    }
  });
  document.addEventListener("click", function (ev) {
    if (!form.contains(ev.target)) close();
  });

  // Arriving at the agencies index from the search form (?q=…): search right away.
  var q = /[?&]q=([^&#]*)/.exec(window.location.search);
  if (q) {
    try {
      input.value = decodeURIComponent(q[1].replace(/\+/g, " "));
    } catch (err) {
      input.value = "";
    }
    if (input.value) load();
  }
})();
