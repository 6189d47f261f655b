"""Give a built page a Content-Security-Policy that allows exactly its known scripts.

The policy travels in a `<meta>` element, because the site is served as static files (GitHub
Pages cannot send headers) and opened from `file://` in the offline bundle. Inline scripts are
allowed by the SHA-256 hash of their text, computed from the finished page as read by a
conforming HTML5 parser (generator/safety/built_page.py): the scripts it finds, and their text, are
those a browser runs and hashes. Only the theme's and our own scripts get a hash
(generator/safety/page_scripts.py). The same single reading of the page serves the output guard.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.safety.built_page import BuiltPage, read_page
from generator.safety.output_guard import page_problems
from generator.safety.page_scripts import allowed_inline_scripts, script_hash, search_worker

# What readers' browsers send to the pages we link to. The site's own name says which health
# worry a reader has, so not even our origin is sent.
REFERRER_POLICY = "no-referrer"

# The iframe-worker shim (npm `iframe-worker` 1.0.4, used by the offline bundle's search at
# file://) writes this inline script into a blank iframe, which inherits the page's policy.
# `{url}` is the search worker's address from Material's `__config`. tests/test_csp.py checks
# that the shim in node_modules still contains these pieces.
IFRAME_WORKER_SHIM = "iframe-worker-shim.js"
IFRAME_WORKER_POST_MESSAGE = 'function c(s,n){parent.postMessage(s,n||"*")}'
IFRAME_WORKER_IMPORT_SCRIPTS = (
    'function d(...s){return s.reduce((n,e)=>n.then(()=>new Promise(r=>{let t=document'
    '.createElement("script");t.src=e,t.onload=r,document.body.appendChild(t)})),'
    'Promise.resolve())}'
)
IFRAME_WORKER_SCRIPT = (
    f"postMessage={IFRAME_WORKER_POST_MESSAGE};importScripts={IFRAME_WORKER_IMPORT_SCRIPTS};"
    'addEventListener("error",({error})=>{parent.dispatchEvent(new ErrorEvent("error",'
    '{filename:"{url}",error}))})'
)


# Where the policy goes: right after <meta charset> when it opens <head> (as in every page
# Material writes), so the charset stays within the first 1024 bytes; otherwise at the start of
# <head>. Found in the text, and then checked on the parsed page.
_HEAD_START = re.compile(r"<head(?=[\s/>])[^>]*>", re.IGNORECASE)
_CHARSET = re.compile(r"\s*<meta\s[^>]*\bcharset\s*=[^>]*>", re.IGNORECASE)
# Stands in for the policy while the page is read, since the policy depends on what is read.
_PENDING = "policy-pending"
# The policy this module wrote, where it writes it: a page secured again gets it anew.
_WRITTEN = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"<>]*">'
                      f'<meta name="referrer" content="{REFERRER_POLICY}">')


@dataclass(frozen=True)
class SecuredPage:
    """A page with its policy, and what the output guard finds unsafe in it."""

    html: str
    problems: list[str]


def publishable_page(html: str, site_url: str | None, *,
                     live_reload: bool = False) -> SecuredPage:
    """Return the page with its policy and the guard's findings, reading the page once."""
    secured, page = _secure(html, live_reload)
    return SecuredPage(secured, page_problems(page, site_url))


def secure_page(html: str, *, live_reload: bool = False) -> str:
    """Return the page with its Content-Security-Policy and referrer policy early in <head>.

    `live_reload` is for `mkdocs serve`, which adds an inline script to every page as it sends
    it, different each time: no hash can allow it, so the preview allows inline scripts.
    A page that already has the policy this function writes gets it replaced, so securing a
    page twice gives the page secured once.
    """
    return _secure(html, live_reload)[0]


def _secure(html: str, live_reload: bool) -> tuple[str, BuiltPage]:
    at = _policy_position(html)
    written = _WRITTEN.match(html, at)
    if written:
        html = html[:at] + html[written.end():]
    # The page is read with the policy already in place, so the reading is of the final page:
    # only the policy's text differs, and it holds no markup.
    page = read_page(html[:at] + _policy_tags(_PENDING) + html[at:])
    _check_policy_comes_first(page)
    scripts = _inline_scripts(page)
    return html[:at] + _policy_tags(policy(None if live_reload else scripts)) + html[at:], page


def _policy_position(html: str) -> int:
    head = _HEAD_START.search(html)
    if head is None:
        raise ValueError("the page has no <head> to hold its Content-Security-Policy")
    charset = _CHARSET.match(html, head.end())
    return charset.end() if charset else head.end()


def _policy_tags(content: str) -> str:
    # On the same line, so the page's other lines stay where they were.
    return (f'<meta http-equiv="Content-Security-Policy" content="{content}">'
            f'<meta name="referrer" content="{REFERRER_POLICY}">')


def _check_policy_comes_first(page: BuiltPage) -> None:
    """Refuse a page whose policy a browser would not apply before the page's first script."""
    for element in page.elements:
        if element.tag == "script":
            break
        values = element.attributes
        if (element.tag == "meta" and values.get("content") == _PENDING
                and values.get("http-equiv") == "Content-Security-Policy"
                and element.node.parent is not None and element.node.parent.tag == "head"):
            return
    raise ValueError("the Content-Security-Policy could not be placed in <head> before "
                     "the page's first script")


def _inline_scripts(page: BuiltPage) -> list[str]:
    """Return the text of each known inline script the page runs, in page order.

    An unknown one gets no hash: the output guard refuses the page, and were the page
    published all the same, the reader's browser would not run it.
    """
    scripts = allowed_inline_scripts(page)
    worker = search_worker(page)
    loads_iframe_worker = any(
        element.tag == "script" and element.attributes.get("src", "").endswith(IFRAME_WORKER_SHIM)
        for element in page.elements)
    if loads_iframe_worker and worker is not None:
        scripts.append(iframe_worker_script(worker))
    return scripts


def policy(inline_scripts: list[str] | None) -> str:
    """Return the policy that allows the site's own files and these inline scripts (None: any)."""
    if inline_scripts is None:
        inline = ["'unsafe-inline'"]
    else:
        inline = sorted({f"'{script_hash(text)}'" for text in inline_scripts})
    return "; ".join([
        "default-src 'self'",
        " ".join(["script-src 'self'", *inline]),
        "style-src 'self'",
        # Material's stylesheets draw their icons with data: SVG images.
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
    ])


def iframe_worker_script(worker_url: str) -> str:
    """Return the inline script the iframe-worker shim writes for this search worker."""
    return IFRAME_WORKER_SCRIPT.replace("{url}", worker_url)
