// On a phone, each section after a condition page's care cards closes to its heading, and the
// heading's words become a button that opens it (the disclosure pattern): the page is a few
// screens long, what to do first and then the list of what else it holds. A closed section is
// hidden "until found", so find-in-page and a link into it open it; print shows every section
// (health.css). Without JavaScript, and on wider screens, every section stays open.
(function () {
  "use strict";

  // Material's breakpoint below tablets, the one health.css calls "a phone".
  var phone = window.matchMedia("(max-width: 44.984375em)");

  function setOpen(section, open) {
    section.toggle.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) section.body.removeAttribute("hidden");
    else section.body.setAttribute("hidden", "until-found");
  }

  function closeToHeading(root) {
    var heading = root.querySelector(":scope > h2");
    var body = root.querySelector(":scope > .page-section__body");
    if (!heading || !body) return;
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "page-section__toggle";
    while (heading.firstChild) toggle.appendChild(heading.firstChild);
    heading.appendChild(toggle);
    var section = { toggle: toggle, body: body };
    toggle.addEventListener("click", function () {
      setOpen(section, body.hasAttribute("hidden"));
    });
    // The browser reveals a section by itself for find-in-page or a link; the button follows.
    body.addEventListener("beforematch", function () { setOpen(section, true); });
    root.classList.add("page-section--closable");
    setOpen(section, false);
  }

  // For browsers that do not reveal "until-found" content themselves when a link points in.
  function openLinkedSection() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    var body = target && target.closest(".page-section__body[hidden]");
    if (!body) return;
    body.parentNode.querySelector(".page-section__toggle").click();
    target.scrollIntoView();
  }
  window.addEventListener("hashchange", openLinkedSection);

  function setUpAll() {
    if (!phone.matches) return;
    var roots = document.querySelectorAll(".page-section:not(.page-section--closable)");
    for (var i = 0; i < roots.length; i++) closeToHeading(roots[i]);
    openLinkedSection();
  }

  // Material's document$ announces each page after instant navigation; it does not fire
  // from file://, so the page that loaded first is also set up directly. Setup is idempotent.
  if (window.document$) window.document$.subscribe(setUpAll);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpAll);
  else setUpAll();
})();
