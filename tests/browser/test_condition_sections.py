"""A condition page on a phone: what to do first, then each later section closed to its heading.

A closed section is still in the page: a reader opens it by touch or keyboard, a link or a
search result into it opens it, and print shows it. Without JavaScript every section is open.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from generator.content.project import load_project

from browser.conftest import _local_only, axe_violations
from conftest import CONTENT

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
CONDITIONS = [condition.id for condition in load_project(CONTENT).conditions]
# Words from the closed Symptoms section, and a question in the closed questions.
SYMPTOM = "You may see a quick, slight movement under your skin."
QUESTION = "faq--does-a-muscle-twitch-hurt"
ANSWER = "No. A twitch is not painful."


def tab(browser: Browser, viewport: dict[str, int] = PHONE, *, javascript: bool = True) -> Page:
    """Open a tab of this size, with or without JavaScript, that stays on this machine."""
    context = browser.new_context(viewport=viewport,  # type: ignore[arg-type]
                                  java_script_enabled=javascript)
    context.route("**/*", _local_only)
    return context.new_page()


def test_a_condition_page_is_at_most_three_phone_screens_until_a_section_is_opened(
    browser: Browser, site_url: str
) -> None:
    page = tab(browser)
    screens = {}
    for condition in CONDITIONS:
        page.goto(f"{site_url}conditions/{condition}/")
        screens[condition] = page.evaluate("document.documentElement.scrollHeight / innerHeight")
    page.context.close()

    assert {c: round(s, 1) for c, s in screens.items() if s > 3} == {}


def test_a_section_opens_and_closes_from_the_keyboard_and_its_heading_stays_a_heading(
    browser: Browser, site_url: str
) -> None:
    page = tab(browser)
    page.goto(f"{site_url}conditions/muscle-twitch/")
    heading = page.get_by_role("heading", level=2, name="Symptoms", exact=True)
    button = heading.get_by_role("button", name="Symptoms", exact=True)
    symptom = page.get_by_text(SYMPTOM)
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(symptom).to_be_hidden()

    for _ in range(40):
        page.keyboard.press("Tab")
        if button.evaluate("e => document.activeElement === e"):
            break
    page.keyboard.press("Enter")
    expect(symptom).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Space")
    expect(symptom).to_be_hidden()
    expect(button).to_have_attribute("aria-expanded", "false")
    page.context.close()


def test_sections_close_only_on_a_phone_with_javascript(browser: Browser, site_url: str) -> None:
    shown = {}
    for name, viewport, javascript in (("phone", PHONE, True),
                                       ("phone without JavaScript", PHONE, False),
                                       ("desktop", {"width": 1280, "height": 800}, True)):
        page = tab(browser, viewport, javascript=javascript)
        page.goto(f"{site_url}conditions/muscle-twitch/")
        page.wait_for_load_state("load")
        shown[name] = page.get_by_text(SYMPTOM).is_visible()
        page.context.close()

    assert shown == {"phone": False, "phone without JavaScript": True, "desktop": True}


def test_a_link_or_a_search_result_into_a_closed_section_opens_it(
    browser: Browser, site_url: str
) -> None:
    page = tab(browser)
    page.goto(f"{site_url}conditions/muscle-twitch/")
    answer = page.get_by_text(ANSWER)
    rare = page.get_by_text("Muscular dystrophy.")
    expect(answer).to_be_hidden()
    expect(rare).to_be_hidden()

    # A link on the page.
    page.evaluate("location.hash = '#rare-but-serious-causes'")
    expect(rare).to_be_in_viewport()
    expect(page.get_by_role("button", name="Causes", exact=True)).to_have_attribute(
        "aria-expanded", "true")
    # A link from elsewhere.
    page.goto(f"{site_url}conditions/muscle-spasm/")
    page.goto(f"{site_url}conditions/muscle-twitch/#{QUESTION}")
    expect(answer).to_be_in_viewport()
    # A search result, reached by instant navigation from another page.
    page.goto(f"{site_url}conditions/muscle-spasm/")
    page.locator('label.md-header__button[for="__search"]').click()
    page.get_by_role("textbox", name="Search").fill("Does a muscle twitch hurt")
    page.locator(".md-search-result__link", has_text="Does a muscle twitch hurt?").first.click()
    expect(page).to_have_url(re.compile(f"/conditions/muscle-twitch/[^#]*#{QUESTION}$"))
    expect(answer).to_be_in_viewport()
    page.context.close()


def test_a_printed_condition_page_shows_every_section(browser: Browser, site_url: str) -> None:
    page = tab(browser)
    page.goto(f"{site_url}conditions/muscle-twitch/")
    bodies = page.locator(".page-section__body")
    expect(page.get_by_text(SYMPTOM)).to_be_hidden()

    page.emulate_media(media="print")

    assert bodies.count() == 8
    for body in bodies.all():
        expect(body).to_be_visible()
    page.context.close()


def test_every_section_opened_has_no_axe_violations_on_a_phone_and_a_desktop_in_both_palettes(
    browser: Browser, site_url: str
) -> None:
    problems = []
    for viewport in ({"width": 320, "height": 740}, {"width": 1280, "height": 800}):
        page = tab(browser, viewport)
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            for condition in CONDITIONS:
                page.goto(f"{site_url}conditions/{condition}/")
                toggles = page.locator(".page-section__toggle")
                if viewport["width"] < 400 and toggles.count() == 0:
                    problems.append(f"{condition}: no section to open on a phone")
                for toggle in toggles.all():
                    toggle.click()
                problems += [f"{condition} at {viewport['width']} px, {scheme}: {violation}"
                             for violation in axe_violations(page)]
        page.context.close()

    assert problems == [], "\n".join(problems)
