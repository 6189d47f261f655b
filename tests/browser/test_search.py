"""A reader who searches the moment a page opens finds the topic, however the words go in.

The index is held back until the reader focuses the search field, so its search worker gets ready
while they type: words typed key by key, or pasted at once (no key pressed), must both be searched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from generator.content.project import load_project

from browser.conftest import axe_violations
from conftest import CONTENT

pytestmark = pytest.mark.browser

TOPICS = ["Muscle spasm", "Muscle twitch"]
CHECKER = "Twitch or spasm? What should I do?"


@pytest.fixture
def offline_page(browser: Browser) -> Iterator[Page]:
    """Open a tab with the network switched off."""
    context = browser.new_context(offline=True)
    yield context.new_page()
    context.close()


@pytest.fixture(params=["website", "offline bundle"])
def opened(request: pytest.FixtureRequest) -> tuple[Page, str]:
    """Return a tab and the address of a condition page, on the website or from file://."""
    if request.param == "website":
        page: Page = request.getfixturevalue("page")
        return page, request.getfixturevalue("site_url") + "conditions/muscle-twitch/"
    index: Path = request.getfixturevalue("offline_index")
    return request.getfixturevalue("offline_page"), (
        index.parent / "conditions" / "muscle-twitch.html").as_uri()


def typed(page: Page, words: str) -> None:
    page.keyboard.type(words)


def pasted(page: Page, words: str) -> None:
    page.keyboard.insert_text(words)  # one input event, no key pressed: a paste or dictation


def focus_search_as_soon_as_the_page_opens(opened: tuple[Page, str]) -> Page:
    """Open the page and focus the search field before the page has finished loading."""
    page, url = opened
    page.goto(url, wait_until="domcontentloaded")
    page.get_by_role("textbox", name="Search").focus()
    return page


def first_result(page: Page) -> Locator:
    """Return the heading of the first search result."""
    return page.locator(".md-search-result__item").first.get_by_role("heading").first


@pytest.mark.parametrize("enter", [typed, pasted])
@pytest.mark.parametrize("topic", TOPICS)
def test_a_topic_typed_as_soon_as_the_page_opens_is_the_first_result(
    opened: tuple[Page, str], enter: Callable[[Page, str], None], topic: str
) -> None:
    page = focus_search_as_soon_as_the_page_opens(opened)
    enter(page, topic)

    expect(first_result(page)).to_have_text(topic)


def test_words_pasted_after_the_search_is_ready_are_searched(opened: tuple[Page, str]) -> None:
    page = focus_search_as_soon_as_the_page_opens(opened)
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching")
    pasted(page, "Muscle spasm")

    expect(first_result(page)).to_have_text("Muscle spasm")


SEARCH_TERMS = [(term, condition.name) for condition in load_project(CONTENT).conditions
                for term in condition.search_terms]


@pytest.mark.parametrize(("term", "topic"), SEARCH_TERMS, ids=[t for t, _ in SEARCH_TERMS])
def test_each_shipped_search_term_finds_its_topic_first(
    opened: tuple[Page, str], term: str, topic: str
) -> None:
    page = focus_search_as_soon_as_the_page_opens(opened)
    typed(page, term)

    expect(first_result(page)).to_have_text(topic)


def test_the_help_under_a_search_that_finds_nothing_leads_to_the_checker_from_any_page(
    opened: tuple[Page, str],
) -> None:
    """The search box stays in place through instant navigation, while the page changes."""
    page, url = opened
    page.goto(url)
    page.get_by_role("link", name="Muscle Twitch and Spasm Guide").first.click()  # the home page
    page.locator(".topic-card").get_by_role("link", name="Muscle spasm").click()  # two levels down
    expect(page.get_by_role("heading", level=1)).to_have_text("Muscle spasm")
    page.get_by_role("textbox", name="Search").focus()
    typed(page, "qqqzzz")
    help_link = page.locator(".search-help").get_by_role("link", name=CHECKER)
    expect(help_link).to_be_visible()

    help_link.click()

    expect(page.get_by_role("heading", level=1)).to_have_text(CHECKER)


# The WCAG contrast of an element's text against what is behind it: the text colour, with its
# transparency, laid over the first ancestor background that is not transparent.
TEXT_CONTRAST = """element => {
    const rgba = text => text.match(/[\\d.]+/g).map(Number);
    const over = ([r, g, b, a = 1], [br, bg, bb]) =>
        [r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a)];
    const luminance = rgb => {
        const [r, g, b] = rgb.map(c => c / 255)
            .map(c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    let behind = element;
    while (behind && rgba(getComputedStyle(behind).backgroundColor)[3] === 0) {
        behind = behind.parentElement;
    }
    const background = behind ? rgba(getComputedStyle(behind).backgroundColor) : [255, 255, 255];
    const [lighter, darker] = [luminance(over(rgba(getComputedStyle(element).color), background)),
                               luminance(background)].sort((a, b) => b - a);
    return (lighter + 0.05) / (darker + 0.05);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [320, 1280])
def test_the_help_under_a_search_that_finds_nothing_is_readable_and_easy_to_tap(
    opened: tuple[Page, str], width: int, scheme: str
) -> None:
    page, url = opened
    page.set_viewport_size({"width": width, "height": 800})
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    page.goto(url)
    page.get_by_role("textbox", name="Search").focus()
    typed(page, "qqqzzz")
    expect(page.locator(".md-search-result__meta")).to_have_text("No matching documents")
    help_box = page.locator(".search-help")
    expect(help_box.get_by_text("Not finding it?")).to_be_visible()

    texts = [help_box.locator("p"), *help_box.get_by_role("link").all()]
    contrast = {text.inner_text(): round(text.evaluate(TEXT_CONTRAST), 2) for text in texts}
    assert min(contrast.values()) >= 4.5, contrast
    assert min(float(text.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
               for text in texts) >= 16
    heights = [link.bounding_box()["height"]  # type: ignore[index]
               for link in help_box.get_by_role("link").all()]
    assert len(heights) == 2 and min(heights) >= 24, heights
    assert axe_violations(page) == []
