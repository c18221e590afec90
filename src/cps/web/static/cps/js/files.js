// The browser writes its own file picker ("Choose File / No file chosen") in the language of its
// installation; the app shows a Spanish button and the chosen name instead. The native input stays
// in the page (visually hidden, reachable by keyboard and by screen readers through its label).
(function () {
  "use strict";
  function dress(input) {
    if (input.dataset.cpsDressed) return;
    input.dataset.cpsDressed = "1";
    var box = document.createElement("span");
    box.className = "file-picker";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "secondary file-button";
    button.textContent = input.multiple ? "Elegir archivos" : "Elegir archivo";
    var name = document.createElement("span");
    name.className = "file-name";
    name.setAttribute("aria-live", "polite");
    name.textContent = "Ningún archivo elegido";
    input.classList.add("file-native");
    input.parentNode.insertBefore(box, input);
    box.appendChild(input);
    box.appendChild(button);
    box.appendChild(name);
    button.addEventListener("click", function () { input.click(); });
    input.addEventListener("change", function () {
      var files = Array.prototype.map.call(input.files || [], function (f) { return f.name; });
      name.textContent = files.length ? files.join(", ") : "Ningún archivo elegido";
    });
  }
  function dressAll(root) {
    Array.prototype.forEach.call((root || document).querySelectorAll('input[type="file"]'), dress);
  }
  document.addEventListener("DOMContentLoaded", function () { dressAll(document); });
  document.addEventListener("htmx:load", function (event) { dressAll(event.target); });
})();
