// Sortable tables, as progressive enhancement: tables with class "sortable" get a button in each
// column header. Cells sort by their data-sort value (numbers), else by their text; empty values
// (missing, not applicable) always sort last. Without JavaScript the table reads as built.
(function () {
  "use strict";
  function key(cell) {
    if (!cell) return { empty: true };
    var raw = cell.getAttribute("data-sort");
    if (raw === null) raw = cell.textContent.trim();
    if (raw === "") return { empty: true };
    var n = Number(raw);
    return isNaN(n) ? { text: raw } : { num: n };
  }
  function compare(a, b) {
    if (a.empty || b.empty) return a.empty === b.empty ? 0 : a.empty ? 1 : -1;
    if (a.num !== undefined && b.num !== undefined) return a.num - b.num;
    return String(a.text !== undefined ? a.text : a.num).localeCompare(String(b.text !== undefined ? b.text : b.num), document.documentElement.lang || undefined);
  }
  function sortBy(table, index, th) {
    var body = table.tBodies[0];
    var descending = th.getAttribute("aria-sort") === "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    var keyed = rows.map(function (row, i) { return { row: row, key: key(row.cells[index]), i: i }; });
    keyed.sort(function (x, y) {
      var c = compare(x.key, y.key);
      if (descending && !x.key.empty && !y.key.empty) c = -c;
      return c || x.i - y.i;
    });
    keyed.forEach(function (k) { body.appendChild(k.row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", descending ? "descending" : "ascending");
  }
  function enhance(table) {
    if (!table.tHead || !table.tBodies.length) return;
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, index, th); });
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), enhance);
})();
