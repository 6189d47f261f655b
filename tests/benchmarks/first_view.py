"""What a reader's browser downloads to show one page, before they touch anything.

Chromium opens the page from a local server and waits until the network is quiet; every file
it asked for is then weighed as a server would send it, gzipped.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))

# Material's own files: the same on every page, so a browser keeps them after the first.
THEME = re.compile(r"assets/(stylesheets/(main|palette)\.[0-9a-f]+\.min\.css"
                   r"|javascripts/(bundle\.[0-9a-f]+\.min\.js|workers/search\.[0-9a-f]+\.min\.js"
                   r"|lunr/.*)|images/favicon\.png)$")


@dataclass(frozen=True)
class Download:
    """One file a page view asked for, with its size gzipped."""

    path: str
    gzip_bytes: int

    @property
    def theme(self) -> bool:
        """Return whether the file is one of Material's own, cached across pages."""
        return THEME.search(self.path) is not None

    @property
    def kind(self) -> str:
        """Return what the file is: HTML, CSS, JS or data."""
        suffix = Path(self.path).suffix
        return {".css": "CSS", ".js": "JS", ".html": "HTML", "": "HTML"}.get(suffix, "data")


@dataclass(frozen=True)
class FirstView:
    """The files one page view downloaded."""

    downloads: list[Download]

    def total(self, *, theme: bool | None = None, kind: str | None = None) -> int:
        """Return the gzipped bytes of the downloads that match."""
        return sum(d.gzip_bytes for d in self.downloads
                   if (theme is None or d.theme == theme) and (kind is None or d.kind == kind))

    @property
    def loads_search_index(self) -> bool:
        """Return whether the view downloaded a search index."""
        return any("search_index" in d.path for d in self.downloads)


def available() -> bool:
    """Return whether a Chromium is there to measure with."""
    return CHROMIUM.exists()


def first_view(site: Path, page: str) -> FirstView:
    """Open `page` (a path in the built site) and return what it downloaded."""
    from playwright.sync_api import sync_playwright

    paths: list[str] = []
    with _served(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                             args=["--no-sandbox"])
        tab = browser.new_page()
        tab.on("request", lambda request: paths.append(urlsplit(request.url).path))
        tab.goto(base + page)
        tab.wait_for_load_state("networkidle")
        browser.close()
    return FirstView([Download(p.lstrip("/"), _gzip_size(site, p)) for p in paths])


def _gzip_size(site: Path, path: str) -> int:
    file = site / unquote(path).lstrip("/")
    if file.is_dir():
        file = file / "index.html"
    return len(gzip.compress(file.read_bytes(), compresslevel=6)) if file.is_file() else 0


@contextmanager
def _served(folder: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass
