"""Give a built page a Content-Security-Policy that allows exactly its own scripts.

The policy travels in a `<meta>` element, because the site is served as static files (GitHub
Pages cannot send headers) and opened from `file://` in the offline bundle. Inline scripts are
allowed by the SHA-256 hash of their text, computed from the finished page.
"""

from __future__ import annotations

import base64
import hashlib
import json
from html.parser import HTMLParser

# What readers' browsers send to the pages we link to. The site's own name says which health
# worry a reader has, so not even our origin is sent.
REFERRER_POLICY = "no-referrer"

# `type` values that make a <script> run (the HTML standard's JavaScript MIME types, plus
# module, import maps and speculation rules, which CSP also governs). Other types, such as
# application/ld+json and application/json, are data and need no hash.
EXECUTABLE_TYPES = frozenset({
    "", "module", "importmap", "speculationrules",
    "application/ecmascript", "application/javascript", "application/x-ecmascript",
    "application/x-javascript", "text/ecmascript", "text/javascript", "text/javascript1.0",
    "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
    "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript",
    "text/x-javascript",
})

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


def secure_page(html: str, *, live_reload: bool = False) -> str:
    """Return the page with its Content-Security-Policy and referrer policy early in <head>.

    `live_reload` is for `mkdocs serve`, which adds an inline script to every page as it sends
    it, different each time: no hash can allow it, so the preview allows inline scripts.
    """
    scan = _scan(html)
    if scan.head_end is None:
        raise ValueError("the page has no <head> to hold its Content-Security-Policy")
    scripts = list(scan.inline_scripts)
    if scan.loads_iframe_worker and scan.search_worker is not None:
        scripts.append(iframe_worker_script(scan.search_worker))
    content = policy(None if live_reload else scripts)
    # On the same line, so line numbers in the page (and in the guard's messages) stay put.
    tags = (f'<meta http-equiv="Content-Security-Policy" content="{content}">'
            f'<meta name="referrer" content="{REFERRER_POLICY}">')
    at = scan.charset_end if scan.charset_end is not None else scan.head_end
    return html[:at] + tags + html[at:]


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


def script_hash(text: str) -> str:
    """Return the CSP source expression (`sha256-…`) that allows one inline script."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def iframe_worker_script(worker_url: str) -> str:
    """Return the inline script the iframe-worker shim writes for this search worker."""
    return IFRAME_WORKER_SCRIPT.replace("{url}", worker_url)


class _PageScan(HTMLParser):
    """Find where <head> starts and which inline scripts the page runs."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self._line_starts = _line_starts(html)
        self.head_end: int | None = None
        self.charset_end: int | None = None
        self.inline_scripts: list[str] = []
        self.loads_iframe_worker = False
        self.search_worker: str | None = None
        self._first_in_head = False
        self._script: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        end = self._offset() + len(self.get_starttag_text() or "")
        if tag == "head" and self.head_end is None:
            self.head_end = end
            self._first_in_head = True
            return
        # <meta charset> must stay within the first bytes, so the policy goes right after it.
        if self._first_in_head and tag == "meta" and "charset" in values:
            self.charset_end = end
        self._first_in_head = False
        if tag == "script":
            self._start_script(values)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag != "script" or self._script is None:
            return
        kind, parts = self._script
        self._script = None
        # Browsers turn CR LF into LF before they hash a script's text.
        text = "".join(parts).replace("\r\n", "\n").replace("\r", "\n")
        if kind == "inline":
            self.inline_scripts.append(text)
        elif kind == "config":
            self.search_worker = _search_worker(text)

    def _start_script(self, values: dict[str, str]) -> None:
        kind = values.get("type", "").strip().lower()
        if "src" in values:
            self.loads_iframe_worker |= values["src"].endswith(IFRAME_WORKER_SHIM)
            self._script = ("external", [])
        elif kind in EXECUTABLE_TYPES:
            self._script = ("inline", [])
        elif values.get("id") == "__config":
            self._script = ("config", [])
        else:
            self._script = ("data", [])

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column


def _scan(html: str) -> _PageScan:
    scan = _PageScan(html)
    scan.feed(html)
    scan.close()
    return scan


def _line_starts(text: str) -> list[int]:
    # html.parser counts lines at "\n" only, so offsets are found the same way.
    starts = [0]
    starts.extend(index + 1 for index, char in enumerate(text) if char == "\n")
    return starts


def _search_worker(config: str) -> str | None:
    """Return the search worker's address from Material's `__config` JSON, if it has one."""
    try:
        value = json.loads(config).get("search")
    except (ValueError, AttributeError):
        return None
    return value if isinstance(value, str) else None
