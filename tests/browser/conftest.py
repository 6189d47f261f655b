"""Browser fixtures: Debian's Chromium through Playwright, and the built site on localhost."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, sync_playwright

from generator.builders.mkdocs_plugin.build import build_outputs
from generator.pipeline import render_content

from conftest import CONTENT, PUBLISHED_AT, ROOT, html

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Launch Debian's Chromium; never download a browser."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: run `make browser` as root to install it."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def build_edited_site(out: Path, edits: dict[str, dict[str, str]]) -> Path:
    """Build the shipped content with some of its text replaced; return the website's folder.

    `edits` maps a content file to {text: replacement}; each text must be found in it once.
    The theme, its overrides and mkdocs.yml are the shipped ones.
    """
    shutil.copytree(CONTENT, out / "content")
    for name, replacements in edits.items():
        path = out / "content" / name
        text = path.read_text(encoding="utf-8")
        for old, new in replacements.items():
            assert text.count(old) == 1, f"{old!r} is not found once in {name}"
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
    build_outputs(render_content(out / "content"), ROOT / "mkdocs.yml", out / "site",
                  out / "dist")
    return out / "site"


def serve(directory: Path, port: int = 0) -> Iterator[str]:
    """Serve a folder on localhost (on a free port unless given one) and yield its base URL.

    A missing address gets the folder's 404.html, if it has one, as GitHub Pages does.
    """
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="session")
def site_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Serve the built site on localhost under the same path as its public address, if any."""
    prefix = urlparse(PUBLISHED_AT).path.strip("/")
    if not prefix:
        yield from serve(built_site)
        return
    root = tmp_path_factory.mktemp("web")
    (root / prefix).parent.mkdir(parents=True, exist_ok=True)
    (root / prefix).symlink_to(built_site, target_is_directory=True)
    for base in serve(root):
        yield f"{base}{prefix}/"


@pytest.fixture(scope="session")
def root_url(built_site: Path) -> Iterator[str]:
    """Serve the built site from the server's root, with its 404 page for missing addresses."""
    yield from serve(built_site)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """Open a fresh tab that refuses any request leaving localhost."""
    context = browser.new_context()
    context.route("**/*", _local_only)
    tab = context.new_page()
    yield tab
    context.close()


def _local_only(route: Any) -> None:
    url = route.request.url
    if url.startswith(("http://127.0.0.1", "file://", "data:", "blob:")):
        route.continue_()
    else:
        route.abort()


# axe-core's default rules (WCAG 2.0 to 2.2 A and AA, and best practices), plus the 24 px
# target size of WCAG 2.2, which axe leaves out unless asked.
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}


def axe_violations(page: Page) -> list[str]:
    """Run axe-core on the page and return one line per violation."""
    results = Axe().run(page, options=AXE_OPTIONS)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes: "
            f"{[n['target'] for n in v['nodes']][:3]})"
            for v in results.response["violations"]]


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory,
              builder: str) -> Iterator[tuple[Path, str]]:
    """Build the site for a public address on localhost, where the embed code points, and serve it.

    The shipped content names no address, so it has no embed code; `--site-url` gives one.
    It is built by `builder`: MkDocs, unless a test names Zensical (`BOTH_BUILDERS`).
    """
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    out = tmp_path_factory.mktemp("published")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--site-url", url,
         "--site-dir", str(out / "site"), "--dist-dir", str(out / "dist"), "--builder", builder],
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True,
        check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    yield from ((out / "site", served) for served in serve(out / "site", port))


@pytest.fixture
def host_page(published: tuple[Path, str], tmp_path: Path) -> Iterator[str]:
    """Another site, on another localhost port, that pasted our embed code into its page."""
    site, _ = published
    # The English page's code: the Spanish one (es/) embeds the Spanish questions.
    owners = next(path for path in sorted(site.rglob("index.html"))
                  if "embed-code" in path.read_text(encoding="utf-8")
                  and not path.relative_to(site).as_posix().startswith("es/"))
    code = html(site, owners.relative_to(site).as_posix()).select_one("pre.embed-code code")
    assert code is not None
    snippet = code.get_text()
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>A pharmacy</title></head>'
        f"<body><main><h1>Our pharmacy</h1>{snippet}<p id='after'>The end</p></main>"
        "</body></html>", encoding="utf-8")
    yield from serve(tmp_path)


@pytest.fixture(scope="session")
def offline_index(offline_bundle: Path) -> Path:
    """Return the unpacked offline bundle's home page, to open from file://."""
    return offline_bundle / "index.html"


@pytest.fixture(scope="session")
def offline_root(offline_index: Path) -> Path:
    """Return the folder of the unpacked offline bundle."""
    return offline_index.parent
