// Small repairs to Material's header for keyboard and screen-reader users, and emergency help
// kept in reach. The header and the banner are not replaced by instant navigation, so this
// runs once.
(function () {
  "use strict";

  // The words this script shows come from the page, by their catalog key (words.js).
  var word = window.healthWord;

  // A search panel without a name (Zensical's; ours is named in overrides/partials/search.html).
  var search = document.querySelector('.md-search[role="dialog"]');
  if (search && !search.hasAttribute("aria-label")) {
    search.setAttribute("aria-label", word("health.search"));
  }

  // On narrow screens the menu opens from a <label>, which the keyboard cannot reach and
  // which may not take the button role. A real button takes its place; the label stays in
  // the HTML for pages read without JavaScript.
  function addMenuButton() {
    var drawer = document.getElementById("__drawer");
    var opener = document.querySelector('.md-header label[for="__drawer"]');
    if (!drawer || !opener) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = opener.className + " health-menu-button";
    button.setAttribute("aria-label", word("health.menu"));
    while (opener.firstChild) button.appendChild(opener.firstChild);
    opener.parentNode.insertBefore(button, opener);
    opener.hidden = true;
    function sync() {
      button.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
    }
    // Clicking the checkbox, as the label did, lets Material see the change.
    button.addEventListener("click", function () { drawer.click(); });
    drawer.addEventListener("change", sync);
    sync();
  }

  // Once the banner's call button has scrolled off the screen (the sticky header follows the
  // banner, so it never covers it), a compact copy shows in the header: help stays one tap
  // away without covering the page. Screen readers and
  // the Tab key already have the banner's button (the first stop on every page), so the copy
  // is hidden from them: it is announced once, and printed once, as part of the banner.
  function keepEmergencyCallInReach() {
    var call = document.querySelector(".emergency-banner__call");
    var inner = document.querySelector(".md-header .md-header__inner");
    if (!call || !inner || !("IntersectionObserver" in window)) return;
    var compact = call.cloneNode(true);
    compact.className = "emergency-compact";
    compact.setAttribute("aria-hidden", "true");
    compact.setAttribute("tabindex", "-1");
    compact.hidden = true;
    var title = inner.querySelector(".md-header__title");
    inner.insertBefore(compact, title ? title.nextSibling : null);
    var observer = new IntersectionObserver(function (entries) {
      compact.hidden = entries[entries.length - 1].intersectionRatio > 0.99;
    }, { threshold: [0, 0.5, 1] });
    observer.observe(call);
  }

  addMenuButton();
  keepEmergencyCallInReach();
})();
