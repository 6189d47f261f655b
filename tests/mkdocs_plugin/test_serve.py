"""The preview (`mkdocs serve --dirty`, as `make serve` runs it) never hangs on a mistake.

A real server on a free port; every request has a timeout, so a hanging preview fails here.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from browser.conftest import browser  # noqa: F401  (a fixture)
from conftest import ROOT

BROKEN_TWITCH = "colour: red\n"
REQUEST_TIMEOUT = 10
PREVIEW_LOG = "preview.log"
WAIT = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    """Return a page's text; a request that takes longer than the timeout fails the test."""
    try:
        with urllib.request.urlopen(url, timeout=REQUEST_TIMEOUT) as response:
            return str(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return str(error.read().decode("utf-8"))
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise AssertionError(f"{url} hung for {REQUEST_TIMEOUT} s") from None
        raise


def wait_for(url: str, check: Callable[[str], bool]) -> str:
    """Fetch a page until `check` accepts it, failing after a minute."""
    deadline = time.monotonic() + WAIT
    text = ""
    while time.monotonic() < deadline:
        try:
            text = fetch(url)
        except (ConnectionError, urllib.error.URLError):
            text = ""
        if check(text):
            return text
        time.sleep(0.3)
    raise AssertionError(f"{url} never showed what was expected; last text:\n{text[:2000]}")


@pytest.fixture
def start_preview() -> Iterator[Callable[[Path], str]]:
    """Start `mkdocs serve --dirty` in a project on a free port; return its address."""
    servers: list[subprocess.Popen[str]] = []

    def start(project: Path) -> str:
        if not (project / "node_modules").exists():
            (project / "node_modules").symlink_to(ROOT / "node_modules")
        port = free_port()
        with (project / PREVIEW_LOG).open("w", encoding="utf-8") as log:
            servers.append(subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
                cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                stdout=log, stderr=log, text=True,
            ))
        return f"http://127.0.0.1:{port}"

    yield start
    for server in servers:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


pytestmark = pytest.mark.skipif(not (ROOT / "node_modules").is_dir(),
                                reason="the preview needs node_modules: run `npm ci` first")


def test_a_mistake_shows_on_the_page_and_fixing_it_brings_the_page_back(
    scratch: Callable[..., Path], start_preview: Callable[[Path], str],
) -> None:
    project = scratch()
    address = start_preview(project)
    page = f"{address}/conditions/muscle-twitch/"
    twitch = project / "content/conditions/muscle-twitch.yml"
    good = twitch.read_text(encoding="utf-8")
    wait_for(page, lambda text: "Muscle twitch" in text)

    twitch.write_text(good + BROKEN_TWITCH, encoding="utf-8")
    broken = wait_for(page, lambda text: "The content has 1 mistake" in text)

    assert "content/conditions/muscle-twitch.yml:" in broken
    assert "colour: this field is not part of the format." in broken
    assert "A muscle twitch is a movement" in broken  # the last good page, under the list
    assert "The content has 1 mistake" in fetch(f"{address}/conditions/muscle-spasm/")

    twitch.write_text(good, encoding="utf-8")
    wait_for(page, lambda text: "The content has" not in text and "Muscle twitch" in text)
    assert "The content has" not in fetch(f"{address}/conditions/muscle-spasm/")


def test_the_preview_starts_without_a_warning_a_writer_cannot_act_on(
    scratch: Callable[..., Path], start_preview: Callable[[Path], str],
) -> None:
    project = scratch()
    address = start_preview(project)

    wait_for(address + "/", lambda text: "Muscle" in text)

    said = (project / PREVIEW_LOG).read_text(encoding="utf-8")
    assert "The preview rebuilds only the pages an edit changes." in said
    assert "dirty" not in said
    assert "WARNING" not in said


def test_the_list_of_mistakes_wraps_on_a_phone(
    scratch: Callable[..., Path], start_preview: Callable[[Path], str],
    browser: Browser,  # noqa: F811  (the fixture imported above)
) -> None:
    project = scratch()
    site = project / "content/site.yml"
    site.write_text(site.read_text(encoding="utf-8") + "colour: red\n", encoding="utf-8")
    address = start_preview(project)
    wait_for(address + "/", lambda text: "The content has" in text)
    phone = browser.new_page(viewport={"width": 360, "height": 740})

    phone.goto(address + "/")
    listing = phone.locator(".content-mistakes pre > code")

    assert "colour: this field is not part of the format." in listing.inner_text()
    assert listing.evaluate("e => e.scrollWidth <= e.clientWidth")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.close()


def test_a_preview_started_with_a_mistake_lists_it_then_shows_the_site(
    scratch: Callable[..., Path], start_preview: Callable[[Path], str],
) -> None:
    project = scratch()
    site = project / "content/site.yml"
    good = site.read_text(encoding="utf-8")
    site.write_text(good + "colour: red\n", encoding="utf-8")
    address = start_preview(project)

    text = wait_for(address + "/", lambda text: "The content has" in text)

    assert "content/site.yml:" in text
    site.write_text(good, encoding="utf-8")
    wait_for(address + "/", lambda text: "The content has" not in text and "Muscle" in text)


def test_an_edit_to_the_overrides_rebuilds_the_preview(
    scratch: Callable[..., Path], start_preview: Callable[[Path], str],
) -> None:
    project = scratch()
    address = start_preview(project)
    css = "/assets/stylesheets/health.css"
    wait_for(address + css, bool)
    sheet = project / "overrides" / css.lstrip("/")

    sheet.write_text(sheet.read_text(encoding="utf-8") + "/* edited */\n", encoding="utf-8")

    wait_for(address + css, lambda text: "/* edited */" in text)
