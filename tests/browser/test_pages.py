"""A reader in Chromium: the home page, a condition page, and no accessibility violations."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from browser.conftest import axe_violations

pytestmark = pytest.mark.browser


def test_a_reader_goes_from_home_to_a_condition_with_no_axe_violations(
    page: Page, site_url: str
) -> None:
    page.goto(site_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Muscle Twitch and Spasm Guide")
    assert axe_violations(page) == []

    page.get_by_role("link", name="Muscle twitch", exact=True).click()

    expect(page).to_have_url(f"{site_url}conditions/muscle-twitch/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Muscle twitch")
    assert axe_violations(page) == []
