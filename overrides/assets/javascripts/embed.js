// Inside another site's iframe: tell the parent page how tall this page is, whenever it
// changes (for example when a reader opens an answer). The parent's snippet checks that the
// message comes from this site and from its own frame. The height is not private, so any
// parent may read it.
(function () {
  "use strict";
  if (window.parent === window) return;
  function sendHeight() {
    window.parent.postMessage(
      { type: "health-embed:height", height: document.documentElement.scrollHeight },
      "*"
    );
  }
  new ResizeObserver(sendHeight).observe(document.body);
  window.addEventListener("load", sendHeight);
})();
