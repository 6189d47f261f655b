// The question-by-question flowchart widget.
// Without JavaScript the page shows every step, linked by in-page anchors. This script shows
// one step at a time and keeps the answers in the URL fragment, like
// #twitch-or-spasm=no/yes/minutes, so a step can be shared, reloaded and reached with the
// browser's back button. Nothing is sent to a server.
(function () {
  "use strict";

  // The words this script shows come from the page, by their catalog key (words.js).
  var word = window.healthWord;

  // The answers given to one flowchart, read from the URL fragment.
  function answersIn(hash, id) {
    var parts = hash.replace(/^#/, "").split("&");
    for (var i = 0; i < parts.length; i++) {
      if (parts[i].indexOf(id + "=") === 0) {
        try {
          return parts[i].slice(id.length + 1).split("/").filter(Boolean).map(decodeURIComponent);
        } catch (error) {
          return [];  // a mangled shared link starts again rather than breaking the page
        }
      }
    }
    return [];
  }

  // The address of this page for these answers, keeping the state of any other flowchart on
  // the page. It is built from the whole current address, never from the path alone: a page
  // opened as //name/x/ would make a path that reads as a link to the host "name".
  function hashFor(id, answers) {
    var kept = location.hash.replace(/^#/, "").split("&").filter(function (part) {
      return part.indexOf("=") > 0 && part.indexOf(id + "=") !== 0;
    });
    if (answers.length) kept.push(id + "=" + answers.map(encodeURIComponent).join("/"));
    var page = location.href.split("#")[0];
    return kept.length ? page + "#" + kept.join("&") : page;
  }

  // The shortest list of answers that leads to a step: for links to a step's anchor.
  function answersTo(data, target) {
    var queue = [[data.start, []]];
    var seen = {};
    while (queue.length) {
      var item = queue.shift();
      if (item[0] === target) return item[1];
      if (seen[item[0]]) continue;
      seen[item[0]] = true;
      data.steps[item[0]].answers.forEach(function (a) {
        queue.push([a.next, item[1].concat(a.value)]);
      });
    }
    return null;
  }

  // The step whose section or heading has this id; the page names both in the graph data.
  function stepAt(data, anchor) {
    var ids = Object.keys(data.steps);
    for (var i = 0; i < ids.length; i++) {
      var step = data.steps[ids[i]];
      if (step.section === anchor || step.heading === anchor) return ids[i];
    }
    return null;
  }

  // Follow the answers from the start; stop at the first one that does not fit.
  function walk(data, answers) {
    var current = data.start;
    var taken = [];
    for (var i = 0; i < answers.length; i++) {
      var choice = data.steps[current].answers.filter(function (a) {
        return a.value === answers[i];
      })[0];
      if (!choice) break;
      taken.push({ step: current, answer: choice });
      current = choice.next;
    }
    return { current: current, taken: taken };
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function link(text, href, className) {
    var a = element("a", className, text);
    a.href = href;
    a.setAttribute("data-flowchart-link", "");
    return a;
  }

  function setUp(root) {
    var id = root.getAttribute("data-flowchart");
    // The graph is JSON in an attribute: Material re-runs inline scripts on instant navigation.
    var data = JSON.parse(root.getAttribute("data-graph"));
    var status = element("p", "md-visually-hidden");
    status.setAttribute("aria-live", "polite");
    var back = element("p", "flowchart__back");
    var summary = element("div", "flowchart__summary");
    root.insertBefore(back, root.firstChild);
    root.appendChild(summary);
    root.appendChild(status);
    root.classList.add("flowchart--enhanced");

    var shown = null;
    var pageTitle = document.title;

    function show(moveFocus) {
      // A link to one step's anchor (from search or a menu) opens that step.
      var linked = stepAt(data, location.hash.replace(/^#/, ""));
      if (linked) {
        var path = answersTo(data, linked);
        if (path) history.replaceState(history.state, "", hashFor(id, path));
      }
      var answers = answersIn(location.hash, id);
      // Links are always redrawn (they carry the other flowcharts' answers too), but focus
      // only moves in the flowchart whose answers changed.
      moveFocus = moveFocus && answers.join("/") !== shown;
      shown = answers.join("/");
      var route = walk(data, answers);
      var values = route.taken.map(function (t) { return t.answer.value; });
      var steps = root.querySelectorAll(".flowchart__step");
      for (var i = 0; i < steps.length; i++) {
        var isCurrent = steps[i].getAttribute("data-step") === route.current;
        steps[i].hidden = !isCurrent;
        var choices = steps[i].querySelectorAll(".flowchart__answer");
        for (var j = 0; j < choices.length; j++) {
          choices[j].href = hashFor(id, values.concat(choices[j].getAttribute("data-value")));
          choices[j].setAttribute("data-flowchart-link", "");
        }
      }
      back.textContent = "";
      if (values.length) {
        back.appendChild(link(word("flowchart.back"), hashFor(id, values.slice(0, -1)),
          "flowchart__back-link"));
      }
      summary.textContent = "";
      if (values.length) {
        summary.appendChild(element("h" + root.getAttribute("data-level"), "",
          word("flowchart.answers")));
        var list = element("dl", "flowchart__answers-given");
        route.taken.forEach(function (t, index) {
          var row = element("div");
          row.appendChild(element("dt", "", data.steps[t.step].text));
          var answer = element("dd", "", t.answer.text + " ");
          var change = link(word("flowchart.change"), hashFor(id, values.slice(0, index)),
            "flowchart__change");
          change.appendChild(element("span", "md-visually-hidden",
            " " + word("flowchart.change_which", { question: data.steps[t.step].text })));
          answer.appendChild(change);
          row.appendChild(answer);
          list.appendChild(row);
        });
        summary.appendChild(list);
        summary.appendChild(link(word("flowchart.restart"), hashFor(id, []),
          "md-button flowchart__restart"));
      }
      var heading = document.getElementById(data.steps[route.current].heading);
      var last = route.taken[route.taken.length - 1];
      document.title = last
        ? word("flowchart.title", { step: heading.textContent, page: pageTitle })
        : pageTitle;
      showIntro(!last);
      if (moveFocus && heading) {
        // Focus reads the new heading; the status adds what was just chosen. After an answer
        // the step starts at the top of the screen, so a phone shows the question or the
        // outcome first.
        status.textContent = last ? word("flowchart.answered", { answer: last.answer.text }) : "";
        heading.focus({ preventScroll: true });
        if (last) root.scrollIntoView({ block: "start" });
        else heading.scrollIntoView({ block: "nearest" });
      }
    }

    // On a checker's own page, the page's title and introduction belong to the first step
    // only. The title stays for screen readers, so every step still has a page heading. A page
    // with several flowcharts keeps its text.
    var intro = [];
    if (root.parentNode.querySelectorAll(".flowchart").length === 1) {
      for (var node = root.previousElementSibling; node; node = node.previousElementSibling) {
        intro.push(node);
      }
    }
    function showIntro(visible) {
      intro.forEach(function (node) {
        if (node.tagName === "H1") node.classList.toggle("md-visually-hidden", !visible);
        else node.hidden = !visible;
      });
    }

    // Handle our own links, so that Material's instant navigation does not reload the page.
    root.addEventListener("click", function (event) {
      var target = event.target.closest("a[data-flowchart-link]");
      if (!target || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      event.stopPropagation();
      history.pushState(history.state, "", target.getAttribute("href"));
      showAll();
    });
    root.flowchartShow = show;
    show(false);
  }

  function showAll() {
    var roots = document.querySelectorAll(".flowchart--enhanced");
    for (var i = 0; i < roots.length; i++) roots[i].flowchartShow(true);
  }

  // Listeners on window are attached once; page setup runs again after instant navigation.
  window.addEventListener("popstate", showAll);
  window.addEventListener("hashchange", showAll);

  function setUpAll() {
    var roots = document.querySelectorAll(".flowchart:not(.flowchart--enhanced)");
    for (var i = 0; i < roots.length; i++) setUp(roots[i]);
  }

  // Material's document$ announces each page after instant navigation; it does not fire
  // from file://, so the page that loaded first is also set up directly. Setup is idempotent.
  if (window.document$) window.document$.subscribe(setUpAll);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpAll);
  else setUpAll();
})();
