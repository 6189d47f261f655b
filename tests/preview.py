"""The preview (`mkdocs serve --dirty`, as `make serve` runs it) on a free port, for tests.

Every request has a timeout, so a hanging preview fails the test that asked.
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

from conftest import ROOT

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
