// Small repairs to Material's header for keyboard and screen-reader users. The header is not
// replaced by instant navigation, so this runs once.
(function () {
  "use strict";

  // The search panel is a dialog without a name.
  var search = document.querySelector('.md-search[role="dialog"]');
  if (search && !search.hasAttribute("aria-label")) {
    search.setAttribute("aria-label", "Search this site");
  }

  // On narrow screens the menu opens from a <label>, which the keyboard cannot reach.
  var drawer = document.getElementById("__drawer");
  var opener = document.querySelector('.md-header label[for="__drawer"]');
  if (!drawer || !opener) return;
  opener.setAttribute("role", "button");
  opener.setAttribute("tabindex", "0");
  opener.setAttribute("aria-label", "Menu");
  function sync() {
    opener.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
  }
  // Material already opens a focused label on Enter; a button also answers to Space.
  opener.addEventListener("keydown", function (event) {
    if (event.key === " ") {
      event.preventDefault();
      drawer.click();
    }
  });
  drawer.addEventListener("change", sync);
  sync();
})();
