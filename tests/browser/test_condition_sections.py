"""A condition page on a phone: what to do first, then each later section closed to its heading.

A closed section is still in the page: a reader opens it by touch or keyboard, a link into it
opens it, and print shows it, with JavaScript or without.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from generator.project import load_project

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


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without"])
def test_a_section_opens_and_closes_from_the_keyboard_and_its_heading_stays_a_heading(
    browser: Browser, site_url: str, javascript: bool
) -> None:
    page = tab(browser, javascript=javascript)
    page.goto(f"{site_url}conditions/muscle-twitch/")
    symptom = page.get_by_text(SYMPTOM)
    expect(page.get_by_role("heading", level=2, name="Symptoms", exact=True)).to_be_visible()
    expect(symptom).to_be_hidden()

    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('summary:has(#symptoms)')"):
            break
    page.keyboard.press("Enter")
    expect(symptom).to_be_visible()
    page.keyboard.press("Enter")
    expect(symptom).to_be_hidden()
    page.context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without"])
def test_a_link_to_a_question_opens_its_closed_section(
    browser: Browser, site_url: str, javascript: bool
) -> None:
    page = tab(browser, javascript=javascript)
    page.goto(f"{site_url}conditions/muscle-twitch/")
    answer = page.get_by_text(ANSWER)
    expect(answer).to_be_hidden()

    page.goto(f"{site_url}conditions/muscle-twitch/#{QUESTION}")

    expect(answer).to_be_in_viewport()
    page.context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without"])
def test_a_printed_condition_page_shows_every_section(
    browser: Browser, site_url: str, javascript: bool
) -> None:
    page = tab(browser, javascript=javascript)
    page.goto(f"{site_url}conditions/muscle-twitch/")
    ends = page.locator("details.page-section > :last-child")
    expect(page.get_by_text(SYMPTOM)).to_be_hidden()

    page.emulate_media(media="print")

    assert ends.count() == 8
    for end in ends.all():
        expect(end).to_be_visible()
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
                summaries = page.locator("details.page-section > summary")
                if summaries.count() == 0:
                    problems.append(f"{condition}: no section to open")
                for summary in summaries.all():
                    summary.click()
                problems += [f"{condition} at {viewport['width']} px, {scheme}: {violation}"
                             for violation in axe_violations(page)]
        page.context.close()

    assert problems == [], "\n".join(problems)
