"""Recognise the scripts a built page may carry: the theme's, ours, and no other.

The Content-Security-Policy allows inline scripts by the hash of their text, so it would allow
whatever inline script a page holds: this list decides instead. Material (pinned in
requirements.lock) writes a few small inline scripts and overrides/404.html three of its own;
each is known by its hash. Material's first script names the page's depth, so it is known as
a template. Material's settings (`__config`) are data, not code, but they name the search
worker whose script the policy allows, so they must have exactly the shape Material writes
with our settings. Every other script, anywhere on the page, is refused; external ones are
checked by the output guard, which allows only the site's own files.

Zensical (the `zensical` extra) writes Material's theme from its own copy: the same palette and
tab scripts, a first script of its own, and settings with one key more (`redirect`, always
null here) and one more word. Those are known too, and nothing else.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from typing import Any

from generator.safety.built_page import BuiltPage, Element
from generator.terminal import shortened

# `type` values that make a <script> run (the HTML standard's JavaScript MIME types, plus
# module, import maps and speculation rules, which CSP also governs).
EXECUTABLE_TYPES = frozenset({
    "", "module", "importmap", "speculationrules",
    "application/ecmascript", "application/javascript", "application/x-ecmascript",
    "application/x-javascript", "text/ecmascript", "text/javascript", "text/javascript1.0",
    "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
    "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript",
    "text/x-javascript",
})

# Each inline script the theme or our overrides write, by the hash of its text (see
# tests/test_page_scripts.py, which reads them from Material's templates and overrides/).
KNOWN_SCRIPTS = {
    # Material, partials/javascripts/palette.html: the reader's chosen palette.
    "sha256-DrEMJJ29sL7vIloQzly+VUGMxKcBTMII+OfW7Y8AkG4=": "Material's palette script",
    # Material, partials/javascripts/content.html: opens the tab a link points to.
    "sha256-/8wPdzX9q0NNJXyA5lzsLojXFpkeaXVxhbfkUOQaWy8=": "Material's tab script",
    # overrides/404.html: points the page's addresses at the site's root, then Material's
    # storage scope and its base address at that root.
    "sha256-NLiaO5jUUu6gvJbBtg6qfhzzQrbJteUl4DIu9pUBL8Y=": "the 404 page's root script",
    "sha256-mm5tDolJ8OUoo6JcKfUC1/YfmrD2uxWToC1K9mEF/ok=": "the 404 page's scope script",
    "sha256-S/XEDNX/JPvQAkofe5Pcqvat3F5y0Cjf2VmqOenxDAc=": "the 404 page's base script",
}

# Material, partials/javascripts/base.html: the page's base address (`.`, `..`, `../..`),
# then the same text on every page. Known by the hash of its text with `{base}` in place.
SCOPE_START = '__md_scope=new URL("'
SCOPE_END = '",location),'
SCOPE_TEMPLATE_HASH = "sha256-WR5S3L1iPkWW3Tji/5e+ZsYevCQNIKGw2Xm1z7eS/6s="
# Zensical 0.0.73's copy of it, which also names the reader's platform on <html>.
ZENSICAL_SCOPE_TEMPLATE_HASH = "sha256-aDlXtxD75/+M92aPX0ajJXFSWBEd4YmqlYBsrf4na9Q="
_SCOPE_TEMPLATE_HASHES = frozenset({SCOPE_TEMPLATE_HASH, ZENSICAL_SCOPE_TEMPLATE_HASH})
_BASE = re.compile(r"\.|\.\.(/\.\.)*")

# Material's `__config` with our settings: no annotations, tags or versions.
_CONFIG_KEYS = frozenset({"annotate", "base", "features", "search", "tags", "translations",
                          "version"})
_TRANSLATIONS = frozenset({
    "clipboard.copy", "clipboard.copied", "search.result.placeholder", "search.result.none",
    "search.result.one", "search.result.other", "search.result.more.one",
    "search.result.more.other", "search.result.term.missing", "select.version",
})
# Zensical's settings: the same, with `redirect` (null without the redirects plugin) and the
# words for a copy that failed.
_ZENSICAL_CONFIG_KEYS = _CONFIG_KEYS | {"redirect"}
_ZENSICAL_TRANSLATIONS = _TRANSLATIONS | {"clipboard.error"}
_FEATURE = re.compile(r"[a-z]+(\.[a-z]+)*")
_SEARCH_WORKER = re.compile(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js")


def script_hash(text: str) -> str:
    """Return the CSP source expression's hash (`sha256-…`) of one inline script."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def is_known(text: str) -> bool:
    """Tell whether an inline script's text is one the theme or our overrides write."""
    if text.startswith(SCOPE_START) and SCOPE_END in text:
        base, rest = text[len(SCOPE_START):].split(SCOPE_END, 1)
        return (_BASE.fullmatch(base) is not None
                and script_hash(SCOPE_START + "{base}" + SCOPE_END + rest)
                in _SCOPE_TEMPLATE_HASHES)
    return script_hash(text) in KNOWN_SCRIPTS


