// Inside another site's iframe: tell the parent page how tall this page's content is, whenever
// it changes (for example when a reader opens or closes an answer). The parent's snippet checks
// that the message comes from this site and from its own frame, and clamps the height. The
// height is not private, so any parent may read it.
(function () {
  "use strict";
  if (window.parent === window) return;

  // The page's <base target="_top"> sends links out of the frame, as links to our pages and
  // to sources should go. A link within the page (the "Skip to content" link) must stay in the
  // frame, or a keyboard user would lose the page that embeds it.
  document.querySelectorAll('a[href^="#"]').forEach(function (link) {
    link.target = "_self";
  });

  // Material stretches <html>, <body> and .md-main to at least the frame's own height, so their
  // heights never drop below it and the frame could only grow. Measure where the content ends.
  var content = document.querySelector(".md-main__inner") || document.body;

  function contentHeight() {
    var height = content.getBoundingClientRect().bottom + window.scrollY;
    height += parseFloat(getComputedStyle(content).marginBottom) || 0;
    for (var node = content.parentElement; node && node !== document.documentElement;
      node = node.parentElement) {
      var style = getComputedStyle(node);
      height += (parseFloat(style.paddingBottom) || 0) + (parseFloat(style.borderBottomWidth) || 0);
    }
    return Math.ceil(height);
  }

  function sendHeight() {
    window.parent.postMessage({ type: "health-embed:height", height: contentHeight() }, "*");
  }

  // The content changes size when an answer opens or closes; the body when the frame is resized,
  // which can rewrap the text.
  var observer = new ResizeObserver(sendHeight);
  observer.observe(content);
  observer.observe(document.body);
  window.addEventListener("load", sendHeight);
})();
