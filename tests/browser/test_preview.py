"""The preview's list of content mistakes, as a writer reads it on a phone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Browser

from preview import start_preview, wait_for

__all__ = ["start_preview"]  # a fixture these tests use


def test_the_list_of_mistakes_wraps_on_a_phone(
    scratch: Callable[..., Path], start_preview: Callable[[Path], str],
    browser: Browser,
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
