"""The emergency banner and care callouts, as a reader on a phone or a desktop sees them."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from generator.content.project import load_project

from browser.conftest import axe_violations
from conftest import CONTENT

pytestmark = pytest.mark.browser

PAGE_TYPES = {
    "home": "",
    "condition": "conditions/muscle-spasm/",
    "comparison": "compare/twitch-vs-spasm/",
    "faq": "faq/",
    "not found": "404.html",
}
WIDTHS = {"desktop": 1280, "phone": 320}


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_the_banner_is_in_view_with_a_working_call_link(
    browser: Browser, site_url: str, path: str, width: int
) -> None:
    page = browser.new_page(viewport={"width": width, "height": 640})
    page.goto(site_url + path)

    banner = page.get_by_role("region", name="Emergency help")
    call = banner.get_by_role("link", name="Call 911")

    expect(banner).to_be_in_viewport()
    expect(call).to_be_in_viewport()
    expect(call).to_have_attribute("href", "tel:911")
    expect(banner).to_contain_text(load_project(CONTENT).site.emergency.message)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.close()


def test_the_banner_cannot_be_dismissed(page: Page, site_url: str) -> None:
    page.goto(site_url)

    banner = page.get_by_role("region", name="Emergency help")

    expect(banner.get_by_role("button")).to_have_count(0)


def test_the_banner_is_printed(page: Page, site_url: str) -> None:
    page.goto(site_url + "conditions/muscle-twitch/")
    page.emulate_media(media="print")

    expect(page.get_by_role("region", name="Emergency help")).to_be_visible()
    expect(page.locator(".review-dates")).to_be_visible()


def test_the_banner_reads_well_at_200_percent_zoom(browser: Browser, site_url: str) -> None:
    # 200% zoom of a 1280 px window leaves 640 CSS pixels.
    page = browser.new_page(viewport={"width": 640, "height": 400}, device_scale_factor=2)
    page.goto(site_url)

    banner = page.get_by_role("region", name="Emergency help")

    expect(banner).to_be_in_viewport()
    assert banner.evaluate("b => b.scrollWidth <= b.clientWidth")
    page.close()


def test_care_callouts_read_as_calls_to_action(page: Page, site_url: str) -> None:
    page.goto(site_url + "conditions/muscle-spasm/")

    emergency = page.get_by_role("heading", name="Emergency: Call 911 or go to the emergency "
                                                  "room now if:")
    non_urgent = page.get_by_role("heading", name="Non-urgent advice: See a doctor if:")

    expect(emergency).to_be_visible()
    expect(non_urgent).to_be_visible()
    expect(emergency.get_by_role("link")).to_have_attribute("href", "tel:911")
    expect(page.locator(".care-card--emergency a")).to_have_count(1)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_no_axe_violations_in_either_palette(
    browser: Browser, site_url: str, path: str, scheme: str
) -> None:
    page = browser.new_page(color_scheme=scheme)  # type: ignore[arg-type]
    page.goto(site_url + path)

    assert axe_violations(page) == []
    page.close()
