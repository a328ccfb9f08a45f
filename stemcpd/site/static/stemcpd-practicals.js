/* stemcpd-practicals.js: print buttons for technician sheets (stemcpd.site.practicals).
 *
 * Each `.stemcpd-tech-sheet` gets a "Print this sheet" button; a page holding all the
 * sheets (#stemcpd-tech-sheets-all) also gets "Print all sheets". Printing one sheet
 * marks everything that is not the sheet or one of its ancestors `.stemcpd-print-hidden`
 * (hidden by the print style sheet) until the browser's `afterprint`, so the printout is
 * that sheet alone. Buttons are made here, not in the HTML, so a page without scripts
 * shows no button that does nothing (the browser's own Print still prints every sheet).
 */
(function () {
  "use strict";

  var HIDDEN = "stemcpd-print-hidden";

  function clearMarks() {
    var marked = document.querySelectorAll("." + HIDDEN);
    for (var i = 0; i < marked.length; i += 1) marked[i].classList.remove(HIDDEN);
    document.documentElement.removeAttribute("data-stemcpd-printing");
  }

  /* Hide every sibling of the sheet and of each of its ancestors up to <body>. */
  function markAllBut(sheet) {
    var node = sheet;
    while (node && node !== document.body) {
      var parent = node.parentElement;
      if (!parent) break;
      for (var i = 0; i < parent.children.length; i += 1) {
        var sibling = parent.children[i];
        if (sibling !== node && sibling.tagName !== "SCRIPT" && sibling.tagName !== "STYLE") {
          sibling.classList.add(HIDDEN);
        }
      }
      node = parent;
    }
  }

  function printSheets(sheet) {
    clearMarks();
    if (sheet) {
      markAllBut(sheet);
      document.documentElement.setAttribute("data-stemcpd-printing", sheet.getAttribute("data-practical") || "");
    } else {
      var all = document.getElementById("stemcpd-tech-sheets-all");
      if (all) markAllBut(all);
      document.documentElement.setAttribute("data-stemcpd-printing", "all");
    }
    window.addEventListener("afterprint", clearMarks, { once: true });
    window.print();
  }

  function button(text, label, onClick) {
    var element = document.createElement("button");
    element.type = "button";
    element.textContent = text;
    element.setAttribute("aria-label", label);
    element.addEventListener("click", onClick);
    return element;
  }

  function titleOf(sheet) {
    var heading = sheet.querySelector("[id$='-title']");
    return heading ? heading.textContent.replace(/^Technician sheet:\s*/, "") : "this practical";
  }

  function init() {
    var sheets = document.querySelectorAll(".stemcpd-tech-sheet");
    Array.prototype.forEach.call(sheets, function (sheet) {
      if (sheet.querySelector(".stemcpd-tech-actions")) return;
      var bar = document.createElement("div");
      bar.className = "stemcpd-tech-actions";
      bar.appendChild(button("Print this sheet", "Print this sheet: " + titleOf(sheet), function () {
        printSheets(sheet);
      }));
      var heading = sheet.querySelector("[id$='-title']");
      if (heading && heading.nextSibling) sheet.insertBefore(bar, heading.nextSibling);
      else sheet.appendChild(bar);
    });
    var all = document.getElementById("stemcpd-tech-sheets-all");
    if (all && sheets.length > 1 && !document.getElementById("stemcpd-print-all")) {
      var bar = document.createElement("div");
      bar.className = "stemcpd-tech-actions";
      var printAll = button("Print all sheets", "Print all sheets: " + sheets.length + " technician sheets, one per page",
        function () { printSheets(null); });
      printAll.id = "stemcpd-print-all";
      bar.appendChild(printAll);
      all.parentNode.insertBefore(bar, all);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
