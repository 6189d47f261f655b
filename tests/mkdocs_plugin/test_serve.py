"""The preview (`mkdocs serve --dirty`, as `make serve` runs it) never hangs on a mistake.

A real server on a free port; every request has a timeout, so a hanging preview fails here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT
from preview import PREVIEW_LOG, fetch, start_preview, wait_for

__all__ = ["start_preview"]  # a fixture these tests use

BROKEN_TWITCH = "colour: red\n"
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
    # No site settings were ever read, yet the palette toggles keep their names.
    assert 'aria-label="Switch to dark mode"' in text
    assert 'aria-label="Switch to light mode"' in text
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
