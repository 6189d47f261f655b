"""A printed page: on paper, a reader can still tell which guide and page it came from, and when."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from conftest import PUBLISHED_AT

pytestmark = pytest.mark.browser


def test_a_printed_page_shows_the_guide_its_address_and_its_date(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + "conditions/muscle-twitch/")
    printed_only = page.locator("article .print-only")
    expect(printed_only).to_be_hidden()  # on screen the header names the guide already

    page.emulate_media(media="print")

    # The theme prints no header, which holds the guide's name on screen.
    expect(page.locator(".md-header")).to_be_hidden()
    expect(printed_only).to_be_visible()
    expect(printed_only).to_have_text("From Muscle Twitch and Spasm Guide. Page address: "
                                      f"{PUBLISHED_AT}conditions/muscle-twitch/")
    expect(page.locator("article .review-dates")).to_contain_text(
        "Page written: November 26, 2026.")
