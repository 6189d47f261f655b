/* Search costs nothing until the reader searches.
 *
 * Material asks for two site-wide files as soon as a page opens, and both grow with the number
 * of topics: the whole search index (search_index.json by XMLHttpRequest on a website,
 * search/search_index.js by a <script> from file://), and sitemap.xml, which instant
 * navigation reads to know which links stay on the site. This script, loaded before Material's
 * bundle, holds them back:
 *
 * - the index until the reader shows they want to search: focus in the search field (also
 *   from Material's keyboard shortcuts), the search button, or a `?q=` link. Material waits for
 *   the index before it runs a query, so search works as before.
 * - the sitemap until the reader first points at, touches or types on the page. A link
 *   followed before it arrives simply loads the next page the ordinary way.
 *
 * Material reads the search field on three occasions only: a keyup in it, a change of focus, and
 * once when its search worker reports ready. Held back, the index now arrives just after the
 * reader focuses the field, so the worker is often ready before their words are in it; words that
 * come with no keyup of their own (pasted, dictated, or chosen from a phone keyboard's
 * suggestions) were then never searched, and the reader saw "Type to start searching". So every
 * change of the field's text is passed on to Material as a keyup.
 */
(function () {
  "use strict";

  var gates = {
    search: { open: /[?&]q=/.test(location.search), waiting: [] },
    interaction: { open: false, waiting: [] }
  };

  function release(name) {
    var gate = gates[name];
    if (gate.open) return;
    gate.open = true;
    gate.waiting.splice(0).forEach(function (go) { go(); });
  }

  function after(name, go) {
    var gate = gates[name];
    if (gate.open) go(); else gate.waiting.push(go);
  }

  function gateFor(url) {
    var path = String(url).split(/[?#]/)[0];
    if (/\/search\/search_index\.js(on)?$/.test(path)) return "search";
    if (/\/sitemap\.xml$/.test(path)) return "interaction";
    return null;
  }

  // The website: Material fetches both files with XMLHttpRequest.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = new WeakMap();
  XMLHttpRequest.prototype.open = function (method, url) {
    held.set(this, gateFor(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    var gate = held.get(request);
    if (!gate) return send.apply(request, args);
    after(gate, function () { send.apply(request, args); });
  };

  // The offline bundle from file://: the index comes in a <script> added to <head>.
  var head = document.head;
  var append = head.appendChild;
  head.appendChild = function (node) {
    var gate = node instanceof HTMLScriptElement ? gateFor(node.src) : null;
    if (!gate) return append.call(head, node);
    after(gate, function () { append.call(head, node); });
    return node;
  };

  // Listeners on document, attached once: instant navigation keeps this script running.
  function wantsSearch(event) {
    var target = event.target;
    return (target instanceof Element && target.closest(".md-search") !== null) ||
      (target instanceof HTMLInputElement && target.id === "__search" && target.checked);
  }

  ["focusin", "change"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (wantsSearch(event)) release("search");
    }, true);
  });
  // Not bubbling, so only the field's own listener (Material's) hears it; Material skips a
  // value it has already searched, so the real keyup that often follows costs nothing.
  document.addEventListener("input", function (event) {
    var target = event.target;
    if (target instanceof HTMLInputElement && target.matches("[data-md-component=search-query]")) {
      target.dispatchEvent(new KeyboardEvent("keyup"));
    }
  }, true);
  ["pointerover", "pointerdown", "touchstart", "keydown", "focusin"].forEach(function (type) {
    document.addEventListener(type, function () { release("interaction"); },
                              { capture: true, once: true, passive: true });
  });
})();