def allowed_inline_scripts(page: BuiltPage) -> list[str]:
    """Return the text of each known script the page runs from its own markup, in page order."""
    return [element.text() for element in page.elements
            if element.tag == "script" and _is_inline(element) and _type(element)
            in EXECUTABLE_TYPES and is_known(element.text())]


def search_worker(page: BuiltPage) -> str | None:
    """Return the search worker's address from the page's settings, when they are well formed."""
    configs = [element for element in page.elements if _is_config(element)]
    if len(configs) != 1:
        return None
    settings = _json(configs[0].text())
    return settings["search"] if config_problem(settings) is None else None


def script_problems(page: BuiltPage) -> list[str]:
    """Return one plain sentence for each script the page may not carry, in page order."""
    problems, configs = [], 0
    for element in page.elements:
        if element.tag != "script":
            continue
        if _inside_content(element):
            problems.append(f"<script> inside the page's content ({_quoted(element)}) would "
                            "run: content never holds scripts")
        elif _is_config(element):
            configs += 1
            problem = config_problem(_json(element.text())) if configs == 1 else \
                "appears more than once, and the theme reads only the first"
            if problem:
                problems.append(f'<script id="__config"> {problem}: the theme\'s settings '
                                "name the search worker, which the policy allows to run")
        elif (problem := _script_problem(element)) is not None:
            problems.append(problem)
    return problems


def config_problem(settings: Any) -> str | None:
    """Say how Material's settings differ from the shape it writes with ours, or return None."""
    if not isinstance(settings, dict) or set(settings) not in (_CONFIG_KEYS,
                                                               _ZENSICAL_CONFIG_KEYS):
        return f"does not hold exactly {', '.join(sorted(_CONFIG_KEYS))}"
    zensical = "redirect" in settings
    base, worker = settings["base"], settings["search"]
    if not isinstance(base, str) or not _BASE.fullmatch(base):
        return "has a `base` that is not the page's relative address of the site"
    # Material writes the worker's address from the page: `../assets/…`, or `assets/…` and
    # `./assets/…` (the 404 page) at the site's root.
    prefixes = ("", "./") if base == "." else (f"{base}/",)
    if not isinstance(worker, str) or not any(
            worker.startswith(prefix) and _SEARCH_WORKER.fullmatch(worker[len(prefix):])
            for prefix in prefixes):
        return "has a `search` that is not the theme's search worker on this site"
    features = settings["features"]
    if not isinstance(features, list) or not all(
            isinstance(f, str) and _FEATURE.fullmatch(f) for f in features):
        return "has `features` that are not a list of feature names"
    translations = settings["translations"]
    words = _ZENSICAL_TRANSLATIONS if zensical else _TRANSLATIONS
    if (not isinstance(translations, dict) or set(translations) != words
            or not all(isinstance(text, str) for text in translations.values())):
        return "has `translations` other than the theme's own words"
    if any(settings.get(key) is not None for key in ("annotate", "redirect", "tags", "version")):
        return "sets `annotate`, `redirect`, `tags` or `version`, which this site never uses"
    return None


def _script_problem(element: Element) -> str | None:
    kind = _type(element)
    if _is_inline(element):
        if kind in EXECUTABLE_TYPES:
            if is_known(element.text()):
                return None
            return (f"<script> ({_quoted(element)}) is not one of the scripts the theme or "
                    "overrides/ write, so it may not run. If you changed a template on purpose, "
                    f"add its hash ({script_hash(element.text())}) to "
                    "generator/safety/page_scripts.py")
        if kind == "application/ld+json":
            if element.node.parent is not None and element.node.parent.tag == "head":
                return None
            return ('<script type="application/ld+json"> outside <head>: the page\'s '
                    "structured data is written once, in <head>")
    elif kind in EXECUTABLE_TYPES:
        return None  # loads a file, which the output guard allows only from this site
    return f'<script type="{kind}"> ({_quoted(element)}) is a kind of script no template writes'


def _is_inline(element: Element) -> bool:
    # Inside SVG or MathML a script runs its text, whatever its `src` says; only an HTML
    # script with a `src` loads a file instead.
    return "src" not in element.attributes or _in_foreign_content(element)


def _in_foreign_content(element: Element) -> bool:
    node = element.node.parent
    while node is not None:
        tag = (node.tag or "").lower()
        if tag in ("svg", "math"):
            return True
        if tag == "foreignobject":
            return False
        node = node.parent
    return False


def _is_config(element: Element) -> bool:
    return (element.tag == "script" and element.attributes.get("id") == "__config"
            and _type(element) == "application/json" and _is_inline(element))


def _type(element: Element) -> str:
    return element.attributes.get("type", "").strip().lower()


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


def _inside_content(element: Element) -> bool:
    node = element.node.parent
    while node is not None:
        if node.tag == "article" or "md-content" in (node.attributes.get("class") or "").split():
            return True
        node = node.parent
    return False


def _quoted(element: Element) -> str:
    return shortened(" ".join(element.text().split())) or "no text"
