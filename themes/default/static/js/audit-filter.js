// Filters the audit page by rule code and severity, as progressive enhancement: without
// JavaScript every finding is listed, grouped by rule.
(function () {
  "use strict";
  var form = document.getElementById("audit-filters");
  if (!form) return;
  var groups = document.querySelectorAll(".finding-group");
  function apply() {
    var code = form.elements.code.value;
    var severity = form.elements.severity.value;
    var shown = 0, total = 0;
    Array.prototype.forEach.call(groups, function (g) {
      var rows = g.querySelectorAll("tbody tr").length;
      var visible = (!code || g.getAttribute("data-code") === code) &&
                    (!severity || g.getAttribute("data-severity") === severity);
      g.hidden = !visible;
      total += rows;
      if (visible) shown += rows;
    });
    var template = form.getAttribute("data-shown") || "{shown} / {total}";
    form.elements.shown.value = template.replace("{shown}", shown).replace("{total}", total);
  }
  form.hidden = false;
  form.addEventListener("change", apply);
  apply();
})();
