"""The flowchart widget in Chromium: by mouse, by keyboard, by URL, and without JavaScript."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Locator, Page, expect

from generator.content.flowchart import paths
from generator.content.models import Flowchart
from generator.content.project import load_project
from generator.site import anchors

from browser.conftest import axe_violations, serve
from conftest import BOTH_BUILDERS, CONTENT

pytestmark = pytest.mark.browser

PROJECT = load_project(CONTENT)
FLOW: Flowchart = PROJECT.flowcharts[0]
CHECKER = f"checker/{FLOW.id}/"
TITLES = {o.id: o.title for o in FLOW.outcomes}
QUESTIONS = {q.id: q for q in FLOW.questions}
# The same checker in each language, and the folder of that language's site.
FLOWS: dict[str, Flowchart] = {"en": FLOW, **{t.language: t.flowcharts[0]
                                              for t in PROJECT.translations}}
FOLDERS = {"en": "", **{t.language: f"{t.language}/" for t in PROJECT.translations}}


def routes_of(flow: Flowchart) -> dict[str, list[str]]:
    """Return the answers a reader clicks to reach each outcome, by the first route there."""
    questions = {q.id: q for q in flow.questions}
    routes: dict[str, list[str]] = {}
    for answers, reached in paths(flow):
        routes.setdefault(reached, [
            next(a.text for a in questions[qid].answers if a.value == value)
            for qid, value in answers.items()
        ])
    return routes


ROUTES = routes_of(FLOW)
LANGUAGE_ROUTES = [(language, outcome) for language in FLOWS for outcome in ROUTES]
"""Every outcome in every language: the same answers lead to the same outcomes in each."""


def current_heading(page: Page) -> Locator:
    # Only once the script has run: before that, every step is on show.
    return page.locator(".flowchart--enhanced .flowchart__step:not([hidden]) .flowchart__heading")


def answer(page: Page, text: str) -> None:
    page.locator(".flowchart--enhanced .flowchart__step:not([hidden])").get_by_role(
        "link", name=text, exact=True).click()


def press_tab_until(page: Page, text: str) -> None:
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == text:
            return
    raise AssertionError(f"could not reach {text!r} with the Tab key")


@pytest.mark.parametrize("outcome", ROUTES)
def test_a_reader_reaches_each_outcome_by_mouse_from_the_home_page(
    page: Page, site_url: str, outcome: str
) -> None:
    page.goto(site_url)
    page.locator(".md-content").get_by_role("link", name=FLOW.title).first.click()
    expect(current_heading(page)).to_have_text(FLOW.questions[0].text)

    for text in ROUTES[outcome]:
        answer(page, text)

    expect(current_heading(page)).to_have_text(TITLES[outcome])
    expect(current_heading(page)).to_be_focused()
    expect(page.locator(".flowchart__step:not([hidden]) .care-card")).to_be_visible()
    expect(page.locator(".flowchart__step:visible")).to_have_count(1)


def test_each_language_reaches_the_same_outcomes_by_the_same_answers() -> None:
    for flow in FLOWS.values():
        assert list(paths(flow)) == list(paths(FLOW)), flow.title


@BOTH_BUILDERS
@pytest.mark.parametrize(("language", "outcome"), LANGUAGE_ROUTES)
def test_a_reader_reaches_each_outcome_with_the_keyboard_only(
    page: Page, site_url: str, language: str, outcome: str
) -> None:
    flow = FLOWS[language]
    page.goto(site_url + FOLDERS[language])
    press_tab_until(page, flow.title)
    page.keyboard.press("Enter")
    expect(current_heading(page)).to_have_text(flow.questions[0].text)

    for text in routes_of(flow)[outcome]:
        press_tab_until(page, text)
        page.keyboard.press("Enter")
        expect(current_heading(page)).to_be_focused()

    expect(current_heading(page)).to_have_text(
        next(o.title for o in flow.outcomes if o.id == outcome))


def test_back_change_and_start_again(page: Page, site_url: str) -> None:
    page.goto(site_url + CHECKER)
    answer(page, "No")
    answer(page, "Yes, it hurts")
    expect(current_heading(page)).to_have_text("How bad is the pain?")

    page.get_by_role("link", name="Back").click()
    expect(current_heading(page)).to_have_text("Does the muscle movement hurt?")

    answer(page, "No, it does not hurt")
    page.get_by_role("link", name="Change your answer to: Does the muscle movement hurt?").click()
    expect(current_heading(page)).to_have_text("Does the muscle movement hurt?")

    page.get_by_role("link", name="Start again").click()
    expect(current_heading(page)).to_have_text(FLOW.questions[0].text)
    expect(page.get_by_role("link", name="Back")).to_have_count(0)


def test_your_answers_lists_each_question_with_its_answer(page: Page, site_url: str) -> None:
    page.goto(site_url + CHECKER)
    answer(page, "No")
    answer(page, "Yes, it hurts")

    summary = page.locator(".flowchart__answers-given")

    expect(summary.locator("dt")).to_have_text([FLOW.questions[0].text,
                                                "Does the muscle movement hurt?"])
    expect(summary.locator("dd")).to_contain_text(["No", "Yes, it hurts"])


def test_the_browser_back_button_goes_back_one_answer(page: Page, site_url: str) -> None:
    page.goto(site_url + CHECKER)
    answer(page, "No")
    answer(page, "Yes, it hurts")

    page.go_back()

    expect(current_heading(page)).to_have_text("Does the muscle movement hurt?")


def test_a_shared_url_restores_the_same_step(browser: Browser, site_url: str) -> None:
    first = browser.new_page()
    first.goto(site_url + CHECKER)
    answer(first, "No")
    answer(first, "Yes, it hurts")
    shared = first.url
    first.close()

    second = browser.new_page()
    second.goto(shared)
    expect(current_heading(second)).to_have_text("How bad is the pain?")
    second.reload()
    expect(current_heading(second)).to_have_text("How bad is the pain?")
    assert "#" + FLOW.id + "=no/yes" in shared
    second.close()


@pytest.mark.parametrize(("language", "outcome"), LANGUAGE_ROUTES)
@BOTH_BUILDERS
def test_without_javascript_every_outcome_is_reached_by_in_page_links(
    browser: Browser, site_url: str, language: str, outcome: str
) -> None:
    flow = FLOWS[language]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + FOLDERS[language] + CHECKER)
    expect(page.locator(".flowchart__step:visible")).to_have_count(len(TITLES) +
                                                                    len(FLOW.questions))

    step = page.locator(".flowchart__step").first
    for text in routes_of(flow)[outcome]:
        step.get_by_role("link", name=text, exact=True).click()
        step = page.locator(".flowchart__step:target")

    expect(page.locator(".flowchart__step:target .flowchart__heading")).to_have_text(
        next(o.title for o in flow.outcomes if o.id == outcome))
    context.close()


def test_several_flowcharts_on_one_page_keep_their_own_answers(
    page: Page, site_url: str, built_site: Path
) -> None:
    html = BeautifulSoup((built_site / CHECKER / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    first = html.select_one(".flowchart")
    second = BeautifulSoup(str(first).replace(FLOW.id, "second"), "html.parser")
    first.insert_after(second)
    two_charts = site_url + CHECKER + "two.html"
    page.route(two_charts, lambda route: route.fulfill(body=str(html),
                                                       content_type="text/html"))
    page.goto(two_charts)
    charts = page.locator(".flowchart")

    charts.nth(0).get_by_role("link", name="No", exact=True).click()
    charts.nth(1).get_by_role("link", name="Yes", exact=True).click()

    assert page.url.endswith(f"#{FLOW.id}=no&second=yes")
    expect(charts.nth(0).locator(".flowchart__step:visible .flowchart__heading")).to_have_text(
        "Does the muscle movement hurt?")
    expect(charts.nth(1).locator(".flowchart__step:visible .flowchart__heading")).to_have_text(
        "Get emergency help now")
    expect(charts.nth(1).locator(".flowchart__heading:focus")).to_have_count(1)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_a_question_and_an_outcome(
    browser: Browser, site_url: str, scheme: str
) -> None:
    page = browser.new_page(color_scheme=scheme)  # type: ignore[arg-type]
    page.goto(site_url + CHECKER)
    assert axe_violations(page) == []

    for text in ROUTES["spasm-self-care"]:
        answer(page, text)
    assert axe_violations(page) == []
    page.close()


@pytest.mark.parametrize("anchor", ["section", "heading"])
def test_a_link_to_a_step_opens_that_step_by_its_shortest_route(page: Page, site_url: str,
                                                                anchor: str) -> None:
    # Twitching for longer than a few days leads there at once; frequent twitching a step later.
    page.goto(site_url + CHECKER + "#"
              + getattr(anchors.step(FLOW.id, "twitch-see-doctor"), anchor))

    expect(current_heading(page)).to_have_text("See a doctor about your twitching")
    assert page.url.endswith(f"#{FLOW.id}=no/no/flicker/longer")


def test_the_page_title_and_the_status_follow_each_answer(page: Page, site_url: str) -> None:
    page.goto(site_url + CHECKER)
    first_title = page.title()

    answer(page, "No")

    expect(page).to_have_title(f"Does the muscle movement hurt? - {first_title}")
    expect(page.locator(".flowchart [aria-live=polite]")).to_have_text("You answered: No.")


def test_a_mangled_shared_link_starts_again(page: Page, site_url: str) -> None:
    page.goto(site_url + CHECKER + f"#{FLOW.id}=%E0%A4%A")

    expect(current_heading(page)).to_have_text(FLOW.questions[0].text)


@pytest.fixture
def site_at_root(built_site: Path) -> Iterator[str]:
    """Serve the built site at the root of a localhost port, so a path can start with //."""
    for base in serve(built_site):
        yield base.rstrip("/")


def test_opened_at_a_double_slash_path_every_checker_link_stays_on_this_site(
    page: Page, site_at_root: str
) -> None:
    # As a link, the path //checker/x/ would mean the host "checker".
    page.goto(f"{site_at_root}//{CHECKER}")
    answer(page, "No")
    answer(page, "Yes, it hurts")

    origins = page.locator(".flowchart a[href]").evaluate_all(
        "links => links.filter(a => a.protocol.startsWith('http')).map(a => a.origin)")
    expect(page.locator(".flowchart a[data-flowchart-link]")).not_to_have_count(0)
    assert set(origins) == {site_at_root}

    page.get_by_role("link", name="Start again").click()
    expect(current_heading(page)).to_have_text(FLOW.questions[0].text)
    assert page.url == f"{site_at_root}//{CHECKER}"
