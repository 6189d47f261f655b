// The words the site's scripts show. They come from the page, never from a script: one
// <meta name="health-script-words"> (overrides/main.html, filled by generator/site/site_source.py
// from the catalog's `script.*` texts), looked up by key without `script.`. `{name}` in a text
// is filled in from `values`. Scripts show each as text (textContent or an attribute), never
// as markup. Loaded before the scripts that use it (mkdocs.yml, extra_javascript).
(function () {
  "use strict";

  var words = null;
  window.healthWord = function (key, values) {
    if (words === null) {
      var meta = document.querySelector('meta[name="health-script-words"]');
      words = meta ? JSON.parse(meta.getAttribute("content")) : {};
    }
    return (words[key] || "").replace(/\{(\w+)\}/g, function (whole, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  };
})();
